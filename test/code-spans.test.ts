// Messages name keys as `code spans` ("No se indicó `subjects.count`"): HTML sets them as code and
// Markdown keeps them as code spans, instead of showing the backticks (or escaped backticks) to
// the reader. The user's own text is never read as markup.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translator } from '../src/i18n/index.js';
import { buildDrafts } from '../src/notify/documents.js';
import { renderDraft } from '../src/notify/render.js';
import { render as htmlReport } from '../src/report/html.js';
import { render as mdReport } from '../src/report/markdown.js';
import { codeSpans } from '../src/util/html.js';
import { assessText } from './helpers.js';

// SEDENA gives no subjects.count and no confirmation time: two caveats with code spans.
const sedena = assessText(readFileSync('data/examples/sedena-guacamaya-2022.yaml', 'utf8'), { file: 'sedena.yaml' });
const portfolio = assessText(readFileSync('data/examples/portafolio.csv', 'utf8'), { format: 'csv', file: 'portafolio.csv' });
const labels = { banner: 'BORRADOR', generated: 'propuesto', missing: 'FALTA' };

describe('code spans in messages', () => {
  it('codeSpans sets code and escapes everything else', () => {
    expect(codeSpans('No `a.b` <i>&').value).toBe('No <code>a.b</code> &lt;i&gt;&amp;');
    expect(codeSpans('`<x>` y un ` suelto').value).toBe('<code>&lt;x&gt;</code> y un ` suelto');
  });

  it.each(['es', 'en'] as const)('HTML report (%s): caveats on the cover and in each incident show code, not backticks', (lang) => {
    for (const list of [sedena, portfolio]) {
      const page = [...htmlReport(list, { t: translator(lang), lang, version: 'test' })].join('');
      const text = page.replace(/<style>[^]*?<\/style>/, '');
      expect(text).toContain('<code>subjects.count</code>');
      expect(text).not.toMatch(/`/);
    }
  });

  it.each(['es', 'en'] as const)('Markdown report (%s): code spans stay code spans, never escaped backticks', (lang) => {
    const text = [...mdReport(sedena, { t: translator(lang), lang, version: 'test' })].join('');
    expect(text).toContain('`subjects.count`');
    expect(text).toContain('`response.confirmed_at`');
    expect(text).not.toContain('\\`');
  });

  it.each(['es', 'en'] as const)('notify summary (%s): HTML shows code, Markdown keeps code spans', (lang) => {
    const summary = buildDrafts(sedena[0]!, lang, translator(lang), { issued: '2026-11-21' }).documents.find((d) => d.id === 'summary')!;
    const html = renderDraft(summary, 'html', labels, lang);
    expect(html).toContain('<code>subjects.count</code>');
    expect(html).toContain('<code>response.confirmed_at</code>');
    expect(html).not.toMatch(/`/);
    const md = renderDraft(summary, 'markdown', labels, lang);
    expect(md).toContain('`response.confirmed_at`');
    expect(md).not.toContain('\\`');
  });

  it('the user\'s text in a letter is not read as code', () => {
    const text = readFileSync('data/examples/imss-afiliados-2021.yaml', 'utf8') + 'response:\n  public_summary: "Un archivo `nomina.csv` quedó expuesto."\n';
    const letter = buildDrafts(assessText(text)[0]!, 'es', translator('es'), { issued: '2026-11-21' }).documents.find((d) => d.id === 'notice-data-subjects')!;
    expect(renderDraft(letter, 'html', labels, 'es')).toContain('Un archivo `nomina.csv` quedó expuesto.');
    expect(renderDraft(letter, 'markdown', labels, 'es')).toContain('Un archivo \\`nomina.csv\\` quedó expuesto.');
  });
});
