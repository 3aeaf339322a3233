// The README's generated parts: the table of CSV portfolio columns from the parser's own list, and
// the letter excerpt from the drafts themselves (a hand-written excerpt had gone stale).
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translator } from '../src/i18n/index.js';
import { csvColumnsMarkdown } from '../src/input/csv-columns.js';
import { buildDrafts } from '../src/notify/documents.js';
import { renderDraft } from '../src/notify/render.js';
import { assessText } from './helpers.js';

/** Checks the README between two markers against `generated`; UPDATE_README=1 rewrites it instead. */
function generatedPart(name: string, source: string, generated: string): void {
  const start = `<!-- ${name}:start (generated from ${source}; UPDATE_README=1 npx vitest run test/readme.test.ts) -->`;
  const end = `<!-- ${name}:end -->`;
  const readme = readFileSync('README.md', 'utf8');
  const a = readme.indexOf(start);
  const b = readme.indexOf(end);
  expect(a, start).toBeGreaterThan(0);
  expect(b).toBeGreaterThan(a);
  const current = readme.slice(a + start.length, b).trim();
  if (process.env.UPDATE_README && current !== generated) {
    writeFileSync('README.md', `${readme.slice(0, a + start.length)}\n${generated}\n${readme.slice(b)}`);
    return;
  }
  expect(current).toBe(generated);
}

/** The authority letter's head, as `breach notify -f text` prints it: letterhead to the opening paragraph. */
function letterExcerpt(): string {
  const a = assessText(readFileSync('test/fixtures/readme-letter.yaml', 'utf8'))[0]!;
  const doc = buildDrafts(a, 'es', translator('es'), { issued: '2025-06-03' }).documents.find((d) => d.id === 'notice-authority')!;
  const lines = renderDraft(doc, 'text', { banner: '', generated: '', missing: 'FALTA' }, 'es').split('\n');
  const start = lines.indexOf(doc.letter!.letterhead.toUpperCase());
  const end = lines.indexOf('', lines.indexOf('P r e s e n t e') + 2);
  expect(start).toBeGreaterThan(0);
  return ['```', ...lines.slice(start, end), '```'].join('\n');
}

describe('README', () => {
  it('documents every CSV column with its Spanish header, from the parser', () => {
    generatedPart('csv-columns', 'src/input/csv-columns.ts', csvColumnsMarkdown());
  });

  it('shows a letter excerpt that is what notify prints', () => {
    const excerpt = letterExcerpt();
    expect(excerpt).not.toContain('FALTA');
    generatedPart('letter-excerpt', 'test/fixtures/readme-letter.yaml', excerpt);
  });
});
