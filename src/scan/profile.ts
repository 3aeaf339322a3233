// `breach scan` for one file: a head phase (encoding, delimiter, header, first classification),
// then one streaming pass (exact row count, malformed rows, distinct people, a reservoir sample
// spread over the whole file), then a verdict per column. Raw values never leave this module:
// the profile holds counts, shares and masked examples only.
import { isAscii, isUtf8 } from 'node:buffer';
import { classify, type ColumnVerdict, countValid, KEY_FIELDS } from './classify.js';
import { decodeLines, decodeRow, detectDelimiter, detectEncoding, type Encoding, splitRows } from './detect.js';
import { headerCells, looksLikeHeader, numberedColumns } from './header-row.js';
import { HyperLogLog } from './hll.js';
import { maskedExamples } from './mask.js';
import { parseRow } from './parse-row.js';
import { RowMachine } from './row-machine.js';
import { openSource, type Source } from './source.js';
import { DEFAULT_MAX_EXPANSION, ExpansionError } from './expansion.js';
import { ageOn, birthDateOf } from './age.js';
import { scanWhyText, type ScanWhy } from './formats/messages.js';

export const HEAD_BYTES = 1 << 20;
export const HEAD_ROWS = 2000;
export const RESERVOIR = 10000;

/** A file that cannot be scanned at all: `why` (and the system's `errno`) are worded in the user's language; the message is the English wording. */
export class ScanError extends Error {
  constructor(readonly why: ScanWhy, readonly line = 1, readonly errno?: string) {
    super(scanWhyText('en', why, errno));
    this.name = 'ScanError';
  }
}

export interface ColumnProfile extends ColumnVerdict {
  index: number;
  /** The header text (sanitised, shortened), or "column N" when the file has no header. */
  name: string;
  examples: string[];
  /** Non-empty values in the sample (or in the file with --full). */
  nonEmpty: number;
}

export interface FileProfile {
  file: string;
  /** What the file is (absent: CSV, the first format `scan` read). */
  format?: 'csv' | 'mysql' | 'postgresql' | 'jsonl' | 'json' | 'xlsx';
  /** The SQL table, JSON array key or Excel sheet this dataset is (a file may hold several). */
  table?: string;
  sheet?: string;
  bytes: number;
  gzip: boolean;
  encoding: Encoding | 'mixed';
  delimiter: string;
  hasHeader: boolean;
  /** Data rows, exact. */
  rows: number;
  malformed: { rows: number; lines: number[]; unclosedQuoteLine?: number };
  columns: ColumnProfile[];
  key?: { column: number; field: string; distinct: number };
  minors?: Minors;
  sample: { rows: number; mode: 'sample' | 'full' };
}

/**
 * People under 18 on the scan date. With a key column (CURP, NSS, RFC, e-mail) the figures are per
 * distinct person: `share` is the share of distinct keys whose birth date makes them minors, and
 * `estimate` = `share` × the distinct people (so a child listed five times counts once); `unit` is
 * 'people'. Without a key, nobody can tell rows from people: `share` is over rows, `estimate` is a
 * number of rows and `unit` says 'rows'. `rows` is always the estimate of rows about minors.
 * Default mode takes the share over the distinct keys of the row sample: exact when the sample
 * holds the whole file or every person several times (a few hundred people over millions of rows);
 * when people repeat and the file dwarfs the sample, a person's chance of being sampled grows with
 * their rows, so the share leans toward the row share. `--full` counts the distinct minors' keys
 * over the whole file (HyperLogLog), whatever the repetition.
 */
export interface Minors {
  field: string;
  share: number;
  estimate: number;
  tested: number;
  unit: 'people' | 'rows';
  rows: number;
}

/** Each profile's distinct-key sketch, for the distinct people across datasets (never printed). */
export const KEY_SKETCHES = new WeakMap<FileProfile, Uint8Array>();

export interface Progress { bytes: number; total: number; rows: number }

