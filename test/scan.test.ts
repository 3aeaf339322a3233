// breach scan, run as users run it, on dumps the synthetic generator writes (it knows the truth).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { COLUMNS, dumpChunks, rawValues } from '../scripts/synth-dump.mjs';
import { mask } from '../src/scan/mask.js';
import { RowMachine } from '../src/scan/row-machine.js';

const BIN = new URL('../bin/breach.cjs', import.meta.url).pathname;
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', BREACH_TODAY: '2026-11-21' } });
const ROWS = 3000;
let dir = '';
let dump = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'breach-scan-'));
  dump = join(dir, 'dump.csv');
  writeFileSync(dump, [...dumpChunks(ROWS)].join(''));
});

function profile(args: string[]) {
  const r = run(['scan', ...args, '--json']);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout).files[0];
}

describe('breach scan finds every column and counts exactly', () => {
  it.each([[[]], [['--full']]] as const)('mode %j', (extra) => {
    const p = profile([dump, ...extra]);
    expect(p.rows).toBe(ROWS);
    expect(p.columns.map((c: { field: string | null }) => c.field)).toEqual(COLUMNS.map(([, f]) => f));
    expect(p.key.field).toBe('curp');
    expect(Math.abs(p.key.distinct - ROWS) / ROWS).toBeLessThan(0.03);
    const minors = rawValues(ROWS).filter((r) => Number(r[4]!.slice(0, 4)) >= 2009 && r[4]! > '2008-11-21').length;
    expect(p.minors.field).toBe('curp');
    // Every person appears once here, so minor people ≈ minor rows; --full counts the rows exactly
    // and the people by HyperLogLog over the minors' keys.
    expect(p.minors.unit).toBe('people');
    if (extra.length) expect(p.minors.rows).toBe(minors);
    expect(Math.abs(p.minors.estimate - minors)).toBeLessThan(ROWS * 0.02);
    expect(p.malformed.rows).toBe(0);
  });

  it('no raw value of the dump reaches stdout, stderr or the description', () => {
    const out = join(dir, 'described.yaml');
    const runs = [run(['scan', dump]), run(['scan', dump, '--json']), run(['scan', dump, '--full', '--json']), run(['scan', dump, '--describe', out, '--sector', 'private', '--force'])];
    const text = runs.map((r) => r.stdout + r.stderr).join('\n') + readFileSync(out, 'utf8');
    const leaked: string[] = [];
    for (const row of rawValues(ROWS)) {
      for (const [i, v] of row.entries()) {
        // Categorical columns (sex, free-text notes) hold words any report contains; every other value is checked.
        if (COLUMNS[i]![0] === 'sexo' || COLUMNS[i]![0] === 'observaciones' || v.length < 5) continue;
        if (text.includes(v)) leaked.push(`${COLUMNS[i]![0]}`);
      }
    }
    expect([...new Set(leaked)]).toEqual([]);
  });

  it('the written description assesses without edits', () => {
    const out = join(dir, 'incident.yaml');
    expect(run(['scan', dump, '--describe', out, '--sector', 'public', '--branch', 'state', '--state', 'Jalisco', '--discovered', '2025-06-01', '--force', '-q']).status).toBe(0);
    const a = run(['assess', out, '--format', 'json']);
    expect(a.status, a.stderr).toBe(0);
    const j = JSON.parse(a.stdout).assessments[0];
    expect(j.datasets[0].records).toBe(ROWS);
    expect(j.incident.groups).toEqual(['minors']);
    expect(j.obligations.find((o: { code: string }) => o.code === 'notify-authority').recipientName).toBe('ITEI');
  });

  it('--describe needs the sector and never replaces a file without --force', () => {
    const out = join(dir, 'keep.yaml');
    writeFileSync(out, 'mine');
    expect(run(['scan', dump, '--describe', out]).status).toBe(2);
    const r = run(['scan', dump, '--describe', out, '--sector', 'private']);
    expect(r.status).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('mine');
  });
});

