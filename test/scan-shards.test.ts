// Shards (issue 14 part 2): a dump scanned whole and scanned as byte ranges (`scan --range A:B
// --profile-out`), merged with `scan merge`, gives the same counts, the same HyperLogLog registers
// and the same field types; --full gives the same profile to the last figure. Ranges are cut
// anywhere: mid-row, inside quoted multi-line addresses of the Latin-1 export, inside the header.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonChunks, latin1Chunks, latin1Rows } from '../scripts/synth-dump.mjs';

const BIN = new URL('../bin/breach.cjs', import.meta.url).pathname;
const run = (args: string[], lang = 'en') => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', BREACH_TODAY: '2026-11-21', LANG: lang === 'es' ? 'es_MX.UTF-8' : 'C' } });
let dir = '';
let latin1 = '';
let hostile = '';

/** Escaped quotes, CRLF inside quotes, rows with a cell too many, and a quote left open at the end. */
function hostileDump(rows: number): string {
  let t = 'nombre,curp,notas\r\n';
  const src = latin1Rows(rows, { seed: 11 });
  src.forEach((r, i) => {
    const note = i % 5 === 0 ? '"dijo ""sí""\r\ny se fue"' : i % 7 === 0 ? '"a,b\nc"' : 'nada';
    t += `${r[0]},${r[1]},${note}${i % 97 === 3 ? ',extra' : ''}\r\n`;
  });
  return `${t}Ana,"sin cerrar\n`;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'breach-shards-'));
  latin1 = join(dir, 'latin1.csv');
  writeFileSync(latin1, Buffer.concat([...latin1Chunks(8000, { minorShare: 0.1 })]));
  hostile = join(dir, 'hostile.csv');
  writeFileSync(hostile, hostileDump(6000), 'utf8');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Profile { rows: number; encoding: string; malformed: unknown; key?: { distinct: number }; sample: { rows: number }; columns: { field: string | null; nonEmpty: number; validShare: number | null }[] }

function scanJson(args: string[]): Profile {
  const r = run(['scan', ...args, '--json']);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout).files[0];
}

/** Scans each range into its profile; returns the profile files. */
function shards(file: string, ranges: string[], extra: string[] = [], tag = ''): string[] {
  return ranges.map((range, i) => {
    const out = join(dir, `${file.split('/').pop()}${extra.join('')}${tag}-${i}.json`);
    const r = run(['scan', file, '--range', range, '--profile-out', out, '--force', '-q', ...extra]);
    expect(r.status, r.stderr).toBe(0);
    return out;
  });
}

function merged(profiles: string[]): Profile {
  const r = run(['scan', 'merge', ...profiles, '--json']);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout).files[0];
}

/** The key column's registers, merged by maximum over the profiles. */
function registers(profiles: string[]): number[] {
  const out = new Array<number>(1 << 14).fill(0);
  for (const p of profiles) {
    const regs = Buffer.from(JSON.parse(readFileSync(p, 'utf8')).registers, 'base64');
    regs.forEach((x, i) => { out[i] = Math.max(out[i]!, x); });
  }
  return out;
}

const plan = (file: string, n: number) => run(['scan', file, '--plan', String(n)]).stdout.trim().split('\n');

/** Ranges cut at the given offsets. */
const cutAt = (file: string, cuts: number[]) => [0, ...cuts, statSync(file).size].slice(1).map((end, i, ends) => `${i ? ends[i - 1] : 0}:${end}`);

/** Offsets inside quoted fields (a few bytes into each of several multi-line addresses) and inside rows. */
function awkwardCuts(file: string): number[] {
  const bytes = readFileSync(file);
  const cuts: number[] = [];
  for (let at = bytes.indexOf(';"', 5000); at !== -1 && cuts.length < 6; at = bytes.indexOf(';"', at + 150000)) cuts.push(at + 6);
  // Mid-row (in a CURP), in the header, and on a row boundary exactly.
  const nl = bytes.indexOf('\r\n', 300000) + 2;
  return [...new Set([7, ...cuts, nl, nl + 40])].sort((a, b) => a - b);
}