export interface ScanOptions {
  today: string;
  /** The decompression-bomb guard's ratio for gzip (expansion.ts); 0 lifts it. */
  maxExpansion: number;
  onProgress?: (p: Progress) => void;
  reservoir?: number;
  seed?: number;
  /** Only the rows of a byte range (shard/range.ts); what a mergeable profile keeps is left in it. */
  range?: RangeRead;
  /** The dump with its head already read (a range's caller read it to align the range). */
  opened?: Opened;
}

/** A byte range to read: its rows start at `first` (a line boundary); it stops at the first boundary at or after `end`. */
export interface RangeRead {
  first: number;
  end: number;
  /** Only what a mergeable profile keeps: the range's own columns are not judged (nobody reads them). */
  bare?: boolean;
  /** Filled by the scan: where it stopped, the newlines read, the key sketch and, by mode, the sample or the totals. */
  out: RangeOut;
}

export interface RangeOut {
  stop: number;
  newlines: number;
  registers?: Uint8Array;
  /** Default mode: the reservoir (rows after the head) and the rows it was drawn from. */
  sample?: { head: string[][]; reservoir: string[][]; seen: number; latin1: number; utf8: number };
  /** --full: the counters of every row (full.ts). */
  full?: FullCounts;
}

/** What --full counts over every row of a file or range, summed over its blocks. */
export interface FullCounts {
  rows: number;
  malformed: number;
  lines: number[];
  unclosed?: number;
  nonEmpty: number[];
  valid: Record<string, number>[];
  minors: number;
  minorsTested: number;
  latin1: number;
  minorRegisters?: Uint8Array;
}

/** A small seeded generator (mulberry32): samples are the same from run to run. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}


function hasBom(b: Uint8Array): boolean {
  return b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

/** Whether the bytes hold at least one valid UTF-8 multi-byte sequence (an accent written in UTF-8). */
function hasUtf8Multibyte(b: Buffer): boolean {
  for (let i = 0; i + 1 < b.length; i++) if (b[i]! >= 0xc2 && b[i]! <= 0xf4 && (b[i + 1]! & 0xc0) === 0x80) return true;
  return false;
}

export interface HeadInfo {
  encoding: Encoding | 'mixed';
  delimiter: string;
  hasHeader: boolean;
  /** Column names as shown (header cells that look like values masked). */
  names: string[];
  /** The header label each column's classifier reads (undefined: none, or masked). */
  labels: (string | undefined)[];
  width: number;
  headRows: string[][];
  verdicts: ColumnVerdict[];
  /** Share of distinct values among the non-empty head values, per column. */
  distinctShares: number[];
  keyColumn: number;
}

/** Everything the first megabytes decide. */
export function readHead(head: Buffer, complete: boolean): HeadInfo {
  const enc = detectEncoding(head);
  if ('why' in enc) throw new ScanError(enc.why);
  const start = enc.encoding === 'utf-8-bom' ? 3 : 0;
  const decoded = decodeLines(head.subarray(start));
  const text = decoded.text;
  const encoding: Encoding | 'mixed' = decoded.latin1 > 0 && hasUtf8Multibyte(head) ? 'mixed' : enc.encoding;
  const lines = splitRows(text, HEAD_ROWS + 1, complete);
  if (!lines.length) throw new ScanError(complete ? 'no-rows' : 'long-lines');
  const delimiter = detectDelimiter(lines);
  const rows = lines.map((l) => parseRow(l, delimiter));
  const hasHeader = looksLikeHeader(rows[0]!, rows.slice(1));
  const width = rows[0]!.length;
  const { names, labels } = hasHeader ? headerCells(rows[0]!) : numberedColumns(width);
  const headRows = hasHeader ? rows.slice(1) : rows;
  return { encoding, delimiter, hasHeader, names, labels, width, headRows, ...judgeHead(labels, headRows, names.length) };
}

