// A file's bytes → validated incidents, or every problem found, located.
import type { SourcedIncident } from '../core/incident.js';
import type { INPUT_FORMATS } from '../core/vocab.js';
import { decodeText } from './decode.js';
import { type Diagnostic, InputError } from './diagnostic.js';
import { loadCsv } from './load-csv.js';
import { loadDocuments, type RawDocument } from './load-document.js';
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

export function loadIncidents(bytes: Uint8Array, label: string, format: InputFormat, today: string): SourcedIncident[] {
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new InputError([{ file: label, line: 1, col: 1, message: decoded.message }]);
  if (!decoded.text.trim()) throw new InputError([{ file: label, line: 1, col: 1, message: 'the file is empty: expected a breach/v1 description', key: 'file-empty' }]);
  const docs: (RawDocument & { key?: string | undefined })[] = format === 'csv' ? loadCsv(decoded.text, label) : loadDocuments(decoded.text, label, format);
  const problems: Diagnostic[] = [];
  const out: SourcedIncident[] = [];
  for (const doc of docs) {
    const r = validateDescription(doc.value, label, doc.locate, today);
    if (!r.ok) problems.push(...r.diagnostics);
    else out.push({ source: doc.key ? `${label}#${doc.key}` : docs.length > 1 ? `${label}#${doc.index}` : label, incident: r.incident });
  }
  if (problems.length) throw new InputError(problems);
  return out;
}
