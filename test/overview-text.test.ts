// The terminal overview's table layout: widths are found by loops, so a --detail list of every
// incident of a large portfolio lays out instead of overflowing the stack.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { textBlock } from '../src/report/overview-text.js';

describe('terminal overview tables', () => {
  it('lay out 200,000 rows (spreading them into Math.max overflowed the stack)', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [`INC-${i}`, 'alta', `texto de la fila ${i}`]);
    const text = textBlock({ title: 'Incidentes', head: ['Incidente', 'Nivel', 'Detalle'], rows }, 80, new Chalk({ level: 0 }), (_l, s) => s);
    expect(text).toContain('INC-199999');
    expect(text.split('\n').length).toBeGreaterThan(200_000);
  });
});
