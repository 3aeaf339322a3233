// Penalty exposure on a date: ranges in penalty units and pesos (law-mx.md "Penalty exposure").
import type { Incident } from '../core/incident.js';
import { fieldById, isLegallySensitive, isPossiblySensitive } from '../fields/catalogue.js';
import { PENALTY_FAMILIES, PENALTY_UNIT, versionAt } from './rules.js';
import type { Penalties, Reason } from './types.js';

const round2 = (n: number) => Math.round(n * 100) / 100;

export function penaltyUnit(asOf: string, caveats: Reason[]): { value: number | null; unit: string | null; status?: Penalties['unitStatus'] } {
  const v = versionAt(PENALTY_UNIT.versions, asOf);
  if (!v) return { value: null, unit: null };
  if (v.value !== null) {
    if (v.status === 'uncertain') caveats.push({ code: 'unit-unverified', args: { unit: v.unit, value: v.value, from: v.valid_from } });
    return { value: v.value, unit: v.unit, status: v.status };
  }
  const known = [...PENALTY_UNIT.versions].reverse().find((x) => x.value !== null && x.valid_from <= asOf);
  if (!known || known.value === null) return { value: null, unit: v.unit };
  caveats.push({ code: 'unit-not-published', args: { unit: v.unit, from: v.valid_from, value: known.value } });
  return { value: known.value, unit: known.unit, status: 'uncertain' };
}

/** What the penalty exposure depends on besides the date and the sector. */
export interface PenaltyProfile { sensitive: boolean; possibly: boolean; insider: boolean; deception: boolean }

export function penaltyProfile(incident: Incident, asOf: string): PenaltyProfile {
  let sensitive = false;
  let possibly = false;
  const sector = incident.controller.sector;
  for (const d of incident.datasets) {
    for (const id of d.fields) {
      const f = fieldById(id);
      if (!f) continue;
      if (!sensitive && isLegallySensitive(f, asOf, sector)) sensitive = true;
      if (isPossiblySensitive(f, asOf, sector)) possibly = true;
    }
  }
  const c = incident.circumstances;
  // Crimes are flagged only on what the description states: an authorised person acting with
  // intent (art. 62 / 2010 art. 67), or deception (art. 63 / 2010 art. 68).
  return { sensitive, possibly, insider: c.malicious && c.insider, deception: c.deception };
}

export function penalties(incident: Incident, asOf: string, caveats: Reason[], profile: PenaltyProfile = penaltyProfile(incident, asOf)): Penalties {
  const c = incident.controller;
  const controllerSector = c.role === 'processor' ? c.onBehalfOf?.sector ?? c.sector : c.sector;
  const family = PENALTY_FAMILIES.find((f) => (!f.scope.sector || f.scope.sector === c.sector) && (!f.scope.role || f.scope.role === c.role) && (!f.scope.controller_sector || f.scope.controller_sector === controllerSector));
  const v = family ? versionAt(family.versions, asOf) : undefined;
  const unit = penaltyUnit(asOf, caveats);
  const empty: Penalties = { currency: 'MXN', uma: unit.value, unit: unit.unit, sensitiveMultiplier: 1, ranges: [], crimes: [], notes: [] };
  if (!v || v.applies === false) {
    if (v?.reason) caveats.push({ code: v.reason });
    return empty;
  }
  if (v.caveat) caveats.push({ code: v.caveat });
  const { sensitive, possibly } = profile;
  const multiplier = sensitive ? v.sensitive_multiplier ?? 1 : 1;
  if (!sensitive && possibly && v.sensitive_multiplier) caveats.push({ code: 'possibly-sensitive-penalty' });
  const party = c.branch === 'political-party';
  const liability = (party ? v.party_liability : v.liability)?.filter((l) => !l.requires || (l.requires === 'insider' && profile.insider)).map(({ requires: _, ...l }) => l);
  const crimes = (v.crimes ?? []).filter((x) => (x.requires === 'insider' && profile.insider) || (x.requires === 'deception' && profile.deception));
  return {
    currency: 'MXN',
    uma: unit.value,
    unit: unit.unit,
    ...(unit.status && { unitStatus: unit.status }),
    sensitiveMultiplier: multiplier,
    ranges: (v.ranges ?? []).map((r) => ({
      code: r.code,
      units: { min: r.min, max: r.max * multiplier },
      mxn: { min: unit.value === null ? 0 : round2(r.min * unit.value), max: unit.value === null ? 0 : round2(r.max * multiplier * unit.value) },
      ...(r.additional && { additional: true }),
      kind: r.kind ?? 'sanction',
      basis: r.basis,
    })),
    crimes: crimes.map((x) => ({ code: x.code, prison: x.prison, basis: x.basis })),
    ...(v.referral && !party && { referral: v.referral }),
    ...(liability && { liability }),
    // "May be doubled" is never said beside a range that is already doubled.
    notes: [...(v.notes ?? []), ...(multiplier > 1 && v.ranges?.length ? ['sensitive-doubled'] : []), ...(crimes.length && sensitive ? ['crimes-doubled-sensitive'] : [])],
  };
}
