import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify, parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildDrafts } from '../src/notify/documents.js';
import { addBusinessDays } from '../src/law/calendar.js';
import { renderDraft } from '../src/notify/render.js';
import { RECOMMENDATIONS } from '../src/notify/recommendations.js';
import { fieldById } from '../src/fields/catalogue.js';
import { translator } from '../src/i18n/index.js';
import { englishOrdinal, spanishOrdinal } from '../src/util/ordinals.js';
import { assessText, fixture } from './helpers.js';

const labels = { banner: 'DRAFT', generated: 'generated', missing: 'MISSING' };
const drafts = (text: string, lang: 'es' | 'en' = 'es', issued?: string) => buildDrafts(assessText(text)[0]!, lang, translator(lang), issued ? { issued } : {});
const BIN = new URL('../bin/breach.cjs', import.meta.url).pathname;
/** The addressee block of a letter, one line each. */
const addressee = (doc: { letter?: { to: { text: string }[][] } }) => doc.letter!.to.map((l) => l.map((x) => x.text).join('')).join('\n');
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', BREACH_TODAY: '2026-11-21' } });

// What each document must contain, by the law's content codes (law-mx.md).
const SUBJECT_ITEMS = ['nature', 'data-compromised', 'recommendations', 'corrective-actions', 'more-information'];
const AUTHORITY_ITEMS = ['nature', 'identified-at', 'investigation-start', 'people-categories', 'circumstances', 'systems-compromised', 'corrective-actions', 'consequences'];

describe('drafts for the bundled real cases contain every legally required item', () => {
  it.each([
    ['imss-afiliados-2021.yaml', { 'notice-data-subjects': SUBJECT_ITEMS, 'notice-authority': AUTHORITY_ITEMS, 'breach-log': ['log-description', 'log-date', 'log-reason', 'log-corrective-actions'], 'root-cause': ['rca-causes', 'rca-corrective', 'rca-preventive', 'rca-update-measures'] }, 'Instituto Nacional de Transparencia'],
    ['sedena-guacamaya-2022.yaml', { 'notice-data-subjects': SUBJECT_ITEMS, 'notice-authority': AUTHORITY_ITEMS }, 'Instituto Nacional de Transparencia'],
    ['imss-pensionados-2025.yaml', { 'notice-data-subjects': SUBJECT_ITEMS, 'notice-authority': AUTHORITY_ITEMS }, 'Secretaría Anticorrupción y Buen Gobierno'],
    ['aseguradora-clientes-2021.yaml', { 'notice-data-subjects': SUBJECT_ITEMS, 'root-cause': ['rca-causes', 'rca-corrective', 'rca-preventive', 'rca-update-measures'] }, null],
    ['hova-health-michoacan-2018.yaml', { 'notice-controller': ['nature', 'identified-at', 'investigation-start', 'people-categories', 'data-compromised', 'systems-compromised', 'corrective-actions', 'more-information', 'controller-duties'] }, null],
  ] as const)('%s', (file, expected, authority) => {
    const d = drafts(fixture(`data/examples/${file}`));
    for (const [doc, items] of Object.entries(expected)) {
      const document = d.documents.find((x) => x.id === doc);
      expect(document, doc).toBeDefined();
      expect(document!.sections.map((s) => s.code).filter((c) => c !== 'opening')).toEqual(items);
      const md = renderDraft(document!, 'markdown', labels, 'es');
      const html = renderDraft(document!, 'html', labels, 'es');
      for (const item of items) expect(html).toContain(`data-item="${item}"`);
      expect(md).toContain('DRAFT');
    }
    const authorityDoc = d.documents.find((x) => x.id === 'notice-authority');
    if (authority) expect(addressee(authorityDoc!)).toContain(authority);
    else expect(authorityDoc).toBeUndefined();
    expect(d.documents[0]!.id).toBe('summary');
  });

  it('the public case before the LGPDPPSO drafts only the summary', () => {
    expect(drafts(fixture('data/examples/ine-padron-aws-2016.yaml')).documents.map((x) => x.id)).toEqual(['summary']);
  });
});

