import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvFast } from '../src/input/csv-fast.js';

const OPTIONS = { relax_column_count: true, skip_empty_lines: true, bom: true, max_record_size: 1 << 20 } as const;

function reference(text: string, delimiter: string): string[][] | 'error' {
  try {
    return parse(text, { ...OPTIONS, delimiter }) as string[][];
  } catch {
    return 'error';
  }
}

describe('fast CSV path', () => {
  it('reads what csv-parse reads, or hands over', () => {
    const chars = fc.constantFrom('a', 'b', ' ', ',', ';', '\t', '"', '\n', '\r', 'é', '\uFEFF');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 60 }).map((xs) => xs.join('')), fc.constantFrom(',', ';', '\t'), (text, delimiter) => {
        const fast = parseCsvFast(text, delimiter);
        const ref = reference(text, delimiter);
        if (fast !== undefined) expect(fast).toEqual(ref);
      }),
      { numRuns: 5000 },
    );
  });

  it('handles the usual cases itself: quotes, doubled quotes, newlines in quotes, empty lines, trailing delimiters, BOM', () => {
    const text = '\uFEFFa,b,c\n"x, y","he said ""hi""","two\nlines"\n\n1,,\n"",2\nlast';
    const fast = parseCsvFast(text, ',');
    expect(fast).toEqual([['a', 'b', 'c'], ['x, y', 'he said "hi"', 'two\nlines'], ['1', '', ''], ['', '2'], ['last']]);
    expect(fast).toEqual(reference(text, ','));
  });

  it('hands over what it does not handle: CR line ends, stray and unclosed quotes', () => {
    expect(parseCsvFast('a,b\r\n1,2\r\n', ',')).toBeUndefined();
    expect(parseCsvFast('a,b\n1,x"y\n', ',')).toBeUndefined();
    expect(parseCsvFast('a,b\n"1,2\n', ',')).toBeUndefined();
    expect(parseCsvFast('a,b\n"1"x,2\n', ',')).toBeUndefined();
  });
});
