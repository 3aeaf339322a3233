// CSV portfolios (contract.md §3): one row per dataset, grouped into incidents by `incident`.
import { parse } from 'csv-parse/sync';
import { parseCsvFast } from './csv-fast.js';
import { normalizeName } from '../util/normalize.js';
import { didYouMean, suggest } from '../util/suggest.js';
import { CSV_COLUMNS, type CsvColumn, INCIDENT_COLUMNS, REQUIRED_COLUMNS } from './csv-columns.js';
import { type Diagnostic, InputError, type Locator, type Path } from './diagnostic.js';
import type { RawDocument } from './load-document.js';
import { type DiagKey, diagText } from './messages.js';
import { MAX_DATASETS } from './schema.js';

const HEADER_INDEX = new Map<string, CsvColumn>();
for (const [col, names] of Object.entries(CSV_COLUMNS) as [CsvColumn, readonly string[]][]) for (const n of names) HEADER_INDEX.set(n, col);

interface Row { cells: string[]; index: number; bad?: boolean }

export interface CsvDocument extends RawDocument { key: string | undefined }

/** Picks the delimiter that occurs most often in the header line, outside quotes. */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  for (let i = 0; i < text.length && i < 65536; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) { if (counts[','] + counts[';'] + counts['\t'] > 0) break; }
    else if (!inQuotes && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  return counts[';'] > counts[','] && counts[';'] >= counts['\t'] ? ';' : counts['\t'] > counts[','] ? '\t' : ',';
}

/** csv-parse's error codes (its messages are English only) → the diagnostic's wording. */
const CSV_ERROR_KEYS: Record<string, DiagKey> = {
  CSV_QUOTE_NOT_CLOSED: 'csv.quote-open',
  CSV_INVALID_CLOSING_QUOTE: 'csv.quote-closing',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'csv.quote-closing',
  CSV_MAX_RECORD_SIZE: 'csv.record-size',
};

const PARSE_OPTIONS = { relax_column_count: true, skip_empty_lines: true, bom: true, max_record_size: 1 << 20 } as const;

/**
 * The line each record starts on, computed only when a diagnostic or SARIF needs one: one scan of
 * the text, quote-aware, skipping empty lines as the parser does (a second parse with
 * `info: true` cost a third of the parse and an object per record).
 */
function lazyLines(text: string, _delimiter: string): (record: number) => number {
  let starts: Uint32Array | undefined;
  return (record) => {
    if (!starts) {
      const out: number[] = [];
      let line = 1;
      let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
      const n = text.length;
      while (i < n) {
        // Empty lines are not records.
        const c = text.charCodeAt(i);
        if (c === 10) { line++; i++; continue; }
        if (c === 13) { if (text.charCodeAt(i + 1) !== 10) line++; i++; continue; }
        out.push(line);
        let inQuotes = false;
        for (; i < n; i++) {
          const ch = text.charCodeAt(i);
          if (ch === 34) inQuotes = !inQuotes;
          else if (ch === 10) { line++; if (!inQuotes) { i++; break; } }
          else if (ch === 13 && text.charCodeAt(i + 1) !== 10) { line++; if (!inQuotes) { i++; break; } }
        }
      }
      starts = Uint32Array.from(out);
    }
    return starts[record] ?? 1;
  };
}

/**
 * Parses a CSV portfolio. Problems throw, all at once; with `collect` (--skip-invalid) problems in
 * rows are collected instead and the incidents they touch come back marked invalid. Problems in
 * the header always throw: no row can be read without it.
 */