/** The first classification of a table's columns from its head rows, and its key column (-1: none). */
export function judgeHead(header: (string | undefined)[] | undefined, headRows: string[][], width = header?.length ?? 0): Pick<HeadInfo, 'verdicts' | 'distinctShares' | 'keyColumn'> {
  const distinctShares: number[] = [];
  const verdicts = Array.from({ length: width }, (_, i) => {
    const c = countValid(headRows.map((r) => r[i] ?? ''), 500);
    distinctShares.push(c.tested ? c.distinct / c.tested : 1);
    return classify(header?.[i], c.tested, c.valid, c.distinct);
  });
  let keyColumn = -1;
  for (const f of KEY_FIELDS) {
    const i = verdicts.findIndex((x) => x.field === f && x.evidence !== 'header');
    if (i >= 0) { keyColumn = i; break; }
  }
  return { verdicts, distinctShares, keyColumn };
}

export interface Opened {
  path: string;
  src: Source;
  it: AsyncIterator<Buffer>;
  headChunks: Buffer[];
  done: boolean;
  info: HeadInfo;
}

/** Opens a dump and reads its head (the first HEAD_BYTES). */
export async function openDump(path: string, maxExpansion: number): Promise<Opened> {
  const src = openSource(path, maxExpansion);
  const it = src.chunks[Symbol.asyncIterator]();
  const headChunks: Buffer[] = [];
  let headLen = 0;
  let done = false;
  try {
    while (headLen < HEAD_BYTES) {
      const r = await it.next();
      if (r.done) { done = true; break; }
      headChunks.push(r.value);
      headLen += r.value.length;
    }
  } catch (e) {
    throw streamError(e);
  }
  if (headLen === 0) throw new ScanError('empty');
  return { path, src, it, headChunks, done, info: readHead(Buffer.concat(headChunks), done) };
}

/**
 * Offset where the rows after the head begin (the head's rows are sampled whole, the reservoir
 * draws from the rest): the start of row `skip`, found by the same row machine as the scan.
 */
export function headEnd(headChunks: Buffer[], info: HeadInfo, done: boolean): number {
  const skip = info.headRows.length + (info.hasHeader ? 1 : 0);
  let at = -1;
  const m = new RowMachine({ delimiter: info.delimiter.charCodeAt(0), expectedCells: 0, keyColumn: -1, headerRows: 0, wantRow: (index, pos) => { if (index === skip && at < 0) at = pos; return false; }, onRow: () => {} });
  for (const c of headChunks) m.feed(c);
  return at >= 0 ? at : done ? Infinity : headChunks.reduce((n, c) => n + c.length, 0);
}

/**
 * The chunks a scan reads: the whole file after its head, or a byte range from its first row (a
 * second stream; the head, read from the file's start, is not fed again).
 */
export async function* rangeChunks(o: Opened, range: RangeRead | undefined): AsyncGenerator<Buffer> {
  if (!range) {
    yield* o.headChunks.splice(0);
    if (o.done) return;
    for (;;) {
      const r = await o.it.next();
      if (r.done) return;
      yield r.value;
    }
  }
  await o.it.return?.();
  const src = openSource(o.path, 0, range.first); // ranges are plain files only (gzip is refused): no guard
  o.src = { ...src, size: o.src.size, readBytes: () => range.first + src.readBytes() };
  yield* src.chunks;
}

