// Scenario files in test/cases/: the input, the date, and what the law and the score must say.
import { readdirSync, readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { assessText } from './helpers.js';

interface Expect {
  level?: string; score?: number; enisa?: number; enisaLevel?: string; vector?: string; significant?: boolean;
  obligations?: string[]; authority?: string; authorityHours?: number | null; recipientName?: string; noAuthority?: boolean;
  caveats?: string[]; laws?: string[]; asOf?: string; sensitive?: Record<string, boolean>; penaltyMax?: number;
  recipients?: string[]; statutory?: Record<string, boolean>; crimes?: string[];
  /** null: the authority notice names no body (e.g. an extinct state guarantor). */
  recipientNameNone?: boolean;
  /** The authority named by the rule has ceased (an extinct state guarantor): said so, never named. */
  recipientEnded?: boolean;
  noCaveats?: string[]; possiblySensitive?: Record<string, boolean>;
  authorityDue?: string; authorityDueByHours?: string | null; authorityRecommended?: string | null;
  handover?: { authority: string; until: string; successor: string } | null;
  milestones?: Record<string, string>;
  controllerObligations?: string[]; controllerAuthority?: string;
  penaltyRanges?: string[]; rangeKinds?: Record<string, string>; liability?: string[]; referralDays?: number | null;
  notes?: string[]; noNotes?: string[];
  handoverBasis?: string[];
  /** Provisions ("LAW article") the authority notice must cite, or must not cite. */
  authorityBasis?: string[]; noAuthorityBasis?: string[];
  /** The provisions each penalty liability cites ("LAW article; ..."), by liability code. */
  liabilityBasis?: Record<string, string>;
}
interface Case { name: string; asOf?: string; expect: Expect; description: unknown }

const dir = new URL('./cases/', import.meta.url);
const cases = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => [f, parse(readFileSync(new URL(f, dir), 'utf8')) as Case] as const);

