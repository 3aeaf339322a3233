import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify, parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildDrafts } from '../src/notify/documents.js';
import { addBusinessDays, addHours } from '../src/notify/deadlines.js';
import { renderDraft } from '../src/notify/render.js';
import { RECOMMENDATIONS } from '../src/notify/recommendations.js';
import { fieldById } from '../src/fields/catalogue.js';
import { translator } from '../src/i18n/index.js';
import { assessText, fixture } from './helpers.js';

const labels = { banner: 'DRAFT', generated: 'generated', missing: 'MISSING' };
const drafts = (text: string, lang: 'es' | 'en' = 'es') => buildDrafts(assessText(text)[0]!, lang, translator(lang));
const BIN = new URL('../bin/breach.cjs', import.meta.url).pathname;
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', BREACH_TODAY: '2026-11-21' } });

// What each document must contain, by the law's content codes (law-mx.md).
const SUBJECT_ITEMS = ['nature', 'data-compromised', 'recommendations', 'corrective-actions', 'more-information'];
const AUTHORITY_ITEMS = ['nature', 'identified-at', 'investigation-start', 'people-categories', 'circumstances', 'systems-compromised', 'corrective-actions', 'consequences'];

describe('drafts for the bundled real cases contain every legally required item', () => {
  it.each([
    ['imss-afiliados-2021.yaml', { 'notice-data-subjects': SUBJECT_ITEMS, 'notice-authority': AUTHORITY_ITEMS, 'breach-log': ['log-description', 'log-date', 'log-reason', 'log-corrective-actions'], 'root-cause': ['rca-causes', 'rca-corrective', 'rca-preventive', 'rca-update-measures'] }, 'INAI'],
    ['sedena-guacamaya-2022.yaml', { 'notice-data-subjects': SUBJECT_ITEMS, 'notice-authority': AUTHORITY_ITEMS }, 'INAI'],
    ['imss-pensionados-2025.yaml', { 'notice-data-subjects': SUBJECT_ITEMS, 'notice-authority': AUTHORITY_ITEMS }, 'Secretaría Anticorrupción y Buen Gobierno'],
    ['aseguradora-clientes-2021.yaml', { 'notice-data-subjects': SUBJECT_ITEMS, 'root-cause': ['rca-causes', 'rca-corrective', 'rca-preventive', 'rca-update-measures'] }, null],
    ['hova-health-michoacan-2018.yaml', { 'notice-controller': ['nature', 'data-compromised', 'corrective-actions'] }, null],
  ] as const)('%s', (file, expected, authority) => {
    const d = drafts(fixture(`data/examples/${file}`));
    for (const [doc, items] of Object.entries(expected)) {
      const document = d.documents.find((x) => x.id === doc);
      expect(document, doc).toBeDefined();
      expect(document!.sections.map((s) => s.code).filter((c) => !['opening', 'signature'].includes(c))).toEqual(items);
      const md = renderDraft(document!, 'markdown', labels, 'es');
      const html = renderDraft(document!, 'html', labels, 'es');
      for (const item of items) expect(html).toContain(`data-item="${item}"`);
      expect(md).toContain('DRAFT');
    }
    const authorityDoc = d.documents.find((x) => x.id === 'notice-authority');
    if (authority) expect(authorityDoc!.meta.find(([k]) => k === 'Destinatario')![1]).toContain(authority);
    else expect(authorityDoc).toBeUndefined();
    expect(d.documents[0]!.id).toBe('summary');
  });

  it('the public case before the LGPDPPSO drafts only the summary', () => {
    expect(drafts(fixture('data/examples/ine-padron-aws-2016.yaml')).documents.map((x) => x.id)).toEqual(['summary']);
  });
});

describe('deadlines as dates and times', () => {
  it('adds hours and business days on local wall-clock time', () => {
    expect(addHours('2025-03-20 14:30', 72)).toBe('2025-03-23 14:30');
    expect(addHours('2024-02-28 23:00', 24)).toBe('2024-02-29 23:00');
    expect(addBusinessDays('2025-08-01 10:00', 5)).toBe('2025-08-08 10:00'); // Friday + 5 business days
    expect(addBusinessDays('2025-08-01 10:00', 15)).toBe('2025-08-22 10:00');
  });

  it('the same breach before and after 2025-03-21: INAI due in 72 h vs SABG without delay (72 h as good practice)', () => {
    const before = drafts(fixture('test/fixtures/notify-complete.yaml'), 'en');
    const row = (d: typeof before, label: string) => (d.documents[0]!.sections[0]!.blocks[0] as { rows: string[][] }).rows.find((r) => r[0] === label)!;
    expect(row(before, 'Notify the authority')[1]).toContain('INAI');
    expect(row(before, 'Notify the authority')[2]).toBe('2025-03-23 14:30');
    const desc = parse(fixture('test/fixtures/notify-complete.yaml'));
    desc.incident.discovered = '2025-03-21';
    desc.response.confirmed_at = '2025-03-21 14:30';
    const after = drafts(stringify(desc), 'en');
    expect(row(after, 'Notify the authority')[1]).toContain('SABG');
    expect(row(after, 'Notify the authority')[2]).toBe('as soon as possible (no hour limit); good practice: before 2025-03-24 14:30 (72 h, former rule)');
  });

  it('CNBV milestones for a bank, counted in business days from the confirmation', () => {
    const d = drafts(`incident:\n  discovered: 2025-08-01\n  controller: { sector: private, industry: banking }\ndatasets: [{ name: t, records: 10, fields: [card_number, card_expiry] }]\nresponse: { confirmed_at: 2025-08-01 10:00 }\n`, 'en');
    const rows = (d.documents[0]!.sections[0]!.blocks[0] as { rows: string[][] }).rows;
    expect(rows.find((r) => r[0] === 'Report to the sector regulator')![2]).toBe('immediately to the CNBV; full report within 5 business days: 2025-08-08 10:00; work plan within 15 business days: 2025-08-22 10:00; affected customers within 48 hours, where applicable: 2025-08-03 10:00');
  });

  it('without a confirmation time, deadlines run from 00:00 and the summary asks for it', () => {
    const text = fixture('test/fixtures/notify-complete.yaml').replace('  confirmed_at: 2025-03-20 14:30\n', '');
    const d = drafts(text, 'en');
    expect(d.missing).toEqual([{ document: 'summary', code: 'confirmed-at', text: 'the time of confirmation (response.confirmed_at)' }]);
    const rows = (d.documents[0]!.sections[0]!.blocks[0] as { rows: string[][] }).rows;
    expect(rows.find((r) => r[0] === 'Notify the authority')![2]).toBe('2025-03-23 00:00');
  });
});

