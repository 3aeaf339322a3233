import { describe, expect, it } from 'vitest';
import { parseVector, scoreParts, VectorError } from '../src/severity/vector.js';

describe('vector → score (severity.md)', () => {
  it.each([
    ['SEMX:1/DPC:3/EI:1/C:0.5/I:0/A:0/M:0.5/V:0.75', 4.75, 'critical', 4, 'critical'],
    ['SEMX:1/DPC:3/EI:1/C:0.5/I:0/A:0/M:0/V:0.25', 3.75, 'high', 3.5, 'high'],
    ['SEMX:1/DPC:4/EI:1/C:0.25/I:0/A:0/M:0/V:0.25', 4.5, 'critical', 4.25, 'critical'],
    ['SEMX:1/DPC:1/EI:0.25/C:0.5/I:0/A:0/M:0.5/V:0.5', 1.75, 'low', 1.25, 'low'],
    ['SEMX:1/DPC:1/EI:1/C:0.5/I:0/A:0/M:0/V:0.75', 2.25, 'medium', 1.5, 'low'],
    ['SEMX:1/DPC:4/EI:0.25/C:0.25/I:0/A:0/M:0/V:0/F:medium', 1.25, 'medium', 1.25, 'low'],
    ['SEMX:1/DPC:1/EI:0.25/C:0/I:0/A:0/M:0/V:0', 0.25, 'low', 0.25, 'low'],
    ['SEMX:1/DPC:4/EI:1/C:0.5/I:0.5/A:0.5/M:0.5/V:0.75', 6.75, 'critical', 6, 'critical'],
  ])('%s → %s %s (ENISA %s %s)', (v, score, level, enisa, enisaLevel) => {
    const s = scoreParts(parseVector(v));
    expect([s.score, s.level, s.enisa, s.enisaLevel]).toEqual([score, level, enisa, enisaLevel]);
  });

  it.each([
    ['', /starts with `SEMX:1`/, 1],
    ['CVSS:3.1/AV:N', /starts with `SEMX:1`/, 1],
    ['SEMX:1/DPC:3/EI:1', /missing `C:`/, 18],
    ['SEMX:1/EI:1/DPC:3/C:0.5/I:0/A:0/M:0.5/V:0.75', /expected `DPC:<value>` at position 1/, 8],
    ['SEMX:1/DPC:5/EI:1/C:0.5/I:0/A:0/M:0.5/V:0.75', /`DPC` must be one of 1, 2, 3, 4 \(got `5`\)/, 12],
    ['SEMX:1/DPC:3/EI:0.3/C:0.5/I:0/A:0/M:0.5/V:0.75', /`EI` must be one of 0.25, 0.5, 0.75, 1/, 17],
    ['SEMX:1/DPC:3/EI:1/C:0.5/I:0/A:0/M:0.25/V:0.75', /`M` must be one of 0, 0.5/, 35],
    ['SEMX:1/DPC:3/EI:1/C:0.5/I:0/A:0/M:0.5/V:0.75/X:1', /only `F:medium`/, 46],
    ['SEMX:1/DPC:3/EI:1/C:0.5/I:0/A:0/M:0.5/V:1e0', /`V` must be one of/, 41],
  ])('rejects %j precisely', (v, message, col) => {
    try {
      parseVector(v);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(VectorError);
      expect((e as Error).message).toMatch(message);
      expect((e as VectorError).col).toBe(col);
    }
  });
});
