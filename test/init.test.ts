// `breach init`: the real prompts driven through a pseudo-terminal, from nothing to an assessed
// incident; the templates; the refusal without a terminal; the YAML it writes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../src/input/csv-columns.js';
import { loadIncidents } from '../src/input/load.js';
import { type Answers, describeAnswers } from '../src/init/describe.js';
import { checkCount, checkDateTime, checkText } from '../src/init/checks.js';
import { initText } from '../src/init/messages.js';
import { mexicoNow } from '../src/cli/init-command.js';
import { KEY, Pty } from './pty.js';

const BIN = new URL('../bin/breach.cjs', import.meta.url).pathname;
const ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', BREACH_TODAY: '2026-11-21', TERM: 'xterm-256color' };
const dirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'breach-init-'));
  dirs.push(d);
  return d;
}
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

function run(args: string[], opts: { env?: Record<string, string>; cwd?: string } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input: '', env: { ...ENV, LANG: 'C', ...opts.env }, encoding: 'utf8', cwd: opts.cwd });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const assessJson = (file: string) => JSON.parse(run(['assess', file, '--format', 'json']).out).assessments[0];

describe('breach init in a terminal (real prompts through a pseudo-terminal)', () => {
  it('Spanish: from nothing to an assessed incident, with checks as you type and the field search', async () => {
    const dir = tmp();
    const p = new Pty(['node', BIN, 'init'], { cwd: dir, env: { ...ENV, LANG: 'es_MX.UTF-8' }, cols: 200 });
    try {
      await p.answer('¿Quién tiene los datos', 'Secretaría de Salud de Jalisco', KEY.enter);
      await p.answer('¿Es un sujeto obligado público o una empresa privada?', KEY.enter);
      await p.answer('¿A qué parte del Estado pertenece?', ...Array(5).fill(KEY.down), KEY.enter);
      await p.answer('¿En qué entidad federativa?', 'Ja', KEY.enter);
      await p.answer('¿Trata los datos por cuenta propia', KEY.enter);
      await p.answer('Un título interno breve', KEY.ctrlU, 'Expedientes de salud publicados', KEY.enter);
      // A date that is not a real one: the problem shows as it is typed, and enter is refused.
      await p.answer('¿Cuándo se confirmó la vulneración', '2025-02-30 10:00');
      p.mark = await p.waitFor('Escriba una fecha y hora reales', p.mark);
      await p.send(KEY.enter);
      p.mark = await p.waitFor('✗ Escriba una fecha y hora reales', p.mark);
      await p.send(...Array(16).fill(KEY.backspace), '2025-03-31 14:30');
      p.mark = await p.waitFor('✓ 31 de marzo de 2025, 14:30', p.mark);
      await p.send(KEY.enter);
      await p.answer('¿Alguien pudo ver o llevarse los datos?', KEY.enter);
      await p.answer('¿Se alteraron o destruyeron datos?', KEY.enter);
      await p.answer('¿Los datos dejaron de poder usarse', KEY.enter);
      await p.answer('¿Ocurrió además alguna de estas cosas?', KEY.space, KEY.enter);
      await p.answer('Nombre de la base de datos', 'expedientes', KEY.enter);
      // The catalogue searched by Spanish words, accents and case ignored; tab marks.
      await p.answer('¿Qué datos contenía?', KEY.enter);
      p.mark = await p.waitFor('✗ Marque al menos un tipo de dato', p.mark);
      await p.send('SALARIO');
      p.mark = await p.waitFor('❯◯ salario (salary)', p.mark);
      await p.send(KEY.tab, 'expediente medico');
      p.mark = await p.waitFor('expediente clínico (medical_record) ← expediente_medico', p.mark);
      await p.send(KEY.tab, 'curp', KEY.tab);
      p.mark = await p.waitFor('Marcados (3): salario, expediente clínico, CURP', p.mark);
      await p.send(KEY.enter);
      await p.answer('¿Cuántos registros contiene?', '12.5');
      p.mark = await p.waitFor('Debe ser un número entero', p.mark);
      await p.send(KEY.backspace, KEY.backspace, ',500');
      p.mark = await p.waitFor('✓ 12,500', p.mark);
      await p.send(KEY.enter);
      await p.answer('¿Se vio afectada otra base de datos', KEY.enter);
      await p.answer('¿Cuántas personas distintas se ven afectadas? (en blanco: la suma de los registros, 12,500)', '9800', KEY.enter);
      await p.answer('¿Hay entre ellas personas de alguno de estos grupos?', KEY.down, KEY.space, KEY.enter);
      await p.answer('Se escribió incidente.yaml');
      await p.answer('¿Evaluar la descripción ahora?', KEY.enter);
      // The assessment, in Spanish, in the same terminal.
      await p.answer('Expedientes de salud publicados');
      await p.answer('Gravedad:');
      expect(await p.exited).toBe(0);
    } finally {
      p.kill();
    }
    const yaml = readFileSync(join(dir, 'incidente.yaml'), 'utf8');
    expect(yaml).toMatch(/^# Escrito por `breach init` el 2026-11-21/);
    expect(yaml).toContain('- medical_record # expediente clínico');
    const a = assessJson(join(dir, 'incidente.yaml'));
    expect(a.incident).toMatchObject({ title: 'Expedientes de salud publicados', discovered: '2025-03-31', controller: { name: 'Secretaría de Salud de Jalisco', sector: 'public', branch: 'state', state: 'Jalisco' } });
    expect(a.subjects).toBe(9800);
    expect(a.datasets[0]).toMatchObject({ name: 'expedientes', records: 12500 });
    expect(a.datasets[0].fields.map((f: { id: string }) => f.id)).toEqual(['salary', 'medical_record', 'curp']);
    expect(a.severity.vector).toMatch(/\/M:0\.5\//);
    expect(a.severity.level).toBe('critical');
    const doc = readFileSync(join(dir, 'incidente.yaml'), 'utf8');
    expect(doc).toContain('groups:');
    expect(doc).toContain('- vulnerable');
    expect(doc).toContain('confirmed_at: 2025-03-31 14:30');
  }, 120000);

  it('English: a private processor, two datasets; an existing file is replaced only when confirmed', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'breach.yaml'), 'keep me\n');
    const p = new Pty(['node', BIN, 'init', 'breach.yaml', '--lang', 'en'], { cwd: dir, env: { ...ENV, LANG: 'C.UTF-8' }, cols: 200 });
    try {
      // The safe answer is the default.
      await p.answer('breach.yaml already exists. Replace it?', KEY.enter);
      await p.answer('Nothing written: breach.yaml already exists');
      expect(await p.exited).toBe(2);
    } finally {
      p.kill();
    }
    expect(readFileSync(join(dir, 'breach.yaml'), 'utf8')).toBe('keep me\n');

    const q = new Pty(['node', BIN, 'init', 'breach.yaml', '--lang', 'en'], { cwd: dir, env: { ...ENV, LANG: 'C.UTF-8' }, cols: 200 });
    try {
      await q.answer('breach.yaml already exists. Replace it?', KEY.down, KEY.enter);
      await q.answer('Who holds the data', 'Nómina Fácil', KEY.enter);
      await q.answer('Is it a public body or a private company?', KEY.down, KEY.enter);
      await q.answer('What does the company do?', 'ban', KEY.enter);
      await q.answer('Does it hold the data for itself', KEY.down, KEY.enter);
      await q.answer('On whose behalf', 'IMSS', KEY.enter);
      await q.answer('Is that controller public or private?', KEY.enter);
      await q.answer('Which part of the State is that controller?', KEY.enter);
      await q.answer('A short internal title', KEY.enter);
      await q.answer('When was the breach confirmed', '2021-01-22 09:00', KEY.enter);
      await q.answer('Could someone see or take the data?', KEY.down, KEY.enter);
      await q.answer('Were data altered or destroyed?', KEY.enter);
      await q.answer('Could the data not be used', KEY.enter);
      await q.answer('Which of these also happened?', KEY.enter);
      await q.answer('Name of the leaked database', 'payroll', KEY.enter);
      // Space marks too while no word is typed (then it would be part of the search).
      await q.answer('Which data did it hold?', 'wage', KEY.tab, 'rfc', KEY.tab, KEY.space);
      q.mark = await q.waitFor('Marked (3): salary, RFC (tax id), full name', q.mark);
      await q.send(KEY.enter);
      await q.answer('How many records does it hold?', '4.2e3', KEY.enter);
      await q.answer('Was another database, file or system involved?', KEY.up, KEY.enter);
      await q.answer('Name of the leaked database', KEY.enter);
      await q.answer('Which data did it hold?', 'e-mail', KEY.tab, KEY.enter);
      await q.answer('How many records does it hold?', '0');
      q.mark = await q.waitFor('A leaked database holds at least one record.', q.mark);
      await q.send(KEY.backspace, '300', KEY.enter);
      await q.answer('Was another database, file or system involved?', KEY.enter);
      await q.answer('(blank: the sum of the records, 4,500)', KEY.enter);
      await q.answer('Do the people include any of these groups?', KEY.enter);
      await q.answer('Written breach.yaml');
      await q.answer('Assess the description now?', KEY.down, KEY.enter);
      expect(await q.exited).toBe(0);
    } finally {
      q.kill();
    }
    expect(q.text).not.toContain('Severity:');
    const a = assessJson(join(dir, 'breach.yaml'));
    expect(a.incident.title).toBe('Data breach at Nómina Fácil');
    expect(a.incident.controller).toMatchObject({ sector: 'private', industry: 'banking', role: 'processor', onBehalfOf: { name: 'IMSS', sector: 'public', branch: 'federal-executive' } });
    expect(a.datasets.map((d: { name: string; records: number }) => [d.name, d.records])).toEqual([['payroll', 4200], ['dataset 2', 300]]);
    expect(a.subjects).toBe(4500);
    expect(a.datasets[0].fields.map((f: { id: string }) => f.id)).toEqual(['salary', 'rfc', 'full_name']);
    expect(a.obligations.map((o: { code: string }) => o.code)).toContain('notify-controller');
    expect(a.severity.vector).toContain('/C:0.25/');
  }, 120000);

  it('Ctrl+C stops without writing anything', async () => {
    const dir = tmp();
    const p = new Pty(['node', BIN, 'init', '--lang', 'en'], { cwd: dir, env: ENV, cols: 200 });
    try {
      await p.answer('Who holds the data', 'Acme', KEY.enter);
      await p.answer('Is it a public body', KEY.ctrlC);
      await p.answer('Stopped: nothing was written.');
      expect(await p.exited).toBe(2);
    } finally {
      p.kill();
    }
    expect(existsSync(join(dir, 'incident.yaml'))).toBe(false);
  }, 60000);
});

