// What a --full worker does with one block of whole rows: decode, split, count, validate every
// value, hash the key column. Blocks come cut at row boundaries by the main thread.
//
// Speed (issue 14): ASCII blocks are read as one-byte strings without UTF-8 validation; a column's
// tests run as one function that returns a bit per test (column-plan.ts), remembered per value
// within a block for columns that repeat values (statuses, categories, free-text placeholders: a
// dozen tests skipped per repeated value), and counted in typed arrays rather than keyed objects.
import { isAscii, isUtf8 } from 'node:buffer';
import type { TestKey } from './classify.js';
import { type ColumnPlan, MAX_BITS, maskOf, planFor } from './column-plan.js';
import { fmix32, HyperLogLog } from './hll.js';
import { parseRow } from './parse-row.js';
import { ageOn, birthDateOf } from './age.js';
import { decodeLines } from './detect.js';

export interface JobConfig {
  delimiter: string;
  width: number;
  /** Counters to keep (value types, shapes, name evidence), per column. */
  types: TestKey[][];
  keyColumn: number;
  minors: { column: number; field: 'curp' | 'birth_date' } | null;
  today: string;
}

export interface JobResult {
  rows: number;
  malformed: number;
  /** Malformed rows' lines, counted from the block's first line (1-based), at most 20. */
  malformedLines: number[];
  /** Newlines in the block (for turning local lines into file lines). */
  newlines: number;
  /** Local line where a quote that never closed opened (only possible in the last block). */
  unclosedQuoteLine?: number;
  nonEmpty: number[];
  valid: Record<string, number>[];
  minors: number;
  minorsTested: number;
  latin1Rows: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decode(bytes: Uint8Array, r: JobResult): string {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  // ASCII reads the same in every encoding: a copy into a one-byte string, no validation.
  if (isAscii(b)) return b.toString('latin1');
  if (isUtf8(b)) return utf8.decode(b);
  // Mixed encodings: line by line, each as UTF-8 when it is valid.
  const d = decodeLines(b);
  r.latin1Rows += d.latin1;
  return d.text;
}

/** Values looked up before a column's cache proves itself (or is dropped for good). */
const PROBE = 2048;
/** A column keeps its cache when at least this share of the probed values repeated. */
const MIN_HIT_SHARE = 0.5;
/** Values remembered per column and block, at most. */
const CACHE_SIZE = 4096;

/** Plans per config, kept across the blocks of a scan (a worker runs one scan). */
const PLANS = new WeakMap<JobConfig, ColumnPlan[]>();

function plansFor(cfg: JobConfig): ColumnPlan[] {
  let plans = PLANS.get(cfg);
  if (!plans) {
    plans = cfg.types.map(planFor);
    PLANS.set(cfg, plans);
  }
  return plans;
}

/** FNV-1a over a key's characters, with the same normalisation as the row machine. */
function hashKey(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c === 32 || c === 45 || c === 46 || c === 9 || c === 13 || c === 10 || c === 34) continue;
    if (c >= 97 && c <= 122) c -= 32;
    h = Math.imul(h ^ (c & 0xff), 16777619);
  }
  return fmix32(h);
}