export async function scanFile(path: string, label: string, opts: ScanOptions): Promise<FileProfile> {
  const opened = opts.opened ?? await openDump(path, opts.maxExpansion);
  const { info } = opened;
  const range = opts.range;
  const limit = opts.reservoir ?? RESERVOIR;
  // Sampled rows stay bytes (each in a buffer of its own, not a slice of a shared pool) until the
  // pass ends: most are replaced later, and only the rows kept are decoded and split.
  const reservoir: Uint8Array[] = [];
  const random = rng(opts.seed ?? 1);
  const skip = info.headRows.length + (info.hasHeader ? 1 : 0);
  // A range tells the head's rows by their offset (it does not count the rows before it).
  const sampleFrom = range ? headEnd(opened.headChunks, info, opened.done) : 0;
  const header = info.hasHeader && (range?.first ?? 0) === 0 ? 1 : 0;
  let seen = 0;
  let slot = -1;
  let latin1 = 0;
  let utf8Rows = 0;
  const hll = new HyperLogLog();
  const machine = new RowMachine({
    delimiter: info.delimiter.charCodeAt(0),
    expectedCells: info.width,
    keyColumn: info.keyColumn,
    headerRows: header,
    hll,
    ...(range && { startPos: range.first, stopAt: range.end }),
    // Reservoir sampling (Vitter's algorithm R) over the rows after the head: a uniform sample of
    // the whole file, whatever its size, without knowing the size in advance.
    wantRow: (index, pos) => {
      if (range ? pos < sampleFrom : index < skip) return false;
      seen++;
      if (reservoir.length < limit) { slot = reservoir.length; return true; }
      const j = Math.floor(random() * seen);
      if (j < limit) { slot = j; return true; }
      return false;
    },
    onRow: (bytes) => {
      if (!isUtf8(bytes)) latin1++;
      // Rows of plain ASCII read the same in both encodings: only multi-byte UTF-8 rows make a Latin-1
      // file mixed (a leading BOM is not text: decoding drops it).
      else if (!isAscii(hasBom(bytes) ? bytes.subarray(3) : bytes)) utf8Rows++;
      reservoir[slot] = new Uint8Array(bytes);
    },
  });
  let chunks = 0;
  const progress = () => opts.onProgress?.({ bytes: opened.src.readBytes(), total: opened.src.size, rows: machine.rows });
  try {
    for await (const c of rangeChunks(opened, range)) {
      machine.feed(c);
      if (machine.stopped) break;
      if (++chunks % 32 === 0) progress();
    }
  } catch (e) {
    throw streamError(e);
  }
  machine.end();
  progress();
  const { src } = opened;
  // Only the rows the sample kept are decoded and split.
  const kept = reservoir.map((b) => parseRow(decodeRow(Buffer.from(b.buffer, b.byteOffset, b.length)).text.replace(/\r?\n$/, ''), info.delimiter));
  const sample = [...info.headRows, ...kept];
  const columns = range?.bare ? [] : profileColumns(info, sample);
  const dataRows = machine.rows - header;
  const keyField = info.keyColumn >= 0 ? info.verdicts[info.keyColumn]!.field! : undefined;
  const profile: FileProfile = {
    file: label,
    bytes: src.size,
    gzip: src.gzip,
    encoding: fileEncoding(info.encoding, latin1, utf8Rows),
    delimiter: info.delimiter,
    hasHeader: info.hasHeader,
    rows: Math.max(0, dataRows),
    malformed: { rows: machine.malformed, lines: machine.malformedLines, ...(machine.unclosedQuoteLine !== undefined && { unclosedQuoteLine: machine.unclosedQuoteLine }) },
    columns,
    sample: { rows: sample.length, mode: 'sample' },
  };
  if (keyField) {
    profile.key = { column: info.keyColumn, field: keyField, distinct: Math.min(hll.estimate(), profile.rows) };
    KEY_SKETCHES.set(profile, hll.registers);
  }
  const minors = minorsIn(columns, sample, opts.today, profile.key?.column);
  if (minors) profile.minors = minorsFigures(minors, profile.key, profile.rows);
  if (range) {
    const stop = machine.stopped ? machine.stoppedAt : src.size;
    Object.assign(range.out, { stop, newlines: machine.lines - 1, ...(keyField && { registers: hll.registers }), sample: { head: info.headRows, reservoir: kept, seen, latin1, utf8: utf8Rows } });
  }
  return profile;
}

export function streamError(e: unknown): ScanError | ExpansionError {
  if (e instanceof ExpansionError) return e;
  const code = (e as NodeJS.ErrnoException).code ?? '';
  if (code === 'Z_BUF_ERROR' || code === 'Z_DATA_ERROR' || /unexpected end|incorrect header|invalid/i.test((e as Error).message)) {
    return new ScanError('gzip-corrupt');
  }
  return new ScanError('unreadable', 1, code || 'EIO');
}

