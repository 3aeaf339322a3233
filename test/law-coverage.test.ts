// Catala-style temporal coverage: every rule family has exactly one version in force in every
// month from 2010-07 to a year from today; no gap, no overlap.
import { describe, expect, it } from 'vitest';
import { GUARANTORS, LAWS, OBLIGATION_FAMILIES, PENALTY_FAMILIES, PENALTY_UNIT, versionsAt } from '../src/law/rules.js';
import { isIsoDate } from '../src/input/date.js';
import { en } from '../src/i18n/en.js';

function months(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (;;) {
    // first and last day of each month: a change mid-month is caught at the boundary days too
    const first = `${y}-${String(m).padStart(2, '0')}-01`;
    if (first > to) break;
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    out.push(first, last);
    m++;
    if (m > 12) { m = 1; y++; }
  }
  return out;
}

const END = `${new Date().getUTCFullYear() + 1}-${String(new Date().getUTCMonth() + 1).padStart(2, '0')}-28`;
const DAYS = [...months('2010-07-01', END), '2025-03-20', '2025-03-21', '2025-06-18', '2025-06-19', '2025-08-31', '2025-09-01', '2016-01-27', '2016-01-28', '2011-12-21', '2011-12-22', '2017-01-26', '2017-01-27'];
const families = [
  ...OBLIGATION_FAMILIES.map((f) => [f.family, f.versions] as const),
  ...PENALTY_FAMILIES.map((f) => [f.family, f.versions] as const),
  [PENALTY_UNIT.family, PENALTY_UNIT.versions] as const,
];

describe('temporal coverage of the legal rules', () => {
  it.each(families)('%s has exactly one version on every day checked', (_name, versions) => {
    const bad = DAYS.map((d) => [d, versionsAt(versions as readonly { valid_from: string; valid_to?: string }[], d).length] as const).filter(([, n]) => n !== 1);
    expect(bad).toEqual([]);
  });

  it.each(families)('%s: every version is dated, cited, has a status and a check date', (_name, versions) => {
    for (const v of versions) {
      expect(isIsoDate(v.valid_from)).toBe(true);
      if (v.valid_to) expect(isIsoDate(v.valid_to) && v.valid_to >= v.valid_from).toBe(true);
      expect(['verified', 'secondary', 'uncertain']).toContain(v.status);
      expect(isIsoDate(v.checked_on)).toBe(true);
      for (const b of ('basis' in v && Array.isArray(v.basis) ? v.basis : [])) expect(Object.keys(LAWS)).toContain(b.law);
    }
  });

  it('every caveat, deadline and content code a rule uses has wording', () => {
    const keys = new Set(Object.keys(en));
    for (const f of OBLIGATION_FAMILIES) {
      expect(keys.has(`obligation.${f.code}`)).toBe(true);
      for (const v of f.versions) {
        if (v.caveat) expect(keys.has(`caveat.${v.caveat}`), v.caveat).toBe(true);
        if (v.reason) expect(keys.has(`caveat.${v.reason}`), v.reason).toBe(true);
        for (const c of v.content ?? []) expect(keys.has(`content.${c}`), c).toBe(true);
        const deadlines = v.deadline ? ('code' in v.deadline ? [v.deadline] : Object.values(v.deadline)) : [];
        for (const d of deadlines as { code: string; caveat?: string }[]) {
          expect(keys.has(`deadline.${d.code}`), d.code).toBe(true);
          if (d.caveat) expect(keys.has(`caveat.${d.caveat}`), d.caveat).toBe(true);
        }
        for (const a of Object.values(v.authority ?? {})) expect(keys.has(`recipient.${a}`), a).toBe(true);
      }
    }
  });

  it('the 32 state guarantors are listed once each', () => {
    expect(GUARANTORS.states).toHaveLength(32);
    expect(new Set(GUARANTORS.states.map((s) => s.state)).size).toBe(32);
  });
});

describe('memoised law results', () => {
  it('equal a fresh evaluation on every boundary day, for every controller profile', async () => {
    const { obligations } = await import('../src/law/obligations.js');
    const { evaluateLaw } = await import('../src/law/evaluate.js');
    const { hasLoss, significantImpact } = await import('../src/law/significance.js');
    const { startOf, withDueDates } = await import('../src/law/due.js');
    const profiles = [
      { sector: 'private', role: 'controller', industry: 'banking' }, { sector: 'private', role: 'processor', industry: 'health' },
      { sector: 'public', role: 'controller', branch: 'federal-executive' }, { sector: 'public', role: 'controller', branch: 'state', state: 'Baja California Sur' },
      { sector: 'public', role: 'processor', branch: 'autonomous' },
    ] as const;
    for (const day of DAYS.filter((_, i) => i % 3 === 0)) {
      for (const controller of profiles) {
        const incident = {
          discovered: day, discoveredDefaulted: false, controller: { ...controller },
          circumstances: { confidentiality: 'unknown-recipients', integrity: 'none', availability: 'none', malicious: true, insider: false, unintelligible: false },
          subjects: { groups: [] }, datasets: [{ name: 'a', records: 10, fields: ['full_name', 'salary', 'union_membership'] }],
        } as unknown as Parameters<typeof evaluateLaw>[0];
        const sig = significantImpact(incident, day);
        const fresh = obligations(incident, day, sig.value, hasLoss(incident));
        const memoised = evaluateLaw(incident, day);
        // Due dates are added per incident after the memo; a successor lookup only matters on handover days.
        const dated = fresh.obligations.map((o) => withDueDates(o, startOf(incident), () => undefined, []));
        expect(memoised.obligations.map((o) => ({ ...o, succession: undefined, deadline: { ...o.deadline, handover: undefined } }))).toEqual(dated.map((o) => ({ ...o, succession: undefined, deadline: { ...o.deadline, handover: undefined } })));
        for (const c of fresh.caveats) expect(memoised.caveats).toContainEqual(c);
      }
    }
  });
});