export function loadCsv(text: string, file: string, collect?: Diagnostic[]): CsvDocument[] {
  const delimiter = detectDelimiter(text);
  const lineOf = lazyLines(text, delimiter);
  let records: string[][];
  try {
    const limit = rowLimit(file, lineOf);
    records = parseCsvFast(text, delimiter, limit) ?? (parse(text, { ...PARSE_OPTIONS, delimiter, on_record: (record: string[], info: { records: number }) => { limit(record, info.records - 1); return record; } }) as string[][]);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const err = e as { lines?: number; message: string; code?: string };
    const detail = err.message.split('\n')[0] ?? '';
    throw new InputError([{ file, line: err.lines ?? 1, col: 1, message: `invalid CSV: ${detail}`, key: 'csv.syntax', args: { detail, detailKey: CSV_ERROR_KEYS[err.code ?? ''] ?? 'csv.other' } }]);
  }
  if (!records.length) throw new InputError([{ file, line: 1, col: 1, message: 'the file is empty: expected a header row (dataset, records, fields, sector, ...)', key: 'csv.empty' }]);
  const problems: Diagnostic[] = [];
  const header = records[0]!;
  const columns = mapHeader(header, file, lineOf, problems, (i) => charCol(text, lineOf(0), i, delimiter));
  const headerProblems = problems.length;
  const blank = header.flatMap((h, i) => (h.trim() ? [] : [i]));
  const rows: Row[] = [];
  for (let i = 1; i < records.length; i++) {
    const record = records[i]!;
    const row: Row = { cells: record, index: i };
    const stray = blank.find((c) => record[c]?.trim());
    if (stray !== undefined) {
      problems.push({ file, line: lineOf(i), col: charCol(text, lineOf(i), stray, delimiter), message: `column ${stray + 1} has no header but this row has a value in it: name the column or delete the value`, key: 'csv.blank-header', args: { n: stray + 1 } });
      row.bad = true;
    }
    if (record.length > header.length) {
      problems.push({ file, line: lineOf(i), col: 1, message: `row has ${record.length} cells but the header has ${header.length}; check the delimiter (${JSON.stringify(delimiter)}) and quoting`, key: 'csv.cells', args: { cells: record.length, header: header.length, delimiter: JSON.stringify(delimiter) } });
      row.bad = true;
    }
    rows.push(row);
  }
  if (headerProblems || (problems.length && !collect)) throw new InputError(problems);
  if (!rows.length) throw new InputError([{ file, line: 1, col: 1, message: 'the CSV has a header but no dataset rows', key: 'csv.no-rows' }]);
  const docs = group(rows, columns, header, text, delimiter, file, problems, lineOf);
  if (problems.length && !collect) throw new InputError(problems);
  if (collect) collect.push(...problems);
  return docs;
}

/**
 * Counts each incident's rows as the records are read and refuses the file at the first row past
 * the limit of datasets per incident, before the rest is read and any incident is built (a
 * million-row incident was refused only after 1.67 GB and 10 s, by validation).
 */
function rowLimit(file: string, lineOf: (record: number) => number): (record: string[], index: number) => void {
  let column = -1;
  const counts = new Map<string, number>();
  return (record, index) => {
    if (index === 0) {
      // A second reading (csv-parse after the fast parser gave up midway) counts from the start again.
      counts.clear();
      column = record.findIndex((h) => HEADER_INDEX.get(normalizeName(h)) === 'incident');
      return;
    }
    const key = column < 0 ? '' : (record[column] ?? '').trim();
    const n = (counts.get(key) ?? 0) + 1;
    if (n > MAX_DATASETS) {
      const code = key ? 'csv.incident-rows' : 'csv.rows';
      const args = { incident: key.slice(0, 60), max: MAX_DATASETS };
      throw new InputError([{ file, line: lineOf(index), col: 1, message: diagText(code, args, 'en'), key: code, args }]);
    }
    counts.set(key, n);
  };
}

function mapHeader(cells: string[], file: string, lineOf: (record: number) => number, problems: Diagnostic[], colOf: (index: number) => number): Map<CsvColumn, number> {
  const columns = new Map<CsvColumn, number>();
  const at = () => lineOf(0);
  cells.forEach((h, i) => {
    // A column without a header (the trailing separator of a spreadsheet export) is ignored while empty.
    if (!h.trim()) return;
    const n = normalizeName(h);
    const col = HEADER_INDEX.get(n);
    if (!col) {
      problems.push({ file, line: at(), col: colOf(i), message: `unknown column \`${h.slice(0, 60)}\`${didYouMean(suggest(n, HEADER_INDEX.keys()))}`, key: 'csv.unknown-column', args: { column: h.slice(0, 60), suggestion: suggest(n, HEADER_INDEX.keys()).map((o) => `\`${o}\``).join(', ') } });
    } else if (columns.has(col)) {
      problems.push({ file, line: at(), col: colOf(i), message: `column \`${h}\` repeats column ${columns.get(col)! + 1} (both mean \`${col}\`)`, key: 'csv.repeated-column', args: { column: h.slice(0, 60), first: columns.get(col)! + 1, meaning: col } });
    } else {
      columns.set(col, i);
    }
  });
  for (const req of REQUIRED_COLUMNS) {
    if (!columns.has(req)) problems.push({ file, line: at(), col: 1, message: `missing required column \`${req}\` (Spanish: \`${CSV_COLUMNS[req].at(-1)}\`)`, key: 'csv.missing-column', args: { column: req, spanish: CSV_COLUMNS[req].at(-1) ?? req } });
  }
  return columns;
}

