// Issue 13, finding 2: scan printed raw personal data. A headerless dump whose first record had no
// digits was taken as having a header (a name and a diagnosis shown as column names, one row
// short); header cells were printed verbatim; the address mask kept a space-less value whole.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { headerCells, looksLikeHeader } from '../src/scan/header-row.js';
import { mask } from '../src/scan/mask.js';
import { leaks } from './helpers.js';
import { xlsx } from './xlsx-writer.js';

const BIN = new URL('../bin/breach.cjs', import.meta.url).pathname;
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', BREACH_TODAY: '2026-11-21' } });
type Profile = { hasHeader: boolean; rows: number; table?: string; columns: { name: string; field: string | null; examples: string[] }[] };
const profiles = (f: string): Profile[] => {
  const r = run(['scan', f, '--json']);
  expect(r.status, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { files: Profile[] }).files;
};


const PEOPLE = [
  ['Juan Pérez López', 'VIH positivo en tratamiento', 'Priv.Nogal1_Int4_ColRoma_CDMX'],
  ['María Gómez Ruiz', 'Diabetes tipo 2', 'Av.Reforma222_Col.Juarez'],
  ['Pedro Sánchez Díaz', 'Hipertensión arterial', 'Calle Robles 12 Col. Centro'],
  ['Lucía Hernández Mora', 'Depresión mayor recurrente', 'Cda.Pinos5_ColDelValle'],
];
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'breach-privacy-'));
});