export function runJob(bytes: Uint8Array, skipFirstRow: boolean, cfg: JobConfig, hll: HyperLogLog, minorsHll?: HyperLogLog): JobResult {
  const r: JobResult = { rows: 0, malformed: 0, malformedLines: [], newlines: 0, nonEmpty: new Array(cfg.width).fill(0), valid: cfg.types.map(() => ({})), minors: 0, minorsTested: 0, latin1Rows: 0 };
  const text = decode(bytes, r);
  const plans = plansFor(cfg);
  const counts = plans.map((p) => new Float64Array(p.keys.length));
  const caches = plans.map(() => new Map<string, number>());
  const nonEmpty = new Float64Array(cfg.width);
  const minorsColumn = cfg.minors?.field === 'curp' ? cfg.minors.column : -1;
  const delimiter = cfg.delimiter;
  const width = cfg.width;
  let skip = skipFirstRow;
  const handle = (line: string, lineNo: number, broken: boolean) => {
    if (line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1);
    if (!line) return;
    if (skip) { skip = false; return; }
    r.rows++;
    // Whether this row's CURP already passed validation in the column loop (not validated twice).
    let lastCurpValid = false;
    const cells = line.includes('"') ? parseRow(line, delimiter) : line.split(delimiter);
    if (broken || cells.length !== width) {
      r.malformed++;
      if (r.malformedLines.length < 20) r.malformedLines.push(lineNo);
      return;
    }
    for (let c = 0; c < width; c++) {
      const raw = cells[c]!;
      if (!raw) continue;
      const v = raw.charCodeAt(0) <= 32 || raw.charCodeAt(raw.length - 1) <= 32 ? raw.trim() : raw;
      if (!v) continue;
      nonEmpty[c]!++;
      const p = plans[c]!;
      const fns = p.fns;
      if (!fns.length) continue;
      const count = counts[c]!;
      if (fns.length > MAX_BITS) {
        for (let k = 0; k < fns.length; k++) {
          if (fns[k]!(v)) {
            count[k]!++;
            if (k === p.curpBit && c === minorsColumn) lastCurpValid = true;
          }
        }
        continue;
      }
      let m: number | undefined;
      if (p.cache) {
        const cache = caches[c]!;
        m = cache.get(v);
        if (m === undefined) {
          m = maskOf(p, v);
          if (cache.size < CACHE_SIZE) cache.set(v, m);
        } else p.hits++;
        // Values that hardly repeat (identifiers, names) pay the lookups for nothing: stop asking.
        if (++p.lookups === PROBE && p.hits < PROBE * MIN_HIT_SHARE) p.cache = false;
      } else m = maskOf(p, v);
      if (m === 0) continue;
      for (let k = 0; k < fns.length; k++) if (m & (1 << k)) count[k]!++;
      if (c === minorsColumn && p.curpBit >= 0 && m & (1 << p.curpBit)) lastCurpValid = true;
    }
    let keyHash = -1;
    if (cfg.keyColumn >= 0) {
      const k = cells[cfg.keyColumn]!;
      if (k.trim()) hll.add((keyHash = hashKey(k)));
    }
    if (cfg.minors) {
      const raw = cells[cfg.minors.column]!.trim();
      if (raw) {
        const b = birthDateOf(raw, cfg.minors.field, lastCurpValid);
        if (b) {
          r.minorsTested++;
          if (ageOn(b, cfg.today) < 18) {
            r.minors++;
            if (keyHash >= 0) minorsHll?.add(keyHash);
          }
        }
      }
    }
  };
  let start = 0;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 0;
  let inQ = false;
  let nextQuote = text.indexOf('"');
  for (let i = text.indexOf('\n'); ; i = text.indexOf('\n', i + 1)) {
    if (i === -1) break;
    r.newlines++;
    // Quotes between the last position and this newline decide whether it ends the row.
    while (nextQuote !== -1 && nextQuote < i) {
      inQ = !inQ;
      if (inQ) quoteLine = line;
      nextQuote = text.indexOf('"', nextQuote + 1);
    }
    line++;
    if (inQ) continue;
    handle(text.slice(start, i), rowLine, false);
    start = i + 1;
    rowLine = line;
  }
  while (nextQuote !== -1) {
    inQ = !inQ;
    if (inQ) quoteLine = line;
    nextQuote = text.indexOf('"', nextQuote + 1);
  }
  if (start < text.length) handle(text.slice(start), rowLine, inQ);
  if (inQ) r.unclosedQuoteLine = quoteLine;
  for (let c = 0; c < width; c++) {
    r.nonEmpty[c] = nonEmpty[c]!;
    const keys = plans[c]!.keys;
    const count = counts[c]!;
    // Only the tests that passed at least once, as before (a keyed object per column).
    for (let k = 0; k < keys.length; k++) if (count[k]) r.valid[c]![keys[k]!] = count[k]!;
  }
  return r;
}