describe('a dump scanned whole and as ranges merged gives the same profile', () => {
  it('the ranges of the plan cover the file; the awkward cuts fall inside quoted addresses', () => {
    const size = statSync(latin1).size;
    const ranges = plan(latin1, 7);
    expect(ranges).toHaveLength(7);
    expect(ranges[0]!.startsWith('0:')).toBe(true);
    expect(ranges.at(-1)!.endsWith(`:${size}`)).toBe(true);
    const text = readFileSync(latin1, 'latin1');
    // A cut a few bytes after an opening quote is inside a quoted field holding newlines.
    const cut = awkwardCuts(latin1)[1]!;
    const open = text.lastIndexOf(';"', cut);
    expect(text.slice(open + 2, text.indexOf('"', open + 2))).toContain('\n');
  });

  it.each([1, 3, 7, 'awkward'] as const)('--full, %s ranges: every figure, the registers and the field types are the whole scan\'s', (n) => {
    const ranges = n === 'awkward' ? cutAt(latin1, awkwardCuts(latin1)) : plan(latin1, n);
    const parts = shards(latin1, ranges, ['--full']);
    const whole = shards(latin1, [`0:${statSync(latin1).size}`], ['--full'], 'whole');
    expect(merged(parts)).toEqual(scanJson([latin1, '--full']));
    expect(registers(parts)).toEqual(registers(whole));
  }, 120000);

  it.each(['awkward'] as const)('default mode, %s ranges: exact counts, registers and field types; the sample is as large', (n) => {
    const ranges = n === 'awkward' ? cutAt(latin1, awkwardCuts(latin1)) : plan(latin1, n);
    const parts = shards(latin1, ranges);
    const m = merged(parts);
    const w = scanJson([latin1]);
    expect([m.rows, m.encoding, m.malformed, m.key, m.sample]).toEqual([w.rows, w.encoding, w.malformed, w.key, w.sample]);
    expect(m.rows).toBe(8000);
    expect(m.columns.map((c) => c.field)).toEqual(w.columns.map((c) => c.field));
    expect(registers(parts)).toEqual(registers(shards(latin1, [`0:${statSync(latin1).size}`], [], 'whole')));
  }, 120000);

  it('a hostile dump (escaped quotes, CRLF in quotes, wide rows, an unclosed quote): malformed rows and their lines too', () => {
    const ranges = plan(hostile, 5);
    const m = merged(shards(hostile, ranges, ['--full']));
    const w = scanJson([hostile, '--full']);
    expect(m).toEqual(w);
    expect(w.malformed).toMatchObject({ rows: 63, unclosedQuoteLine: expect.any(Number) });
    const d = merged(shards(hostile, ranges));
    const dw = scanJson([hostile]);
    expect([d.rows, d.malformed, d.columns.map((c) => c.field)]).toEqual([dw.rows, dw.malformed, dw.columns.map((c) => c.field)]);
  }, 120000);
});

describe('the merged sample is a uniform sample of the whole file', () => {
  it('ranges of very different sizes weigh by the rows they drew from, not equally', () => {
    // A note filled in the first 12,000 rows only; the first range holds them, the second the other 48,000.
    const rows = Array.from({ length: 60000 }, (_, i) => `${100000 + i},${i < 12000 ? 'con nota' : ''}`);
    const file = join(dir, 'notes.csv');
    writeFileSync(file, `id,nota\n${rows.join('\n')}\n`);
    const cut = readFileSync(file, 'utf8').indexOf('\n112000,') + 1;
    const m = merged(shards(file, [`0:${cut}`, `${cut}:${statSync(file).size}`], [], 'notes'));
    const w = scanJson([file]);
    expect([m.rows, m.sample.rows]).toEqual([60000, 12000]);
    // The head's 2,000 rows all have a note; of the 58,000 after them, 10,000 (17 %): about 1,720 of the 10,000 drawn.
    // Drawing equally from each range would give about 5,000.
    const notes = (p: Profile) => p.columns[1]!.nonEmpty - 2000;
    expect(Math.abs(notes(m) - 1724)).toBeLessThan(200);
    expect(Math.abs(notes(w) - 1724)).toBeLessThan(200);
  }, 60000);
});

