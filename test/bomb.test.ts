// Issue 13 finding 7: decompression bombs. A gzip dump or a workbook sheet that inflates past
// --max-expansion times its compressed bytes (default 100) is refused with a located message that
// names the flag; honest dumps (5 to 15 times) are read as before.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { zip } from './xlsx-writer.js';

const BIN = new URL('../bin/breach.cjs', import.meta.url).pathname;
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', BREACH_TODAY: '2026-11-21' }, timeout: 60_000, maxBuffer: 1 << 26 });
let dir = '';
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'breach-bomb-')); });
const file = (name: string, data: Buffer) => { const f = join(dir, name); writeFileSync(f, data); return f; };

const ROW = 'Ana Perez,ana.perez@example.mx,PEPA800101MDFRRN09\n';
/** 50 MiB of one row repeated: about 300 times smaller gzipped. */
const bomb = () => gzipSync(Buffer.from(`nombre,correo,curp\n${ROW.repeat(Math.floor((50 << 20) / ROW.length))}`), { level: 9 });
const REFUSED = /^(.+):1:1: decompresses to more than 100 times its compressed size \((\d+) MiB decompressed\): a decompression bomb\? Not read further; `--max-expansion N` raises the limit, `--max-expansion 0` lifts it$/;

describe('decompression bombs', () => {
  it('a gzip dump that inflates 300 times is refused early, exit 2; --max-expansion lifts or raises the guard', () => {
    const gz = bomb();
    const f = file('bomb.csv.gz', gz);
    for (const extra of [[], ['--full']]) {
      const r = run(['scan', f, ...extra]);
      expect(r.status).toBe(2);
      const m = REFUSED.exec(r.stderr.trim());
      expect(m?.[1]).toBe(f);
      // Stopped once the output passed 100 times what was read of the input, not at the end.
      expect(Number(m?.[2])).toBeLessThan(30);
    }
    expect(run(['scan', f, '--lang', 'es']).stderr).toMatch(/:1:1: se descomprime a más de 100 veces su tamaño comprimido \(\d+ MiB descomprimidos\): ¿una bomba de descompresión\? No se sigue leyendo; `--max-expansion N` sube el límite, `--max-expansion 0` lo quita\n$/);
    const rows = Math.floor((50 << 20) / ROW.length);
    for (const lift of ['0', '1000']) {
      const r = run(['scan', f, '--max-expansion', lift, '--json']);
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout).files[0].rows).toBe(rows);
    }
  }, 60_000);

  it('SQL, JSON Lines and text dumps are guarded too', () => {
    const make = (head: string, row: string) => gzipSync(Buffer.concat([Buffer.from(head), Buffer.from(row.repeat(Math.floor((40 << 20) / row.length)))]), { level: 9 });
    const files = [
      file('b.sql.gz', make("CREATE TABLE `t` (`nombre` varchar(20), `correo` varchar(40));\nINSERT INTO `t` VALUES ", "('Ana','ana@example.mx'),")),
      file('b.jsonl.gz', make('', '{"nombre":"Ana","correo":"ana@example.mx"}\n')),
      file('b.log.gz', make('', '2024-01-01 login ok user ana@example.mx from 10.0.0.1\n')),
    ];
    for (const f of files) {
      const r = run(['scan', f]);
      expect(r.status).toBe(2);
      expect(REFUSED.exec(r.stderr.trim())?.[1]).toBe(f);
    }
  }, 60_000);

  it('an honest gzip dump (about 10 times smaller) is read whole', () => {
    const lines = ['id,nombre,estatus,alta,correo,municipio'];
    const names = ['JOSE', 'MARIA', 'JUAN', 'ANA', 'LUIS', 'ROSA'];
    const towns = ['Puebla', 'Cholula', 'Atlixco', 'Tehuacan'];
    for (let i = 0; i < 200_000; i++) lines.push(`${100000 + i},${names[i % 6]} ${names[(i * 7) % 6]},ACTIVO,2021-0${1 + (i % 9)}-1${i % 10},${names[i % 6]!.toLowerCase()}${i}@correo.mx,${towns[i % 4]}`);
    const raw = Buffer.from(`${lines.join('\n')}\n`);
    const gz = gzipSync(raw, { level: 9 });
    expect(raw.length / gz.length).toBeGreaterThan(5);
    expect(raw.length).toBeGreaterThan(4 << 20);
    const r = run(['scan', file('honest.csv.gz', gz), '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).files[0].rows).toBe(200_000);
  }, 60_000);

  it('in a folder, the bomb is that file\'s problem and the other files are read', () => {
    const d = join(dir, 'folder');
    mkdirSync(d);
    writeFileSync(join(d, 'a-bomb.csv.gz'), bomb());
    writeFileSync(join(d, 'b.csv'), `nombre,correo\n${'Ana Perez,ana@example.mx\n'.repeat(10)}`);
    const r = run(['scan', d, '--json']);
    const out = JSON.parse(r.stdout);
    expect(out.files.map((p: { file: string; rows: number }) => [p.file, p.rows])).toEqual([[join(d, 'b.csv'), 10]]);
    expect(out.problems).toEqual([expect.objectContaining({ file: join(d, 'a-bomb.csv.gz'), code: 'expansion' })]);
    expect(r.stderr.trim()).toMatch(REFUSED);
    expect(r.status).toBe(0);
  }, 60_000);

  it('a workbook sheet that inflates 1,000 times is refused', () => {
    const xml = (s: string) => Buffer.from(`<?xml version="1.0"?>${s}`);
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>nombre</t></is></c></row><!--${' '.repeat(100 << 20)}--><row r="2"><c r="A2" t="inlineStr"><is><t>Ana</t></is></c></row></sheetData></worksheet>`;
    const book = zip([
      { name: '[Content_Types].xml', data: xml('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
      { name: 'xl/workbook.xml', data: xml('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Hoja1" sheetId="1" r:id="rId1"/></sheets></workbook>') },
      { name: 'xl/_rels/workbook.xml.rels', data: xml('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>') },
      { name: 'xl/worksheets/sheet1.xml', data: xml(sheet) },
    ]);
    const f = file('bomb.xlsx', book);
    const r = run(['scan', f]);
    expect(r.status).toBe(2);
    expect(REFUSED.exec(r.stderr.trim())?.[1]).toBe(f);
    expect(run(['scan', f, '--max-expansion', '0', '--json']).status).toBe(0);
  }, 60_000);

  it('--max-expansion takes a whole number', () => {
    const r = run(['scan', file('x.csv', Buffer.from('a\n1\n')), '--max-expansion', '1.5']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('breach: --max-expansion must be a whole number of times, 0 to lift the guard (got "1.5")\n');
    expect(run(['scan', join(dir, 'x.csv'), '--max-expansion', 'mucho', '--lang', 'es']).stderr).toMatch(/--max-expansion debe ser un número entero de veces/);
  });
});
