// The README's table of CSV portfolio columns is generated from the parser's own list.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvColumnsMarkdown } from '../src/input/csv-columns.js';

const START = '<!-- csv-columns:start (generated from src/input/csv-columns.ts; UPDATE_README=1 npx vitest run test/readme.test.ts) -->';
const END = '<!-- csv-columns:end -->';

describe('README', () => {
  it('documents every CSV column with its Spanish header, from the parser', () => {
    const readme = readFileSync('README.md', 'utf8');
    const a = readme.indexOf(START);
    const b = readme.indexOf(END);
    expect(a).toBeGreaterThan(0);
    const current = readme.slice(a + START.length, b).trim();
    if (process.env.UPDATE_README && current !== csvColumnsMarkdown()) {
      writeFileSync('README.md', `${readme.slice(0, a + START.length)}\n${csvColumnsMarkdown()}\n${readme.slice(b)}`);
      return;
    }
    expect(current).toBe(csvColumnsMarkdown());
  });
});
