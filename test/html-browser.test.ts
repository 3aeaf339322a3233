// The HTML report in a real headless Chromium (Debian's `chromium`, found or installed by
// test/global-chromium.ts): the bundled portfolio renders in both languages with no console
// message and no request beyond the file itself, prints to PDF on A4 and Letter with a page per
// incident, and hostile text in titles, names and file names stays text.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Browser, launch, pdfPageCount, pngStats } from '../scripts/chromium.mjs';
import { LEVEL_COLOURS } from '../src/report/html-style.js';

const BIN = new URL('../bin/breach.cjs', import.meta.url).pathname;
const EXAMPLES = readdirSync('data/examples').filter((f) => /\.(ya?ml|csv)$/.test(f)).map((f) => `data/examples/${f}`);
const chromium = inject('chromium');

function breach(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', BREACH_TODAY: '2026-11-21' } });
}

if (!chromium.path) {
  // Said once, plainly, in the run's output and as the name of the skipped test.
  process.stderr.write(`\nbreach: HTML browser tests skipped: ${chromium.reason}\n`);
  it.skip(`HTML report in Chromium: skipped, ${chromium.reason}`, () => {});
}

const HOSTILE_TITLE = `<script>document.title='pwned'</script></style><img src=x onerror=alert(1)>"><svg onload=alert(2)><foreignObject>x</foreignObject></svg>`;
const HOSTILE_NAME = `</title><style>body{display:none}</style><iframe src="https://example.com"></iframe>`;
const HOSTILE_DATASET = `]]><svg><script>alert(3)</script></svg><!--`;
const HOSTILE_FILE = `<img src=y onerror=alert(4)>.yaml`;
// A long text without a space must wrap, not push the page wider than the paper.
const LONG = `${'Ñ'.repeat(40)}${'x'.repeat(400)}`;