describe('deadlines as dates and times', () => {
  it('counts business days past weekends and the statutory and CNBV non-working days', () => {
    expect(addBusinessDays('2025-08-01', 5, 'statutory')).toBe('2025-08-08'); // Friday + 5 business days
    expect(addBusinessDays('2025-08-01', 15, 'statutory')).toBe('2025-08-22');
    expect(addBusinessDays('2026-03-13', 5, 'statutory')).toBe('2026-03-23'); // third Monday of March
    expect(addBusinessDays('2026-03-27', 5, 'statutory')).toBe('2026-04-03'); // Holy week is no statutory holiday
    expect(addBusinessDays('2026-03-27', 5, 'cnbv')).toBe('2026-04-07'); // but the CNBV closes on Holy Thursday and Friday
    expect(addBusinessDays('2024-09-27', 2, 'statutory')).toBe('2024-10-02'); // 2024-10-01: transmission of the federal executive
    expect(addBusinessDays('2018-11-30', 1, 'statutory')).toBe('2018-12-03');
    expect(addBusinessDays('2026-12-11', 1, 'cnbv')).toBe('2026-12-14'); // 12 December, a Saturday in 2026
    expect(addBusinessDays('2025-12-19', 1, 'cnbv')).toBe('2025-12-22'); // the banks do not close in the CNBV's holiday periods
    expect(addBusinessDays('2025-12-19', 1, 'cnbv-procedural')).toBe('2026-01-07'); // the CNBV's own procedural non-working days
  });

  it('the same breach before and after 2025-03-21: INAI within 72 h (handed over to the SABG) vs the SABG without delay (72 h as good practice)', () => {
    const row = (d: ReturnType<typeof drafts>, label: string) => (d.documents[0]!.sections[0]!.blocks[0] as { rows: string[][] }).rows.find((r) => r[0] === label)!;
    // Confirmed 2025-03-20 14:30: INAI's 72 h run from that calendar day and end with 2025-03-22.
    const onTheDay = drafts(fixture('test/fixtures/notify-complete.yaml'), 'en', '2025-03-20');
    expect(row(onTheDay, 'Notify the authority')[1]).toContain('INAI');
    expect(row(onTheDay, 'Notify the authority')[2]).toBe('March 22, 2025, 23:59 (UTC-06:00); counted hour by hour from the confirmation: March 23, 2025, 14:30 (UTC-06:00); INAI existed until March 20, 2025: from the next day on the notice goes to the Secretaría Anticorrupción y Buen Gobierno');
    // Written after INAI ceased: the letter goes to its successor.
    const later = drafts(fixture('test/fixtures/notify-complete.yaml'), 'en', '2026-11-21');
    expect(row(later, 'Notify the authority')[1]).toBe('Secretaría Anticorrupción y Buen Gobierno (SABG)');
    expect(addressee(later.documents.find((x) => x.id === 'notice-authority')!)).toBe('Persona titular de la Secretaría\nSecretaría Anticorrupción y Buen Gobierno');
    expect(addressee(onTheDay.documents.find((x) => x.id === 'notice-authority')!)).toContain('Instituto Nacional de Transparencia, Acceso a la Información y Protección de Datos Personales');
    const desc = parse(fixture('test/fixtures/notify-complete.yaml'));
    desc.incident.discovered = '2025-03-21';
    desc.response.confirmed_at = '2025-03-21 14:30';
    const after = drafts(stringify(desc), 'en');
    expect(row(after, 'Notify the authority')[1]).toContain('SABG');
    expect(row(after, 'Notify the authority')[2]).toBe('without delay (the law sets no hours); good practice: by March 23, 2025, 23:59 (UTC-06:00) (72 hours, former rule)');
  });

  it('CNBV milestones for a bank, counted in business days from the confirmation', () => {
    const d = drafts(`incident:\n  discovered: 2025-08-01\n  controller: { sector: private, industry: banking }\ndatasets: [{ name: t, records: 10, fields: [card_number, card_expiry] }]\nresponse: { confirmed_at: 2025-08-01 10:00 }\n`, 'en');
    const rows = (d.documents[0]!.sections[0]!.blocks[0] as { rows: string[][] }).rows;
    expect(rows.find((r) => r[0] === 'Report to the sector regulator')![2]).toBe('immediately to the CNBV; full report within 5 business days: August 8, 2025, 23:59 (UTC-06:00); work plan within 15 business days: August 22, 2025, 23:59 (UTC-06:00); affected customers within 48 hours, where applicable: August 3, 2025, 10:00 (UTC-06:00)');
    // The draft to the CNBV lists the same terms as dates.
    const notice = d.documents.find((x) => x.id === 'notice-regulator')!;
    expect(addressee(notice)).toContain('Comisión Nacional Bancaria y de Valores');
    const terms = notice.sections.find((x) => x.code === 'milestones')!.blocks[1] as { items: string[] };
    expect(terms.items).toEqual(['full report within 5 business days: August 8, 2025, 23:59 (UTC-06:00)', 'work plan within 15 business days: August 22, 2025, 23:59 (UTC-06:00)']);
    // The customers' 48 hours are owed to the customers, not delivered to the CNBV: said apart.
    expect((notice.sections.find((x) => x.code === 'milestones')!.blocks[2] as { text: string }).text).toBe('Also, where it applies, this entity will notify its affected customers within 48 hours of the confirmation (August 3, 2025, 10:00 (UTC-06:00)).');
  });

  it('without a confirmation time, deadlines run from 00:00 and the summary asks for it', () => {
    const text = fixture('test/fixtures/notify-complete.yaml').replace('  confirmed_at: 2025-03-20 14:30\n', '');
    const d = drafts(text, 'en');
    expect(d.missing).toEqual([{ document: 'summary', code: 'confirmed-at', text: 'the time of confirmation (response.confirmed_at)' }]);
    const rows = (d.documents[0]!.sections[0]!.blocks[0] as { rows: string[][] }).rows;
    expect(rows.find((r) => r[0] === 'Notify the authority')![2]).toBe('March 22, 2025, 23:59 (UTC-06:00); INAI existed until March 20, 2025: from the next day on the notice goes to the Secretaría Anticorrupción y Buen Gobierno');
  });
});

