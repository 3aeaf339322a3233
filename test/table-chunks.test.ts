// The datasets table is laid out in chunks (cli-table3 is quadratic in its rows): the text must be
// the one cli-table3 makes of the whole table, with and without colour, at every chunk boundary.
import Table from 'cli-table3';
import { describe, expect, it } from 'vitest';
import { gridText } from '../src/report/table.js';

describe('datasets table in chunks', () => {
  it.each([false, true])('is the text of the whole table (colour %s)', (color) => {
    for (const n of [0, 1, 63, 64, 65, 128, 200]) {
      const rows = Array.from({ length: n }, (_, i) => [`dataset ${i}`, String(i * 1000), i % 3 ? 'HIGH' : '\u001b[31mCRITICAL\u001b[39m', '3.5', 'email, full name, and fields enough to wrap over more than one line '.repeat((i % 2) + 1)]);
      const whole = new Table({ head: ['a', 'b', 'c', 'd', 'e'], colWidths: [18, 13, 10, 7, 26], wordWrap: true, style: { head: color ? ['cyan'] : [], border: color ? ['grey'] : [] } });
      for (const r of rows) whole.push(r);
      expect(gridText(['a', 'b', 'c', 'd', 'e'], [18, 13, 10, 7, 26], color, rows)).toBe(whole.toString());
    }
  });
});