describe.skipIf(!chromium.path)('the HTML report in headless Chromium', () => {
  let dir = '';
  let browser: Browser;
  const files: Record<string, string> = {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'breach-html-'));
    for (const lang of ['es', 'en']) {
      const out = join(dir, `portfolio-${lang}.html`);
      const r = breach(['assess', ...EXAMPLES, '--format', 'html', '--lang', lang, '--output', out]);
      expect(r.stderr).toBe('');
      files[lang] = out;
    }
    const hostile = (title: string, name: string) => `incident:\n  title: ${JSON.stringify(title)}\n  discovered: 2021-01-22\n  controller: { name: ${JSON.stringify(name)}, sector: public, branch: federal-executive }\n  subjects: { count: 5000 }\ndatasets:\n  - name: ${JSON.stringify(HOSTILE_DATASET)}\n    records: 5000\n    fields: [full_name, curp, salary]\n    notes: ${JSON.stringify(HOSTILE_TITLE)}\n`;
    writeFileSync(join(dir, HOSTILE_FILE), `${hostile(HOSTILE_TITLE, HOSTILE_NAME)}---\n${hostile(HOSTILE_NAME, HOSTILE_TITLE)}---\n${hostile(LONG, LONG).replace(JSON.stringify(HOSTILE_DATASET), LONG)}`);
    files.hostile = join(dir, 'hostile.html');
    const r = breach(['assess', join(dir, HOSTILE_FILE), '--format', 'html', '--output', files.hostile]);
    expect(r.status, r.stderr).toBe(0);
    browser = await launch(chromium.path!);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each(['es', 'en'])('the bundled portfolio (%s) renders: charts drawn, no console message, nothing fetched', async (lang) => {
    const page = await browser.open(files[lang]!, { width: 1000, height: 1400 });
    try {
      expect(page.messages).toEqual([]);
      // The only request is the file itself: no font, script, image or style is fetched.
      expect(page.requests).toEqual([pathToFileURL(files[lang]!).href]);
      const dom = await page.evaluate<{ lang: string; sections: number; charts: number; heat: number; badges: number; h1: string; sheets: number; rules: number }>(`({
        lang: document.documentElement.lang,
        sections: document.querySelectorAll('section.incident').length,
        charts: document.querySelectorAll('figure svg rect[class^="f-"]').length,
        heat: document.querySelectorAll('figure svg rect[class^="h"]').length,
        badges: document.querySelectorAll('.lv').length,
        h1: document.querySelector('h1').textContent,
        sheets: document.styleSheets.length,
        rules: document.styleSheets[0].cssRules.length,
      })`);
      expect(dom.lang).toBe(lang);
      expect(dom.sections).toBe(11);
      expect(dom.charts).toBeGreaterThan(4);
      expect(dom.heat).toBeGreaterThan(4);
      expect(dom.badges).toBeGreaterThan(20);
      expect(dom.h1).toBe(lang === 'es' ? 'Evaluación de impacto de una vulneración de datos personales' : 'Data-breach impact assessment');
      // The stylesheet applied (its hash is in the CSP; a mismatch would leave it without rules and log an error).
      expect(dom.sheets).toBe(1);
      expect(dom.rules).toBeGreaterThan(50);
      const shot = pngStats(await page.screenshot({ y: 0, height: 1400 }));
      expect(shot.width).toBe(1000);
      expect(shot.colours.size, 'a blank page has a handful of colours').toBeGreaterThan(100);
      // The cover's charts and badges show each level's colour.
      for (const l of ['critical', 'high', 'low'] as const) expect(shot.colours.get(LEVEL_COLOURS[l].fill.slice(1)) ?? 0, l).toBeGreaterThan(200);
    } finally {
      await page.close();
    }
  }, 60_000);

  it('prints to PDF on A4 and on Letter: the cover, then every incident from a new page', async () => {
    const page = await browser.open(files.es!);
    try {
      for (const [w, h] of [[8.27, 11.69], [8.5, 11]] as const) {
        const pdf = await page.pdf({ paperWidth: w, paperHeight: h });
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        // 11 incidents, each starting a page, after a cover of at least one page.
        expect(pdfPageCount(pdf)).toBeGreaterThan(12);
      }
      expect(page.messages).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);

  it('hostile titles, names, notes and file names stay text: no element, attribute or style is injected', async () => {
    const page = await browser.open(files.hostile!);
    try {
      expect(page.messages).toEqual([]);
      expect(page.requests).toHaveLength(1);
      const dom = await page.evaluate<{ injected: number; handlers: number; title: string; h2: string[]; sheets: number; display: string; text: string; overflow: number }>(`({
        injected: document.querySelectorAll('script, img, iframe, object, embed, foreignObject, body style, link, meta[http-equiv="refresh"]').length,
        handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
        title: document.title,
        h2: [...document.querySelectorAll('section.incident h2')].map((h) => h.textContent),
        sheets: document.styleSheets.length,
        display: getComputedStyle(document.body).display,
        text: document.body.textContent,
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      })`);
      expect(dom.injected).toBe(0);
      expect(dom.handlers).toBe(0);
      expect(dom.title).toBe('Data-breach impact assessment');
      expect(dom.h2).toEqual([HOSTILE_TITLE, HOSTILE_NAME, LONG]);
      expect(dom.overflow, 'the page is no wider than its window').toBeLessThanOrEqual(0);
      expect(dom.sheets).toBe(1);
      expect(dom.display).toBe('block');
      // Every hostile string is shown as it was written.
      for (const s of [HOSTILE_TITLE, HOSTILE_NAME, HOSTILE_DATASET, HOSTILE_FILE]) expect(dom.text).toContain(s);
    } finally {
      await page.close();
    }
  }, 60_000);

  it('the file is self-contained: no URL outside the page in any attribute', () => {
    for (const f of [files.es!, files.en!, files.hostile!]) {
      const text = readFileSync(f, 'utf8');
      expect(text).not.toMatch(/\s(?:src|href|xlink:href|action)="(?!#)/);
      expect(text).not.toMatch(/url\(/);
    }
  });
});
