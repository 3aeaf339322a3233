// The datasets table is laid out in chunks (cli-table3 is quadratic in its rows): the text must be
// the one cli-table3 makes of the whole table, with and without colour, at every chunk boundary.
import Table from 'cli-table3';
import { describe, expect, it } from 'vitest';
import { translator } from '../src/i18n/index.js';
import { gridText, render } from '../src/report/table.js';
import { assessText } from './helpers.js';

describe('datasets table in chunks', () => {
  it.each([false, true])('is the text of the whole table (colour %s)', (color) => {
    for (const n of [0, 1, 63, 64, 65, 128, 200]) {
      const rows = Array.from({ length: n }, (_, i) => [`dataset ${i}`, String(i * 1000), i % 3 ? 'HIGH' : '\u001b[31mCRITICAL\u001b[39m', '3.5', 'email, full name, and fields enough to wrap over more than one line '.repeat((i % 2) + 1)]);
      const whole = new Table({ head: ['a', 'b', 'c', 'd', 'e'], colWidths: [18, 13, 10, 7, 26], wordWrap: true, style: { head: color ? ['cyan'] : [], border: color ? ['grey'] : [] } });
      for (const r of rows) whole.push(r);
      expect(gridText(['a', 'b', 'c', 'd', 'e'], [18, 13, 10, 7, 26], color, rows)).toBe(whole.toString());
    }
  });

  it('the table report of an incident with 2,000 datasets never hands cli-table3 more than 64 rows at once (its layout is quadratic in rows)', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `  - { name: d${i}, records: ${i + 1}, fields: [email, full_name] }`).join('\n');
    const [a] = assessText(`incident:\n  controller: { sector: private }\n  discovered: 2025-01-01\ndatasets:\n${rows}\n`);
    const sizes: number[] = [];
    const original = Table.prototype.toString;
    Table.prototype.toString = function (this: Table.Table) {
      sizes.push(this.length);
      return original.call(this);
    };
    try {
      const text = [...render([a!], { t: translator('en'), lang: 'en', version: '1.0.0', color: false })].join('');
      expect(text).toContain('│ d1999 ');
    } finally {
      Table.prototype.toString = original;
    }
    expect(Math.max(...sizes)).toBeLessThanOrEqual(64);
    expect(sizes.reduce((x, y) => x + y, 0)).toBeGreaterThanOrEqual(2000);
  });
});