describe('ranges that do not join are refused, never double-counted', () => {
  it('a range start that the quotes mislead is caught by the merge, which names the range to scan instead', () => {
    // A stray quote in an unquoted cell opens a quote the scan keeps open; further on, a cell quoted
    // the usual way reads like an opening quote: the range starting between them guesses wrong.
    const rows = ['id,texto', '1,mide 5\'10" de alto', ...Array.from({ length: 3000 }, (_, i) => `${i + 2},normal ${i}`), '9000,"bien"', ...Array.from({ length: 100 }, (_, i) => `${i + 9001},fin`)];
    const file = join(dir, 'stray.csv');
    writeFileSync(file, `${rows.join('\n')}\n`);
    const size = statSync(file).size;
    const r = run(['scan', 'merge', ...shards(file, ['0:20000', `20000:${size}`])]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/:1:1: range 20000:\d+ began its rows at byte \d+, but the rows of the range before it end at byte \d+: .*Scan 0:\d+ as one range/);
    expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
  });

  it('a missing range, an overlap, another file, another schema version and another mode each get their own message', () => {
    const [a, b, c] = shards(latin1, plan(latin1, 3));
    const gap = run(['scan', 'merge', a!, c!]);
    expect([gap.status, gap.stderr]).toEqual([2, expect.stringMatching(/bytes \d+ to \d+ of .*latin1\.csv are in no profile/)]);
    const twice = run(['scan', 'merge', a!, b!, b!, c!]);
    expect(twice.stderr).toMatch(/overlaps range/);
    const other = shards(hostile, [`0:${statSync(hostile).size}`])[0]!;
    const diff = run(['scan', 'merge', a!, b!, c!, other]);
    expect([diff.status, diff.stderr]).toEqual([2, expect.stringMatching(/profiles of different files are merged only with --allow-different-files/)]);
    const both = run(['scan', 'merge', a!, b!, c!, other, '--allow-different-files', '--json']);
    expect(both.status, both.stderr).toBe(0);
    expect(JSON.parse(both.stdout).files.map((f: Profile) => f.rows)).toEqual([8000, 6001]);
    const v2 = join(dir, 'v2.json');
    writeFileSync(v2, readFileSync(c!, 'utf8').replace('"schemaVersion":1', '"schemaVersion":2'));
    const version = run(['scan', 'merge', a!, b!, v2]);
    expect(version.stderr).toMatch(/v2\.json:1:1: a scan profile of schema version 2, and this breach reads version 1/);
    const full = shards(latin1, [plan(latin1, 3)[2]!], ['--full'], 'mode')[0]!;
    expect(run(['scan', 'merge', a!, b!, full]).stderr).toMatch(/made with --full|without it/);
    const es = run(['scan', 'merge', a!, c!], 'es');
    expect(es.stderr).toMatch(/no están en ningún perfil: falta un rango/);
  }, 120000);

  it('a range outside the file, a gzip file, JSON Lines and a bad range are refused in one line each, exit 2', () => {
    const size = statSync(latin1).size;
    const outside = run(['scan', latin1, '--range', `0:${size + 1}`, '--profile-out', join(dir, 'x.json')]);
    expect([outside.status, outside.stderr.trim()]).toEqual([2, `${latin1}:1:1: range 0:${size + 1} is outside the file, which has ${size} bytes: START must be below the size and END at most the size (breach scan FILE --plan N prints ranges that fit)`]);
    expect(run(['scan', latin1, '--range', `${size}:${size + 5}`]).stderr).toMatch(/is outside the file/);
    const gz = join(dir, 'd.csv.gz');
    writeFileSync(gz, gzipSync(readFileSync(hostile)));
    expect(run(['scan', gz, '--range', '0:100']).stderr).toMatch(/d\.csv\.gz:1:1: a gzip stream cannot be read from the middle/);
    const jsonl = join(dir, 'd.jsonl');
    writeFileSync(jsonl, [...jsonChunks(50)].join(''));
    const j = run(['scan', jsonl, '--range', '0:100'], 'es');
    expect([j.status, j.stderr]).toEqual([2, expect.stringMatching(/d\.jsonl:1:1: --range y --profile-out sólo leen archivos CSV, TSV y separados por ;, y este archivo es jsonl/)]);
    const bad = run(['scan', latin1, '--range', '10:5']);
    expect([bad.status, bad.stderr.trim()]).toEqual([2, 'breach: --range must be START:END, byte offsets with START below END (got "10:5")']);
    expect(run(['scan', latin1, hostile, '--range', '0:5']).stderr).toMatch(/take one file \(got 2\)/);
    expect(run(['scan', latin1, '--plan', '0']).status).toBe(2);
  });
});

