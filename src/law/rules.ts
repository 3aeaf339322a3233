// The dated rule families of data/law/mx/, and the lookup of the version in force on a date.
import authorityPrivate from '../../data/law/mx/notify-authority-private.yaml';
import authorityPublic from '../../data/law/mx/notify-authority-public.yaml';
import controllerPrivate from '../../data/law/mx/notify-controller-private.yaml';
import controllerPublic from '../../data/law/mx/notify-controller-public.yaml';
import subjectsPrivate from '../../data/law/mx/notify-data-subjects-private.yaml';
import subjectsPublic from '../../data/law/mx/notify-data-subjects-public.yaml';
import logPublic from '../../data/law/mx/log-breach-public.yaml';
import rcaPrivate from '../../data/law/mx/root-cause-analysis-private.yaml';
import rcaPublic from '../../data/law/mx/root-cause-analysis-public.yaml';
import sectorReport from '../../data/law/mx/sector-report.yaml';
import penaltiesRaw from '../../data/law/mx/penalties.yaml';
import umaRaw from '../../data/law/mx/uma.yaml';
import lawsRaw from '../../data/law/mx/laws.yaml';
import guarantorsRaw from '../../data/law/mx/state-guarantors.yaml';
import notModelledRaw from '../../data/law/mx/not-modelled.yaml';
import type { Basis, Dated, RuleFamily, Status } from './types.js';

/** Obligation families, in the order a report lists them. */
export const OBLIGATION_FAMILIES: readonly RuleFamily[] = [
  subjectsPrivate, subjectsPublic, authorityPublic, authorityPrivate, controllerPublic, controllerPrivate,
  logPublic, rcaPrivate, rcaPublic, ...(sectorReport as { families: RuleFamily[] }).families,
] as RuleFamily[];

export interface PenaltyVersion extends Dated {
  applies?: boolean;
  reason?: string;
  caveat?: string;
  sensitive_multiplier?: number;
  ranges?: { code: string; min: number; max: number; additional?: boolean; kind?: 'sanction' | 'coercive'; basis: Basis[] }[];
  crimes?: { code: string; requires: 'insider' | 'deception'; prison: { en: string; es: string }; basis: Basis[] }[];
  referral?: { days: number; business?: boolean; basis: Basis[] };
  liability?: { code: string; basis: Basis[]; status: Status; requires?: 'insider' }[];
  /** For political parties: who answers instead of the internal control bodies. */
  party_liability?: { code: string; basis: Basis[]; status: Status; requires?: 'insider' }[];
  notes?: string[];
  basis?: Basis[];
}
export interface PenaltyFamily { family: string; scope: { sector?: string; role?: string; controller_sector?: string }; versions: PenaltyVersion[] }
export const PENALTY_FAMILIES = (penaltiesRaw as { families: PenaltyFamily[] }).families;

export interface UnitVersion extends Dated { unit: string; value: number | null }
export const PENALTY_UNIT = umaRaw as { family: string; versions: UnitVersion[] };

export interface LawInfo { name: string; cite: { es: string; en: string }; federal_only?: boolean; overlay?: boolean; reference?: boolean; dof?: string; valid_from?: string; valid_to?: string; sector: string; status: Status; uncertain_from?: string }

/** How sure the data are that an instrument applies on `date` (the 2011 Reglamento under the 2025 law: uncertain). */
export function lawStatusAt(l: LawInfo, date: string): Status {
  return l.uncertain_from !== undefined && date >= l.uncertain_from ? 'uncertain' : l.status;
}
export const LAWS = (lawsRaw as { laws: Record<string, LawInfo> }).laws;

export interface Guarantor {
  state: string;
  body: string;
  /** Full name, where known with certainty (addressee of a letter). */
  name?: string;
  valid_to?: string;
  aliases?: string[];
  end_status?: Status;
  /** An end reported without a day (YYYY-MM). */
  reported?: string;
  /** Who was reported to take over for the state executive. */
  successor?: { executive: string; status: Status };
}
export const GUARANTORS = guarantorsRaw as { status: Status; checked_on: string; states: Guarantor[] };

export const NOT_MODELLED = (notModelledRaw as { items: string[] }).items;

/** The version in force on `date` (YYYY-MM-DD), or undefined in a gap. */
export function versionAt<V extends { valid_from: string; valid_to?: string }>(versions: readonly V[], date: string): V | undefined {
  return versions.find((v) => v.valid_from <= date && (v.valid_to === undefined || date <= v.valid_to));
}

/** Every version in force on `date` (the temporal-coverage test wants exactly one). */
export function versionsAt<V extends { valid_from: string; valid_to?: string }>(versions: readonly V[], date: string): V[] {
  return versions.filter((v) => v.valid_from <= date && (v.valid_to === undefined || date <= v.valid_to));
}

/** Laws in force on `date`, optionally of one sector. */
/** The laws in force on a date for a sector; `local` (state and municipal bodies, local parties) leaves out federal-only instruments. */
export function lawsInForce(date: string, sector?: string, local = false): string[] {
  return Object.entries(LAWS)
    .filter(([, l]) => !l.overlay && !l.reference && (!sector || l.sector === sector) && !(local && l.federal_only) && l.valid_from !== undefined && l.valid_from <= date && (l.valid_to === undefined || date <= l.valid_to))
    .map(([id]) => id);
}
