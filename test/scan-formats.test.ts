// breach scan on leaks as they come (issue 9): SQL dumps, JSON, Excel, folders; run as users run
// it, on dumps whose truth the generator knows.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { COLUMNS, formatRows, JSON_COLUMNS, jsonChunks, sqlChunks } from '../scripts/synth-dump.mjs';
import { xlsx } from './xlsx-writer.js';

const BIN = new URL('../bin/breach.cjs', import.meta.url).pathname;
const run = (args: string[], env: Record<string, string> = {}) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', BREACH_TODAY: '2026-11-21', ...env } });
const ROWS = 2500;
const SQL_FIELDS = [null, ...COLUMNS.map(([, f]) => f)];
const JSON_FIELDS = JSON_COLUMNS.map(([, f]) => f);
let dir = '';

interface Col { name: string; field: string | null }
interface Profile { file: string; format: string; table?: string; sheet?: string; rows: number; encoding: string; columns: Col[]; key?: { field: string; distinct: number }; malformed: { rows: number; lines: number[] }; minors?: { estimate: number; rows: number; unit: string } }

function scanJson(args: string[]) {
  const r = run(['scan', ...args, '--json']);
  expect(r.status, r.stderr).toBe(0);
  return { ...JSON.parse(r.stdout) as { files: Profile[]; people?: { field: string; count: number; datasets: number }; problems?: { file: string; line: number; code: string; message: string }[] }, stderr: r.stderr };
}

const text = (chunks: Iterable<string>) => [...chunks].join('');
/** The workbook of the synthetic rows: a header, then each row (birth dates as Excel dates). */
function workbookRows(rows: string[][]) {
  return [
    COLUMNS.map(([h]) => h),
    ...rows.map((r) => r.map((c, i) => (i === 4 ? { date: c } : i === 10 ? Number(c) : c))),
  ];
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'breach-formats-'));
  writeFileSync(join(dir, 'my.sql'), text(sqlChunks(ROWS, { perInsert: 300 })));
  writeFileSync(join(dir, 'pg.sql'), text(sqlChunks(ROWS, { dialect: 'postgresql' })));
  writeFileSync(join(dir, 'pg-inserts.sql'), text(sqlChunks(ROWS, { dialect: 'postgresql', pgInserts: 50 })));
  writeFileSync(join(dir, 'docs.jsonl'), text(jsonChunks(ROWS)));
  writeFileSync(join(dir, 'docs.json'), text(jsonChunks(ROWS, { array: true, pretty: true })));
  writeFileSync(join(dir, 'my.sql.gz'), gzipSync(readFileSync(join(dir, 'my.sql'))));
  // Content decides, not the name: a mysqldump called .txt.
  writeFileSync(join(dir, 'export.txt'), readFileSync(join(dir, 'my.sql')));
  writeFileSync(join(dir, 'libro.xlsx'), xlsx([{ name: 'Afiliados', rows: workbookRows(formatRows(ROWS)) }, { name: 'Vacía', rows: [] }]));
});