describe('breach init without a terminal', () => {
  it('says what to do and exits 2 instead of waiting for input', () => {
    const dir = tmp();
    const r = run(['init'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^breach: init asks its questions on a terminal, and this is not one\. Use `breach init --template yaml > incident\.yaml`/);
    const es = run(['init', '--lang', 'es'], { cwd: dir });
    expect(es.err).toContain('init hace sus preguntas en una terminal');
    expect(existsSync(join(dir, 'incident.yaml'))).toBe(false);
  });

  it('--template yaml prints a commented description that assess accepts as it is, in either language', () => {
    const dir = tmp();
    for (const lang of ['en', 'es']) {
      const r = run(['init', '--template', '--lang', lang]);
      expect(r.code).toBe(0);
      expect(r.out.split('\n').filter((l) => l.includes('#')).length).toBeGreaterThan(20);
      expect(r.out).toContain(lang === 'es' ? '# el día en que se confirmó la vulneración' : '# the day the breach was confirmed');
      const f = join(dir, `t-${lang}.yaml`);
      writeFileSync(f, r.out);
      const a = assessJson(f);
      expect(a.incident.discovered).toBe('2026-11-21');
      expect(a.datasets[0].fields.map((x: { id: string }) => x.id)).toEqual(['full_name', 'rfc', 'curp', 'salary', 'bank_account']);
    }
    expect(run(['init', '--template', 'yaml']).out).toBe(run(['init', '--template']).out);
  });

  it('--template FILE writes the template there, and never over an existing file without --force', () => {
    const dir = tmp();
    const r = run(['init', 'nuevo.yaml', '--template', '--lang', 'es'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toBe('Se escribió nuevo.yaml: reemplace los valores de ejemplo y luego ejecute breach assess nuevo.yaml\n');
    expect(readFileSync(join(dir, 'nuevo.yaml'), 'utf8')).toBe(run(['init', '--template', '--lang', 'es']).out);
    writeFileSync(join(dir, 'nuevo.yaml'), 'mine\n');
    const again = run(['init', 'nuevo.yaml', '--template'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.err).toBe('breach: nuevo.yaml already exists; add --force to replace it, or name another file\n');
    expect(readFileSync(join(dir, 'nuevo.yaml'), 'utf8')).toBe('mine\n');
    expect(run(['init', 'nuevo.yaml', '--template', '--force'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'nuevo.yaml'), 'utf8')).toContain('format: breach/v1');
  });

  it('--template csv has every column of the parser, Spanish or English headers, rows assess accepts, and the column guide on stderr', () => {
    const dir = tmp();
    for (const lang of ['en', 'es'] as const) {
      const r = run(['init', '--template', 'csv', '--lang', lang]);
      expect(r.code).toBe(0);
      const header = r.out.split('\n')[0]!.split(',');
      expect(header).toEqual(Object.values(CSV_COLUMNS).map((names) => (lang === 'es' ? names[names.length - 1] : names[0])));
      expect(r.err).toContain(lang === 'es' ? 'confirmado_el' : 'confirmed_at');
      expect(r.err.split('\n').length).toBeGreaterThan(Object.keys(CSV_COLUMNS).length);
      const f = join(dir, `t-${lang}.csv`);
      writeFileSync(f, r.out);
      const a = JSON.parse(run(['assess', f, '--format', 'json']).out).assessments;
      expect(a.length).toBe(1);
      expect(a[0].datasets.length).toBe(2);
      expect(a[0].subjects).toBe(1500);
    }
    expect(run(['init', '--template', 'csv', '-q']).err).toBe('');
    const bad = run(['init', '--template', 'xls']);
    expect(bad.code).toBe(2);
  });
});

describe('the YAML init writes', () => {
  const base: Answers = {
    title: 'T', controller: { name: 'Partido X', sector: 'public', branch: 'political-party', state: 'Oaxaca', role: 'controller' },
    confirmedAt: '2025-03-20 14:30',
    circumstances: { confidentiality: 'known-recipients', integrity: 'recoverable', availability: 'temporary', malicious: false, insider: true, deception: true, unintelligible: false },
    datasets: [{ name: 'padrón: "militantes" # 1', records: 10, fields: ['full_name', 'ine_voter_key', 'political_opinion'] }],
    groups: [],
  };

  it('is accepted by the loader as it is and keeps every answer (quotes, colons and # in names too)', () => {
    for (const lang of ['es', 'en'] as const) {
      const text = describeAnswers(base, { lang, today: '2026-11-21', file: 'x.yaml' });
      const [inc] = loadIncidents(new TextEncoder().encode(text), 'x.yaml', 'yaml', '2026-11-21');
      expect(inc!.incident).toMatchObject({
        discovered: '2025-03-20',
        controller: { sector: 'public', branch: 'political-party', state: 'Oaxaca' },
        circumstances: { confidentiality: 'known-recipients', integrity: 'recoverable', availability: 'temporary', insider: true, deception: true, malicious: false },
        datasets: [{ name: 'padrón: "militantes" # 1', records: 10 }],
      });
      expect(inc!.incident.response?.confirmedAt ?? text).toContain('2025-03-20');
    }
    const es = describeAnswers(base, { lang: 'es', today: '2026-11-21', file: 'x.yaml' });
    expect(es).toContain('branch: political-party # partidos políticos locales;');
    expect(es).toContain('# pérdida de confidencialidad — sí, pero sólo los recibieron personas conocidas');
    expect(es).toContain('- political_opinion # opiniones políticas');
    expect(describeAnswers(base, { lang: 'en', today: '2026-11-21', file: 'x.yaml' })).toContain('- ine_voter_key # INE voter key');
  });

  it('checks answers as they are typed', () => {
    const m = initText('es');
    expect(checkDateTime(m, 'es', '2026-11-21 23:59')('2025-03-20 14:30')).toEqual({ ok: '20 de marzo de 2025, 14:30' });
    expect(checkDateTime(m, 'es', '2026-11-21 23:59')('2025-02-30 10:00')).toMatch(/^Escriba una fecha y hora reales/);
    expect(checkDateTime(m, 'es', '2026-11-21 23:59')('2026-11-22 08:00')).toMatch(/^Esa fecha es posterior a hoy \(21 de noviembre de 2026\)/);
    expect(checkCount(m, 'es')('42,000,000')).toEqual({ ok: '42,000,000' });
    expect(checkCount(m, 'en')('-3')).toMatch(/^Must not be negative/);
    expect(checkText(m)('  ')).toBe('Escriba una respuesta.');
    expect(checkText(m)('a\u001b[2Jb')).toBe('Use sólo letras, dígitos y signos de puntuación.');
    expect(checkText(m)('Secretaría de Salud')).toBe(true);
  });

  it('offers now in central Mexico as the confirmation time, not UTC', () => {
    const saved = process.env.BREACH_TODAY;
    delete process.env.BREACH_TODAY;
    try {
      expect(mexicoNow(Date.parse('2026-11-22T01:30:00Z'))).toBe('2026-11-21 19:30');
      expect(mexicoNow(Date.parse('2020-07-01T12:00:00Z'))).toBe('2020-07-01 07:00');
    } finally {
      if (saved !== undefined) process.env.BREACH_TODAY = saved;
    }
  });
});

describe('start-up of the other commands', () => {
  it('the prompt library is bundled into dist/init.cjs only', () => {
    const cli = readFileSync(new URL('../dist/cli.cjs', import.meta.url), 'utf8');
    expect(cli).not.toMatch(/inquirer|createPrompt|mute-stream/i);
    expect(readFileSync(new URL('../dist/init.cjs', import.meta.url), 'utf8')).toMatch(/createPrompt/);
  });
});