describe('reading: gzip, encodings, delimiters, quotes, malformed rows', () => {
  it('streams gzip and decodes Latin-1 with a semicolon delimiter', () => {
    const text = [...dumpChunks(500, { delimiter: ';' })].join('').replace(/Juárez/g, 'Juárez');
    const latin1 = Buffer.from(text.replace('nombre', 'nombre'), 'latin1');
    const f = join(dir, 'latin1.csv.gz');
    writeFileSync(f, gzipSync(latin1));
    const p = profile([f]);
    expect([p.gzip, p.encoding, p.delimiter, p.rows]).toEqual([true, 'windows-1252', ';', 500]);
    expect(p.columns.find((c: { name: string }) => c.name === 'domicilio').field).toBe('address');
  });

  it('counts quoted newlines as part of a row, and reports malformed rows and an unclosed quote by line', () => {
    const f = join(dir, 'quotes.csv');
    writeFileSync(f, 'nombre,curp,nota\r\n"Ana Pérez",LOOA531113HTCPBN07,"línea uno\nlínea dos"\r\nBeto Ruiz,BOXW310820HNERXN09,x,extra\r\nCarla Díaz,HELO990501HVZRPN09,"sin cerrar\n');
    const p = profile([f]);
    expect(p.rows).toBe(3);
    expect(p.malformed.rows).toBe(2);
    expect(p.malformed.lines).toEqual([4, 5]);
    expect(p.malformed.unclosedQuoteLine).toBe(5);
  });

  it('--full fails loudly when a worker thread fails: never exit 0 with nothing printed', () => {
    const broken = join(dir, 'broken-worker.cjs');
    writeFileSync(broken, 'this is not JavaScript (\n');
    // More 1 MiB blocks than the workers hold in flight: the reader waits on an answer too.
    const f = join(dir, 'six-mib.csv');
    writeFileSync(f, [...dumpChunks(30000, { chunkRows: 10000 })].join(''));
    const r = spawnSync(process.execPath, [BIN, 'scan', f, '--full', '--json'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', BREACH_TODAY: '2026-11-21', BREACH_SCAN_WORKER: broken } });
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^breach: internal error: .*this is a bug/);
  });

  it('a file without a header is profiled by its values, columns named by position', () => {
    const f = join(dir, 'noheader.csv');
    writeFileSync(f, [...dumpChunks(300)].join('').split('\n').slice(1).join('\n'));
    const p = profile([f]);
    expect(p.hasHeader).toBe(false);
    expect(p.rows).toBe(300);
    expect(p.columns[1].name).toBe('column 2');
    expect(p.columns[1].field).toBe('curp');
    expect(p.columns[2].field).toBe('rfc');
  });

  it('a column of near-valid CURPs (bad check digits) is not called CURP', () => {
    const f = join(dir, 'near.csv');
    const rows = rawValues(200).map((r) => `${r[1]!.slice(0, 17)}${(Number(r[1]![17]) + 1) % 10}`);
    writeFileSync(f, `clave\n${rows.join('\n')}\n`);
    expect(profile([f]).columns[0].field).toBe(null);
  });

  it.each([
    ['binary.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2]), 'NUL bytes'],
    ['empty.csv', Buffer.alloc(0), 'the file is empty'],
    ['truncated.csv.gz', gzipSync(Buffer.from([...dumpChunks(2000)].join(''))).subarray(0, 3000), 'gzip stream is truncated or corrupt'],
    ['utf16.csv', Buffer.from('\ufeffnombre,curp\n', 'utf16le'), 'UTF-16'],
  ])('%s: a clear one-line error, exit 2', (name, bytes, message) => {
    const f = join(dir, name);
    writeFileSync(f, bytes);
    const r = run(['scan', f]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`${f}:1:1:`);
    expect(r.stderr).toContain(message);
  });

  it('a missing file is a located error; a folder is read (issue 9), the missing file still listed', () => {
    const alone = run(['scan', join(dir, 'nope.csv')]);
    expect(alone.status).toBe(2);
    expect(alone.stderr).toContain('nope.csv:1:1: cannot read the file: no such file');
    const folder = mkdtempSync(join(tmpdir(), 'breach-scan-folder-'));
    writeFileSync(join(folder, 'a.csv'), [...dumpChunks(50)].join(''));
    const r = run(['scan', join(dir, 'nope.csv'), folder, '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('nope.csv:1:1: cannot read the file: no such file');
    expect(JSON.parse(r.stdout).files.map((f: { rows: number }) => f.rows)).toEqual([50]);
  });
});

describe('units', () => {
  it('masks keep at most half of a value, never the whole', () => {
    expect(mask('GODE561231GR8', 'rfc')).toBe('GODE******GR8');
    expect(mask('5512345678', 'phone')).toBe('55******78');
    expect(mask('ana.perez@correo.com', 'email')).toBe('a***@***.com');
    expect(mask('María Pérez', 'full_name')).toBe('M*** P***');
    expect(mask('H', 'sex')).toBe('*');
    expect(mask('06600', 'postal_code')).toBe('0****');
  });

  it('the row machine gives the same counts however the input is split into chunks', () => {
    const text = Buffer.from('a,b\n"x\ny",2\n3,4\n\n5,"6"""\n7,8');
    for (const size of [1, 2, 3, 5, 7, 64]) {
      const m = new RowMachine({ delimiter: 44, expectedCells: 2, keyColumn: -1, headerRows: 1, wantRow: () => false, onRow: () => undefined });
      for (let i = 0; i < text.length; i += size) m.feed(text.subarray(i, i + size));
      m.end();
      expect([m.rows, m.malformed], `chunk ${size}`).toEqual([5, 0]);
    }
  });
});
