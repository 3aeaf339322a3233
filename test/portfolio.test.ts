// Portfolios and CI (issue 11): the overview, the JSON summary, ndjson, SARIF, iCalendar, and how
// invalid files and --fail-on behave. Run through the built CLI, as users and pipelines run it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { LEVELS } from '../src/core/vocab.js';
import { translator } from '../src/i18n/index.js';
import { fold, icsText } from '../src/report/ics.js';
import { assessmentJson, assessmentJsonPretty, assessmentJsonText } from '../src/report/json.js';
import { ndjsonLineSchema, outputSchema } from '../src/report/output-schema.js';
import { SummaryBuilder } from '../src/report/summary.js';
import { assessText, fixture } from './helpers.js';

const BIN = new URL('../bin/breach.cjs', import.meta.url).pathname;
const EX = (name: string) => new URL(`../data/examples/${name}`, import.meta.url).pathname;
const ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', BREACH_TODAY: '2026-11-21', LANG: 'C' };

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input: '', env: { ...ENV, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const HEADER = 'incidente,titulo,conjunto,registros,campos,responsable,sector,rama,estado,industria,fecha,confidencialidad,dolo';
const KINDS = [
  ['full_name;curp;salary', 'público', 'federal-executive', '', '', '2021-01-22'],
  ['email;password_hash', 'privado', '', '', 'retail', '2025-05-02'],
  ['full_name;health_condition', 'público', 'state', 'Jalisco', '', '2024-03-10'],
  ['ip_address;device_id', 'privado', '', '', 'banking', '2025-07-30'],
] as const;

/** A portfolio of `n` incidents, two datasets each; incident i is of kind i % 4. */
function portfolio(n: number, extra = ''): string {
  const dir = mkdtempSync(join(tmpdir(), 'breach-portfolio-'));
  const lines = [HEADER];
  for (let i = 0; i < n; i++) {
    const [fields, sector, branch, state, industry, date] = KINDS[i % 4]!;
    for (const d of [1, 2]) lines.push([`INC-${i}`, `Incident ${i}`, `ds-${d}`, String((i + 1) * 1000 * d), fields, `Body ${i}`, sector, branch, state, industry, date, 'unknown-recipients', 'sí'].join(','));
  }
  const file = join(dir, `portfolio-${n}.csv`);
  writeFileSync(file, `${lines.join('\n')}\n${extra}`);
  return file;
}

describe('portfolio overview (table, markdown)', () => {
  it('in 80 columns nothing is cut: long cells and headers wrap, the due date and every caveat are whole, in Spanish and English', () => {
    for (const lang of ['es', 'en']) {
      const r = run(['assess', EX('portafolio.csv'), '--no-color', '--lang', lang]);
      expect(r.code).toBe(0);
      const overview = r.out.slice(0, r.out.indexOf('\n\n', r.out.indexOf(lang === 'es' ? 'Incidentes, por severidad' : 'Incidents, by severity')));
      expect(overview, lang).not.toContain('…');
      for (const line of overview.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
      // The one dated obligation: its date, time and incident, whole.
      for (const part of [lang === 'es' ? '1 de agosto de 2025, 00:00' : 'August 1, 2025, 00:00', '(UTC-06:00)', '(portafolio.csv#INC-04)']) expect(overview, lang).toContain(part);
      expect(overview.replace(/\s+/g, ' '), lang).toContain(lang === 'es' ? 'la obligación legal es informar a los titulares.' : 'notifying the data subjects is the legal duty.');
    }
  });

  it('the dataset table of an incident shows its headers whole ("Puntuación" was cut to "Punt…")', () => {
    const es = run(['assess', EX('sedena-guacamaya-2022.yaml'), '--no-color', '--lang', 'es']).out;
    expect(es).toMatch(/│ Conjunto +│ Registros +│ Nivel +│ Puntuación +│ Campos +│/);
    expect(es).not.toContain('…');
    for (const line of es.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
  });

  it('above the threshold: overview and the worst incidents sorted by severity, no details unless --detail', () => {
    const file = portfolio(30);
    const r = run(['assess', file, '--no-color']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Portfolio overview');
    expect(r.out).toContain('30 incidents;');
    expect(r.out).toMatch(/Incidents by level and controller/);
    expect(r.out).toContain('The 20 worst incidents, by severity');
    expect(r.out).toContain('... and 10 more incidents');
    expect(r.out).not.toContain('Vector:'); // no detail page
    // The listed levels never increase down the list.
    const listed = r.out.slice(r.out.indexOf('The 20 worst')).split('\n').map((l) => /^\s+\d+\s+(low|medium|high|critical)\s/.exec(l)?.[1]).filter(Boolean) as string[];
    expect(listed).toHaveLength(20);
    for (let i = 1; i < listed.length; i++) expect(LEVELS.indexOf(listed[i] as never)).toBeLessThanOrEqual(LEVELS.indexOf(listed[i - 1] as never));

    const detailed = run(['assess', file, '--no-color', '--detail']);
    expect(detailed.out.match(/Vector:/g)).toHaveLength(30);
    expect(detailed.out).toContain('Incidents, by severity');
    const raised = run(['assess', file, '--no-color', '--detail-threshold', '50']);
    expect(raised.out.match(/Vector:/g)).toHaveLength(30);
    expect(run(['assess', file, '--detail-threshold', 'many']).code).toBe(2);
  });

  it('below the threshold: overview, then every incident in detail; markdown in Spanish', () => {
    const file = portfolio(5);
    const r = run(['assess', file, '--format', 'markdown', '--lang', 'es']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('## Panorama de la cartera');
    expect(r.out).toContain('### Incidentes y personas por nivel');
    expect(r.out).toContain('| crítica | 2 | 18,000 |');
    expect(r.out.match(/^## Incident /gm)).toHaveLength(5);
    // People formatted in Spanish (es-MX groups with commas).
    expect(r.out).toContain('10,000');
  });

  it('the overview speaks to people: long dates, laws as cited, obligations and caveats in words', () => {
    const r = run(['assess', EX('portafolio.csv'), '--format', 'markdown', '--lang', 'es']);
    expect(r.code).toBe(0);
    const overview = r.out.slice(0, r.out.indexOf('\n## ', r.out.indexOf('### Incidentes, por severidad')));
    // The earliest due date in long form, not ISO with an offset.
    expect(overview).toContain('1 de agosto de 2025, 00:00 (UTC-06:00)');
    expect(overview).not.toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    // Regimes as a lawyer cites them, not the data's ids.
    expect(overview).toContain('| LFPDPPP de 2010 | 2 | MXN |');
    expect(overview).not.toMatch(/LFPDPPP-20\d\d|LGPDPPSO-20\d\d/);
    // The incident list names obligations in words; scores are not escaped as list markers.
    expect(overview).toContain('| 2 | crítica | 4.5 | 800 | Lista de clínica enviada por error | portafolio.csv#INC-02 | aviso a titulares, análisis de causas |');
    expect(overview).not.toMatch(/notify-data-subjects|root-cause-analysis|\\\d/);
    // Each distinct caveat with its own words: no elided arguments, no rule ids.
    expect(overview).toContain('\\[rule-status\\] La regla «Informar al regulador del sector, banca»');
    expect(overview).not.toMatch(/«…»|sector-report-banking/);
    // JSON keeps the codes and the per-code caveat counts (the contract), not the variants.
    const j = JSON.parse(run(['assess', EX('portafolio.csv'), '--format', 'json']).out);
    expect(j.summary.exposure.map((e: { regime: string }) => e.regime)).toContain('LFPDPPP-2010');
    expect(j.summary.caveatVariants).toBeUndefined();
    expect(j.summary.caveats['rule-status']).toBe(6);
  });

  it('caveats whose arguments differ per incident are listed once by code; a few variants each get a row', () => {
    const text = readFileSync(portfolio(30), 'utf8');
    const as = assessText(text, { format: 'csv', file: 'p.csv' });
    const b = new SummaryBuilder(0);
    for (const a of as) b.add(a);
    const v = b.result().caveatVariants;
    // subjects-summed carries each incident's own sum: 30 different texts, one row.
    const summed = v.filter((x) => x.caveat.code === 'subjects-summed');
    expect(summed).toEqual([{ caveat: { code: 'subjects-summed' }, incidents: 30, varied: true }]);
    // rule-status names the rule: one row per rule, counts adding up to the code's count.
    const rules = v.filter((x) => x.caveat.code === 'rule-status');
    expect(rules.length).toBeGreaterThan(1);
    expect(rules.every((x) => !x.varied && x.caveat.args?.rule)).toBe(true);
    expect(rules.reduce((n, x) => n + x.incidents, 0)).toBe(b.result().caveats['rule-status']);
  });

  it('counts add up: levels, people, obligations, earliest due dates, caveats', () => {
    const as = assessText(fixture('data/examples/portafolio.csv'), { format: 'csv', file: 'portafolio.csv' });
    const b = new SummaryBuilder(Infinity);
    for (const a of as) b.add(a);
    const s = b.result();
    expect(s.incidents).toBe(as.length);
    expect(LEVELS.reduce((n, l) => n + s.byLevel[l].incidents, 0)).toBe(as.length);
    expect(s.people).toBe(as.reduce((n, a) => n + a.subjects, 0));
    expect(s.worstLevel).toBe(LEVELS[Math.max(...as.map((a) => LEVELS.indexOf(a.severity.level)))]);
    for (const [code, o] of Object.entries(s.obligations)) expect(o.count).toBe(as.filter((a) => a.obligations.some((x) => x.code === code)).length);
    const heat = LEVELS.reduce((n, l) => n + Object.values(s.heatMap.rows[l]).reduce((x, y) => x + y, 0), 0);
    expect(heat).toBe(as.length);
    expect(s.caveats['not-legal-advice']).toBe(as.length);
    const lines = b.worstLines();
    expect(lines).toHaveLength(as.length);
    for (let i = 1; i < lines.length; i++) {
      const [p, q] = [lines[i - 1]!, lines[i]!];
      expect(LEVELS.indexOf(p.level) > LEVELS.indexOf(q.level) || (p.level === q.level && p.score >= q.score)).toBe(true);
    }
  });

  it('the earliest due date is the law engine\'s deadline.due (INAI 72 hours: the end of the third calendar day)', () => {
    const [a] = assessText(fixture('data/examples/imss-afiliados-2021.yaml'));
    const b = new SummaryBuilder(0);
    b.add(a!);
    expect(a!.obligations.find((o) => o.code === 'notify-authority')!.deadline.due).toBe('2021-01-24T23:59:59-06:00');
    expect(b.result().obligations['notify-authority']).toMatchObject({ count: 1, dated: 1, earliestDue: '2021-01-24T23:59:59-06:00' });
    expect(b.result().obligations['notify-data-subjects']).toMatchObject({ count: 1, dated: 0 });
  });
});

describe('JSON summary and ndjson', () => {
  it('the compact text of an assessment is the same JSON value as the object', () => {
    const ctx = { t: translator('es'), lang: 'es' as const, version: '1.0.0' };
    const texts = ['imss-afiliados-2021.yaml', 'sedena-guacamaya-2022.yaml', 'hova-health-michoacan-2018.yaml', 'aseguradora-clientes-2021.yaml'].map((f) => fixture(`data/examples/${f}`));
    const as = [...texts.flatMap((x) => assessText(x)), ...assessText(fixture('data/examples/portafolio.csv'), { format: 'csv', file: 'p.csv' }), ...assessText(fixture('data/examples/portafolio.csv'), { format: 'csv', file: 'p.csv' })];
    for (const a of as) expect(JSON.parse(assessmentJsonText(a, ctx))).toEqual(JSON.parse(JSON.stringify(assessmentJson(a, ctx))));
  });

  it('the indented text, a dataset per piece, is the text of the whole object (100,000 datasets made one 2 GB text)', () => {
    const ctx = { t: translator('en'), lang: 'en' as const, version: '1.0.0' };
    const texts = ['imss-afiliados-2021.yaml', 'sedena-guacamaya-2022.yaml', 'hova-health-michoacan-2018.yaml'].map((f) => fixture(`data/examples/${f}`));
    // Texts spelled like the placeholder (their NUL characters are stripped from reports; the placeholder is found with its key anyway).
    const marked = assessText('incident:\n  title: "\\0datasets\\0"\n  controller: { sector: private }\ndatasets:\n  - { name: "\\0datasets\\0", records: 1, fields: [email] }\n');
    const as = [...texts.flatMap((x) => assessText(x)), ...assessText(fixture('data/examples/portafolio.csv'), { format: 'csv', file: 'p.csv' }), ...marked];
    for (const a of as) {
      const pieces = [...assessmentJsonPretty(a, ctx)];
      expect([...assessmentJsonPretty(a, ctx, '    ')].join('')).toBe(JSON.stringify(assessmentJson(a, ctx), null, 2).replace(/\n/g, '\n    '));
      expect(pieces.join('')).toBe(JSON.stringify(assessmentJson(a, ctx), null, 2));
      expect(pieces.length).toBe(a.datasets.length + 3);
    }
  });

  it('the JSON report gains a summary that matches its assessments; existing keys unchanged', () => {
    const files = readdirSync(new URL('../data/examples/', import.meta.url)).map(EX);
    const r = run(['assess', ...files, '--format', 'json']);
    const doc = JSON.parse(r.out);
    const parsed = outputSchema.safeParse(doc);
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'generator', 'lang', 'assessments', 'summary']);
    const levels = doc.assessments.map((a: { severity: { level: string } }) => a.severity.level);
    for (const l of LEVELS) expect(doc.summary.byLevel[l].incidents).toBe(levels.filter((x: string) => x === l).length);
    expect(doc.summary.worstLevel).toBe('critical');
    expect(doc.summary.people).toBe(doc.assessments.reduce((n: number, a: { subjects: number }) => n + a.subjects, 0));
  });

  it('a large portfolio is written compactly (one assessment per line) with the same values as ndjson', () => {
    const file = portfolio(25);
    const json = JSON.parse(run(['assess', file, '--format', 'json']).out);
    expect(outputSchema.safeParse(json).success).toBe(true);
    const nd = run(['assess', file, '--format', 'ndjson']).out.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(nd).toHaveLength(25);
    for (const line of nd) expect(ndjsonLineSchema.safeParse(line).success).toBe(true);
    expect(nd).toEqual(json.assessments);
    const small = JSON.parse(run(['assess', portfolio(3), '--format', 'json']).out);
    expect(small.assessments).toHaveLength(3);
  });
});

// SARIF 2.1.0, structurally: the required properties and closed sets of the OASIS schema for the
// objects breach writes (strict objects, as the schema sets additionalProperties: false). The
// official schema file is not vendored (not available offline here); see the README.
const text = z.object({ text: z.string() });
const sarifSchema = z.strictObject({
  $schema: z.optional(z.string()),
  version: z.literal('2.1.0'),
  runs: z.array(z.strictObject({
    tool: z.strictObject({
      driver: z.strictObject({
        name: z.string(), version: z.optional(z.string()), semanticVersion: z.optional(z.string()),
        rules: z.array(z.strictObject({
          id: z.string(), name: z.optional(z.string()), shortDescription: text, fullDescription: text, help: text,
          defaultConfiguration: z.strictObject({ level: z.enum(['none', 'note', 'warning', 'error']) }),
          properties: z.optional(z.record(z.string(), z.unknown())),
        })),
      }),
    }),
    columnKind: z.optional(z.enum(['utf16CodeUnits', 'unicodeCodePoints'])),
    results: z.array(z.strictObject({
      ruleId: z.string(),
      ruleIndex: z.number().check(z.int(), z.gte(-1)),
      level: z.enum(['none', 'note', 'warning', 'error']),
      message: text,
      locations: z.array(z.strictObject({
        physicalLocation: z.strictObject({
          artifactLocation: z.strictObject({ uri: z.string().check(z.refine((u) => { try { new URL(u, 'file:///base/'); return !/\s/.test(u); } catch { return false; } })) }),
          region: z.strictObject({ startLine: z.number().check(z.int(), z.gte(1)) }),
        }),
      })),
      partialFingerprints: z.optional(z.record(z.string(), z.string())),
      properties: z.optional(z.record(z.string(), z.unknown())),
    })),
  })),
});

describe('SARIF', () => {
  it('one result per incident, located at its file and line, level mapped, rule = level', () => {
    const file = portfolio(6);
    const r = run(['assess', file, '--format', 'sarif']);
    expect(r.code).toBe(0);
    const log = JSON.parse(r.out);
    const parsed = sarifSchema.safeParse(log);
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
    const results = log.runs[0].results;
    expect(results).toHaveLength(6);
    const rules = log.runs[0].tool.driver.rules.map((x: { id: string }) => x.id);
    expect(rules).toEqual([...LEVELS]);
    for (const res of results) {
      expect(rules[res.ruleIndex]).toBe(res.ruleId);
      expect(res.level).toBe({ critical: 'error', high: 'error', medium: 'warning', low: 'note' }[res.ruleId as 'low']);
      expect(res.locations[0].physicalLocation.artifactLocation.uri).toBe(encodeURI(file));
    }
    // INC-3 starts on line 2 + 3 x 2 = 8 (two rows per incident after the header).
    const inc3 = results.find((x: { properties: { source: string } }) => x.properties.source.endsWith('#INC-3'));
    expect(inc3.locations[0].physicalLocation.region.startLine).toBe(8);
  });

  it('the message names the obligations in words, in the selected language (the codes stay in properties)', () => {
    for (const [lang, words] of [['es', 'obligaciones: aviso a titulares, aviso a la autoridad, bitácora, análisis de causas.'], ['en', 'obligations: data subjects, authority, breach log, root causes.']] as const) {
      const results = JSON.parse(run(['assess', EX('portafolio.csv'), '--format', 'sarif', '--lang', lang]).out).runs[0].results;
      const inc1 = results.find((x: { properties: { source: string } }) => x.properties.source.endsWith('#INC-01'));
      expect(inc1.message.text, lang).toContain(words);
      expect(inc1.properties.obligations).toEqual(['notify-data-subjects', 'notify-authority', 'log-breach', 'root-cause-analysis']);
      for (const r of results) expect(r.message.text, lang).not.toMatch(/notify-|log-breach|root-cause|sector-report/);
    }
  });

  it('with --fail-on, only incidents at or above it; YAML documents located at their line', () => {
    const multi = join(mkdtempSync(join(tmpdir(), 'breach-sarif-')), 'two.yaml');
    writeFileSync(multi, `${fixture('data/examples/imss-afiliados-2021.yaml')}\n---\n${fixture('data/examples/ine-padron-aws-2016.yaml')}`);
    const all = JSON.parse(run(['assess', multi, '--format', 'sarif']).out).runs[0].results;
    expect(all).toHaveLength(2);
    expect(all[1].locations[0].physicalLocation.region.startLine).toBeGreaterThan(5);
    const r = run(['assess', multi, '--format', 'sarif', '--fail-on', 'critical']);
    expect(r.code).toBe(1);
    const only = JSON.parse(r.out).runs[0].results;
    expect(only.map((x: { ruleId: string }) => x.ruleId)).toEqual(['critical']);
  });
});

describe('iCalendar', () => {
  it('one VEVENT per obligation with a due date; CRLF, folded at 75 octets, escaped, UID and DTSTAMP', () => {
    const r = run(['assess', EX('imss-afiliados-2021.yaml'), '--format', 'ics', '--lang', 'es']);
    expect(r.code).toBe(0);
    const ics = r.out;
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // no bare LF or CR
    for (const l of ics.split('\r\n')) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n /g, '');
    const events = unfolded.split('BEGIN:VEVENT').slice(1);
    expect(events).toHaveLength(1); // only the INAI 72-hour notice has a due date
    const ev = events[0]!;
    expect(ev).toMatch(/\r\nUID:[0-9a-f]{32}@breach\.invalid\r\n/);
    expect(ev).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
    expect(ev).toContain('\r\nDTSTART:20210125T055959Z\r\n'); // 2021-01-24T23:59:59-06:00
    expect(ev).toContain('SUMMARY:Informar a la autoridad: Base de datos de afiliados del IMSS puesta a la venta');
    expect(ev).toMatch(/BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT24H\r\n/);
    // Components balance.
    for (const c of ['VCALENDAR', 'VEVENT', 'VALARM']) expect(unfolded.match(new RegExp(`BEGIN:${c}\\r\\n`, 'g'))?.length).toBe(unfolded.match(new RegExp(`END:${c}\\r\\n`, 'g'))?.length);
  });

  it('folds without splitting a UTF-8 character and escapes TEXT', () => {
    const long = `DESCRIPTION:${'ñ'.repeat(100)}`;
    const folded = fold(long);
    for (const l of folded.split('\r\n')) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
    expect(icsText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
  });
});

describe('CI behaviour', () => {
  const dir = mkdtempSync(join(tmpdir(), 'breach-ci-'));
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, 'incident:\n  title: x\n  controller: { sector: nowhere }\ndatasets: []\n');

  it('an invalid file is reported (exit 2) and the others are still assessed; --bail stops at it', () => {
    const r = run(['assess', bad, EX('imss-afiliados-2021.yaml'), '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.yaml:\d+:\d+: /);
    expect(JSON.parse(r.out).assessments).toHaveLength(1);
    const b = run(['assess', bad, EX('imss-afiliados-2021.yaml'), '--format', 'json', '--bail']);
    expect(b.code).toBe(2);
    expect(b.out).toBe('');
  });

  it('--fail-on names on stderr the incidents that reached it, with file and line; --quiet keeps stderr clean', () => {
    const r = run(['assess', EX('portafolio.csv'), '--fail-on', 'critical', '--format', 'csv']);
    expect(r.code).toBe(1);
    const lines = r.err.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(/^breach: .*portafolio\.csv:\d+: .+ reached critical \(score [\d.]+; --fail-on critical\)$/);
    expect(r.err).toContain('portafolio.csv:3: Lista de clínica enviada por error reached critical');
    const q = run(['assess', EX('portafolio.csv'), '--fail-on', 'critical', '--quiet']);
    expect(q.code).toBe(1);
    expect(q.err).toBe('');
  });

  it('--skip-invalid assesses the valid incidents of a CSV with a bad row; without it the CSV is invalid', () => {
    const file = portfolio(4, 'INC-9,Bad,ds,many,full_name,Body,privado,,,retail,2025-01-01,unknown-recipients,no\n');
    const strict = run(['assess', file, '--format', 'json']);
    expect(strict.code).toBe(2);
    expect(strict.out).toBe('');
    expect(strict.err).toMatch(/portfolio-4\.csv:10:\d+: /);
    const r = run(['assess', file, '--format', 'json', '--skip-invalid']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/portfolio-4\.csv:10:\d+: /);
    expect(r.err).toContain('1 incidents skipped (--skip-invalid)');
    expect(JSON.parse(r.out).assessments.map((a: { source: string }) => a.source.split('#')[1])).toEqual(['INC-0', 'INC-1', 'INC-2', 'INC-3']);
  });

  it('validate --format json gives the diagnostics as data', () => {
    const r = run(['validate', bad, EX('imss-afiliados-2021.yaml'), '--format', 'json']);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out);
    expect(doc.valid).toBe(false);
    expect(doc.files).toEqual([expect.objectContaining({ file: bad, valid: false }), expect.objectContaining({ valid: true, incidents: 1 })]);
    expect(doc.diagnostics[0]).toMatchObject({ file: bad, line: expect.any(Number), col: expect.any(Number), message: expect.any(String), severity: 'error' });
    const ok = run(['validate', EX('imss-afiliados-2021.yaml'), '--format', 'json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ valid: true, diagnostics: [] });
  });
});

describe('messages', () => {
  it('every new message exists in Spanish and English', () => {
    const es = translator('es');
    const en = translator('en');
    for (const k of ['ui.overview', 'ui.overview.heatMap.why', 'ci.failOn', 'sarif.help', 'ics.description', 'heat.private']) {
      expect(es(k)).not.toBe(k);
      expect(en(k)).not.toBe(k);
      expect(es(k)).not.toBe(en(k));
    }
  });
});
