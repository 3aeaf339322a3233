// Problems met while reading a dump: codes and arguments here, sentences in messages.ts. A problem
// never quotes a cell: arguments are table, sheet, key and column names (sanitised), numbers.
import { cleanText } from '../../util/sanitize.js';
import type { TextProblemKey } from '../text/messages.js';

export type ProblemCode =
  | 'sql-truncated' | 'sql-table-empty' | 'sql-no-rows' | 'sql-syntax' | 'sql-binary' | 'sql-table-resumed' | 'sql-copy-truncated'
  | 'json-invalid-line' | 'json-invalid-lines' | 'json-truncated' | 'json-not-records' | 'json-no-rows' | 'json-late-keys'
  | 'xlsx-encrypted' | 'xlsx-legacy' | 'xlsx-corrupt' | 'xlsx-sheet-corrupt' | 'xlsx-sheet-empty' | 'xlsx-gzip' | 'xlsx-no-rows' | 'xlsx-zip64' | 'xlsx-too-large'
  | 'folder-loop' | 'folder-unreadable' | 'folder-unknown' | 'folder-empty' | 'path-loop' | 'file-stream' | 'file-unreadable' | 'scan-failed' | 'expansion'
  | TextProblemKey;

export interface ScanProblem {
  file: string;
  line: number;
  col: number;
  code: ProblemCode;
  args?: Record<string, string | number>;
}

/** Collects the problems of one file; names in arguments are sanitised and shortened here. */
export class Problems {
  readonly list: ScanProblem[] = [];
  constructor(readonly file: string) {}

  add(code: ProblemCode, line: number, args?: Record<string, string | number>, col = 1): void {
    const clean = args && Object.fromEntries(Object.entries(args).map(([k, v]) => [k, typeof v === 'string' ? cleanText(v).slice(0, 60) : v]));
    this.list.push({ file: this.file, line, col, code, ...(clean && { args: clean }) });
  }
}
