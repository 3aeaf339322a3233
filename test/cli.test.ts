// The built CLI, run as users and CI pipelines run it: exit codes, streams, files, colours.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputSchema } from '../src/report/output-schema.js';

const BIN = new URL('../bin/breach.cjs', import.meta.url).pathname;
const EX = (name: string) => new URL(`../data/examples/${name}`, import.meta.url).pathname;
const BASE_ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', BREACH_TODAY: '2026-11-21', LANG: 'C' };

function run(args: string[], opts: { input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input: opts.input ?? '', env: { ...BASE_ENV, ...opts.env }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'breach-'));
}

const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('breach assess', () => {
  it('writes the JSON report of contract §5 for every bundled example', () => {
    const files = readdirSync(new URL('../data/examples/', import.meta.url)).map(EX);
    const r = run(['assess', ...files, '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    const parsed = outputSchema.safeParse(doc);
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
    expect(doc.schemaVersion).toBe(1);
    const imss = doc.assessments.find((a: { source: string }) => a.source.endsWith('imss-afiliados-2021.yaml'));
    expect(imss.severity).toMatchObject({ level: 'critical', score: 4.75, vector: 'SEMX:1/DPC:3/EI:1/C:0.5/I:0/A:0/M:0.5/V:0.75', enisa: { score: 4, level: 'critical' } });
    expect(imss.severity.factors[0]).toMatchObject({ factor: 'DPC', value: 3, rule: 'DPC-FINANCIAL', evidence: ['salary'] });
    expect(imss.obligations.find((o: { code: string }) => o.code === 'notify-authority')).toMatchObject({ authority: 'INAI', deadline: { hours: 72 } });
    const pens = doc.assessments.find((a: { source: string }) => a.source.endsWith('imss-pensionados-2025.yaml'));
    expect(pens.obligations.find((o: { code: string }) => o.code === 'notify-authority')).toMatchObject({ authority: 'SABG', deadline: { hours: null } });
  });

  it('--fail-on gates CI: exit 1 when an incident reaches the level, else 0', () => {
    expect(run(['assess', EX('imss-afiliados-2021.yaml'), '--fail-on', 'critical', '-q']).code).toBe(1);
    expect(run(['assess', EX('ine-padron-aws-2016.yaml'), '--fail-on', 'critical', '-q']).code).toBe(0);
    expect(run(['assess', EX('ine-padron-aws-2016.yaml'), '--fail-on', 'high', '-q']).code).toBe(1);
  });

  it('--quiet prints nothing on success', () => {
    const r = run(['assess', EX('imss-afiliados-2021.yaml'), '--quiet']);
    expect([r.code, r.out, r.err]).toEqual([0, '', '']);
  });

  it('bad input: exit 2, one located line per problem, no stack trace', () => {
    const d = tmp();
    const f = join(d, 'bad.yaml');
    writeFileSync(f, 'incident:\n  controller: { sector: private }\ndatasets:\n  - { name: a, records: -3, fields: [crup] }\n');
    const r = run(['assess', f, join(d, 'missing.yaml')]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toEqual([
      `${f}:4:25: \`datasets[0].records\`: must not be negative (got -3)`,
      `${f}:4:38: \`datasets[0].fields[0]\`: unknown field type \`crup\` (did you mean \`curp\`?); \`breach fields\` lists them`,
      `${join(d, 'missing.yaml')}:1:1: cannot read the file: no such file`,
    ]);
    noStack(r.err);
  });

  it('usage errors exit 2', () => {
    for (const args of [['assess'], ['assess', 'x.yaml', '--format', 'xml'], ['nope'], ['assess', EX('imss-afiliados-2021.yaml'), '--as-of', '2025-13-01'], ['assess', '-']]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      noStack(r.err);
    }
  });

  it('a directory, a binary file and an unknown extension are located errors', () => {
    const d = tmp();
    writeFileSync(join(d, 'x.bin'), 'a');
    writeFileSync(join(d, 'y.yaml'), Buffer.from([0, 1, 2, 3]));
    const r = run(['assess', d, join(d, 'x.bin'), join(d, 'y.yaml'), '--input-format', 'yaml']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${d}:1:1: cannot read the file: is a directory`);
    expect(r.err).toContain(`${join(d, 'y.yaml')}:1:1: the file contains NUL bytes`);
  });

  it('reads stdin with --input-format', () => {
    const r = run(['assess', '-', '--input-format', 'yaml', '--format', 'json'], { input: readFileSync(EX('imss-afiliados-2021.yaml'), 'utf8') });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).assessments[0].source).toBe('<stdin>');
  });

  it('--output writes atomically and never replaces a file without --force', () => {
    const d = tmp();
    const target = join(d, 'report.md');
    expect(run(['assess', EX('imss-afiliados-2021.yaml'), '-f', 'markdown', '-o', target]).code).toBe(0);
    const first = readFileSync(target, 'utf8');
    expect(first).toMatch(/^# Data-breach impact assessment/);
    writeFileSync(target, 'precious');
    const again = run(['assess', EX('imss-afiliados-2021.yaml'), '-o', target]);
    expect(again.code).toBe(2);
    expect(again.err).toContain('already exists; add --force');
    expect(readFileSync(target, 'utf8')).toBe('precious');
    expect(run(['assess', EX('imss-afiliados-2021.yaml'), '-o', target, '--force']).code).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('IMSS');
    expect(readdirSync(d)).toEqual(['report.md']);
  });

  it('--output refuses the input itself and a missing directory', () => {
    const d = tmp();
    const input = join(d, 'in.yaml');
    writeFileSync(input, readFileSync(EX('imss-afiliados-2021.yaml')));
    const onto = run(['assess', input, '-o', input, '--force']);
    expect(onto.code).toBe(2);
    expect(onto.err).toContain('is one of the input files');
    expect(readFileSync(input, 'utf8')).toBe(readFileSync(EX('imss-afiliados-2021.yaml'), 'utf8'));
    const missing = run(['assess', input, '-o', join(d, 'nope', 'r.json')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('does not exist');
    expect(existsSync(join(d, 'nope'))).toBe(false);
  });

  it('colour: off when piped or NO_COLOR; FORCE_COLOR forces; --no-color wins', () => {
    const f = EX('imss-afiliados-2021.yaml');
    expect(run(['assess', f]).out).not.toContain('\x1b[');
    expect(run(['assess', f], { env: { FORCE_COLOR: '1' } }).out).toContain('\x1b[');
    expect(run(['assess', f, '--no-color'], { env: { FORCE_COLOR: '1' } }).out).not.toContain('\x1b[');
    expect(run(['assess', f], { env: { NO_COLOR: '1', TERM: 'dumb' } }).out).not.toContain('\x1b[');
  });

  it('speaks Spanish with --lang es or an es_* locale; codes do not change', () => {
    const es = run(['assess', EX('imss-afiliados-2021.yaml')], { env: { LANG: 'es_MX.UTF-8' } });
    expect(es.out).toContain('Gravedad');
    expect(es.out).toContain('Informar a los titulares');
    const json = JSON.parse(run(['assess', EX('imss-afiliados-2021.yaml'), '-f', 'json', '--lang', 'es']).out);
    expect(json.assessments[0].obligations[0].code).toBe('notify-data-subjects');
    expect(json.assessments[0].severity.level).toBe('critical');
  });

  it('hostile names: no escape sequence, control or bidi character reaches the terminal; CSV cells are formula-safe', () => {
    const d = tmp();
    const f = join(d, 'evil.yaml');
    writeFileSync(f, [
      'incident:',
      '  title: "=HYPERLINK(\\"http://x\\")\\e]0;pwned\\a\\e[31mRED\\u202Eevil\\x9b2J"',
      '  controller: { sector: private, name: "+cmd|\' /C calc\'!A0" }',
      'datasets:',
      '  - { name: "@SUM(1)\\e[2J", records: 10, fields: [email], notes: "-2+3\\r\\nline" }',
    ].join('\n'));
    for (const format of ['table', 'markdown', 'csv', 'json']) {
      const r = run(['assess', f, '-f', format], { env: { FORCE_COLOR: '1' } });
      expect(r.code, format).toBe(0);
      const withoutOurColours = r.out.replace(/\x1b\[[0-9;]*m/g, '');
      expect(withoutOurColours, format).not.toMatch(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
      expect(r.out, format).not.toContain(']0;pwned');
      expect(r.out, format).not.toContain('\x1b[2J');
    }
    const csv = run(['assess', f, '-f', 'csv']).out.split('\n')[1]!;
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")RED`);
    expect(csv).toContain(`,'+cmd|' /C calc'!A0,`);
    expect(csv).toContain(`'@SUM(1)`);
  });
});

describe('breach explain', () => {
  it('recomputes a vector', () => {
    const r = run(['explain', 'SEMX:1/DPC:3/EI:1/C:0.5/I:0/A:0/M:0.5/V:0.75']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('= 4  → critical');
    expect(r.out).toContain('= 4.75  → critical');
    expect(JSON.parse(run(['explain', 'SEMX:1/DPC:1/EI:1/C:0.5/I:0/A:0/M:0/V:0.75', '--json']).out)).toMatchObject({ score: 2.25, level: 'medium', enisa: { score: 1.5, level: 'low' } });
  });

  it('rejects a malformed vector precisely (exit 2)', () => {
    const r = run(['explain', 'SEMX:1/DPC:3/EI:2/C:0.5/I:0/A:0/M:0.5/V:0.75']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('<vector>:1:17: `EI` must be one of 0.25, 0.5, 0.75, 1 (got `2`)\n');
  });
});

describe('breach rules', () => {
  it('differs exactly where the law changed (2024-06-01 vs 2026-06-01)', () => {
    const before = JSON.parse(run(['rules', '--as-of', '2024-06-01', '--json']).out);
    const after = JSON.parse(run(['rules', '--as-of', '2026-06-01', '--json']).out);
    expect(before.laws.map((l: { id: string }) => l.id)).toEqual(['LFPDPPP-2010', 'RLFPDPPP-2011', 'LGPDPPSO-2017', 'LINEAMIENTOS-2018']);
    expect(after.laws.map((l: { id: string }) => l.id)).toEqual(['RLFPDPPP-2011', 'LFPDPPP-2025', 'LGPDPPSO-2025']);
    const auth = (r: { obligations: { family: string; authority?: Record<string, string> }[] }) => r.obligations.find((o) => o.family === 'notify-authority-public')?.authority;
    expect(auth(before)?.['federal-executive']).toBe('INAI');
    expect(auth(after)?.['federal-executive']).toBe('SABG');
    expect(before.sensitiveData).toContain('union_membership');
    expect(after.sensitiveData).not.toContain('union_membership');
    expect(after.notModelled.length).toBeGreaterThan(5);
    const text = run(['rules', '--as-of', '2026-06-01']);
    expect(text.code).toBe(0);
    expect(text.out).toContain('Not modelled by breach:');
  });

  it('the 2011 Reglamento is verified under the 2010 law and uncertain under the 2025 one (no adapted Reglamento found)', () => {
    const status = (d: string) => JSON.parse(run(['rules', '--as-of', d, '--json']).out).laws.find((l: { id: string }) => l.id === 'RLFPDPPP-2011')?.status;
    expect(status('2025-03-20')).toBe('verified');
    expect(status('2025-03-21')).toBe('uncertain');
    expect(run(['rules', '--as-of', '2025-03-21', '--lang', 'es']).out.replace(/\s+/g, ' ')).toContain('(DOF 21 de diciembre de 2011) [incierto]');
  });

  it('rejects an invalid date', () => {
    expect(run(['rules', '--as-of', '2026-02-30']).code).toBe(2);
  });

  it('before 2010 says that no breach law applied, instead of empty headings', () => {
    const r = run(['rules', '--as-of', '2009-06-01', '--lang', 'es']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('En esta fecha no regía ninguna ley sobre vulneraciones de datos personales');
    expect(r.out).not.toContain('Leyes vigentes');
  });

  it('names the authority of each period: IFAI in 2014, INAI in 2020, the SABG from 2025-03-21', () => {
    const sup = (d: string) => JSON.parse(run(['rules', '--as-of', d, '--json']).out).supervisor?.code;
    expect([sup('2014-06-01'), sup('2020-06-01'), sup('2025-03-20'), sup('2025-03-21')]).toEqual(['IFAI', 'INAI', 'INAI', 'SABG']);
    expect(run(['rules', '--as-of', '2014-06-01', '--lang', 'en']).out).toContain('supervisory and sanctioning authority: IFAI (Instituto Federal');
  });

  it('reads by sector in words: the 72 hours for federal bodies only, the state law for state bodies', () => {
    const text = run(['rules', '--as-of', '2020-06-01', '--lang', 'en']).out.replace(/\s+/g, ' ');
    expect(text).toMatch(/Federal Executive: INAI \(Instituto[^)]*\) \(deadline: within 72 hours/);
    expect(text).toMatch(/state bodies: the state's organismo garante \(or the autoridad garante its law names\) \(deadline: as the state's law/);
    expect(text).not.toMatch(/federal-executive|notify-authority-public|sector=public/);
    const after = run(['rules', '--as-of', '2026-06-01', '--lang', 'es']).out.replace(/\s+/g, ' ');
    expect(after).toContain('Sector público (LGPDPPSO)');
    expect(after).toContain('Responsabilidad administrativa de las personas servidoras públicas');
  });
});

describe('breach fields and validate', () => {
  it('lists the catalogue as a table and as JSON', () => {
    const r = run(['fields', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).fields.length).toBeGreaterThan(80);
    expect(run(['fields']).out).toContain('curp');
  });

  it('validate checks without assessing', () => {
    expect(run(['validate', EX('portafolio.csv')]).out).toContain('portafolio.csv#INC-01: ok');
    expect(run(['validate', EX('portafolio.csv'), '-q']).out).toBe('');
  });
});
