// The one boundary between breach and the person reading it: every text written to stdout or
// stderr passes here (output files pass through io.ts's writeAtomic, which uses the same
// cleaner). Nothing else in src/ writes to the streams (test/output-boundary.test.ts checks it).
import { once } from 'node:events';
import { uiLang } from '../i18n/ui-lang.js';
import { cleanOutput, cleanText, type OutputKind } from '../util/sanitize.js';
import { cliText, reasonText } from './cli-messages.js';

/** Lines of a message or a listing: each cleaned to one line, so no text can forge another line. */
export function printLines(stream: 'out' | 'err', lines: readonly string[]): void {
  if (!lines.length) return;
  (stream === 'out' ? process.stdout : process.stderr).write(`${lines.map((l) => cleanText(l)).join('\n')}\n`);
}

/** A document of any size, kept whole (lines, tables), cleaned for its kind. */
export function printText(stream: 'out' | 'err', text: string, kind: OutputKind = 'text'): void {
  (stream === 'out' ? process.stdout : process.stderr).write(cleanOutput(text, kind));
}

/**
 * A report in chunks to stdout, waiting for the pipe to drain so memory stays bounded. A CR that
 * ends a chunk waits for the next (it may begin a CRLF).
 */
export async function writeStdout(chunks: Iterable<string>, kind: OutputKind): Promise<void> {
  const out = process.stdout;
  let pending = '';
  let carry = '';
  const flush = async (final: boolean) => {
    let s = carry + pending;
    carry = '';
    if (!final && s.endsWith('\r')) { carry = '\r'; s = s.slice(0, -1); }
    pending = '';
    if (s && !out.write(cleanOutput(s, kind))) await once(out, 'drain');
  };
  for (const chunk of chunks) {
    pending += chunk;
    if (pending.length >= 1 << 16) await flush(false);
  }
  await flush(true);
}

/** The scan progress line on stderr: a carriage return, then the cleaned text. */
export function progressLine(text: string): void {
  process.stderr.write(`\r${cleanText(text)}`);
}

/** Erases the progress line. */
export function progressClear(): void {
  process.stderr.write('\r\x1b[K');
}

/**
 * A reader that closes the pipe (`| head`) ends the run quietly, as other tools do; any other
 * failure to write stdout (a full disk, an I/O error) is said once on stderr and exits 2, never
 * a silent success nor "a bug".
 */
export function guardStdout(): void {
  let said = false;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    if (!said) printLines('err', [cliText('stdout.cannot-write', { reason: reasonText(e.code, uiLang()) }, uiLang())]);
    said = true;
    process.exit(2);
  });
}
