import raw from '../../data/fields.yaml';
import type { Category } from '../core/vocab.js';
import { normalizeName } from '../util/normalize.js';
import { suggest } from '../util/suggest.js';

/** A dated period; `sector` limits it to one regime (the private LFPDPPP or the public LGPDPPSO). */
export interface Period { from: string; to?: string; sector?: 'public' | 'private' }

export interface FieldType {
  id: string;
  label: { en: string; es: string };
  category: Category;
  dpc?: number;
  dpc_rule?: string;
  ei?: number;
  ei_rule?: string;
  name?: 'full' | 'part';
  links_name?: boolean;
  quasi?: boolean;
  official_id?: boolean;
  patrimonial?: boolean;
  moral?: boolean;
  sensitive?: Period[];
  /** true: always possibly sensitive (biometrics); periods: only then (and in that sector). */
  possibly_sensitive?: boolean | Period[];
  aliases: { es: string[]; en: string[] };
  basis: string;
}

/** The catalogue as shipped in data/fields.yaml (validated by test/fields.test.ts). */
export const FIELDS: readonly FieldType[] = (raw as { fields: FieldType[] }).fields;

const byId = new Map<string, FieldType>(FIELDS.map((f) => [f.id, f]));
let index: Map<string, FieldType> | undefined;

/** Every accepted name (ids and aliases, normalised) to its field type. Built on first use. */
function nameIndex(): Map<string, FieldType> {
  if (!index) {
    index = new Map();
    for (const f of FIELDS) {
      for (const n of [f.id, ...f.aliases.es, ...f.aliases.en]) index.set(normalizeName(n), f);
    }
  }
  return index;
}

export function fieldById(id: string): FieldType | undefined {
  return byId.get(id);
}

/** Resolves a user-written field name (id or alias, any case or accents) to its field type. */
export function resolveField(name: string): FieldType | undefined {
  const direct = byId.get(name) ?? resolved.get(name);
  if (direct) return direct;
  const f = nameIndex().get(normalizeName(name));
  if (f && resolved.size < 10000) resolved.set(name, f);
  return f;
}
/** Names already resolved (portfolios repeat the same few headers). */
const resolved = new Map<string, FieldType>();

/** Up to three ids whose id or alias is close to `name`. */
export function suggestFields(name: string): string[] {
  const idx = nameIndex();
  return [...new Set(suggest(normalizeName(name), idx.keys(), 6).map((n) => idx.get(n)?.id ?? n))].slice(0, 3);
}

const inPeriod = (p: Period, date: string, sector?: string) => date >= p.from && (p.to === undefined || date <= p.to) && (!sector || !p.sector || p.sector === sector);

/** Whether the field is on the legal list of sensitive data on `date` (YYYY-MM-DD), in a sector's law when given. */
export function isLegallySensitive(f: FieldType, date: string, sector?: string): boolean {
  return (f.sensitive ?? []).some((p) => inPeriod(p, date, sector));
}

/** Whether the law does not list the field but may treat it as sensitive (open lists, general definition). */
export function isPossiblySensitive(f: FieldType, date: string, sector?: string): boolean {
  const p = f.possibly_sensitive;
  if (p === undefined || p === false) return false;
  if (p === true) return true;
  return !isLegallySensitive(f, date, sector) && p.some((x) => inPeriod(x, date, sector));
}