/** normalizeName for the few distinct values of a column, remembered. */
const valueKeys = new Map<string, string>();
function valueKey(v: string): string {
  let k = valueKeys.get(v);
  if (k === undefined) {
    k = normalizeName(v);
    if (valueKeys.size < 1000) valueKeys.set(v, k);
  }
  return k;
}

const SECTOR: Record<string, string> = { public: 'public', publico: 'public', private: 'private', privado: 'private' };
const BOOL: Record<string, boolean> = { yes: true, no: false, true: true, false: false, si: true, y: true, n: false, '1': true, '0': false };

function group(rows: Row[], columns: Map<CsvColumn, number>, header: string[], text: string, delimiter: string, file: string, problems: Diagnostic[], lineOf: (record: number) => number): CsvDocument[] {
  // Column indices resolved once: the per-row work is array reads.
  const index = Object.fromEntries(Object.keys(CSV_COLUMNS).map((c) => [c, columns.get(c as CsvColumn) ?? -1])) as Record<CsvColumn, number>;
  const cell = (row: Row, c: CsvColumn): string => {
    const i = index[c];
    return i < 0 ? '' : (row.cells[i] ?? '').trim();
  };
  const byKey = new Map<string, Row[]>();
  for (const row of rows) {
    const key = cell(row, 'incident');
    const list = byKey.get(key);
    if (list) list.push(row);
    else byKey.set(key, [row]);
  }
  const docs: CsvDocument[] = [];
  for (const [key, members] of byKey) {
    const before = problems.length;
    // Incident-level values: the first non-empty cell wins; a different non-empty value is an error.
    const source = new Map<CsvColumn, Row>();
    for (const c of INCIDENT_COLUMNS) {
      if (!columns.has(c)) continue;
      for (const row of members) {
        const v = cell(row, c);
        if (!v) continue;
        const first = source.get(c);
        if (!first) source.set(c, row);
        else if (cell(first, c) !== v) {
          problems.push({ file, line: lineOf(row.index), col: charCol(text, lineOf(row.index), columns.get(c)!, delimiter), message: `\`${c}\` is "${v.slice(0, 40)}" here but "${cell(first, c).slice(0, 40)}" on line ${lineOf(first.index)}: rows of one incident${key ? ` (\`${key}\`)` : ''} must agree`, key: 'csv.disagree', args: { column: c, value: v.slice(0, 40), first: cell(first, c).slice(0, 40), line: lineOf(first.index), incident: key ? ` (\`${key}\`)` : '' } });
        }
      }
    }
    const inc = (c: CsvColumn): string | undefined => {
      const r = source.get(c);
      return r ? cell(r, c) : undefined;
    };
    const bool = (c: CsvColumn): boolean | string | undefined => {
      const v = inc(c);
      if (v === undefined) return undefined;
      return BOOL[valueKey(v)] ?? v;
    };
    const sector = inc('sector');
    const subjects = inc('subjects');
    const groups = inc('groups');
    const value = {
      incident: drop({
        title: inc('title'),
        discovered: inc('discovered'),
        controller: drop({ name: inc('controller'), sector: sector === undefined ? undefined : SECTOR[valueKey(sector)] ?? sector, branch: inc('branch'), state: inc('state'), industry: inc('industry'), role: inc('role') }),
        circumstances: dropEmpty({ confidentiality: inc('confidentiality'), integrity: inc('integrity'), availability: inc('availability'), malicious: bool('malicious'), unintelligible: bool('unintelligible'), insider: bool('insider'), deception: bool('deception') }),
        subjects: dropEmpty({ count: subjects, groups: groups === undefined ? undefined : splitList(groups) }),
      }),
      response: dropEmpty({
        confirmed_at: inc('confirmed_at'), occurred_at: inc('occurred_at'), identified_at: inc('identified_at'), investigation_started_at: inc('investigation_started_at'),
        place: inc('place'), public_summary: inc('public_summary'), channel: inc('channel'),
        nature: inc('nature'), cause: inc('cause'), circumstances: inc('circumstances'), systems: inc('systems'), consequences: inc('consequences'),
        actions: inc('actions') === undefined ? undefined : splitList(inc('actions')!),
        contact: dropEmpty({ channel: inc('contact_channel'), email: inc('contact_email'), phone: inc('contact_phone'), url: inc('contact_url'), address: inc('contact_address') }),
        officer: dropEmpty({ name: inc('officer_name'), role: inc('officer_role'), email: inc('officer_email'), phone: inc('officer_phone') }),
        addressee: dropEmpty({ authority: inc('addressee_authority'), regulator: inc('addressee_regulator'), controller: inc('addressee_controller') }),
      }),
      datasets: members.map((row) => {
        const notes = cell(row, 'notes');
        const ds: Record<string, unknown> = { name: cell(row, 'dataset'), records: cell(row, 'records'), fields: splitList(cell(row, 'fields')) };
        if (notes) ds.notes = notes;
        return ds;
      }),
    };
    const locate: Locator = (path: Path) => {
      const [top, a] = path;
      const col = columnOf(path);
      if (top === 'datasets' && typeof a === 'number' && members[a]) {
        const row = members[a]!;
        return { line: lineOf(row.index), col: charCol(text, lineOf(row.index), columns.get(col ?? 'dataset') ?? 0, delimiter) };
      }
      const row = (col && source.get(col)) ?? members[0]!;
      return { line: lineOf(row.index), col: col && columns.has(col) ? charCol(text, lineOf(row.index), columns.get(col)!, delimiter) : 1 };
    };
    const invalid = problems.length > before || members.some((r) => r.bad);
    const firstRow = members[0]!.index;
    docs.push({ value, locate, column: (path) => { const c = columnOf(path.split('.')); return c && columns.has(c) ? header[columns.get(c)!] : undefined; }, index: docs.length + 1, key: key || undefined, line: () => lineOf(firstRow), ...(invalid && { invalid }) });
  }
  return docs;
}

