// Periods of legal stability: between two consecutive dates on which any rule, deadline, state
// guarantor, penalty unit, law or sensitive-data entry changes, every lookup gives the same answer.
// The law engine memoises its results per period, so a portfolio of thousands of incidents pays
// for each legal situation once.
import { FIELDS } from '../fields/catalogue.js';
import { GUARANTORS, LAWS, OBLIGATION_FAMILIES, PENALTY_FAMILIES, PENALTY_UNIT } from './rules.js';
import type { DeadlineRule } from './types.js';
import { AUTHORITIES } from './due.js';
import { addDays } from './calendar.js';


let boundaries: string[] | undefined;

function collect(): string[] {
  const set = new Set<string>();
  const span = (from?: string, to?: string) => {
    if (from) set.add(from);
    if (to) set.add(addDays(to, 1));
  };
  for (const f of OBLIGATION_FAMILIES) {
    for (const v of f.versions) {
      span(v.valid_from, v.valid_to);
      for (const w of v.authority_caveats ?? []) span(w.from, w.to);
      const d = v.deadline;
      if (d && !('code' in d && typeof d.code === 'string')) for (const x of Object.values(d as Record<string, DeadlineRule>)) span(x.valid_from);
    }
  }
  for (const f of PENALTY_FAMILIES) for (const v of f.versions) span(v.valid_from, v.valid_to);
  for (const v of PENALTY_UNIT.versions) span(v.valid_from, v.valid_to);
  for (const g of GUARANTORS.states) span(undefined, g.valid_to);
  for (const l of Object.values(LAWS)) span(l.valid_from, l.valid_to);
  for (const f of FIELDS) {
    for (const p of f.sensitive ?? []) span(p.from, p.to);
    if (Array.isArray(f.possibly_sensitive)) for (const p of f.possibly_sensitive) span(p.from, p.to);
  }
  for (const a of AUTHORITIES) span(a.valid_from, a.valid_to);
  for (const g of GUARANTORS.states) if (g.reported) span(`${g.reported}-01`);
  return [...set].sort();
}

/** The index of the legal period that contains `date` (YYYY-MM-DD). */
export function periodOf(date: string): number {
  const b = (boundaries ??= collect());
  let lo = 0;
  let hi = b.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (b[mid]! <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A small bounded memo: cleared when full, so memory stays bounded on any input. */
export function memo<V>(limit = 20000): (key: string, make: () => V) => V {
  const map = new Map<string, V>();
  return (key, make) => {
    let v = map.get(key);
    if (v === undefined) {
      if (map.size >= limit) map.clear();
      v = make();
      map.set(key, v);
    }
    return v;
  };
}