export function profileColumns(info: Pick<HeadInfo, 'names' | 'labels'>, sample: string[][]): ColumnProfile[] {
  return info.names.map((name, i) => {
    const values = sample.map((r) => r[i] ?? '');
    const c = countValid(values, 2000);
    const verdict = classify(info.labels[i], c.tested, c.valid, c.distinct);
    return { index: i, name, ...verdict, examples: maskedExamples(values, verdict.field), nonEmpty: values.filter((x) => x.trim()).length };
  });
}

/**
 * Share of sampled rows about people under 18 on `today`, from a CURP column, else a birth-date
 * column; with a key column, also the share of distinct sampled keys (people) who are minors.
 */
/** The minors of a profile: per distinct person when a key column exists, else per row (see Minors). */
export function minorsFigures(m: { field: string; share: number; rowShare: number; tested: number }, key: FileProfile['key'], totalRows: number, exactRows?: number): Minors {
  const rows = exactRows ?? Math.round(m.rowShare * totalRows);
  return key
    ? { field: m.field, share: m.share, estimate: Math.round(m.share * key.distinct), tested: m.tested, unit: 'people', rows }
    : { field: m.field, share: m.rowShare, estimate: rows, tested: m.tested, unit: 'rows', rows };
}

/** The column minors are read from: a CURP the values confirm, else a birth date. */
export function minorsColumn(columns: ColumnProfile[]): ColumnProfile | undefined {
  return columns.find((c) => c.field === 'curp' && c.evidence !== 'header') ?? columns.find((c) => c.field === 'birth_date' && c.evidence !== 'header');
}

/** The minors' shares over rows with a birth date, and over the distinct keys among them (`key` '': none). */
export function minorsTally(field: string, rows: Iterable<{ minor: boolean; key: string }>): { field: string; rowShare: number; share: number; tested: number } | undefined {
  let tested = 0;
  let minors = 0;
  const people = new Map<string, boolean>();
  for (const { minor, key } of rows) {
    tested++;
    if (minor) minors++;
    if (key) people.set(key, minor || (people.get(key) ?? false));
  }
  if (!tested) return undefined;
  const round4 = (x: number) => Math.round(x * 10000) / 10000;
  const minorPeople = [...people.values()].filter(Boolean).length;
  return { field, rowShare: round4(minors / tested), share: people.size ? round4(minorPeople / people.size) : round4(minors / tested), tested };
}

export function minorsIn(columns: ColumnProfile[], sample: string[][], today: string, keyColumn?: number): { field: string; rowShare: number; share: number; tested: number } | undefined {
  const col = minorsColumn(columns);
  if (!col) return undefined;
  function* rows() {
    for (const r of sample) {
      const raw = r[col!.index];
      if (!raw) continue;
      const b = birthDateOf(raw, col!.field as 'curp' | 'birth_date');
      if (b) yield { minor: ageOn(b, today) < 18, key: keyColumn === undefined ? '' : normKey(r[keyColumn] ?? '') };
    }
  }
  return minorsTally(col.field!, rows());
}

/**
 * A file's encoding from its head's verdict and the rows read after it: Latin-1 rows make a UTF-8
 * file mixed, and so do multi-byte UTF-8 rows a Windows-1252 file (`utf8`: 0 where not counted).
 */
export function fileEncoding(head: Encoding | 'mixed', latin1: number, utf8: number): Encoding | 'mixed' {
  return head === 'mixed' || (latin1 && (utf8 || head !== 'windows-1252')) ? 'mixed' : head;
}

/** A key as the distinct-people count hashes it: spaces, dashes, dots and quotes dropped, upper case. */
export function normKey(s: string): string {
  return s.replace(/[\s\-."]/g, '').toUpperCase();
}
