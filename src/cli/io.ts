// File input and atomic output for the CLI. Nothing here overwrites a file the user did not name.
import { closeSync, existsSync, fstatSync, openSync, readSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { once } from 'node:events';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../input/diagnostic.js';
import { cliText } from './cli-messages.js';
import { uiLang } from '../i18n/ui-lang.js';
import { UsageError } from './errors.js';

/** Descriptions larger than this are refused: no unbounded memory. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the path is too long',
};

/** Reads a whole input ('-' = stdin) with a size limit; failures are located errors (exit 2). */
export function readInput(path: string): Uint8Array {
  const label = path === '-' ? '<stdin>' : path;
  let fd: number;
  try {
    fd = path === '-' ? 0 : openSync(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new InputError([{ file: label, line: 1, col: 1, message: `cannot read the file: ${REASONS[code] ?? code}` }]);
  }
  try {
    if (path !== '-' && fstatSync(fd).isDirectory()) throw new InputError([{ file: label, line: 1, col: 1, message: `cannot read the file: ${REASONS.EISDIR}` }]);
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
        throw new InputError([{ file: label, line: 1, col: 1, message: `cannot read the file: ${REASONS[code] ?? code}` }]);
      }
      if (n === 0) break;
      total += n;
      if (total > MAX_INPUT_BYTES) throw new InputError([{ file: label, line: 1, col: 1, message: `the file is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB: a description should be small (use \`breach scan\` for dumps)` }]);
      chunks.push(Buffer.from(buf.subarray(0, n)));
    }
    return Buffer.concat(chunks);
  } finally {
    if (path !== '-') closeSync(fd);
  }
}

/**
 * Writes `data` to `target` atomically (temp file in the same directory, then rename). Refuses to
 * replace an existing file without `force`, and never writes onto one of the inputs.
 */
export function writeAtomic(target: string, chunks: Iterable<string>, force: boolean, inputs: string[]): void {
  const abs = resolve(target);
  if (inputs.some((i) => i !== '-' && resolve(i) === abs)) throw new UsageError(`--output ${target} is one of the input files; choose another path`, 'output.is-input', { target });
  const dir = dirname(abs);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--output ${target}: the directory ${dir} does not exist`, 'output.no-dir', { target, dir });
  if (existsSync(abs)) {
    if (statSync(abs).isDirectory()) throw new UsageError(`--output ${target} is a directory`, 'output.is-dir', { target });
    if (!force) throw new UsageError(`--output ${target} already exists; add --force to replace it`, 'output.exists', { target });
  }
  const tmp = join(dir, `.${basename(abs)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o644);
    for (const chunk of chunks) writeSync(fd, chunk);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, abs);
  } catch (e) {
    if (fd !== undefined) try { closeSync(fd); } catch { /* closing a broken file */ }
    try { unlinkSync(tmp); } catch { /* already gone */ }
    if (!(e as NodeJS.ErrnoException).code) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new UsageError(`cannot write --output ${target}: ${code === 'ENOSPC' ? 'no space left on the device' : code === 'EACCES' ? 'permission denied' : (e as Error).message}; nothing was written`, code === 'ENOSPC' || code === 'EACCES' ? 'output.cannot-write' : undefined, { target, reason: code === 'ENOSPC' || code === 'EACCES' ? cliText(`reason.${code}`, {}, uiLang()) : '' });
  }
}

/** Writes chunks to stdout, waiting for the pipe to drain so memory stays bounded. */
export async function writeStdout(chunks: Iterable<string>): Promise<void> {
  const out = process.stdout;
  let pending = '';
  for (const chunk of chunks) {
    pending += chunk;
    if (pending.length < 1 << 16) continue;
    const full = !out.write(pending);
    pending = '';
    if (full) await once(out, 'drain');
  }
  if (pending && !out.write(pending)) await once(out, 'drain');
}
