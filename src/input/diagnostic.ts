import type { Lang } from '../i18n/index.js';
import { type DiagArgs, type DiagKey, diagText } from './messages.js';

/** One located problem in a user's input: printed as `file:line:col: message`. */
export interface Diagnostic {
  file: string;
  line: number;
  col: number;
  message: string;
  /** The message as a key of src/input/messages.ts with its arguments, for other languages. */
  key?: DiagKey;
  args?: DiagArgs;
}

export type Path = readonly PropertyKey[];
export interface Position { line: number; col: number }
/** Maps a path inside a document to where it was written; `key` asks for the key, not its value. */
export type Locator = (path: Path, part?: 'key' | 'value') => Position;

/** A user's input could not be used; every problem found is listed. Exit code 2. */
export class InputError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
    this.name = 'InputError';
  }
}

export function formatDiagnostic(d: Diagnostic, lang: Lang = 'en'): string {
  return `${d.file}:${d.line}:${d.col}: ${d.key && lang !== 'en' ? diagText(d.key, d.args ?? {}, lang) : d.message}`;
}

export function pathToString(path: Path): string {
  let s = '';
  for (const seg of path) s += typeof seg === 'number' ? `[${seg}]` : s ? `.${String(seg)}` : String(seg);
  return s;
}
