// --format html without a browser: escaping, the CSP that admits exactly the stylesheet, the
// layout by portfolio size (single incident, cover and sections, above the threshold), the
// timeline's dates and marks. test/html-browser.test.ts renders the same pages in Chromium.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../src/core/assessment.js';
import { translator } from '../src/i18n/index.js';
import { render } from '../src/report/html.js';
import { cssString } from '../src/report/html-style.js';
import { escapeHtml, html, Html, strictCsp } from '../src/util/html.js';
import { assessText } from './helpers.js';

const EXAMPLES = readdirSync('data/examples').filter((f) => /\.(ya?ml|csv)$/.test(f));
const all = EXAMPLES.flatMap((f) => assessText(readFileSync(`data/examples/${f}`, 'utf8'), { format: f.endsWith('.csv') ? 'csv' : 'yaml', file: `data/examples/${f}` }));
const page = (list: Assessment[], lang: 'es' | 'en' = 'en', more: { detail?: boolean; detailThreshold?: number } = {}) =>
  [...render(list, { t: translator(lang), lang, version: '1.0.0', ...more })].join('');
const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

describe('html escaping', () => {
  it('escapes the five special characters, and only them', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp; ñ</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp; ñ&lt;/a&gt;');
    expect(escapeHtml('plain text')).toBe('plain text');
  });

  it('the template escapes strings, joins arrays, writes numbers and built markup as they are', () => {
    const evil = '</td><script>x</script>';
    expect(html`<td>${evil}</td>`.value).toBe('<td>&lt;/td&gt;&lt;script&gt;x&lt;/script&gt;</td>');
    expect(html`<ul>${['<a>', html`<li>${'&'}</li>`]}</ul>`.value).toBe('<ul>&lt;a&gt;<li>&amp;</li></ul>');
    expect(html`${3.5}${undefined}${null}${false}${new Html('<b>ok</b>')}`.value).toBe('3.5<b>ok</b>');
  });

  it('CSS strings from the message tables cannot close the string or the style element', () => {
    expect(cssString('a "b" \\ </style>')).toBe('"a \\22 b\\22  \\5c  \\3c /style\\3e "');
  });
});

