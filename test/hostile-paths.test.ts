// Issue 13, findings 4, 5 and 6: output paths through links, odd inputs and failed writes give
// clear messages and exit 2, never a bug report, a silent success or a half-written folder.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = process.env.BREACH_BIN ?? new URL('../bin/breach.cjs', import.meta.url).pathname;
const EXAMPLE = new URL('../data/examples/imss-afiliados-2021.yaml', import.meta.url).pathname;
const DUMP = new URL('../data/examples/portafolio.csv', import.meta.url).pathname;
const env = { PATH: process.env.PATH ?? '', BREACH_TODAY: '2026-11-21' };
const run = (args: string[], opts: { cwd?: string; stdout?: number; lang?: string } = {}) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: opts.cwd, env: { ...env, ...(opts.lang && { LANG: opts.lang }) }, timeout: 60_000, stdio: ['pipe', opts.stdout ?? 'pipe', 'pipe'] });
  return { code: r.status, out: r.stdout ?? '', err: r.stderr };
};

let dir = '';
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'breach-paths-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fresh = () => mkdtempSync(join(dir, 'case-'));

describe('output paths (finding 4)', () => {
  it('a symbolic link to the input folder does not get round "is one of the input files"', () => {
    const d = fresh();
    mkdirSync(join(d, 'sd'));
    symlinkSync('sd', join(d, 'sdl'));
    writeFileSync(join(d, 'sd', 'dump.csv'), readFileSync(DUMP));
    writeFileSync(join(d, 'sd', 'in.yaml'), readFileSync(EXAMPLE));
    const scan = run(['scan', 'sd/dump.csv', '--describe', 'sdl/dump.csv', '--force', '--sector', 'private'], { cwd: d });
    expect(scan.code).toBe(2);
    expect(scan.err).toBe('breach: --describe sdl/dump.csv is one of the input files; choose another path\n');
    expect(readFileSync(join(d, 'sd', 'dump.csv'))).toEqual(readFileSync(DUMP));
    const assess = run(['assess', 'sd/in.yaml', '-o', 'sdl/in.yaml', '--force'], { cwd: d });
    expect(assess.code).toBe(2);
    expect(assess.err).toContain('--output sdl/in.yaml is one of the input files');
    linkSync(join(d, 'sd', 'in.yaml'), join(d, 'hard.yaml'));
    expect(run(['assess', 'sd/in.yaml', '-o', 'hard.yaml', '--force'], { cwd: d }).err).toContain('is one of the input files');
    const notify = run(['notify', 'sdl/in.yaml', '--out-dir', 'sd', '--force', '-f', 'text'], { cwd: d });
    expect(notify.code).toBe(0);
    expect(readFileSync(join(d, 'sd', 'in.yaml'))).toEqual(readFileSync(EXAMPLE));
  });

  it('a dangling link as -o is refused without --force and never followed', () => {
    const d = fresh();
    symlinkSync(join(d, 'elsewhere.md'), join(d, 'dangling.md'));
    const r = run(['assess', EXAMPLE, '-o', 'dangling.md'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.err).toBe('breach: --output dangling.md is a symbolic link to nothing; add --force to replace the link itself (its target is never written)\n');
    expect(run(['assess', EXAMPLE, '-o', 'dangling.md'], { cwd: d, lang: 'es_MX.UTF-8' }).err).toContain('es un enlace simbólico que no apunta a nada');
    expect(lstatSync(join(d, 'dangling.md')).isSymbolicLink()).toBe(true);
    expect(run(['assess', EXAMPLE, '-o', 'dangling.md', '--force'], { cwd: d }).code).toBe(0);
    expect(lstatSync(join(d, 'dangling.md')).isFile()).toBe(true);
    expect(existsSync(join(d, 'elsewhere.md'))).toBe(false);
  });

  it("-o - is stdout; -o '' is refused", () => {
    const d = fresh();
    const dash = run(['assess', EXAMPLE, '-o', '-', '-f', 'json'], { cwd: d });
    expect(dash.code).toBe(0);
    expect(JSON.parse(dash.out).assessments).toHaveLength(1);
    expect(readdirSync(d)).toEqual([]);
    const empty = run(['assess', EXAMPLE, '-o', ''], { cwd: d });
    expect(empty.code).toBe(2);
    expect(empty.out).toBe('');
    expect(empty.err).toBe('breach: --output needs a name (- writes to standard output)\n');
    expect(run(['notify', EXAMPLE, '--out-dir', ''], { cwd: d }).err).toContain('--out-dir needs a name');
    expect(run(['assess', EXAMPLE, '-o', ''], { cwd: d, lang: 'es_MX.UTF-8' }).err).toBe('breach: --output necesita un nombre (- escribe en la salida estándar)\n');
    const dump = join(dir, 'curp.csv');
    writeFileSync(dump, `nombre,curp\n${'Ana Pérez López,LOOA531113HTCPBN07\n'.repeat(30)}`);
    const described = run(['scan', dump, '--describe', '-', '--sector', 'private'], { cwd: d });
    expect(described.code).toBe(0);
    expect(described.out).toMatch(/^# Written by `breach scan --describe`/);
    const described2 = spawnSync(process.execPath, [BIN, 'validate', '-', '--input-format', 'yaml'], { input: described.out, encoding: 'utf8', env });
    expect(described2.status).toBe(0);
    expect(run(['scan', DUMP, '--describe', '', '--sector', 'private'], { cwd: d }).err).toBe('breach: --describe needs a name (- writes to standard output)\n');
    expect(readdirSync(d)).toEqual([]);
  });
});

describe('exit codes (finding 5)', () => {
  it('scan on a FIFO and on /dev/stdin from a pipe: a clear refusal, exit 2', async () => {
    const fifo = join(fresh(), 'pipe.csv');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const child = spawn(process.execPath, [BIN, 'scan', fifo], { env });
    let err = '';
    child.stderr.on('data', (d) => { err += d; });
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(2);
    expect(err).toBe(`${fifo}:1:1: a pipe or a device, not a file: scan reads a dump more than once, so save it to a file first (for example \`cat > dump.csv\`)\n`);
    const stdin = spawnSync(process.execPath, [BIN, 'scan', '/dev/stdin', '--lang', 'es'], { input: 'a,b\n1,2\n', encoding: 'utf8', env });
    expect(stdin.status).toBe(2);
    expect(stdin.stderr).toContain('/dev/stdin:1:1: es una tubería o un dispositivo, no un archivo');
  });

  it('a link loop, a path under a file and a name too long: one line, exit 2, for scan, assess and the outputs', () => {
    const d = fresh();
    symlinkSync('b.csv', join(d, 'a.csv'));
    symlinkSync('a.csv', join(d, 'b.csv'));
    writeFileSync(join(d, 'plain'), 'x');
    const long = `${'n'.repeat(300)}.csv`;
    const cases: [string[], RegExp][] = [
      [['scan', 'a.csv'], /^a\.csv:1:1: too many symbolic links \(a loop\?\): cannot read this path\n$/],
      [['scan', 'plain/x.csv'], /^plain\/x\.csv:1:1: cannot read this folder or file \(a part of the path is not a directory\): skipped\n$/],
      [['scan', long], /:1:1: cannot read this folder or file \(the path is too long\): skipped\n$/],
      [['assess', 'a.csv'], /^a\.csv:1:1: cannot read the file: too many symbolic links \(a loop\?\)\n$/],
      [['assess', EXAMPLE, '-o', 'plain/x.md'], /^breach: --output plain\/x\.md: a part of the path is not a directory\n$/],
      [['assess', EXAMPLE, '-o', long], /^breach: --output n+\.csv: the path is too long\n$/],
      [['assess', EXAMPLE, '-o', 'a.csv'], /^breach: --output a\.csv is a symbolic link to nothing/],
      [['notify', EXAMPLE, '--out-dir', 'plain/x'], /^breach: --out-dir plain\/x: a part of the path is not a directory\n$/],
      [['notify', EXAMPLE, '--out-dir', long], /^breach: --out-dir n+\.csv: the path is too long\n$/],
    ];
    for (const [args, expected] of cases) {
      const r = run(args, { cwd: d });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toMatch(expected);
    }
  });

  it('a full disk on stdout: exit 2 and one clear line, for every command', () => {
    const commands = [
      ['assess', EXAMPLE], ['assess', EXAMPLE, '-f', 'json'], ['validate', EXAMPLE], ['validate', EXAMPLE, '-f', 'json'], ['fields'], ['fields', '--json'],
      ['rules'], ['rules', '--json'], ['explain', 'SEMX:1/DPC:3/EI:1/C:0.5/I:0/A:0/M:0.5/V:0.75'], ['notify', EXAMPLE], ['scan', DUMP], ['scan', DUMP, '--json'], ['--help'],
    ];
    for (const args of commands) {
      const full = openSync('/dev/full', 'w');
      try {
        const r = run(args, { stdout: full });
        expect(r.code, args.join(' ')).toBe(2);
        expect(r.err, args.join(' ')).toMatch(/^breach: cannot write to standard output: no space left on the device\n/m);
        expect(r.err, args.join(' ')).not.toContain('bug');
      } finally {
        closeSync(full);
      }
    }
    const full = openSync('/dev/full', 'w');
    try {
      expect(run(['fields', '--lang', 'es'], { stdout: full, lang: 'es_MX.UTF-8' }).err).toBe('breach: no se puede escribir en la salida estándar: no queda espacio en el dispositivo\n');
    } finally {
      closeSync(full);
    }
  });

  it('a reader that closes the pipe ends the run quietly', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" rules | head -c 10 >/dev/null; echo "\${PIPESTATUS:-x}"`], { encoding: 'utf8', env });
    expect(r.stderr).toBe('');
  });
});

describe('notify --out-dir (finding 6)', () => {
  it('one draft that cannot be written: nothing is left behind and the message names --out-dir', () => {
    const d = fresh();
    const out = join(d, 'drafts');
    mkdirSync(out);
    writeFileSync(join(out, 'keep.txt'), 'mine');
    // A folder where a draft should go: with --force, the others are not written either.
    mkdirSync(join(out, 'breach-log.md'));
    const r = run(['notify', EXAMPLE, '--out-dir', out, '--force']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`breach: --out-dir ${join(out, 'breach-log.md')} is a directory\n`);
    expect(readdirSync(out).sort()).toEqual(['breach-log.md', 'keep.txt']);
  });

  it('a new folder appears whole, with every draft', () => {
    const out = join(fresh(), 'new', 'drafts');
    const r = run(['notify', EXAMPLE, '--out-dir', out]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['breach-log.md', 'notice-authority.md', 'notice-data-subjects.md', 'root-cause.md', 'summary.md']);
    expect(readdirSync(join(out, '..'))).toEqual(['drafts']);
  });
});
