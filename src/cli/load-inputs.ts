import type { SourcedIncident } from '../core/incident.js';
import { type Diagnostic, InputError } from '../input/diagnostic.js';
import { formatFromPath, type InputFormat, loadIncidents } from '../input/load.js';
import { UsageError } from './errors.js';
import { readInput } from './io.js';
import { today } from './shared.js';

export interface LoadOptions { inputFormat?: InputFormat }

/** Loads every file; all problems of all files are reported together. */
export function loadAll(files: string[], opts: LoadOptions): SourcedIncident[] {
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('stdin (-) can be read only once', 'stdin-once');
  const problems: Diagnostic[] = [];
  const incidents: SourcedIncident[] = [];
  const day = today();
  for (const file of files) {
    const label = file === '-' ? '<stdin>' : file;
    const format = opts.inputFormat ?? (file === '-' ? undefined : formatFromPath(file));
    if (!format) {
      problems.push({ file: label, line: 1, col: 1, message: file === '-' ? 'reading stdin needs --input-format yaml|json|csv' : 'cannot tell the format from the extension (.yaml, .yml, .json, .csv, .tsv); use --input-format' });
      continue;
    }
    try {
      incidents.push(...loadIncidents(readInput(file), label, format, day));
    } catch (e) {
      if (e instanceof InputError) problems.push(...e.diagnostics);
      else throw e;
    }
  }
  if (problems.length) throw new InputError(problems);
  return incidents;
}
