// Property-based tests: any input gives a result or a located error, never an exception.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCount } from '../src/input/count.js';
import { parseVector, scoreParts, formatVector, VectorError } from '../src/severity/vector.js';
import { InputError } from '../src/input/diagnostic.js';
import { loadIncidents } from '../src/input/load.js';

const located = (e: unknown) => e instanceof InputError && e.diagnostics.length > 0 && e.diagnostics.every((d) => d.line >= 1 && d.col >= 1 && d.message.length > 0);

describe('properties', () => {
  it('parseCount never throws and accepts only safe whole numbers', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.double(), fc.integer(), fc.constant(null), fc.boolean()), (v) => {
      const r = parseCount(v);
      return !r.ok || (Number.isSafeInteger(r.value) && r.value >= 0);
    }));
  });

  it('parseVector either parses (and round-trips) or raises a VectorError with a column', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      try {
        const p = parseVector(s);
        return formatVector(p) === s.trim();
      } catch (e) {
        return e instanceof VectorError && e.col >= 1;
      }
    }));
  });

  it('every well-formed vector scores within the model range', () => {
    const arb = fc.record({
      dpc: fc.constantFrom(1, 2, 3, 4), ei: fc.constantFrom(0.25, 0.5, 0.75, 1), c: fc.constantFrom(0, 0.25, 0.5), i: fc.constantFrom(0, 0.25, 0.5),
      a: fc.constantFrom(0, 0.25, 0.5), m: fc.constantFrom(0, 0.5), v: fc.constantFrom(0, 0.25, 0.5, 0.75),
    });
    fc.assert(fc.property(arb, (p) => {
      const s = scoreParts(parseVector(formatVector(p)));
      return s.enisa >= 0.25 && s.enisa <= 6 && s.score >= 0.25 && s.score <= 6.75 && s.score - s.enisa === p.v;
    }));
  });

  it.each(['yaml', 'json', 'csv'] as const)('the %s loader gives incidents or located errors for any text', (format) => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
      try {
        loadIncidents(new TextEncoder().encode(s), 'fuzz', format, '2026-11-21');
        return true;
      } catch (e) {
        return located(e);
      }
    }), { numRuns: 300 });
  });

  it('the YAML loader survives structured garbage near the schema', () => {
    const value = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }));
    const doc = fc.record({
      incident: fc.record({ controller: fc.record({ sector: fc.oneof(fc.constantFrom('public', 'private'), value), branch: value }, { requiredKeys: [] }), discovered: value }, { requiredKeys: [] }),
      datasets: fc.array(fc.record({ name: value, records: value, fields: fc.oneof(fc.array(fc.constantFrom('curp', 'salary', 'x', 'full_name')), value) }, { requiredKeys: [] }), { maxLength: 3 }),
    }, { requiredKeys: [] });
    fc.assert(fc.property(doc, (d) => {
      try {
        loadIncidents(new TextEncoder().encode(JSON.stringify(d)), 'fuzz.json', 'json', '2026-11-21');
        return true;
      } catch (e) {
        return located(e);
      }
    }), { numRuns: 500 });
  });
});