describe('the page', () => {
  const es = page(all, 'es');

  it('allows exactly its one stylesheet by hash and nothing else: no script, no source, no inline style attribute', () => {
    const css = /<style>([\s\S]*?)<\/style>/.exec(es)![1]!;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(es)![1]!;
    expect(csp).toBe(strictCsp(css));
    expect(csp).toContain(`style-src 'sha256-${createHash('sha256').update(css).digest('base64')}'`);
    expect(csp).toMatch(/^default-src 'none';/);
    expect(count(es, /<style>/g)).toBe(1);
    expect(es).not.toMatch(/<script|<link|<img|\sstyle="|\son\w+=|@import|url\(/i);
  });

  it('opens with a cover and the overview, then one section per incident, in both languages', () => {
    for (const [lang, text] of [['es', es], ['en', page(all, 'en')]] as const) {
      expect(text.startsWith(`<!DOCTYPE html>\n<html lang="${lang}">`)).toBe(true);
      expect(count(text, /<section class="incident"/g)).toBe(all.length);
      expect(count(text, /<header class="cover" id="overview">/g)).toBe(1);
      expect(count(text, /<a href="#inc-\d+">/g)).toBe(all.length);
      expect(text.trimEnd().endsWith('</html>')).toBe(true);
    }
    expect(es).toContain('<h2>Panorama de la cartera</h2>');
    expect(es).toContain('Incidente 3 de 11');
  });

  it('the cover lists the incidents right after the charts, before the obligations, penalties and the long caveats table', () => {
    // Printed, the list closed the cover after the caveats and its last row fell alone on a page.
    const order = ['<figcaption>Incidentes por nivel y responsable', '<h3>Incidentes, por severidad</h3>', '<h3>Obligaciones</h3>', '<h3>Exposición a sanciones</h3>', '<h3>Advertencias (incidentes que tienen cada una)</h3>'].map((h) => es.indexOf(h));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('a single incident has no cover overview and no link back to it', () => {
    const one = page([all.find((a) => a.source.includes('imss-afiliados'))!], 'en');
    expect(one).not.toContain('id="overview"');
    expect(one).not.toContain('class="back"');
    expect(one).toContain('<header class="cover single">');
    expect(count(one, /<section class="incident"/g)).toBe(1);
  });

  it('above --detail-threshold: the cover and the worst incidents without links; --detail lists and details every one', () => {
    const over = page(all, 'en', { detailThreshold: 3 });
    expect(count(over, /<section class="incident"/g)).toBe(0);
    expect(over).not.toContain('href="#inc-');
    expect(over).toContain('The 3 worst incidents, by severity');
    const detail = page(all, 'en', { detailThreshold: 3, detail: true });
    expect(count(detail, /<section class="incident"/g)).toBe(all.length);
    expect(count(detail, /<a href="#inc-\d+">/g)).toBe(all.length);
  });

  it('the section of an incident says its level, score, factors with rule, evidence and basis, penalties and caveats', () => {
    const a = all.find((x) => x.source.includes('imss-afiliados'))!;
    const text = page([a], 'es');
    expect(text).toContain('<span class="lv lv-critical">crítica</span>');
    for (const f of a.severity.factors) expect(text).toContain(`<code>${f.rule}</code>`);
    expect(text).toContain('ENISA 2013, anexo 1');
    expect(text).toContain('<h3>Exposición a sanciones</h3>');
    expect(count(text, /<ul class="caveats"><li>/g)).toBe(1);
    expect(count(text.slice(text.indexOf('<ul class="caveats">')), /<li>/g)).toBe(a.caveats.length);
  });
});

describe('the obligations timeline', () => {
  it('places a due date on the day scale and gives it in long form', () => {
    const a = all.find((x) => x.source.includes('imss-afiliados'))!;
    const text = page([a], 'es');
    // Counted from 22 January 2021 00:00; due 24 January 23:59: three days on the scale, the mark near its end.
    expect(text).toContain('<b>Vence: 24 de enero de 2021, 23:59 (UTC-06:00)</b>');
    expect(text).toMatch(/<circle class="tl-due" cx="9[0-6]\.\d\d%"/);
    expect(text).toContain('>22 ene</text>');
    expect(text).toContain('>día 3</text>');
    expect(text).toContain('Plazos contados desde el 22 de enero de 2021, 00:00 (UTC-06:00): el inicio del día de la confirmación');
  });

  it('numbers milestones in the order they fall due, in the marks and in words', () => {
    const a = all.find((x) => x.source.endsWith('#INC-04'))!;
    const text = page([a], 'en');
    const words = [...text.matchAll(/<li><svg class="sym"[^]*?<\/svg>([^<]+)<\/li>/g)].map((m) => m[1]);
    expect(words).toEqual([
      'affected customers within 48 hours, where applicable: August 1, 2025, 00:00 (UTC-06:00)',
      'full report within 5 business days: August 6, 2025, 23:59 (UTC-06:00)',
      'work plan within 15 business days: August 20, 2025, 23:59 (UTC-06:00)',
    ]);
    const marks = [...text.matchAll(/<circle class="tl-ms" cx="([\d.]+)%"[^>]*\/><text class="tl-ms-t"[^>]*>(\d)<\/text>/g)].map((m) => [Number(m[1]), m[2]]);
    expect(marks.map((m) => m[1])).toEqual(['1', '2', '3']);
    expect(marks.map((m) => m[0])).toEqual([...marks.map((m) => m[0])].sort((x, y) => Number(x) - Number(y)));
  });

  it('obligations without a fixed date: no day scale, and the page says each runs from the confirmation', () => {
    const a = all.find((x) => x.source.includes('aseguradora'))!;
    const text = page([a], 'en');
    expect(text).not.toContain('class="track"');
    expect(text).toContain('No obligation here has a fixed date');
  });
});
