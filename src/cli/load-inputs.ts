import type { SourcedIncident } from '../core/incident.js';
import { type Diagnostic, InputError } from '../input/diagnostic.js';
import { formatFromPath, type InputFormat, loadFile } from '../input/load.js';
import { UsageError } from './errors.js';
import { MAX_INPUT_BYTES, readInput } from './io.js';
import { today } from './shared.js';

export interface LoadOptions { inputFormat?: InputFormat; skipInvalid?: boolean; bail?: boolean }

export interface FileResult { file: string; incidents: number; problems: number; skipped: number }

export interface LoadResult {
  incidents: SourcedIncident[];
  /** Every problem of every file read. */
  problems: Diagnostic[];
  files: FileResult[];
}

/**
 * Loads each file on its own: an invalid file is reported and left out, the others still load
 * (with --bail, reading stops at the first invalid file).
 */
export function loadEach(files: string[], opts: LoadOptions): LoadResult {
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('stdin (-) can be read only once', 'stdin-once');
  const problems: Diagnostic[] = [];
  const incidents: SourcedIncident[] = [];
  const results: FileResult[] = [];
  const day = today();
  for (const file of files) {
    const label = file === '-' ? '<stdin>' : file;
    const format = opts.inputFormat ?? (file === '-' ? undefined : formatFromPath(file));
    let r: { incidents: SourcedIncident[]; problems: Diagnostic[]; skipped: number };
    try {
      if (!format) {
        // A file that cannot be read says why (a folder, a missing file) before its extension is questioned.
        if (file !== '-') readInput(file, undefined, true);
        r = { incidents: [], skipped: 0, problems: [file === '-'
          ? { file: label, line: 1, col: 1, message: 'reading stdin needs --input-format yaml|json|csv', key: 'format.stdin', args: {} }
          : { file: label, line: 1, col: 1, message: 'cannot tell the format from the extension (.yaml, .yml, .json, .csv, .tsv); use --input-format', key: 'format.unknown', args: {} }] };
      } else r = loadFile(readInput(file, MAX_INPUT_BYTES[format]), label, format, day, { skipInvalid: !!opts.skipInvalid });
    } catch (e) {
      if (e instanceof InputError) r = { incidents: [], problems: e.diagnostics, skipped: 0 };
      else throw e;
    }
    for (const i of r.incidents) incidents.push(i);
    problems.push(...r.problems);
    results.push({ file: label, incidents: r.incidents.length, problems: r.problems.length, skipped: r.skipped });
    if (r.problems.length && opts.bail) break;
  }
  return { incidents, problems, files: results };
}

/** Loads every file; all problems of all files are reported together (nothing is assessed). */
export function loadAll(files: string[], opts: LoadOptions): SourcedIncident[] {
  const r = loadEach(files, opts);
  if (r.problems.length) throw new InputError(r.problems);
  return r.incidents;
}
