// Hostile and malformed input (issue 6): every case gives a clear located error or a correct
// result, in bounded time and memory, and never a stack trace or exit 3.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as v from '../src/scan/validators.js';
import { mask } from '../src/scan/mask.js';
import { decodeLines, decodeRow } from '../src/scan/detect.js';
import { TESTS } from '../src/scan/classify.js';

const BIN = new URL('../bin/breach.cjs', import.meta.url).pathname;
const run = (args: string[], input = '') => spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', BREACH_TODAY: '2026-11-21' }, timeout: 60_000, maxBuffer: 1 << 28 });
let dir = '';
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'breach-hostile-')); });
const file = (name: string, data: string | Buffer) => { const f = join(dir, name); writeFileSync(f, data); return f; };
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+|internal error/);

describe('descriptions', () => {
  it('thousands of datasets assess correctly', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `  - { name: d${i}, records: ${i + 1}, fields: [email, full_name] }`).join('\n');
    const r = run(['assess', file('many.yaml', `incident:\n  controller: { sector: private }\n  discovered: 2025-01-01\ndatasets:\n${rows}\n`), '-f', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).assessments[0].subjects).toBe((5000 * 5001) / 2);
  });

  it('a field list with thousands of entries is one located error', () => {
    const r = run(['assess', file('fields.yaml', `incident:\n  controller: { sector: private }\ndatasets:\n  - name: a\n    records: 1\n    fields: [${Array(5000).fill('email').join(', ')}]\n`)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/fields\.yaml:6:13: `datasets\[0\]\.fields`: lists more than 1000 field types/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a 5 MB single line is one located error', () => {
    const r = run(['assess', file('line.yaml', `incident: ${'x'.repeat(5_000_000)}\n`)]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    expect(r.stderr.length).toBeLessThan(2000);
    noStack(r.stderr);
  });

  it('invalid UTF-8 is read as Windows-1252, so accents survive', () => {
    const r = run(['assess', file('latin1.yaml', Buffer.from('incident:\n  title: Nómina\n  discovered: 2025-01-01\n  controller: { sector: private }\ndatasets: [{ name: a, records: 1, fields: [email] }]\n', 'latin1')), '-f', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).assessments[0].incident.title).toBe('Nómina');
  });

  it('CSV with mixed delimiters and formulas in cells: located errors, nothing evaluated', () => {
    const r = run(['assess', file('mixed.csv', 'conjunto;registros,campos;sector\n=cmd|calc;1,email;privado\n')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/mixed\.csv:1:\d+: unknown column `registros,campos`/);
    noStack(r.stderr);
  });

  it('reads from a FIFO', async () => {
    const fifo = join(dir, 'pipe.yaml');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const child = spawn(process.execPath, [BIN, 'validate', fifo], { env: { PATH: process.env.PATH ?? '' } });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    const { writeFile } = await import('node:fs/promises');
    await writeFile(fifo, 'incident:\n  controller: { sector: private }\ndatasets: [{ name: a, records: 1, fields: [email] }]\n');
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(out).toContain('pipe.yaml: ok');
  });

  it('a path that is not readable, and a path under a file, are located errors', () => {
    const f = file('plain.txt', 'x');
    const r = run(['assess', join(f, 'child.yaml'), '/root/../nonexistent/x.yaml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${join(f, 'child.yaml')}:1:1: cannot read the file: a part of the path is not a directory`);
    expect(r.stderr).toContain('/root/../nonexistent/x.yaml:1:1: cannot read the file: no such file');
  });
});

describe('dumps', () => {
  it('a one-column file is profiled', () => {
    const rows = ['correo', ...Array.from({ length: 50 }, (_, i) => `persona${i}@ejemplo.com.mx`)].join('\n');
    const r = run(['scan', file('one.csv', rows), '--json']);
    expect(r.status).toBe(0);
    const p = JSON.parse(r.stdout).files[0];
    expect([p.rows, p.columns.length, p.columns[0].field]).toEqual([50, 1, 'email']);
  });

  it('prose is not a dump: one unknown column, no guess', () => {
    const r = run(['scan', file('prose.csv', 'Había una vez un archivo que no era CSV.\nSolo tenía texto corrido sin columnas.\nY nada más.\n'), '--json']);
    expect(r.status).toBe(0);
    const p = JSON.parse(r.stdout).files[0];
    expect(p.columns.every((c: { field: string | null }) => c.field === null)).toBe(true);
  });

  it('a quote that never closes, over 20 MB: counted, located, bounded', () => {
    const f = file('unclosed.csv', `nombre,nota\nAna Pérez,"empieza aquí\n${'x,y\n'.repeat(5_000_000)}`);
    const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, BIN, 'scan', f, '--json'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    const p = JSON.parse(r.stdout).files[0];
    expect(p.rows).toBe(1);
    expect(p.malformed.unclosedQuoteLine).toBe(2);
    expect(Number(r.stderr.trim().split('\n').pop()) / 1024).toBeLessThan(256);
  });

  it('a 20 MB line with no newline: a clear error, bounded memory', () => {
    const f = file('oneline.csv', 'a,'.repeat(10_000_000));
    const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, BIN, 'scan', f], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${f}:1:1: no complete row in the first 1 MiB`);
    expect(Number(r.stderr.trim().split('\n').pop()) / 1024).toBeLessThan(256);
  });

  it('mixed encodings in one file are decoded row by row', () => {
    const utf8 = Buffer.from('nombre,curp\nJosé Pérez López,LOOA531113HTCPBN07\n');
    const latin1 = Buffer.from('María Núñez Díaz,BOXW310820HNERXN09\n', 'latin1');
    const r = run(['scan', file('mixed-enc.csv', Buffer.concat([utf8, latin1, utf8.subarray(12)])), '--json']);
    expect(r.status).toBe(0);
    const p = JSON.parse(r.stdout).files[0];
    expect(p.rows).toBe(3);
    expect(p.encoding).toBe('mixed');
    const names = JSON.parse(run(['scan', join(dir, 'mixed-enc.csv'), '--describe', join(dir, 'mixed.yaml'), '--sector', 'private', '--json']).stdout).files[0];
    expect(names.columns[1].field).toBe('curp');
  });
});

describe('decoding', () => {
  it('a head mixing UTF-8 and Latin-1 lines keeps every accent', () => {
    const d = decodeLines(Buffer.concat([Buffer.from('José Pérez\n'), Buffer.from('María Núñez\n', 'latin1'), Buffer.from('Óscar Ávila')]));
    expect(d).toEqual({ text: 'José Pérez\nMaría Núñez\nÓscar Ávila', utf8: 2, latin1: 1 });
  });
});

describe('validators and masks never throw', () => {
  // Every counter scan keeps (types, shapes, name evidence) as well as the validators themselves.
  const all = [v.isCurp, v.isRfc, v.isNss, v.isClabe, v.isCard, v.isPhone, v.isEmail, v.isPostalCode, v.isDate, v.isMoney, v.isName, v.isAddress, v.isVoterKey, v.isSex, v.isIp, ...Object.values(TESTS)];
  it('property: any string gives a boolean', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => all.every((f) => typeof f(s) === 'boolean')));
  });
  it('property: a mask is never the value itself (for values of 2 characters or more)', () => {
    fc.assert(fc.property(fc.string({ minLength: 2, maxLength: 40 }).filter((s) => /[A-Za-z0-9]{2}/.test(s)), fc.constantFrom(null, 'curp', 'email', 'full_name', 'given_name', 'surname', 'address', 'phone'), (s, field) => mask(s, field) !== s.trim().slice(0, 64)));
  });
});

describe('decodeLines', () => {
  /** The definition: every line on its own, UTF-8 when valid (a leading mark dropped), else Windows-1252. */
  const perLine = (b: Buffer) => {
    let text = '';
    let utf8 = 0;
    let latin1 = 0;
    for (let start = 0; start < b.length; ) {
      const nl = b.indexOf(10, start);
      const end = nl === -1 ? b.length : nl + 1;
      const d = decodeRow(b.subarray(start, end));
      text += d.text;
      if (d.latin1) latin1++;
      else utf8++;
      start = end;
    }
    return { text, utf8, latin1 };
  };
  it('reads every mix of ASCII, UTF-8, Windows-1252 and byte-order marks as line-by-line decoding does', () => {
    const piece = fc.constantFrom(Buffer.from('a'), Buffer.from('\n'), Buffer.from('\r\n'), Buffer.from('é'), Buffer.from('é', 'latin1'), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xe2, 0x82]), Buffer.from('"'), Buffer.from('ñ\n', 'latin1'));
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
      const b = Buffer.concat(pieces);
      expect(decodeLines(b)).toEqual(perLine(b));
    }), { numRuns: 20000 });
  });
});
