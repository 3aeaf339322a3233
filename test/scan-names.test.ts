// breach scan on dumps in the RENAPO name layout, with decoys, failing check digits and people
// listed several times: run as a responder runs it (the generator knows the truth).
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rng } from '../scripts/synth-dump.mjs';
import { curpFor, NAME_COLUMNS, nameCsv, nameRows } from '../scripts/synth-names.mjs';
import { classify, countValid } from '../src/scan/classify.js';
import { fold, isKnownName, isNamePart } from '../src/scan/names.js';
import { assessText } from './helpers.js';

const BIN = new URL('../bin/breach.cjs', import.meta.url).pathname;
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', BREACH_TODAY: '2026-11-21' } });
type Column = { name: string; field: string | null; reason: string; note?: { code: string; headerField?: string; share?: number; shapeShare?: number }; header: { field: string; match: string; alias: string } | null; candidates: { type: string; share: number; shapeShare?: number; checkDigitShare?: number; knownNameShare?: number }[] };
const fields = (p: { columns: Column[] }) => p.columns.map((c) => c.field);
const TRUTH = NAME_COLUMNS.map(([, f]) => f);

let dir = '';
const upper = nameRows(3000);
const mixed = nameRows(3000, { upper: false, seed: 5 });
const files: Record<string, string> = {};

function profile(args: string[]) {
  const r = run(['scan', ...args, '--json']);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { trustValues?: { dropped: number }; files: { rows: number; encoding: string; columns: Column[]; key?: { distinct: number }; minors?: { unit: string; estimate: number; rows: number; share: number } }[] };
}

/** A CURP column whose check digits all fail (the shape is right). */
function badCurps(n: number): string[] {
  const r = rng(3);
  return Array.from({ length: n }, (_, i) => curpFor('JUAN', 'PÉREZ', 'LÓPEZ', 1960 + (i % 40), 1 + (i % 12), 1 + (i % 28), r, true));
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'breach-names-'));
  files.upper = join(dir, 'padron.csv');
  writeFileSync(files.upper, nameCsv(upper.rows));
  files.latin1 = join(dir, 'nomina-latin1.csv');
  writeFileSync(files.latin1, Buffer.from(nameCsv(mixed.rows), 'latin1'));
  files.noheader = join(dir, 'sin-encabezado.csv');
  writeFileSync(files.noheader, nameCsv(upper.rows).split('\n').slice(1).join('\n'));
  const bad = badCurps(300);
  files.badcurp = join(dir, 'curp-mala.csv');
  writeFileSync(files.badcurp, `nombre,apellido_paterno,CURP\n${bad.map((c, i) => `${['JUAN', 'MARÍA', 'PEDRO', 'ROSA'][i % 4]},${['PÉREZ', 'NÚÑEZ', 'DE LA CRUZ'][i % 3]},${c}`).join('\n')}\n`);
});