describe('what the officer supplies', () => {
  it('a complete response block leaves no placeholder', () => {
    const d = drafts(fixture('test/fixtures/notify-complete.yaml'), 'es', '2026-11-21');
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
    expect(ok.stdout).toContain('Asunto: Se informa vulneración de seguridad de datos personales.');
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

  it('a portfolio\'s drafts are named by incident id and come with an index of documents and deadlines', () => {
    const d = mkdtempSync(join(tmpdir(), 'breach-'));
    const r = run(['notify', new URL('../data/examples/portafolio.csv', import.meta.url).pathname, '--out-dir', d, '-q']);
    expect(r.status).toBe(0);
    const files = readdirSync(d).sort();
    expect(files).toContain('index.md');
    expect(files).toContain('INC-01-summary.md');
    expect(files).toContain('INC-04-notice-regulator.md');
    expect(files.some((f) => f.startsWith('incident-'))).toBe(false);
    const index = readFileSync(join(d, 'index.md'), 'utf8');
    expect(index).toContain('# Índice de borradores');
    expect(index).toMatch(/## INC-04: API mal configurada[\s\S]*INC-04-notice-regulator\.md \| la Comisión Nacional Bancaria y de Valores \(CNBV\) \| de inmediato a la CNBV/);
  });

  it('a CSV portfolio carries the response items as optional columns (Spanish headers), so its drafts can be complete', () => {
    const csv = 'incidente,titulo,conjunto,registros,campos,responsable,sector,rama,fecha,confidencialidad,confirmado_el,lugar,resumen_publico,acciones,contacto_correo,firmante,cargo_del_firmante,destinatario_autoridad,circunstancias,sistemas,identificado_el,investigacion_iniciada_el,causa,ocurrido_el\n'
      + 'INC-07,Nómina expuesta,nomina,5000,full_name;curp;salary,Secretaría de Ejemplo,público,federal-executive,2025-05-12,unknown-recipients,2025-05-12 10:00,Ciudad de México,Un archivo de nómina quedó accesible en internet.,Se retiró el archivo;Se cambiaron las claves,datos@ejemplo.gob.mx,Mtra. Ana Pérez,Titular de la Unidad de Transparencia,Persona titular de la SABG,Un archivo quedó público,servidor de archivos,2025-05-12 09:00,2025-05-12 09:30,permisos mal configurados,2025-05-11 22:00\n';
    const [a] = assessText(csv, { format: 'csv', file: 'p.csv' });
    expect(a!.incident.response).toMatchObject({ place: 'Ciudad de México', actions: ['Se retiró el archivo', 'Se cambiaron las claves'], officer: { name: 'Mtra. Ana Pérez' }, addressee: { authority: 'Persona titular de la SABG' } });
    const d = buildDrafts(a!, 'es', translator('es'), { issued: '2026-11-21' });
    expect(d.missing).toEqual([]);
    // An officer's position without a name is located at its cell.
    const bad = csv.replace('Mtra. Ana Pérez', '');
    expect(() => assessText(bad, { format: 'csv', file: 'p.csv' })).toThrow(/p\.csv:2:\d+: missing required key `name` in response\.officer/);
  });

  it('the breach log dates the breach by when it happened (response.occurred_at), never by its confirmation', () => {
    const withDate = drafts(fixture('test/fixtures/notify-complete.yaml'), 'es', '2026-11-21');
    const log = withDate.documents.find((x) => x.id === 'breach-log')!;
    const date = log.sections.find((x) => x.code === 'log-date')!.blocks[0] as { text: string };
    expect(date.text).toBe('18 de marzo de 2025, 23:40');
    const without = drafts(fixture('test/fixtures/notify-complete.yaml').replace(/^  occurred_at: .*\n/m, ''), 'es', '2026-11-21');
    const blank = without.documents.find((x) => x.id === 'breach-log')!.sections.find((x) => x.code === 'log-date')!.blocks[0] as { text: string };
    expect(blank.text).toContain('response.occurred_at');
    expect(JSON.stringify(without.missing)).toContain('response.occurred_at');
  });

  it('the summary sheet says what breach does not model, words terms as the law does, and names the CNBV calendar only for terms owed to it', () => {
    const para = (d: ReturnType<typeof drafts>) => JSON.stringify(d.documents[0]!.sections.find((x) => x.code === 'obligations')!.blocks);
    const old = drafts(fixture('data/examples/ine-padron-aws-2016.yaml'), 'es', '2026-11-21');
    expect(para(old)).toContain('breach no modela obligaciones para este incidente');
    expect(para(old)).not.toContain('La ley no exige avisos');
    const state = drafts('incident:\n  discovered: 2025-06-01\n  controller: { sector: public, branch: state, state: Jalisco }\ndatasets: [{ name: d, records: 10, fields: [full_name, salary] }]\n', 'es', '2026-11-21');
    expect(para(state)).toContain('sin dilación alguna (la ley no fija horas); la ley del estado puede fijar un plazo propio');
    expect(para(state)).not.toContain('CNBV');
    const csv = fixture('data/examples/portafolio.csv').split('\n').filter((l, i) => i === 0 || l.startsWith('INC-04')).join('\n');
    const bank = buildDrafts(assessText(csv, { format: 'csv', file: 'p.csv' })[0]!, 'es', translator('es'), { issued: '2026-11-21' });
    expect(para(bank)).toContain('días de cierre de la CNBV');
  });

  it('the letter to the people affected tells what each record held, not the union of every dataset', () => {
    const d = drafts(fixture('data/examples/sedena-guacamaya-2022.yaml'), 'es', '2026-11-21');
    const letter = JSON.stringify(d.documents.find((x) => x.id === 'notice-data-subjects')!.sections);
    expect(letter).toContain('Los datos que pudieron verse afectados dependen del registro en que aparezcan sus datos:');
    expect(letter).not.toContain('Los datos personales suyos que pudieron verse afectados son:');
    const one = drafts('incident:\n  discovered: 2025-06-01\n  controller: { sector: private, industry: retail }\ndatasets: [{ name: a, records: 1, fields: [full_name, curp, salary] }]\n', 'es', '2026-11-21');
    expect(JSON.stringify(one.documents.find((x) => x.id === 'notice-data-subjects')!.sections)).toContain('Los datos personales suyos que pudieron verse afectados son: nombre completo');
  });

  it('HTML is self-contained and escapes what it must', () => {
    const evil = fixture('test/fixtures/notify-complete.yaml').replace('title: Expedientes de personal expuestos', 'title: "<script>alert(1)</script> & <img src=x onerror=alert(2)>"');
    const d = drafts(evil);
    for (const doc of d.documents) {
      const html = renderDraft(doc, 'html', labels, 'es');
      expect(html).not.toMatch(/<script|<img|<a |<link|<iframe/i);
      if (doc.id === 'summary') expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;');
      else if (doc.letter) expect(html).not.toContain('alert('); // letters never carry the internal title
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

describe('letters, not forms', () => {
  const recs = (text: string, lang: 'es' | 'en' = 'es') => (drafts(text, lang).documents.find((x) => x.id === 'notice-data-subjects')!.sections.find((s) => s.code === 'recommendations')!.blocks[0] as { items: string[] }).items.join(' ');

  it('a bank does not tell its customers to call their bank', () => {
    const bank = recs('incident:\n  discovered: 2025-08-01\n  controller: { sector: private, industry: banking }\ndatasets: [{ name: t, records: 10, fields: [card_number, bank_account] }]\n');
    expect(bank).not.toMatch(/Llame a su banco|de su banco/);
    expect(bank).toContain('Comuníquese con nosotros');
    const shop = recs('incident:\n  discovered: 2025-08-01\n  controller: { sector: private, industry: retail }\ndatasets: [{ name: t, records: 10, fields: [card_number] }]\n');
    expect(shop).toContain('Llame a su banco');
  });

  it('safety advice (911) only when the data put physical safety at risk', () => {
    const tax = recs('incident:\n  discovered: 2025-08-01\n  controller: { sector: private }\ndatasets: [{ name: t, records: 10, fields: [full_name, address, tax_data] }]\n');
    expect(tax).not.toContain('911');
    const victims = recs('incident:\n  discovered: 2025-08-01\n  controller: { sector: private }\n  subjects: { groups: [victims] }\ndatasets: [{ name: t, records: 10, fields: [full_name, address, salary] }]\n');
    expect(victims).toContain('911');
    expect(recs('incident:\n  discovered: 2025-08-01\n  controller: { sector: private }\ndatasets: [{ name: t, records: 10, fields: [full_name, geolocation, salary] }]\n')).toContain('911');
  });

  it('a notice has place and date of issue, an oficio number blank, the addressee, Presente, the basis in words and a signature block', () => {
    const d = drafts(fixture('test/fixtures/notify-complete.yaml'), 'es', '2026-11-21');
    const md = renderDraft(d.documents.find((x) => x.id === 'notice-authority')!, 'markdown', labels, 'es');
    expect(md).toContain('Ciudad de México, a 21 de noviembre de 2026.');
    expect(md).toMatch(/Oficio núm\. (\\_){4}/);
    expect(md).toContain('Persona titular de la Secretaría  \nSecretaría Anticorrupción y Buen Gobierno');
    expect(md).toContain('**P r e s e n t e**');
    // Written after INAI ceased: the basis adds the successor's competence, and the two versions of the law are told apart.
    expect(md).toContain('Con fundamento en el artículo 40 de la Ley General de Protección de Datos Personales en Posesión de Sujetos Obligados publicada en el Diario Oficial de la Federación el 26 de enero de 2017, en el artículo 66 de los Lineamientos Generales');
    // Only the provision that makes the Secretaría competent (3-XXVI), not those of other authorities.
    expect(md).toContain('en el artículo 3, fracción XXVI, de la Ley General de Protección de Datos Personales en Posesión de Sujetos Obligados publicada en el Diario Oficial de la Federación el 20 de marzo de 2025');
    expect(md).not.toMatch(/fracciones II y XXVI|décimo noveno/);
    const before = renderDraft(drafts(fixture('test/fixtures/notify-complete.yaml'), 'es', '2025-03-20').documents.find((x) => x.id === 'notice-authority')!, 'markdown', labels, 'es');
    expect(before).toContain('Con fundamento en el artículo 40 de la Ley General de Protección de Datos Personales en Posesión de Sujetos Obligados y en el artículo 66 de los Lineamientos Generales');
    expect(md).toMatch(/Atentamente\n[\s\S]*Titular de la Unidad de Transparencia {2}\nOficial de protección de datos {2}\nSecretaría Federal de Ejemplo/);
    expect(md).not.toContain('Expedientes de personal expuestos'); // the internal title
  });

  it('the letter to the people affected holds only what they need: the public summary, no deadlines or basis, no repeated paragraph', () => {
    const d = drafts(fixture('test/fixtures/notify-complete.yaml'), 'es', '2026-11-21');
    const doc = d.documents.find((x) => x.id === 'notice-data-subjects')!;
    const text = renderDraft(doc, 'text', labels, 'es');
    expect(text).toContain('detectamos que una persona no autorizada copió archivos');
    expect(text).not.toMatch(/Expedientes de personal expuestos|Fundamento|fundamento|Plazo|Vence|LGPDPPSO|art\./);
    for (const x of d.documents) {
      const paragraphs = renderDraft(x, 'text', labels, 'es').split(/\n\n+/).map((p) => p.trim()).filter((p) => p.length > 40 && !p.startsWith('('));
      expect(paragraphs.length, x.id).toBe(new Set(paragraphs).size);
    }
  });

  it('a state body is addressed by its full name, or its acronym with a blank for the name', () => {
    const full = drafts('incident:\n  discovered: 2022-08-01\n  controller: { sector: public, branch: state, state: Jalisco }\ndatasets: [{ name: t, records: 10, fields: [full_name, salary] }]\n', 'es', '2022-08-10');
    expect(addressee(full.documents.find((x) => x.id === 'notice-authority')!)).toContain('Instituto de Transparencia, Información Pública y Protección de Datos Personales del Estado de Jalisco');
    const blank = drafts('incident:\n  discovered: 2022-08-01\n  controller: { sector: public, branch: state, state: Chiapas }\ndatasets: [{ name: t, records: 10, fields: [full_name, salary] }]\n', 'es', '2022-08-10');
    expect(addressee(blank.documents.find((x) => x.id === 'notice-authority')!)).toContain('ITAIPCH: nombre completo del organismo garante');
  });

  it('response.channel: public-notice adds a public notice with the caveat that the law does not regulate it', () => {
    const text = fixture('test/fixtures/notify-complete.yaml').replace('  place: Ciudad de México\n', '  place: Ciudad de México\n  channel: public-notice\n');
    const d = drafts(text, 'es', '2026-11-21');
    const doc = d.documents.find((x) => x.id === 'public-notice')!;
    expect(doc.meta[0]![1]).toContain('La ley no regula la notificación masiva');
    const body = renderDraft(doc, 'text', labels, 'es');
    expect(body).toContain('A las personas cuyos datos personales se vieron afectados:');
    // Addressed to the public in the third person: no "suyos", no "usted", no "carta".
    expect(body).toContain('Qué pueden hacer las personas afectadas para protegerse');
    expect(body).not.toMatch(/datos suyos|Qué puede hacer usted|esta carta/);
  });
});

describe('edges of the law in the drafts', () => {
  it('a processor signs as processor, cites the contract clause, and tells the controller what it owes and by when', () => {
    const d = drafts(fixture('data/examples/hova-health-michoacan-2018.yaml'), 'es');
    const notice = d.documents.find((x) => x.id === 'notice-controller')!;
    expect(notice.letter!.signature.map((x) => x.text)).toContain('Hova Health, en su carácter de encargado del tratamiento');
    const intro = (notice.sections[0]!.blocks[0] as { text: string }).text;
    expect(intro).toContain('Con fundamento en el artículo 59, fracción IV, de la Ley General de Protección de Datos Personales en Posesión de Sujetos Obligados');
    expect(intro).toContain('en representación del encargado del tratamiento Hova Health');
    const duties = notice.sections.find((x) => x.code === 'controller-duties')!.blocks[1] as { items: string[] };
    expect(duties.items.map((x) => x.split(/, (?:dirigido|de carácter)| afectados\. /)[0])).toEqual(['Informar a los titulares', 'Informar a la autoridad', 'Registrar la vulneración en la bitácora', 'Analizar las causas; acciones correctivas y preventivas; actualizar las medidas de seguridad']);
    expect(duties.items[1]).toContain('IMAIP');
    // The controller's terms run from its own confirmation: the processor's letter gives no dates for them.
    expect(duties.items.join(' ')).not.toMatch(/\d{4}|a más tardar|buena práctica/);
    const summary = d.documents[0]!;
    expect(summary.sections.map((x) => x.code)).toContain('controller-obligations');
  });

  it('a private processor for a private controller: contractual notice, no statutory basis cited', () => {
    const d = drafts('incident:\n  discovered: 2025-08-01\n  controller: { name: Nube SA, sector: private, role: processor }\ndatasets: [{ name: c, records: 10, fields: [full_name, salary] }]\n', 'es');
    const notice = d.documents.find((x) => x.id === 'notice-controller')!;
    const intro = (notice.sections[0]!.blocks[0] as { text: string }).text;
    expect(intro).toContain('Conforme a lo pactado en el contrato');
    expect(intro).not.toContain('Con fundamento');
  });

  it('not significant: a decision record with the reasons, the evidence to keep and a blank for who decided', () => {
    const text = 'incident:\n  discovered: 2025-08-01\n  controller: { sector: public, branch: federal-executive }\n  circumstances: { confidentiality: lost-no-evidence, unintelligible: true }\ndatasets: [{ name: laptop, records: 300, fields: [full_name, salary] }]\n';
    const d = drafts(text, 'en');
    expect(d.documents.map((x) => x.id)).toEqual(['summary', 'breach-log', 'root-cause', 'decision-record']);
    const rec = d.documents.find((x) => x.id === 'decision-record')!;
    expect(rec.meta.find(([k]) => k === 'Legal basis')![1]).toBe('LGPDPPSO (2025) arts. 28, 33 (DOF March 20, 2025)');
    const reasons = rec.sections.find((x) => x.code === 'decision-reasons')!;
    expect((reasons.blocks[0] as { text: string }).text).toContain('not to notify the data subjects or the authority');
    expect((reasons.blocks[1] as { items: string[] }).items[0]).toContain('unintelligible');
    const evidence = (rec.sections.find((x) => x.code === 'decision-evidence')!.blocks[0] as { items: string[] }).items;
    expect(evidence[0]).toContain('encryption');
    expect(evidence[1]).toContain('Key custody');
    expect(d.missing.map((m) => m.code)).toContain('decision-who');
    // A private controller's record is good practice, not a statutory log.
    const priv = drafts(text.replace('{ sector: public, branch: federal-executive }', '{ sector: private }'), 'en');
    const privRec = priv.documents.find((x) => x.id === 'decision-record')!;
    expect((privRec.sections.find((x) => x.code === 'decision-reasons')!.blocks[2] as { text: string }).text).toContain('requires no breach log of private controllers');
    // A significant breach has no decision record.
    expect(drafts(fixture('test/fixtures/notify-complete.yaml')).documents.some((x) => x.id === 'decision-record')).toBe(false);
  });
});

describe('review of the drafts by a lawyer', () => {
  it('an unnamed processor is never called the controller; the blank is listed', () => {
    const d = drafts('incident:\n  discovered: 2025-08-01\n  controller: { sector: private, role: processor }\ndatasets: [{ name: c, records: 10, fields: [full_name, salary] }]\n', 'es');
    const notice = d.documents.find((x) => x.id === 'notice-controller')!;
    expect(notice.letter!.letterhead).toBe('[nombre del encargado]');
    expect(notice.letter!.signature.map((x) => x.text)).toContain('[nombre del encargado], en su carácter de encargado del tratamiento');
    expect(JSON.stringify(notice)).not.toContain('el responsable, como encargado');
    expect(d.missing.map((m) => m.code)).toContain('processor-name');
  });

  it('the letter to a processor\'s controller is addressed to the controller named in on_behalf_of', () => {
    const d = drafts(fixture('data/examples/hova-health-michoacan-2018.yaml'), 'es');
    expect(addressee(d.documents.find((x) => x.id === 'notice-controller')!)).toContain('Régimen Estatal de Protección Social en Salud de Michoacán');
    // The controller's duties name each recipient once: "Informar a los titulares afectados", not "..., dirigido a los titulares afectados".
    const duties = (d.documents.find((x) => x.id === 'notice-controller')!.sections.find((x) => x.code === 'controller-duties')!.blocks[1] as { items: string[] }).items;
    expect(duties[0]).toMatch(/^Informar a los titulares afectados\. Plazo: /);
    expect(duties.join(' ')).not.toContain('dirigido a los titulares');
  });

  it('a state body whose guarantor ceased: the addressee is a marked blank, never the extinct body', () => {
    const d = drafts('incident:\n  discovered: 2026-03-01\n  controller: { sector: public, branch: state, state: Baja California Sur }\ndatasets: [{ name: d, records: 10, fields: [full_name, salary] }]\n', 'es');
    const notice = d.documents.find((x) => x.id === 'notice-authority')!;
    expect(addressee(notice)).toContain('[autoridad garante que señale la ley del estado]');
    expect(notice.letter!.to[1]![0]!.missing).toBe(true);
    expect(JSON.stringify(notice)).not.toContain('ITAIBCS');
    expect(d.missing.map((m) => m.code)).toContain('state-guarantor');
  });

  it('a letter to the successor cites the successor\'s competence, and Spanish contracts "a el"', () => {
    const text = 'incident:\n  discovered: 2025-03-19\n  controller: { sector: public, branch: federal-judiciary }\ndatasets: [{ name: d, records: 10, fields: [full_name, salary] }]\n';
    const d = drafts(text, 'es', '2026-11-21');
    const notice = d.documents.find((x) => x.id === 'notice-authority')!;
    expect((notice.sections[0]!.blocks[0] as { text: string }).text).toContain('el artículo 3, fracción II, de la Ley General');
    expect(addressee(notice)).toContain('Órgano de control y disciplina del Poder Judicial');
    const caveats = (d.documents[0]!.sections.find((x) => x.code === 'caveats')!.blocks[0] as { items: string[] }).items.join(' ');
    expect(caveats).toContain('se dirige al órgano de control y disciplina del Poder Judicial');
    expect(caveats).not.toMatch(/\ba el\b/);
  });

  it('transitory articles numbered by words read as ordinals in each language (Spanish words never in English letters)', () => {
    const text = 'incident:\n  discovered: 2025-06-01\n  controller: { sector: public, branch: state, state: Jalisco, name: Gobierno de Jalisco }\ndatasets: [{ name: d, records: 10, fields: [full_name, salary] }]\n';
    const body = (lang: 'es' | 'en') => (drafts(text, lang, '2026-11-21').documents.find((x) => x.id === 'notice-authority')!.sections[0]!.blocks[0] as { text: string }).text;
    // A state body after the reform: the Decreto's nineteenth transitory article keeps its organismo garante operating.
    expect(body('es')).toContain('en el artículo décimo noveno transitorio del Decreto por el que se expiden');
    expect(body('en')).toContain('the Nineteenth transitory article of the Decreto por el que se expiden');
    // A federal body whose INAI term ran into the reform: the constitutional decree's fifth transitory article.
    const federal = 'incident:\n  discovered: 2025-03-19\n  controller: { sector: public, branch: federal-executive, name: IMSS }\ndatasets: [{ name: d, records: 10, fields: [full_name, salary] }]\n';
    const fed = (lang: 'es' | 'en') => (drafts(federal, lang, '2026-11-21').documents.find((x) => x.id === 'notice-authority')!.sections[0]!.blocks[0] as { text: string }).text;
    expect(fed('es')).toContain('el artículo quinto transitorio del Decreto de reforma constitucional');
    expect(fed('es')).toContain('los artículos primero y cuarto transitorios del Decreto por el que se expiden');
    expect(fed('en')).toContain('the Fifth transitory article of the Decreto');
    expect(fed('en')).toContain('the First and Fourth transitory articles');
    expect(fed('en')).not.toMatch(/\b(primero|segundo|tercero|cuarto|quinto|décimo|noveno)\b/i);
    expect(body('en')).not.toMatch(/\b(primero|segundo|tercero|cuarto|quinto|décimo|noveno)\b/i);
    expect(['Primero', 'décimo noveno', 'Décimo Noveno', 'decimonoveno', 'Vigésimo', 'vigésimo primero', 'trigésimo'].map(spanishOrdinal)).toEqual([1, 19, 19, 19, 20, 21, 30]);
    expect([1, 11, 19, 20, 24, 30].map(englishOrdinal)).toEqual(['First', 'Eleventh', 'Nineteenth', 'Twentieth', 'Twenty-fourth', 'Thirtieth']);
    expect(spanishOrdinal('19')).toBeUndefined();
  });
});

describe('a letter written after the authority ceased', () => {
  it('goes to the successor, with the reason on the summary sheet, even when the term ended long before', () => {
    const d = drafts(fixture('data/examples/imss-afiliados-2021.yaml'), 'es', '2026-11-21');
    const row = (d.documents[0]!.sections[0]!.blocks[0] as { rows: string[][] }).rows.find((r) => r[0] === 'Informar a la autoridad')!;
    expect(row[1]).toBe('la Secretaría Anticorrupción y Buen Gobierno (SABG)');
    const caveats = (d.documents[0]!.sections.find((x) => x.code === 'caveats')!.blocks[0] as { items: string[] }).items.join(' ');
    expect(caveats).toContain('El INAI existió hasta el 20 de marzo de 2025: este aviso, redactado después, se dirige a la Secretaría Anticorrupción y Buen Gobierno');
    // Written while INAI existed, the same letter went to INAI.
    const then = drafts(fixture('data/examples/imss-afiliados-2021.yaml'), 'es', '2021-01-22');
    expect((then.documents[0]!.sections[0]!.blocks[0] as { rows: string[][] }).rows.find((r) => r[0] === 'Informar a la autoridad')![1]).toContain('INAI');
  });
});
