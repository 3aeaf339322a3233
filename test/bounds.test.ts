// Issue 13 finding 3: the bounds of a description are enforced while it is read, before the
// objects are built, and its diagnostics cost linear time (the times are measured by
// scripts/bench-bounds.mjs, not here: these tests assert the refusals and the diagnostics).
import { spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFile } from '../src/input/load.js';

const BIN = new URL('../bin/breach.cjs', import.meta.url).pathname;
let dir = '';
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'breach-bounds-')); });
const file = (name: string, data: string) => { const f = join(dir, name); writeFileSync(f, data); return f; };
/** Runs the CLI under /usr/bin/time: its exit code, its stderr and its peak RSS in MB. */
function run(args: string[]) {
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', BREACH_TODAY: '2026-11-21' }, timeout: 60_000, maxBuffer: 1 << 28 });
  const lines = r.stderr.trim().split('\n').filter((l) => !l.startsWith('Command exited with'));
  return { status: r.status, stderr: lines.slice(0, -1).join('\n'), rssMb: Number(lines.at(-1)) / 1024, stdout: r.stdout };
}
const HEAD = 'incident:\n  controller: { sector: private }\n  discovered: 2025-01-01\n';

describe('description bounds', () => {
  it('50,000 unknown keys and a repeated one: every problem located, in linear time (took 79 s)', () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `k${i}: 1`).join('\n');
    const text = `${HEAD}datasets:\n  - { name: a, records: 1, fields: [email] }\n${keys}\nk0: 2\n`;
    const r = loadFile(Buffer.from(text), 'keys.yaml', 'yaml', '2026-11-21', {});
    // The repeated key is a syntax error of its own: the document is not validated further.
    expect(r.problems).toEqual([expect.objectContaining({ line: 50_006, col: 1, key: 'syntax.yaml', args: expect.objectContaining({ detailKey: 'yaml.duplicate' }) })]);
    const r2 = loadFile(Buffer.from(text.replace(/k0: 2\n$/, '')), 'keys.yaml', 'yaml', '2026-11-21', {});
    expect(r2.problems).toHaveLength(50_000);
    expect(r2.problems.every((p, i) => p.key === 'unknown-key' && p.line === i + 6 && p.col === 1)).toBe(true);
  }, 30_000);

  it('a repeated key in JSON and YAML is still one located error', () => {
    const json = loadFile(Buffer.from('{"a": 1, "a": 2}'), 'in.json', 'json', '2026-11-21', {});
    expect(json.problems.map((p) => `${p.line}:${p.col}: ${p.message}`)).toEqual(['1:10: invalid JSON: Map keys must be unique']);
    const flow = loadFile(Buffer.from('x: {b: 1, c: 2, b: 3}\n'), 'in.yaml', 'yaml', '2026-11-21', {});
    expect(flow.problems.map((p) => `${p.line}:${p.col}`)).toEqual(['1:17']);
  });

  it('a list longer than any description holds is refused at its 100,001st item, before its nodes are built', () => {
    const items = Array.from({ length: 101_000 }, (_, i) => `  - d${i}`).join('\n');
    const f = file('long.yaml', `${HEAD}datasets:\n${items}\n`);
    const r = run(['assess', f]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${f}:100005:5: a list or mapping with more than 100000 items, the most any description holds (datasets of one incident): the file is refused before it is read further`);
    const es = run(['assess', f, '--lang', 'es']);
    expect(es.stderr).toMatch(/:100005:5: una lista o mapa con más de 100000 elementos/);
  }, 60_000);

  it('a 20 MB title is refused before its text is built, in bounded memory (took 1.8 GB at 50 MB)', () => {
    const f = file('title.yaml', `incident:\n  title: "${'x'.repeat(20_000_000)}"\n  controller: { sector: private }\ndatasets:\n  - { name: a, records: 1, fields: [email] }\n`);
    const r = run(['assess', f]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${f}:2:10: a value written with 20000002 characters, more than the 65536 any value of a description may take (texts hold at most 2000): the file is refused before it is read further`);
    expect(r.rssMb).toBeLessThan(300);
  }, 60_000);

  it("a description over its format's bound (24 MiB of YAML or JSON, 64 MiB of CSV) is refused by its size, before a byte is read", () => {
    const sparse = (name: string, bytes: number) => {
      const f = join(dir, name);
      const fd = openSync(f, 'w');
      ftruncateSync(fd, bytes); // sparse: no disk used
      closeSync(fd);
      return f;
    };
    for (const [name, mib] of [['huge.yaml', 24], ['huge.json', 24], ['huge.csv', 64]] as const) {
      const f = sparse(name, (mib << 20) + 1);
      const r = run(['validate', f]);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`${f}:1:1: the file is larger than ${mib} MiB: a description should be small (use \`breach scan\` for dumps)`);
      // Reading it first, as before, held what it read; a 256 MiB YAML would need some 30 GB.
      expect(r.rssMb).toBeLessThan(150);
    }
    // Under the bound, the file is read (and here found not to be a description).
    expect(run(['validate', sparse('under.csv', 30 << 20)]).stderr).not.toContain('larger than');
  }, 60_000);

  it('a CSV incident of 300,000 rows is refused at its 100,001st row, before any incident is built', () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => `big,d${i},${i + 1},email;full_name,private`);
    const f = file('rows.csv', `incident,dataset,records,fields,sector\nsmall,a,1,email,private\n${rows.join('\n')}\n`);
    const r = run(['assess', f]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${f}:100003:1: incident \`big\` has more than 100000 rows, the most datasets one incident may hold: the file is refused at this row, before it is read further`);
    expect(run(['assess', f, '--lang', 'es']).stderr).toMatch(/:100003:1: el incidente `big` tiene más de 100000 filas/);
    // Many incidents of fewer rows each are a portfolio, not refused.
    const portfolio = file('portfolio.csv', `incident,dataset,records,fields,sector\n${rows.map((l, i) => l.replace('big', `i${i % 3}`)).join('\n')}\n`);
    expect(run(['validate', portfolio]).status).toBe(0);
  }, 60_000);

  it('rows read before the fast CSV parser hands over to csv-parse are not counted twice (60,000 rows then a stray quote)', () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `big,d${i},${i + 1},email;full_name,private`);
    const f = file('stray.csv', `incident,dataset,records,fields,sector\n${rows.join('\n')}\nbig,"x"y,1,email,private\n`);
    const r = run(['validate', f]);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/more than 100000 rows/);
    expect(r.stderr).toMatch(/:60002:/);
  }, 60_000);
});