describe('names in three columns (given names, paternal and maternal surname)', () => {
  it.each([
    ['upper case, UTF-8', 'upper', []], ['upper case, UTF-8, --full', 'upper', ['--full']],
    ['mixed case, Latin-1', 'latin1', []], ['mixed case, Latin-1, --full', 'latin1', ['--full']],
  ] as const)('%s: every column gets its true type, decoys stay unknown', (_, file, extra) => {
    const p = profile([files[file]!, ...extra]).files[0]!;
    expect(fields(p)).toEqual(TRUTH);
    if (file === 'latin1') expect(p.encoding).toBe('windows-1252');
    const given = p.columns[0]!;
    expect(given.reason).toBe('header+value');
    expect(given.header).toEqual({ field: 'full_name', match: 'token', alias: 'nombre' });
    expect(p.columns[1]!.header).toMatchObject({ field: 'surname', match: 'alias', alias: 'apellido_paterno' });
    for (const c of p.columns.slice(4)) expect([c.name, c.reason]).toEqual([c.name, 'unknown']);
  });

  it('without a header, values alone: common names back the shape, and tell given names from surnames', () => {
    for (const extra of [[], ['--full']]) {
      const p = profile([files.noheader!, ...extra]).files[0]!;
      expect(fields(p)).toEqual(['given_name', 'surname', 'surname', 'curp', null, null, null, null, null, null, null]);
      expect(p.columns[0]!.reason).toBe('value');
    }
  });

  it.each([
    ['nombre', 'apellido_paterno', 'apellido_materno'], ['Nombre(s)', 'Apellido Paterno', 'Apellido Materno'], ['nombres', 'primer apellido', 'segundo apellido'],
    ['NOMBRE', 'ap_paterno', 'a_materno'], ['Nombre', 'Paterno', 'Materno'], ['nombre(s)', 'apellido paterno', 'ap_materno'],
  ])('headers %s / %s / %s over Juan, Pérez, Núñez rows', (h1, h2, h3) => {
    const f = join(dir, `h-${h1}-${h2}.csv`.replace(/[^\w.-]/g, '_'));
    writeFileSync(f, `${h1},${h2},${h3}\nJuan,Pérez,Núñez\nMARÍA DE LOURDES,DE LA CRUZ,DEL RÍO\nMa. Guadalupe,Sánchez,Argüello\n`);
    expect(fields(profile([f]).files[0]!)).toEqual(['given_name', 'surname', 'surname']);
  });

  it('a plain nombre,apellido_paterno file with Juan,Pérez is a name', () => {
    const f = join(dir, 'juan.csv');
    writeFileSync(f, 'nombre,apellido_paterno\nJuan,Pérez\n');
    expect(fields(profile([f]).files[0]!)).toEqual(['given_name', 'surname']);
  });

  it('products, colonias, free text, places, job titles and marital status never look like names', () => {
    // Value by value; municipalities (Tlalnepantla de Baz) have a name's shape and stay unknown at
    // the column level for want of common names (the decoy columns above).
    const decoys = ['TORNILLO 3/8 GALV', 'Coca-Cola 600ml', 'COL. DEL VALLE CENTRO', 'Lomas de Chapultepec', 'sin observaciones', 'pendiente de revisión',
      'Estado de México', 'AUXILIAR ADMINISTRATIVO', 'UNIÓN LIBRE', 'SOLTERO', 'Jardines del Pedregal', 'Santa María la Ribera', 'San Pedro Garza García'];
    for (const d of decoys) expect([d, isNamePart(d)]).toEqual([d, false]);
    for (const n of ['JUAN', 'SÁNCHEZ', 'María', 'MARÍA DE LOURDES', 'DE LA CRUZ', 'DEL RÍO', 'ARGÜELLO', 'NÚÑEZ', 'Ma. Guadalupe', "O'FARRILL", 'PÉREZ-GIL', 'ZENAIDA']) expect([n, isNamePart(n)]).toEqual([n, true]);
    expect(isKnownName('ZENAIDA')).toBe(false);
    // The report says why each decoy column is unknown.
    const text = run(['scan', files.upper!, '--lang', 'en']).stdout;
    expect(text).toMatch(/column 7 \(municipio\): unknown: no header names a field; \d+ % of the values have a name's shape but \d % hold a common Mexican given name or surname/);
    expect(text).toContain('column 8 (entidad): unknown: no header names a field and no value type fits.');
    expect(isKnownName('SÁNCHEZ')).toBe(true);
  });

  it('a name header over products or a token-only header is overruled by the values, with a reason', () => {
    const products = ['TORNILLO 3/8 GALV', 'Coca-Cola 600ml', 'Jabón Zote 400 g', 'CABLE THW CAL 12'];
    const f = join(dir, 'productos.csv');
    writeFileSync(f, `nombre,nombre_producto\n${Array.from({ length: 40 }, (_, i) => `${products[i % 4]} ${i},${products[(i + 1) % 4]}`).join('\n')}\n`);
    const p = profile([f]).files[0]!;
    expect(fields(p)).toEqual([null, null]);
    for (const c of p.columns) {
      expect(c.reason).toBe('header-overruled-by-values');
      expect(c.note).toMatchObject({ code: 'header-overruled', headerField: 'full_name', share: 0 });
    }
    expect(run(['scan', f, '--lang', 'en']).stdout).toContain('header says full name, but only 0 % of the values look like one');
  });
  it('a nombre column of companies or categories (a name\'s shape, no common name) stays unknown, with a reason', () => {
    const companies = ['Telcel', 'Bimbo', 'Liverpool', 'Coppel', 'Elektra', 'Soriana', 'Chedraui', 'Cinépolis', 'Gansito Marinela', 'Aeroméxico', 'Televisa', 'Walmart'];
    const f = join(dir, 'empresas.csv');
    writeFileSync(f, `nombre\n${Array.from({ length: 60 }, (_, i) => companies[i % companies.length]).join('\n')}\n`);
    const c = profile([f]).files[0]!.columns[0]!;
    expect([c.field, c.reason]).toEqual([null, 'header-overruled-by-values']);
    expect(c.note).toMatchObject({ code: 'header-overruled', headerField: 'full_name', share: 1, knownNameShare: 0 });
    expect(run(['scan', f, '--lang', 'es']).stdout).toContain('100 % de los valores tiene forma de nombre, pero solo 0 % lleva un nombre o apellido mexicano común');
  });
});

describe('never understate silently: a header the values fail', () => {
  it('a CURP column failing its check digits is kept, with the reason, in both languages', () => {
    const c = profile([files.badcurp!]).files[0]!.columns[2]!;
    expect(c.field).toBe('curp');
    expect(c.reason).toBe('header-kept-despite-values');
    expect(c.note).toEqual({ code: 'header-kept', headerField: 'curp', share: 0, shapeShare: 1, checkDigit: true });
    expect(c.candidates.find((x) => x.type === 'curp')).toMatchObject({ share: 0, shapeShare: 1, checkDigitShare: 0 });
    expect(run(['scan', files.badcurp!, '--lang', 'en']).stdout).toContain('header says CURP; 0 % pass the check digit (100 % have its shape): test data, corrupted or obfuscated?');
    expect(run(['scan', files.badcurp!, '--lang', 'es']).stdout).toContain('el encabezado dice CURP; 0 % pasa el dígito verificador (100 % tiene su forma): ¿datos de prueba, corruptos u ofuscados?');
  });

  it('--describe keeps the header type with a YAML comment; --trust-values drops it and says so', () => {
    const kept = join(dir, 'kept.yaml');
    expect(run(['scan', files.badcurp!, '--describe', kept, '--sector', 'private', '--lang', 'en', '-q']).status).toBe(0);
    const text = readFileSync(kept, 'utf8');
    expect(text).toMatch(/- curp # kept from the header: column 3 \(CURP\): header says CURP; 0 % pass the check digit/);
    expect(assessText(text)[0]!.datasets[0]!.fields.map((f) => f.id)).toContain('curp');

    const j = profile([files.badcurp!, '--trust-values']);
    expect(j.trustValues).toEqual({ dropped: 1 });
    expect(j.files[0]!.columns[2]).toMatchObject({ field: null, note: { code: 'dropped-trust-values', headerField: 'curp' } });
    const dropped = join(dir, 'dropped.yaml');
    const r = run(['scan', files.badcurp!, '--trust-values', '--describe', dropped, '--sector', 'private', '--lang', 'es']);
    expect(r.stdout).toContain('--trust-values: se descartaron 1 columna(s) tipificadas solo por su encabezado');
    expect(r.stdout).toContain('columna 3 (CURP): el encabezado dice CURP; descartada por --trust-values');
    const d = readFileSync(dropped, 'utf8');
    expect(d).toContain('# no incluido (--trust-values)');
    expect(assessText(d)[0]!.datasets[0]!.fields.map((f) => f.id)).toEqual(['given_name', 'surname']);
  });

  it('classify: values of another type overrule the header; an empty column keeps it with a note', () => {
    const emails = Array.from({ length: 30 }, (_, i) => `persona${i}@correo.mx`);
    const c = countValid(emails);
    expect(classify('curp', c.tested, c.valid, c.distinct)).toMatchObject({ field: 'email', reason: 'header-overruled-by-values', note: { code: 'header-overruled', headerField: 'curp', valueField: 'email' } });
    expect(classify('curp', 0, {}, 0)).toMatchObject({ field: 'curp', reason: 'header', note: { code: 'empty' } });
  });
});

describe('people, not rows', () => {
  it('with a key column, minors are distinct people (a child listed four times counts once)', () => {
    for (const extra of [[], ['--full']]) {
      const p = profile([files.upper!, ...extra]).files[0]!;
      expect(p.rows).toBe(upper.rows.length);
      expect(p.minors!.unit).toBe('people');
      expect(Math.abs(p.minors!.estimate - upper.minors) / upper.minors).toBeLessThan(0.03);
      expect(Math.abs(p.minors!.rows - upper.minorRows) / upper.minorRows).toBeLessThan(0.03);
      expect(Math.abs(p.key!.distinct - upper.people) / upper.people).toBeLessThan(0.03);
    }
    const en = run(['scan', files.upper!, '--lang', 'en']).stdout;
    expect(en).toMatch(/minors: 9\.\d\d % of the distinct people \(by CURP\) ≈ 29\d people; 1,1\d\d rows/);
  });

  it('without a key column, minors are labelled rows, not people', () => {
    const f = join(dir, 'sin-llave.csv');
    const lines = upper.rows.map((r) => `${r[0]},${r[1]},20${r[3]!.slice(4, 6) < '30' ? r[3]!.slice(4, 6) : '00'}-${r[3]!.slice(6, 8)}-${r[3]!.slice(8, 10)}`);
    writeFileSync(f, `nombre,apellido_paterno,fecha_nacimiento\n${lines.join('\n')}\n`);
    const p = profile([f]).files[0]!;
    expect(p.key).toBeUndefined();
    expect(p.minors!.unit).toBe('rows');
    expect(p.minors!.estimate).toBe(p.minors!.rows);
    expect(run(['scan', f, '--lang', 'es']).stdout).toContain('(sin columna llave: filas, no personas)');
    expect(run(['scan', f, '--lang', 'en']).stdout).toContain('(no key column: rows, not people)');
  });
});

describe('evidence and identifiability', () => {
  it('the JSON documents every column: header match, candidate shares, check-digit share, reason', () => {
    const p = profile([files.upper!]).files[0]!;
    for (const c of p.columns) {
      expect(['value', 'header+value', 'header', 'header-kept-despite-values', 'header-overruled-by-values', 'unknown']).toContain(c.reason);
      expect(c).toHaveProperty('header');
      expect(Array.isArray(c.candidates)).toBe(true);
    }
    const curp = p.columns[3]!.candidates.find((x) => x.type === 'curp')!;
    expect(curp.checkDigitShare).toBeGreaterThan(0.99);
    expect(curp.shapeShare).toBe(1);
    const names = p.columns[0]!.candidates.find((x) => x.type === 'name_part')!;
    expect(names.share).toBe(1);
    expect(names.knownNameShare).toBeGreaterThan(0.4);
    expect(names.knownNameShare).toBeLessThan(0.9);
    expect(p.columns[4]!.header).toBeNull();
  });

  it('describe → assess: the trio is a full name (EI-NAME-PLUS with a birth date; EI-SINGLE alone)', () => {
    const f = join(dir, 'trio-fecha.csv');
    writeFileSync(f, `Nombre(s),Apellido Paterno,Apellido Materno,fecha_nacimiento\n${mixed.rows.map((r, i) => `${r[0]},${r[1]},${r[2]},19${60 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`).join('\n')}\n`);
    const out = join(dir, 'trio.yaml');
    expect(run(['scan', f, '--describe', out, '--sector', 'private', '-q']).status).toBe(0);
    const a = assessText(readFileSync(out, 'utf8'))[0]!;
    expect(a.datasets[0]!.fields.map((x) => x.id)).toEqual(['given_name', 'surname', 'birth_date']);
    expect(a.severity.factors.find((x) => x.factor === 'EI')).toMatchObject({ value: 1, rule: 'EI-NAME-PLUS', evidence: ['given_name', 'surname', 'birth_date'] });
    const alone = assessText('incident: {discovered: 2025-01-01, controller: {sector: private}, circumstances: {confidentiality: unknown-recipients}}\ndatasets: [{name: x, records: 10, fields: [given_name, surname]}]\n')[0]!;
    expect(alone.severity.factors.find((x) => x.factor === 'EI')).toMatchObject({ value: 0.5, rule: 'EI-SINGLE', evidence: ['given_name', 'surname'] });
    const given = assessText('incident: {discovered: 2025-01-01, controller: {sector: private}, circumstances: {confidentiality: unknown-recipients}}\ndatasets: [{name: x, records: 10, fields: [given_name]}]\n')[0]!;
    expect(given.severity.factors.find((x) => x.factor === 'EI')).toMatchObject({ value: 0.25 });
  });

  it('no raw value of 6 characters or more reaches any output, in any format or language', () => {
    const out = join(dir, 'leak.yaml');
    const texts: string[] = [];
    for (const f of [files.upper!, files.latin1!, files.noheader!, files.badcurp!]) {
      for (const args of [[], ['--json'], ['--full', '--json'], ['--lang', 'es'], ['--trust-values', '--json']]) {
        const r = run(['scan', f, ...args]);
        texts.push(r.stdout, r.stderr);
      }
      run(['scan', f, '--describe', out, '--sector', 'private', '--force', '--lang', 'es', '-q']);
      texts.push(readFileSync(out, 'utf8'));
    }
    const text = texts.join('\n');
    const raw = new Set<string>();
    for (const rows of [upper.rows, mixed.rows]) for (const r of rows) for (const v of r) if (v.length >= 6) raw.add(v);
    for (const c of badCurps(300)) raw.add(c);
    expect([...raw].filter((v) => text.includes(v))).toEqual([]);
  }, 120000);
});

describe('fold (the form the name lists are written in)', () => {
  // The definition: canonical decomposition, combining marks dropped, upper case, periods dropped.
  const reference = (w: string) => w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase().replace(/\./g, '');
  const latin1 = Array.from({ length: 0x100 - 0xa0 }, (_, i) => String.fromCharCode(0xa0 + i));
  it('folds every word as the definition does, Latin-1 letters character by character', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'Z', 'm', '.', "'", '-', ' ', '\u0301', '\u0303', 'ß', 'Ÿ', 'ǅ', 'ﬁ', 'İ', ...latin1), maxLength: 12 }), (w) => {
      expect(fold(w)).toBe(reference(w));
    }), { numRuns: 20000 });
    for (const w of ['MARÍA', 'Núñez', 'JOSÉ', 'Güemes', 'Ma.', 'Straße', 'ÆON', 'Œuvre', 'ÿ', 'Ð']) expect(fold(w)).toBe(reference(w));
  });
});