describe.each(cases)('%s', (_file, c) => {
  const [a] = assessText(stringify(c.description), c.asOf ? { asOf: c.asOf } : {});
  const e = c.expect;
  it(c.name, () => {
    expect(a).toBeDefined();
    if (!a) return;
    if (e.level) expect(a.severity.level).toBe(e.level);
    if (e.score !== undefined) expect(a.severity.score).toBe(e.score);
    if (e.enisa !== undefined) expect(a.severity.enisa.score).toBe(e.enisa);
    if (e.enisaLevel) expect(a.severity.enisa.level).toBe(e.enisaLevel);
    if (e.vector) expect(a.severity.vector).toBe(e.vector);
    if (e.significant !== undefined) expect(a.significantImpact.value).toBe(e.significant);
    if (e.obligations) expect(a.obligations.map((o) => o.code)).toEqual(e.obligations);
    const auth = a.obligations.find((o) => o.code === 'notify-authority');
    if (e.authority) expect(auth?.authority).toBe(e.authority);
    if (e.authorityHours !== undefined) expect(auth?.deadline.hours).toBe(e.authorityHours);
    if (e.recipientName) expect(auth?.recipient.name).toBe(e.recipientName);
    if (e.noAuthority) expect(auth).toBeUndefined();
    for (const code of e.caveats ?? []) expect(a.caveats.map((x) => x.code)).toContain(code);
    if (e.laws) expect(a.law.laws).toEqual(e.laws);
    if (e.asOf) expect(a.asOf).toBe(e.asOf);
    for (const [id, v] of Object.entries(e.sensitive ?? {})) expect(a.datasets.flatMap((d) => d.fields).find((f) => f.id === id)?.sensitive).toBe(v);
    if (e.penaltyMax !== undefined) expect(a.penalties.ranges.find((r) => r.code === 'breach-imputable')?.units.max).toBe(e.penaltyMax);
    if (e.recipients) expect(a.obligations.filter((o) => o.code === 'sector-report').map((o) => o.recipient.code)).toEqual(e.recipients);
    for (const [code, v] of Object.entries(e.statutory ?? {})) expect(a.obligations.find((o) => o.code === code)?.statutory).toBe(v);
    if (e.crimes) expect(a.penalties.crimes.map((x) => x.code)).toEqual(e.crimes);
    if (e.recipientNameNone) {
      expect(auth).toBeDefined();
      expect(auth?.recipient.name).toBeUndefined();
    }
    if (e.recipientEnded !== undefined) expect(auth?.recipient.ended === true).toBe(e.recipientEnded);
    for (const code of e.noCaveats ?? []) expect(a.caveats.map((x) => x.code)).not.toContain(code);
    for (const [id, v] of Object.entries(e.possiblySensitive ?? {})) expect(a.datasets.flatMap((d) => d.fields).find((f) => f.id === id)?.possiblySensitive).toBe(v);
    if (e.authorityDue) expect(auth?.deadline.due).toBe(e.authorityDue);
    if (e.authorityDueByHours !== undefined) expect(auth?.deadline.dueByHours ?? null).toBe(e.authorityDueByHours);
    if (e.authorityRecommended !== undefined) expect(auth?.deadline.recommended ?? null).toBe(e.authorityRecommended);
    if (e.handover !== undefined) {
      const h = auth?.deadline.handover;
      expect(h ? { authority: h.authority, until: h.until, successor: h.successor } : null).toEqual(e.handover);
      if (h) expect(h.basis.length).toBeGreaterThan(0);
      for (const art of e.handoverBasis ?? []) expect(h?.basis.map((b) => `${b.law} ${b.article}`).join('; ')).toContain(art);
    }
    const authBasis = (auth?.basis ?? []).map((b) => `${b.law} ${b.article ?? ''}`.trim());
    for (const cited of e.authorityBasis ?? []) expect(authBasis).toContain(cited);
    for (const cited of e.noAuthorityBasis ?? []) expect(authBasis).not.toContain(cited);
    for (const [code, basis] of Object.entries(e.liabilityBasis ?? {})) expect((a.penalties.liability ?? []).find((l) => l.code === code)?.basis.map((b) => `${b.law} ${b.article ?? ''}`.trim()).join('; ')).toBe(basis);
    for (const [code, due] of Object.entries(e.milestones ?? {})) expect(a.obligations.flatMap((o) => o.deadline.milestones ?? []).find((m) => m.code === code)?.due).toBe(due);
    if (e.controllerObligations) expect((a.controllerObligations ?? []).map((o) => o.code)).toEqual(e.controllerObligations);
    if (e.controllerAuthority) expect(a.controllerObligations?.find((o) => o.code === 'notify-authority')?.authority).toBe(e.controllerAuthority);
    if (e.penaltyRanges) expect(a.penalties.ranges.map((r) => r.code)).toEqual(e.penaltyRanges);
    for (const [code, kind] of Object.entries(e.rangeKinds ?? {})) expect(a.penalties.ranges.find((r) => r.code === code)?.kind).toBe(kind);
    if (e.liability) expect((a.penalties.liability ?? []).map((l) => l.code)).toEqual(e.liability);
    if (e.referralDays !== undefined) expect(a.penalties.referral?.days ?? null).toBe(e.referralDays);
    for (const n of e.notes ?? []) expect(a.penalties.notes).toContain(n);
    for (const n of e.noNotes ?? []) expect(a.penalties.notes).not.toContain(n);
    // Every obligation names its law and article and the dates it applies.
    for (const o of a.obligations) {
      expect(o.basis.length).toBeGreaterThan(0);
      // An article may be missing only where the rule itself is uncertain (and a caveat says so).
      expect(o.basis.every((b) => b.law && (b.article || o.status === 'uncertain'))).toBe(true);
      if (o.status === 'uncertain') expect(a.caveats.some((c) => c.code === 'rule-status' && c.args?.rule === o.rule.family)).toBe(true);
      expect(o.rule.validFrom <= a.asOf).toBe(true);
    }
    expect(a.caveats[0]?.code).toBe('not-legal-advice');
  });
});
