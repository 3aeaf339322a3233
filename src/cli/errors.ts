import { type Diagnostic, formatDiagnostic, InputError } from '../input/diagnostic.js';

/** Exit codes (contract.md §1). */
export const EXIT = { ok: 0, failOn: 1, usage: 2, internal: 3 } as const;

/** A usage problem the user can fix: one line on stderr, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const MAX_LINES = 200;

/** One line per problem (the first 200, then a count). */
export function printDiagnostics(diagnostics: Diagnostic[], stderr: (s: string) => void): void {
  const lines = diagnostics.slice(0, MAX_LINES).map(formatDiagnostic);
  if (diagnostics.length > MAX_LINES) lines.push(`breach: ... and ${diagnostics.length - MAX_LINES} more problems`);
  stderr(`${lines.join('\n')}\n`);
}

/** Prints a failure the way the contract promises and returns the exit code. */
export function reportFailure(err: unknown, debug: boolean, stderr: (s: string) => void): number {
  if (err instanceof InputError) {
    printDiagnostics(err.diagnostics, stderr);
    return EXIT.usage;
  }
  if (err instanceof UsageError) {
    stderr(`breach: ${err.message}\n`);
    return EXIT.usage;
  }
  const e = err instanceof Error ? err : new Error(String(err));
  stderr(`breach: internal error: ${e.message.split('\n')[0]} (this is a bug; run again with --debug for the stack)\n`);
  if (debug && e.stack) stderr(`${e.stack}\n`);
  return EXIT.internal;
}
