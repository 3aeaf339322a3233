// File input and atomic output for the CLI. Nothing here overwrites a file the user did not name,
// writes onto an input (by its real path, through any symbolic link) or follows a link to write
// somewhere else.
import { closeSync, fstatSync, lstatSync, openSync, readSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../input/diagnostic.js';
import { diagText, type DiagKey } from '../input/messages.js';
import { cleanOutput, type OutputKind } from '../util/sanitize.js';
import { uiLang } from '../i18n/ui-lang.js';
import { reasonText } from './cli-messages.js';
import { usage } from './errors.js';

/**
 * Descriptions larger than this are refused: memory grows with the file (measured: about 100 to
 * 130 bytes per byte of YAML or JSON, the yaml library's tree; about 40 per byte of a CSV
 * portfolio), and Node's heap ends near 4 GiB. 24 MiB of YAML holds 100,000 datasets with notes.
 */
export const MAX_INPUT_BYTES = { yaml: 24 * 1024 * 1024, json: 24 * 1024 * 1024, csv: 64 * 1024 * 1024 } as const;
/** The largest of them: a file of no known format, and the profiles `scan merge` reads. */
export const MAX_ANY_INPUT_BYTES = MAX_INPUT_BYTES.csv;

const READ_REASONS = new Set(['ENOENT', 'EACCES', 'EISDIR', 'ENOTDIR', 'ELOOP', 'ENAMETOOLONG']);

function readError(label: string, code: string): InputError {
  const key = (READ_REASONS.has(code) ? `read.${code}` : 'read.other') as DiagKey;
  const args = { code: code || '?' };
  return new InputError([{ file: label, line: 1, col: 1, message: diagText(key, args, 'en'), key, args }]);
}

function tooLarge(label: string, max: number): InputError {
  const args = { mib: max / 1024 / 1024 };
  return new InputError([{ file: label, line: 1, col: 1, message: diagText('read.too-large', args, 'en'), key: 'read.too-large', args }]);
}

/**
 * Reads a whole input ('-' = stdin) with a size limit; failures are located errors (exit 2).
 * `probe`: only check that the file can be read (a folder, a missing file), reading nothing.
 */
export function readInput(path: string, max: number = MAX_ANY_INPUT_BYTES, probe = false): Uint8Array {
  const label = path === '-' ? '<stdin>' : path;
  let fd: number;
  try {
    fd = path === '-' ? 0 : openSync(path, 'r');
  } catch (e) {
    throw readError(label, (e as NodeJS.ErrnoException).code ?? '');
  }
  try {
    const st = path === '-' ? undefined : fstatSync(fd);
    if (st?.isDirectory()) throw readError(label, 'EISDIR');
    // A regular file's size is known before reading: refused without reading a byte.
    if (st?.isFile() && st.size > max) throw tooLarge(label, max);
    if (probe) return new Uint8Array(0);
    const chunks: Buffer[] = [];
    let total = 0;
    const buf = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buf, 0, buf.length, null);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? '';
        if (code === 'EAGAIN') continue;
        if (code === 'EOF') break;
        throw readError(label, code);
      }
      if (n === 0) break;
      total += n;
      if (total > max) throw tooLarge(label, max);
      chunks.push(Buffer.from(buf.subarray(0, n)));
    }
    return Buffer.concat(chunks);
  } finally {
    if (path !== '-') closeSync(fd);
  }
}

export interface OutputTarget {
  /** The option that named the file, for messages: --output, --describe, --out-dir. */
  option: string;
  force: boolean;
  /** The input files: an output is never one of them. */
  inputs: readonly string[];
}

/** '-' (or nothing) means stdout; an empty name is refused. */
export function isStdout(option: string, target: string | undefined): boolean {
  if (target === '') throw usage('output.empty', { option });
  return target === undefined || target === '-';
}

const errno = (e: unknown) => (e as NodeJS.ErrnoException).code ?? '';
const statOrNull = (f: () => Stats) => { try { return f(); } catch { return null; } };

/** Where a path really is: its real directory and its name (the file itself need not exist). */
function realLocation(path: string): string {
  const abs = resolve(path);
  try {
    return realpathSync(abs);
  } catch {
    try { return join(realpathSync(dirname(abs)), basename(abs)); } catch { return abs; }
  }
}

/**
 * Checks that `target` may be written: its directory exists, it is not one of the inputs (by real
 * path and by inode, so no symbolic link or hard link gets round it), it is not a directory, and
 * it replaces nothing (not even a dangling link) without --force. Returns the absolute path.
 */
export function checkTarget(target: string, o: OutputTarget): string {
  const abs = resolve(target);
  const dir = dirname(abs);
  const args = { option: o.option, target };
  let dirStat: Stats;
  try {
    dirStat = statSync(dir);
  } catch (e) {
    if (errno(e) === 'ENOENT') throw usage('output.no-dir', { ...args, dir });
    throw usage('output.bad-path', { ...args, reason: reasonText(errno(e), uiLang()) });
  }
  if (!dirStat.isDirectory()) throw usage('output.bad-path', { ...args, reason: reasonText('ENOTDIR', uiLang()) });
  let link: Stats | null;
  try {
    link = lstatSync(abs);
  } catch (e) {
    if (errno(e) !== 'ENOENT') throw usage('output.bad-path', { ...args, reason: reasonText(errno(e), uiLang()) });
    link = null;
  }
  const real = realLocation(abs);
  const file = link ? statOrNull(() => statSync(abs)) : null;
  for (const input of o.inputs) {
    if (input === '-') continue;
    const st = statOrNull(() => statSync(input));
    const same = realLocation(input) === real || (!!st && !!file && st.dev === file.dev && st.ino === file.ino);
    if (same) throw usage('output.is-input', args);
  }
  if (link) {
    if (file?.isDirectory()) throw usage('output.is-dir', args);
    if (!o.force) throw usage(file ? 'output.exists' : 'output.dangling', args);
  }
  return abs;
}

/**
 * Writes `chunks` to `target` atomically (a temporary file in the same directory, then rename,
 * which replaces a link itself and never its target), cleaned for their kind. Refuses what
 * checkTarget refuses; a failed write leaves nothing behind and says why (exit 2).
 */
export function writeAtomic(target: string, chunks: Iterable<string>, kind: OutputKind, o: OutputTarget): void {
  const abs = checkTarget(target, o);
  const tmp = join(dirname(abs), `.${basename(abs).slice(0, 100)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o644);
    let carry = '';
    for (const chunk of chunks) {
      let s = carry + chunk;
      carry = '';
      if (s.endsWith('\r')) { carry = '\r'; s = s.slice(0, -1); }
      if (s) writeSync(fd, cleanOutput(s, kind));
    }
    if (carry) writeSync(fd, carry);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, abs);
  } catch (e) {
    if (fd !== undefined) try { closeSync(fd); } catch { /* closing a broken file */ }
    try { unlinkSync(tmp); } catch { /* already gone */ }
    if (!errno(e)) throw e;
    throw usage('output.cannot-write', { option: o.option, target, reason: reasonText(errno(e), uiLang()) });
  }
}
