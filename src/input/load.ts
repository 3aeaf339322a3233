// A file's bytes → validated incidents, or every problem found, located.
import type { SourcedIncident } from '../core/incident.js';
import type { INPUT_FORMATS } from '../core/vocab.js';
import { decodeText } from './decode.js';
import { type Diagnostic, InputError } from './diagnostic.js';
import { loadCsv } from './load-csv.js';
import { loadDocuments, type RawDocument } from './load-document.js';
import { diagText } from './messages.js';
import { validateDescription } from './validate.js';

export type InputFormat = (typeof INPUT_FORMATS)[number];

/** The input format from a file's extension, or undefined when it cannot tell. */
export function formatFromPath(path: string): InputFormat | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  if (ext === 'json') return 'json';
  if (ext === 'csv' || ext === 'tsv') return 'csv';
  return undefined;
}

export interface LoadOptions {
  /** Keep the incidents that are valid and report the others (CSV rows, YAML documents). */
  skipInvalid?: boolean;
}

export interface Loaded {
  incidents: SourcedIncident[];
  /** Every problem found; with skipInvalid, the incidents they touch are left out. */
  problems: Diagnostic[];
  /** Incidents left out because of a problem (skipInvalid only). */
  skipped: number;
}

/** Throws every problem of the file at once, or returns all its incidents. */
export function loadIncidents(bytes: Uint8Array, label: string, format: InputFormat, today: string): SourcedIncident[] {
  const r = loadFile(bytes, label, format, today, {});
  if (r.problems.length) throw new InputError(r.problems);
  return r.incidents;
}

/** Like loadIncidents, but with skipInvalid the valid incidents survive the invalid ones. */
export function loadFile(bytes: Uint8Array, label: string, format: InputFormat, today: string, opts: LoadOptions): Loaded {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return fail([{ file: label, line: 1, col: 1, message: decoded.message, key: decoded.key }]);
  if (!decoded.text.trim()) return fail([{ file: label, line: 1, col: 1, message: 'the file is empty: expected a breach/v1 description', key: 'file-empty' }]);
  const problems: Diagnostic[] = [];
  let docs: (RawDocument & { key?: string | undefined })[];
  try {
    docs = format === 'csv' ? loadCsv(decoded.text, label, opts.skipInvalid ? problems : undefined) : loadDocuments(decoded.text, label, format);
  } catch (e) {
    if (e instanceof InputError) return fail(e.diagnostics);
    throw e;
  }
  const skippedBefore = docs.filter((d) => d.invalid).length;
  const out: SourcedIncident[] = [];
  let skipped = skippedBefore;
  for (const doc of docs) {
    if (doc.invalid) continue;
    const r = validateDescription(doc.value, label, doc.locate, today);
    if (!r.ok) {
      problems.push(...(doc.column ? r.diagnostics.map((d) => byColumn(d, doc.column!)) : r.diagnostics));
      skipped++;
    } else {
      out.push({ source: doc.key ? `${label}#${doc.key}` : docs.length > 1 ? `${label}#${doc.index}` : label, incident: r.incident, line: doc.line ?? lineOfDocument(doc) });
    }
  }
  if (problems.length && !opts.skipInvalid) return fail(problems);
  return { incidents: out, problems, skipped };
}

/**
 * A CSV's problem named by the column the user wrote, not by the description's path:
 * "`sector` debe ser public, private" rather than "`incident.controller.sector` ...", and an empty
 * required cell as such rather than a missing key.
 */
function byColumn(d: Diagnostic, column: (path: string) => string | undefined): Diagnostic {
  const where = d.args?.where;
  if (!d.key || typeof where !== 'string') return d;
  if (d.key === 'missing-key') {
    const header = column(`${where}.${String(d.args!.key)}`);
    return header === undefined ? d : { ...d, key: 'csv.empty-cell', args: { column: header }, message: diagText('csv.empty-cell', { column: header }, 'en') };
  }
  const header = column(where);
  if (header === undefined) return d;
  const args = { ...d.args, where: header };
  return { ...d, args, message: diagText(d.key, args, 'en') };
}

function lineOfDocument(doc: RawDocument): () => number {
  const locate = doc.locate;
  return () => locate([]).line;
}

function fail(problems: Diagnostic[]): Loaded {
  return { incidents: [], problems, skipped: 0 };
}
