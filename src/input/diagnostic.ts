/** One located problem in a user's input: printed as `file:line:col: message`. */
export interface Diagnostic {
  file: string;
  line: number;
  col: number;
  message: string;
}

export type Path = readonly PropertyKey[];
export interface Position { line: number; col: number }
/** Maps a path inside a document to where it was written; `key` asks for the key, not its value. */
export type Locator = (path: Path, part?: 'key' | 'value') => Position;

/** A user's input could not be used; every problem found is listed. Exit code 2. */
export class InputError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'InputError';
  }
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.col}: ${d.message}`;
}

export function pathToString(path: Path): string {
  let s = '';
  for (const seg of path) s += typeof seg === 'number' ? `[${seg}]` : s ? `.${String(seg)}` : String(seg);
  return s;
}