describe('header or first record', () => {
  it('a headerless dump whose first record is a name and a diagnosis is data: columns by position, every row counted, nothing raw shown', () => {
    const f = join(dir, 'sin-encabezado.csv');
    writeFileSync(f, `${PEOPLE.map((r) => r.join(',')).join('\n')}\n`);
    const [p] = profiles(f);
    expect(p!.hasHeader).toBe(false);
    expect(p!.rows).toBe(PEOPLE.length);
    expect(p!.columns.map((c) => c.name)).toEqual(['column 1', 'column 2', 'column 3']);
    for (const lang of ['es', 'en']) expect(leaks(run(['scan', f, '--lang', lang]).stdout, PEOPLE.flat())).toEqual([]);
  });

  it("columns without a header are numbered in the report's language (columna 2), not by the profile's code name", () => {
    const f = join(dir, 'sin-encabezado-es.csv');
    writeFileSync(f, `${PEOPLE.map((r) => r.join(',')).join('\n')}\n`);
    const es = run(['scan', f, '--lang', 'es']).stdout;
    expect(es).toContain('columna 2');
    expect(es).not.toMatch(/column \d/);
    expect(es).not.toMatch(/columna \d \(columna/);
    expect(run(['scan', f, '--lang', 'es', '--format', 'markdown']).stdout).toContain('| 2 | columna 2 |');
    expect(run(['scan', f, '--lang', 'en']).stdout).toContain('column 2');
  });

  it('the same rows under a header keep their labels and their count', () => {
    const f = join(dir, 'con-encabezado.csv');
    writeFileSync(f, `nombre,diagnostico,domicilio\n${PEOPLE.map((r) => r.join(',')).join('\n')}\n`);
    const [p] = profiles(f);
    expect(p!.hasHeader).toBe(true);
    expect(p!.rows).toBe(PEOPLE.length);
    expect(p!.columns.map((c) => c.name)).toEqual(['nombre', 'diagnostico', 'domicilio']);
  });

  it('judges the first row against the values below it, not by its digits', () => {
    const below = PEOPLE.slice(1);
    expect(looksLikeHeader(PEOPLE[0]!, below)).toBe(false);
    expect(looksLikeHeader(['Ixchel Tzompa Cuautle', 'Asma'], [['Rosa Pérez', 'Gastritis'], ['Ana Ruiz', 'Migraña']])).toBe(false);
    expect(looksLikeHeader(['Nombre Completo', 'Diagnóstico'], [['Rosa Pérez', 'Gastritis'], ['Ana Ruiz', 'Migraña']])).toBe(true);
    // Labels the catalogue does not know, over numbers: still a header.
    expect(looksLikeHeader(['folio', 'monto'], [['1', '250.00'], ['2', '13.50']])).toBe(true);
    expect(looksLikeHeader(['id', 'producto'], [['1', 'Gansito'], ['2', 'Telcel']])).toBe(true);
    // A value repeated below is a value, even when it is also an alias (a diagnosis column of 'VIH').
    expect(looksLikeHeader(['VIH', 'Rosa Pérez'], [['VIH', 'Ana Ruiz'], ['Asma', 'Juan López']])).toBe(false);
  });

  it('a header cell that looks like a value is masked like one; the other labels stay', () => {
    const f = join(dir, 'celdas.csv');
    const header = ['nombre', 'tarjeta 4111111111111111', 'correo', 'VIH positivo en tratamiento'];
    writeFileSync(f, `${header.join(',')}\nAna Ruiz,4111111111111111,ana@example.com,Asma\nRosa Pérez,5555555555554444,rosa@example.com,Asma\n`);
    const [p] = profiles(f);
    expect(p!.hasHeader).toBe(true);
    expect(p!.rows).toBe(2);
    expect(p!.columns[0]!.name).toBe('nombre');
    expect(p!.columns[2]!.name).toBe('correo');
    const texts = [run(['scan', f, '--json']).stdout, run(['scan', f, '--lang', 'es']).stdout, run(['scan', f, '--lang', 'en', '--format', 'markdown']).stdout];
    // 'tarjeta' is also the product's own word for the field (número de tarjeta): the value part is what must not show.
    expect(leaks(texts.join('\n'), ['a 4111111111111111', header[3]!])).toEqual([]);
    expect(p!.columns[1]!.name).not.toContain('tarjeta 4');
  });
});

describe('header cells', () => {
  it('labels are shown as written; cells that look like values are masked, and not read as labels', () => {
    const labels = ['Fecha de registro', 'Teléfono 2', 'tel_celular', 'Apellido Paterno', 'domicilio.cp', 'categoria', 'Tipo de cliente'];
    const values = ['Esquizofrenia paranoide', 'VIH positivo', 'Diabetes tipo 2', 'Cda.Pinos254_Int2_ColNarvarte_CDMX', 'Juan Pérez López', 'correo ana.ruiz@midominio.mx', 'PELJ800101HDFRPN09'];
    const { names, labels: read } = headerCells([...labels, ...values]);
    expect(names.slice(0, labels.length)).toEqual(labels);
    expect(leaks(names.slice(labels.length).join('\n'), values)).toEqual([]);
    expect(read.slice(labels.length)).toEqual(values.map(() => undefined));
  });
});

describe('masks are bounded by characters kept', () => {
  it('an address without spaces keeps at most its first four characters', () => {
    expect(mask('Priv.Nogal1_Int4_ColRoma_CDMX', 'address')).toBe('Priv* *** ***');
    expect(mask('Av Juárez 45', 'address')).toBe('Av *** ***');
    expect(mask('Calle Robles 12', 'address')).toBe('Call* *** ***');
  });

  it('no mask shows six characters of its value in a row', () => {
    const fields = fc.constantFrom(null, 'curp', 'email', 'full_name', 'given_name', 'surname', 'address', 'phone');
    const value = fc.string({ minLength: 6, maxLength: 70, unit: fc.constantFrom('a', 'B', 'é', '1', ' ', '-', '.', '/', ':', '_', '@') });
    fc.assert(fc.property(value, fields, (s, field) => leaks(mask(s, field), [s.trim()]).length === 0));
  });

  it('a dump of addresses without spaces shows none of them', () => {
    const f = join(dir, 'domicilios.csv');
    const addresses = Array.from({ length: 30 }, (_, i) => `Priv.Nogal${i}_Int${i + 3}_ColRoma_CDMX`);
    writeFileSync(f, `domicilio,edad\n${addresses.map((a, i) => `${a},${20 + i}`).join('\n')}\n`);
    const [p] = profiles(f);
    expect(p!.columns[0]!.field).toBe('address');
    expect(leaks(run(['scan', f, '--json']).stdout + run(['scan', f, '--full']).stdout, addresses)).toEqual([]);
  });
});

describe('other readers', () => {
  it('an Excel sheet whose first row is a record is data; a sheet named after a person is masked', () => {
    const f = join(dir, 'libro.xlsx');
    writeFileSync(f, xlsx([{ name: 'Juan Pérez López', rows: PEOPLE }]));
    const [p] = profiles(f);
    expect(p!.hasHeader).toBe(false);
    expect(p!.rows).toBe(PEOPLE.length);
    expect(leaks(run(['scan', f, '--json']).stdout + run(['scan', f]).stdout, [...PEOPLE.flat(), 'Juan Pérez López'])).toEqual([]);
  });

  it('JSON keys and a root key that are personal values are masked', () => {
    const f = join(dir, 'claves.json');
    const email = 'jperez77@midominio.mx';
    const curp = 'PELJ800101HDFRPN09';
    const records = PEOPLE.map(([name, diagnosis]) => ({ nombre: name, contactos: { [email]: diagnosis } }));
    writeFileSync(f, JSON.stringify({ [curp]: records }));
    const [p] = profiles(f);
    expect(p!.rows).toBe(PEOPLE.length);
    expect(p!.columns[0]!.name).toBe('nombre');
    const out = run(['scan', f, '--json']).stdout + run(['scan', f]).stdout;
    expect(leaks(out, [email, curp, ...PEOPLE.flat()])).toEqual([]);
  });
});