describe('what the officer supplies', () => {
  it('a complete response block leaves no placeholder', () => {
    const d = drafts(fixture('test/fixtures/notify-complete.yaml'));
    expect(d.missing).toEqual([]);
    const text = d.documents.map((x) => renderDraft(x, 'text', labels, 'es')).join('\n');
    expect(text).not.toContain('MISSING');
    expect(text).toContain('Se revocaron las credenciales del proveedor.');
    expect(text).toContain('Correo electrónico: datos@ejemplo.gob.mx');
  });

  it('missing items become marked placeholders, listed on stderr; --strict exits 1', () => {
    const r = run(['notify', new URL('../data/examples/imss-afiliados-2021.yaml', import.meta.url).pathname, '--strict', '-q']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('notice-data-subjects: las acciones correctivas ya realizadas (response.actions)');
    const ok = run(['notify', new URL('./fixtures/notify-complete.yaml', import.meta.url).pathname, '--strict']);
    expect(ok.status).toBe(0);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toContain('# Aviso a la autoridad');
  });

  it('rejects a confirmation time on another day than `discovered`', () => {
    const d = mkdtempSync(join(tmpdir(), 'breach-'));
    const f = join(d, 'x.yaml');
    writeFileSync(f, fixture('test/fixtures/notify-complete.yaml').replace('confirmed_at: 2025-03-20 14:30', 'confirmed_at: 2025-03-19 14:30'));
    const r = run(['notify', f]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/x\.yaml:\d+:\d+: `response\.confirmed_at`: is on 2025-03-19 but incident\.discovered \(the confirmation date\) is 2025-03-20/);
  });
});

describe('files and formats', () => {
  it('--out-dir writes one file per document and never replaces one without --force', () => {
    const d = mkdtempSync(join(tmpdir(), 'breach-'));
    const input = new URL('./fixtures/notify-complete.yaml', import.meta.url).pathname;
    expect(run(['notify', input, '--out-dir', d, '-f', 'html']).status).toBe(0);
    expect(readdirSync(d).sort()).toEqual(['breach-log.html', 'notice-authority.html', 'notice-data-subjects.html', 'root-cause.html', 'summary.html']);
    writeFileSync(join(d, 'summary.html'), 'mine');
    const again = run(['notify', input, '--out-dir', d, '-f', 'html']);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already holds summary.html');
    expect(readFileSync(join(d, 'summary.html'), 'utf8')).toBe('mine');
    expect(run(['notify', input, '--out-dir', d, '-f', 'html', '--force']).status).toBe(0);
    expect(readFileSync(join(d, 'summary.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(existsSync(join(d, 'summary.md'))).toBe(false);
  });

  it('HTML is self-contained and escapes what it must', () => {
    const evil = fixture('test/fixtures/notify-complete.yaml').replace('title: Expedientes de personal expuestos', 'title: "<script>alert(1)</script> & <img src=x onerror=alert(2)>"');
    const d = drafts(evil);
    for (const doc of d.documents) {
      const html = renderDraft(doc, 'html', labels, 'es');
      expect(html).not.toMatch(/<script|<img|<a |<link|<iframe/i);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;');
      expect(html).toContain("default-src 'none'");
    }
  });

  it('a document never carries data beyond the description: dataset notes (which may hold samples) are left out', () => {
    const d = drafts(fixture('test/fixtures/notify-complete.yaml'));
    for (const doc of d.documents) for (const f of ['markdown', 'text', 'html'] as const) expect(renderDraft(doc, f, labels, 'es')).not.toContain('GODE561231GR8');
  });

  it('recommendations are data, cite only known field types, in both languages', () => {
    for (const r of RECOMMENDATIONS) {
      for (const f of r.fields ?? []) expect(fieldById(f), f).toBeDefined();
      expect(r.text.es && r.text.en && r.risk.es && r.risk.en).toBeTruthy();
    }
    const d = drafts(`incident:\n  controller: { sector: private }\ndatasets: [{ name: a, records: 1, fields: [password_plain, fingerprint, card_number] }]\n`, 'en');
    const recs = d.documents.find((x) => x.id === 'notice-data-subjects')!.sections.find((s) => s.code === 'recommendations')!.blocks[0] as { items: string[] };
    expect(recs.items.join(' ')).toMatch(/block the card.*Change your password.*cannot be changed/s);
  });
});
