import { type Diagnostic, formatDiagnostic, InputError } from '../input/diagnostic.js';
import { diagText } from '../input/messages.js';
import { uiLang } from '../i18n/ui-lang.js';
import { cliText, type CliKey } from './cli-messages.js';

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

const MAX_LINES = 200;

/** One line per problem (the first 200, then a count). */
export function printDiagnostics(diagnostics: Diagnostic[], stderr: (s: string) => void): void {
  const lang = uiLang();
  const lines = diagnostics.slice(0, MAX_LINES).map((d) => formatDiagnostic(d, lang));
  if (diagnostics.length > MAX_LINES) lines.push(diagText('more-problems', { count: diagnostics.length - MAX_LINES }, lang));
  stderr(`${lines.join('\n')}\n`);
}

/** Prints a failure the way the contract promises and returns the exit code. */
export function reportFailure(err: unknown, debug: boolean, stderr: (s: string) => void): number {
  if (err instanceof InputError) {
    printDiagnostics(err.diagnostics, stderr);
    return EXIT.usage;
  }
  if (err instanceof UsageError) {
    stderr(`breach: ${err.key && uiLang() !== 'en' ? cliText(err.key, err.args, uiLang()) : err.message}\n`);
    return EXIT.usage;
  }
  const e = err instanceof Error ? err : new Error(String(err));
  stderr(`${cliText('internal', { message: e.message.split('\n')[0] ?? '' }, uiLang())}\n`);
  if (debug && e.stack) stderr(`${e.stack}\n`);
  return EXIT.internal;
}