describe('each format: exact rows, every column as the generator made it', () => {
  it.each([
    ['my.sql', 'mysql', 'afiliados', SQL_FIELDS],
    ['my.sql.gz', 'mysql', 'afiliados', SQL_FIELDS],
    ['export.txt', 'mysql', 'afiliados', SQL_FIELDS],
    ['pg.sql', 'postgresql', 'public.afiliados', SQL_FIELDS],
    ['pg-inserts.sql', 'postgresql', 'public.afiliados', SQL_FIELDS],
    ['docs.jsonl', 'jsonl', undefined, JSON_FIELDS],
    ['docs.json', 'json', undefined, JSON_FIELDS],
  ] as const)('%s', (file, format, table, fields) => {
    const { files } = scanJson([join(dir, file)]);
    expect(files).toHaveLength(1);
    const p = files[0]!;
    expect(p.format).toBe(format);
    expect(p.table).toBe(table);
    expect(p.rows).toBe(ROWS);
    expect(p.columns.map((c) => c.field)).toEqual(fields);
    expect(p.key?.field).toBe('curp');
    expect(Math.abs(p.key!.distinct - ROWS) / ROWS).toBeLessThan(0.03);
    expect(p.malformed.rows).toBe(0);
    if (format === 'jsonl') expect(p.columns.map((c) => c.name)).toEqual(JSON_COLUMNS.map(([h]) => h));
  });

  it.each([[false], [true]])('an API response {"data": [...]} (pretty: %s): the records of its array, named by its key', (pretty) => {
    const f = join(dir, `api-${pretty}.json`);
    const docs = JSON.parse(text(jsonChunks(300, { array: true })));
    writeFileSync(f, JSON.stringify({ status: 'ok', ids: [1, 2], meta: { page: 1, tags: ['a'] }, registros: docs, total: 300 }, null, pretty ? 2 : undefined));
    const { files, problems } = scanJson([f]);
    expect(problems).toBeUndefined();
    expect(files.map((p) => [p.format, p.table, p.rows])).toEqual([['json', 'registros', 300]]);
    expect(files[0]!.columns.map((c) => c.field)).toEqual(JSON_FIELDS);
  });

  it('an Excel workbook: one dataset per sheet with rows, dates read from their style, the empty sheet named', () => {
    const { files, stderr } = scanJson([join(dir, 'libro.xlsx')]);
    expect(files).toHaveLength(1);
    const p = files[0]!;
    expect(p.format).toBe('xlsx');
    expect(p.sheet).toBe('Afiliados');
    expect(p.rows).toBe(ROWS);
    expect(p.columns.map((c) => c.field)).toEqual(COLUMNS.map(([, f]) => f));
    expect(stderr).toContain(`${join(dir, 'libro.xlsx')}:1:1: sheet "Vacía" holds no rows`);
  });

  it('--full validates every value of a SQL table: minors counted exactly', () => {
    const { files } = scanJson([join(dir, 'my.sql'), '--full']);
    const minors = formatRows(ROWS).filter((r) => r[4]! > '2008-11-21').length;
    expect(files[0]!.rows).toBe(ROWS);
    expect(files[0]!.columns.map((c) => c.field)).toEqual(SQL_FIELDS);
    // Rows about minors are exact; people (distinct keys, HyperLogLog) within 3 %: every row here is a person.
    expect(files[0]!.minors?.rows).toBe(minors);
    expect(files[0]!.minors?.unit).toBe('people');
    expect(Math.abs(files[0]!.minors!.estimate - minors)).toBeLessThanOrEqual(Math.ceil(minors * 0.03));
  });

  it('the human output lists datasets per file', () => {
    const r = run(['scan', join(dir, 'my.sql'), join(dir, 'libro.xlsx')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${join(dir, 'my.sql')}: table afiliados: 2,500 rows, MySQL dump`);
    expect(r.stdout).toContain(`${join(dir, 'libro.xlsx')}: sheet Afiliados: 2,500 rows, Excel`);
  });
});

/** A Latin-1 mysqldump with the RENAPO three-column name layout and a table of decoys. */
function renapoDump(): { bytes: Buffer; raw: string[] } {
  const rows = formatRows(600, { seed: 11 });
  const accents: Record<string, string> = { MARIA: 'MARÍA', GARCIA: 'GARCÍA', PEREZ: 'PÉREZ', SANCHEZ: 'SÁNCHEZ', RAMIREZ: 'RAMÍREZ', MARTINEZ: 'MARTÍNEZ', LOPEZ: 'LÓPEZ', JOSE: 'JOSÉ', GONZALEZ: 'GONZÁLEZ', MUNOZ: 'MUÑOZ' };
  const raw: string[] = [];
  const tuples = rows.map((r, k) => {
    const [given, s1, s2] = r[0]!.toUpperCase().split(' ').map((w) => accents[w] ?? w) as [string, string, string];
    raw.push(r[1]!, r[2]!, r[7]!, r[11]!, r[12]!);
    return `(${k + 1},'${given}','${s1}','${s2}','${r[1]}','${r[7]}','${r[11]}')`;
  });
  const decoys = Array.from({ length: 200 }, (_, k) => `(${k + 1},'SKU-${String(k * 7919).padStart(6, '0')}','Tornillo de ${k % 9 + 1}/8 con tuerca',${(k * 3.5 + 10).toFixed(2)})`);
  const sql = `-- MySQL dump 10.19  Distrib 10.11.6-MariaDB
/*!40101 SET NAMES latin1 */;
CREATE TABLE \`padron\` (
  \`id\` int(11) NOT NULL,
  \`Nombre(s)\` varchar(80) DEFAULT NULL,
  \`Apellido Paterno\` varchar(80) DEFAULT NULL,
  \`Apellido Materno\` varchar(80) DEFAULT NULL,
  \`CURP\` char(18) DEFAULT NULL,
  \`correo\` varchar(120) DEFAULT NULL,
  \`clabe\` char(18) DEFAULT NULL,
  PRIMARY KEY (\`id\`)
) ENGINE=MyISAM DEFAULT CHARSET=latin1;
INSERT INTO \`padron\` VALUES ${tuples.slice(0, 300).join(',')};
INSERT INTO \`padron\` VALUES ${tuples.slice(300).join(',\n')};
CREATE TABLE \`productos\` (\`id\` int, \`sku\` varchar(20), \`descripcion\` text, \`precio\` decimal(10,2));
INSERT INTO \`productos\` (\`id\`, \`sku\`, \`descripcion\`, \`precio\`) VALUES ${decoys.join(',')};
`;
  return { bytes: Buffer.from(sql, 'latin1'), raw };
}

describe('Mexican layouts and encodings', () => {
  it('a Latin-1 mysqldump with names in three columns and a decoy table: two datasets, exact rows, identifiers found, decoys unknown', () => {
    const f = join(dir, 'padron.sql');
    writeFileSync(f, renapoDump().bytes);
    const { files } = scanJson([f]);
    expect(files.map((p) => [p.table, p.rows])).toEqual([['padron', 600], ['productos', 200]]);
    const padron = files[0]!;
    expect(padron.encoding).toBe('windows-1252');
    expect(padron.columns.map((c) => c.name)).toEqual(['id', 'Nombre(s)', 'Apellido Paterno', 'Apellido Materno', 'CURP', 'correo', 'clabe']);
    // The name columns are judged by the name rules (given_name / surname); here only the columns
    // whose type the values alone decide are asserted.
    expect([0, 4, 5, 6].map((i) => padron.columns[i]!.field)).toEqual([null, 'curp', 'email', 'clabe']);
    expect(files[1]!.columns.map((c) => c.field)).toEqual([null, null, null, null]);
  });
});

describe('one incident from a folder', () => {
  let folder = '';
  beforeAll(() => {
    folder = join(dir, 'leak');
    mkdirSync(join(folder, 'sub', 'deeper'), { recursive: true });
    writeFileSync(join(folder, 'afiliados.sql'), readFileSync(join(dir, 'my.sql')));
    writeFileSync(join(folder, 'sub', 'docs.jsonl.gz'), gzipSync(readFileSync(join(dir, 'docs.jsonl'))));
    writeFileSync(join(folder, 'sub', 'deeper', 'libro.xlsx'), readFileSync(join(dir, 'libro.xlsx')));
    writeFileSync(join(folder, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    symlinkSync('..', join(folder, 'sub', 'deeper', 'loop'));
  });

  it('every readable file, one dataset per table, sheet or file; unknown files and loops are listed, not fatal', () => {
    const { files, stderr, people } = scanJson([folder]);
    expect(files.map((p) => [p.file.slice(folder.length + 1), p.format, p.rows])).toEqual([
      ['afiliados.sql', 'mysql', ROWS], ['sub/deeper/libro.xlsx', 'xlsx', ROWS], ['sub/docs.jsonl.gz', 'jsonl', ROWS],
    ]);
    expect(stderr).toContain(`${join(folder, 'logo.png')}:1:1: not a format scan reads`);
    expect(stderr).toContain(`${join(folder, 'sub', 'deeper', 'loop')}:1:1: symbolic link loop`);
    // The same people in three datasets count once.
    expect(people?.field).toBe('curp');
    expect(people?.datasets).toBe(3);
    expect(Math.abs(people!.count - ROWS) / ROWS).toBeLessThan(0.03);
  });

  it('the same with one worker thread (no pool): the same datasets', () => {
    const r = run(['scan', folder, '--json'], { BREACH_SCAN_FILE_WORKER: '/nonexistent' });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).files.map((p: Profile) => p.rows)).toEqual([ROWS, ROWS, ROWS]);
  });

  it('--describe writes one incident with all datasets and the people across them; assess reads it', () => {
    const out = join(dir, 'folder-incident.yaml');
    const r = run(['scan', folder, '--describe', out, '--sector', 'private', '--force', '-q']);
    expect(r.status, r.stderr).toBe(0);
    const yaml = readFileSync(out, 'utf8');
    expect(yaml).toContain('name: "afiliados.sql: afiliados"');
    expect(yaml).toContain('name: "libro.xlsx: Afiliados"');
    expect(yaml).toContain('name: docs.jsonl.gz');
    const a = run(['assess', out, '--format', 'json']);
    expect(a.status, a.stderr).toBe(0);
    const j = JSON.parse(a.stdout).assessments[0];
    expect(j.datasets.map((d: { records: number }) => d.records)).toEqual([ROWS, ROWS, ROWS]);
    expect(Math.abs(j.subjects - ROWS) / ROWS).toBeLessThan(0.03);
  });
});

describe('no raw value reaches any output, in any format', () => {
  it('human, JSON, --full and the description, for every format', () => {
    const inputs = ['my.sql', 'pg.sql', 'docs.jsonl', 'docs.json', 'libro.xlsx'].map((f) => join(dir, f));
    const padron = join(dir, 'padron-leak.sql');
    const { bytes, raw: padronRaw } = renapoDump();
    writeFileSync(padron, bytes);
    const out = join(dir, 'leak-described.yaml');
    const runs = [
      run(['scan', ...inputs, padron]), run(['scan', ...inputs, padron, '--json']), run(['scan', join(dir, 'my.sql'), join(dir, 'docs.jsonl'), '--full', '--json']),
      run(['scan', ...inputs, padron, '--describe', out, '--sector', 'private', '--force']),
    ];
    for (const r of runs) expect(r.status, r.stderr).toBe(0);
    const all = runs.map((r) => r.stdout + r.stderr).join('\n') + readFileSync(out, 'utf8');
    const leaked = new Set<string>();
    for (const row of formatRows(ROWS)) for (const [i, v] of row.entries()) if (v.length >= 6 && all.includes(v)) leaked.add(COLUMNS[i]![0]);
    for (const v of padronRaw) if (all.includes(v)) leaked.add('padron');
    expect([...leaked]).toEqual([]);
  }, 90_000); // many scans of every format: slow on a loaded 2-core machine
});

describe('bad input: a located message, and the scan goes on with what it can read', () => {
  const sqlText = text(sqlChunks(400, { perInsert: 100 }));

  it('a truncated mysqldump: the rows before the cut, and where it was cut', () => {
    const f = join(dir, 'cut.sql');
    const cut = sqlText.indexOf('(251,') + 30;
    writeFileSync(f, sqlText.slice(0, cut));
    const { files, problems } = scanJson([f]);
    expect(files[0]!.rows).toBe(250);
    const line = sqlText.slice(0, cut).split('\n').length;
    expect(problems?.[0]).toMatchObject({ file: f, line, code: 'sql-truncated' });
    expect(problems?.[0]?.message).toContain('the dump ends inside a statement begun on line');
  });

  it('a truncated COPY block', () => {
    const f = join(dir, 'cut-pg.sql');
    const pg = text(sqlChunks(300, { dialect: 'postgresql' }));
    writeFileSync(f, pg.slice(0, pg.indexOf('\n201\t') + 1));
    const { files, problems } = scanJson([f]);
    expect(files[0]!.rows).toBe(200);
    expect(problems?.map((p) => p.code)).toEqual(['sql-copy-truncated']);
  });

  it('CREATE TABLE without inserts: named with its line; a dump of nothing but DDL is unreadable (exit 2)', () => {
    const f = join(dir, 'ddl.sql');
    const ddl = 'CREATE TABLE `vacia` (\n  `id` int,\n  `curp` char(18)\n);\n';
    writeFileSync(f, `-- MySQL dump\n${ddl}${sqlText}`);
    const { files, stderr } = scanJson([f]);
    expect(files.map((p) => p.table)).toEqual(['afiliados']);
    expect(stderr).toContain(`${f}:2:1: table "vacia" is created but no rows are inserted`);
    const only = join(dir, 'only-ddl.sql');
    writeFileSync(only, `-- MySQL dump\n${ddl}`);
    const r = run(['scan', only]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${only}:2:1: table "vacia" is created but no rows are inserted`);
    expect(r.stderr).toContain(`${only}:1:1: no INSERT or COPY rows in this SQL dump`);
  });

  it('mismatched column counts: malformed rows, located by line', () => {
    const f = join(dir, 'mismatch.sql');
    const lines = sqlText.split('\n');
    const at = lines.findIndex((l) => l.startsWith('INSERT')) + 1;
    lines[at] = lines[at]!.replace(/\((\d+),'/, "($1,'extra','");
    writeFileSync(f, lines.join('\n'));
    const { files } = scanJson([f]);
    expect(files[0]!.rows).toBe(400);
    expect(files[0]!.malformed).toEqual({ rows: 1, lines: [at + 1] });
  });

  it('binary blobs in SQL: the column is named as binary, never printed, the rows still counted', () => {
    const f = join(dir, 'blobs.sql');
    const rows = Array.from({ length: 50 }, (_, k) => `(${k + 1},_binary '\\0PNG\\r\\n${'\\0'.repeat(k % 5)}SECRETBLOB${k}',0x89504E47${k.toString(16).padStart(4, '0')},'ok')`);
    writeFileSync(f, `CREATE TABLE fotos (id int, foto blob, firma blob, nota text);\nINSERT INTO fotos VALUES ${rows.join(',')};\n`);
    const r = run(['scan', f, '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).files[0].rows).toBe(50);
    expect(r.stderr).toContain(`${f}:2:1: column "foto" of "fotos" holds binary data`);
    expect(r.stderr).toContain('column "firma" of "fotos" holds binary data');
    expect(r.stdout + r.stderr).not.toContain('SECRETBLOB');
    expect(r.stdout + r.stderr).not.toContain('89504E47');
  });

  it('invalid JSON lines: each located, the others read', () => {
    const f = join(dir, 'bad.jsonl');
    const lines = text(jsonChunks(300)).trimEnd().split('\n');
    lines.splice(10, 0, '{"curp": "unterminated');
    lines.splice(100, 0, 'not json at all');
    writeFileSync(f, `${lines.join('\n')}\n`);
    const { files, problems } = scanJson([f]);
    expect(files[0]!.rows).toBe(300);
    expect(problems?.map((p) => [p.line, p.code])).toEqual([[11, 'json-invalid-line'], [101, 'json-invalid-line']]);
    expect(JSON.stringify(problems)).not.toContain('unterminated');
  });

  it('a JSON array cut short', () => {
    const f = join(dir, 'cut.json');
    const t = text(jsonChunks(100, { array: true }));
    writeFileSync(f, t.slice(0, Math.floor(t.length * 0.5)));
    const { files, problems } = scanJson([f]);
    expect(files[0]!.rows).toBeGreaterThan(40);
    expect(files[0]!.rows).toBeLessThan(52);
    expect(problems?.map((p) => p.code)).toEqual(['json-truncated']);
  });

  it.each([
    ['locked.xlsx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(500), Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(100)]), 'the workbook is encrypted (password-protected)'],
    ['old.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(500), Buffer.from('Workbook', 'utf16le')]), 'a legacy Excel 97-2003 workbook (.xls) is not read'],
    ['broken.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(300, 7)]), 'the workbook is corrupt'],
  ])('%s alone: nothing readable, exit 2 with a located message', (name, bytes, message) => {
    const f = join(dir, name);
    writeFileSync(f, bytes);
    const r = run(['scan', f]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${f}:1:1: ${message}`);
    expect(r.stdout).toBe('');
  });

  it('a workbook whose sheet is cut short: the rows before the cut, the sheet named', () => {
    const f = join(dir, 'cut.xlsx');
    writeFileSync(f, xlsx([{ name: 'Datos', rows: workbookRows(formatRows(100)) }], 52));
    const { files, problems } = scanJson([f]);
    expect(files[0]!.rows).toBe(50);
    expect(problems).toEqual([{ file: f, line: 52, col: 1, code: 'xlsx-sheet-corrupt', message: 'sheet "Datos" is corrupt or cut short from here: the rows before it are counted' }]);
  });

  it('with a readable file beside them, the scan goes on (exit 0) and lists them', () => {
    const r = run(['scan', join(dir, 'locked.xlsx'), join(dir, 'my.sql')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('locked.xlsx:1:1: the workbook is encrypted');
    expect(r.stdout).toContain('table afiliados');
  });

  it('messages in Spanish with --lang es', () => {
    const r = run(['scan', join(dir, 'locked.xlsx'), '--lang', 'es']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('el libro está cifrado (protegido con contraseña)');
  });
});

describe('chunk boundaries never change what is read', () => {
  // Every escape, doubled quote and COPY line cut at every offset: the readers carry their state.
  const tricky = (mysql: boolean) => text(sqlChunks(120, { dialect: mysql ? 'mysql' : 'postgresql', perInsert: 17, pgInserts: mysql ? false : 7 }));
  async function readAll(bytes: Buffer, size: number, kind: 'mysql' | 'postgresql' | 'jsonl' | 'json') {
    const { Problems } = await import('../src/scan/formats/problems.js');
    const problems = new Problems('x');
    const chunks = (async function* () { for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size); })();
    const meta = { file: 'x', bytes: bytes.length, gzip: false };
    const opts = { today: '2026-11-21' };
    const profiles = kind === 'mysql' || kind === 'postgresql'
      ? await (await import('../src/scan/formats/sql.js')).readSql(chunks, meta, kind === 'mysql', opts, problems)
      : await (await import('../src/scan/formats/json.js')).readJson(chunks, meta, kind === 'jsonl', opts, problems);
    return { summary: profiles.map((p) => ({ rows: p.rows, fields: p.columns.map((c) => c.field), examples: p.columns.map((c) => c.examples), key: p.key?.distinct, malformed: p.malformed.rows })), problems: problems.list };
  }
  it.each([
    ['mysql', () => Buffer.from(tricky(true))],
    ['postgresql', () => Buffer.from(tricky(false))],
    ['postgresql', () => Buffer.from(text(sqlChunks(120, { dialect: 'postgresql', perInsert: 13 })))],
    ['jsonl', () => Buffer.from(text(jsonChunks(120, { seed: 5 })))],
    ['json', () => Buffer.from(text(jsonChunks(120, { seed: 5, array: true, pretty: true })))],
    ['json', () => Buffer.from(JSON.stringify({ ok: true, ids: [1, 2], datos: JSON.parse(text(jsonChunks(120, { seed: 5, array: true }))) }))],
  ] as const)('%s', async (kind, make) => {
    const bytes = make();
    const whole = await readAll(bytes, bytes.length, kind);
    expect(whole.summary[0]!.rows).toBe(120);
    expect(whole.problems).toEqual([]);
    for (const size of [1, 2, 3, 7, 64, 1000]) expect(await readAll(bytes, size, kind)).toEqual(whole);
  });
});
