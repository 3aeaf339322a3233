import { type Diagnostic, formatDiagnostic, InputError } from '../input/diagnostic.js';
import { diagText } from '../input/messages.js';
import { uiLang } from '../i18n/ui-lang.js';
import { cliText, type CliKey } from './cli-messages.js';
import { printLines, printText } from './terminal.js';

/** Exit codes (contract.md §1). */
export const EXIT = { ok: 0, failOn: 1, usage: 2, internal: 3 } as const;

/** A usage problem the user can fix: one line on stderr, exit 2. */
export class UsageError extends Error {
  /** `message` is the English text; `key` and `args` give it in other languages (src/cli/cli-messages.ts). */
  constructor(message: string, readonly key?: CliKey, readonly args: Record<string, string | number> = {}) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A usage error from the message table (English text, the key and arguments for other languages). */
export function usage(key: CliKey, args: Record<string, string | number> = {}): UsageError {
  return new UsageError(cliText(key, args, 'en'), key, args);
}

const MAX_LINES = 200;

/** One line per problem (the first 200, then a count). */
export function printDiagnostics(diagnostics: Diagnostic[]): void {
  const lang = uiLang();
  const lines = diagnostics.slice(0, MAX_LINES).map((d) => formatDiagnostic(d, lang));
  if (diagnostics.length > MAX_LINES) lines.push(diagText('more-problems', { count: diagnostics.length - MAX_LINES }, lang));
  printLines('err', lines);
}

/** Prints a failure the way the contract promises and returns the exit code. */
export function reportFailure(err: unknown, debug = process.argv.includes('--debug')): number {
  if (err instanceof InputError) {
    printDiagnostics(err.diagnostics);
    return EXIT.usage;
  }
  if (err instanceof UsageError) {
    printLines('err', [`breach: ${err.key && uiLang() !== 'en' ? cliText(err.key, err.args, uiLang()) : err.message}`]);
    return EXIT.usage;
  }
  const e = err instanceof Error ? err : new Error(String(err));
  printLines('err', [cliText('internal', { message: e.message.split('\n')[0] ?? '' }, uiLang())]);
  if (debug && e.stack) printText('err', `${e.stack}\n`);
  return EXIT.internal;
}
