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
    // Every obligation names its law and article and the dates it applies.
    for (const o of a.obligations) {
      expect(o.basis.length).toBeGreaterThan(0);
      expect(o.basis.every((b) => b.law && b.article)).toBe(true);
      expect(o.rule.validFrom <= a.asOf).toBe(true);
    }
    expect(a.caveats[0]?.code).toBe('not-legal-advice');
  });
});