describe('a profile holds no value of the dump', () => {
  it('no identifier, e-mail, phone or name of the Latin-1 export appears in its profiles, in either mode', () => {
    const texts = [...shards(latin1, plan(latin1, 2)), ...shards(latin1, plan(latin1, 2), ['--full'])].map((p) => readFileSync(p, 'utf8'));
    // Every word of the profiles (a masked example keeps separators, so a value shown whole is one word).
    const words = new Set(texts.flatMap((t) => t.match(/[\p{L}\p{N}@._+-]{4,}/gu) ?? []));
    const rows = latin1Rows(8000, { minorShare: 0.1 });
    const values = rows.flatMap((r) => [r[1], r[2], r[3], r[6], r[7], r[11], r[12], ...r[0]!.split(' ').filter((w) => w.length > 5)]);
    expect(values.filter((v) => words.has(v!))).toEqual([]);
  }, 120000);
});

describe('a hostile profile', () => {
  it('escapes, bidi controls and formulas planted in its column names and examples never reach the terminal or the description', () => {
    const [a, b] = shards(latin1, plan(latin1, 2), [], 'hostile');
    const MARK = '\u001b]0;pwned\u0007\u001b[31m\u202e\u200b=HYPERLINK("x")';
    for (const f of [a!, b!]) {
      const p = JSON.parse(readFileSync(f, 'utf8'));
      p.head.names = p.head.names.map((n: string) => `${MARK}${n}`);
      p.head.examples = p.head.examples.map((e: Record<string, string[]>) => Object.fromEntries(Object.entries(e).map(([k, v]) => [k, v.map((x) => `${MARK}${x}`)])));
      writeFileSync(f, JSON.stringify(p));
    }
    const yaml = join(dir, 'hostile-merge.yaml');
    for (const args of [[], ['--lang', 'es'], ['--format', 'markdown'], ['--json'], ['--describe', yaml, '--force', '--sector', 'private']]) {
      const r = run(['scan', 'merge', a!, b!, ...args]);
      expect(r.status, r.stderr).toBe(0);
      const out = r.stdout + r.stderr + (args.includes('--describe') ? readFileSync(yaml, 'utf8') : '');
      // eslint-disable-next-line no-control-regex
      expect(out, args.join(' ')).not.toMatch(/[\u001b\u0007\u009b\u202e\u200b]/);
      // The planted names did reach the report (cleaned), so the check above saw them.
      if (!args.includes('--describe')) expect(out).toContain('HYPERLINK');
    }
  }, 120000);
});