/** The CSV column a path of the description comes from ("datasets[0].fields[1]" → fields). */
/**
 * The CSV column a description path comes from (datasets[0].records → records, incident.controller.name
 * → controller, response.contact.email → contact_email), undefined when none does. Paths come
 * structured (a locator's) or as the diagnostics' text, split at dots ('datasets[0]' is 'datasets').
 */
function columnOf(path: Path): CsvColumn | undefined {
  const [top, a, b] = path.filter((p): p is string => typeof p === 'string').map((p) => p.replace(/\[\d+\]$/, ''));
  let c: string | undefined;
  if (top === 'datasets') c = a === 'name' ? 'dataset' : a;
  else if (top === 'incident') c = a === 'controller' ? (b === 'name' || b === undefined ? 'controller' : b) : a === 'circumstances' ? b : a === 'subjects' ? (b === 'count' || b === undefined ? 'subjects' : b) : a;
  else if (top === 'response') c = b ? `${a}_${b}` : a === 'officer' ? 'officer_name' : a;
  return c !== undefined && c in CSV_COLUMNS ? (c as CsvColumn) : undefined;
}

function splitList(s: string): string[] {
  return s.split(/[;|]/).map((x) => x.trim()).filter(Boolean);
}

function drop<T extends Record<string, unknown>>(o: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const k in o) {
    const v = o[k];
    if (v !== undefined && v !== '') out[k] = v;
  }
  return out as Partial<T>;
}

function dropEmpty<T extends Record<string, unknown>>(o: T): Partial<T> | undefined {
  const d = drop(o);
  for (const _ in d) return d;
  return undefined;
}

/** 1-based character column of cell `index` on `line` (quote-aware), computed only for diagnostics. */
function charCol(text: string, line: number, index: number, delimiter: string): number {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', pos);
    if (nl === -1) return 1;
    pos = nl + 1;
  }
  let cellNo = 0;
  let inQuotes = false;
  let i = pos;
  for (; i < text.length && cellNo < index; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === delimiter) cellNo++;
    else if (!inQuotes && ch === '\n') break;
  }
  return i - pos + 1;
}
