// What a --full worker does with one block of whole rows: decode, split, count, validate every
// value, hash the key column. Blocks come cut at row boundaries by the main thread.
import { TESTS, type TestKey } from './classify.js';
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
  try {
    return utf8.decode(bytes);
  } catch {
    // Mixed encodings: line by line, each as UTF-8 when it is valid.
    const d = decodeLines(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
    r.latin1Rows += d.latin1;
    return d.text;
  }
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

/** Whether this row's CURP already passed validation in the column loop (not validated twice). */
let lastCurpValid = false;

export function runJob(bytes: Uint8Array, skipFirstRow: boolean, cfg: JobConfig, hll: HyperLogLog, minorsHll?: HyperLogLog): JobResult {
  const r: JobResult = { rows: 0, malformed: 0, malformedLines: [], newlines: 0, nonEmpty: new Array(cfg.width).fill(0), valid: cfg.types.map(() => ({})), minors: 0, minorsTested: 0, latin1Rows: 0 };
  const text = decode(bytes, r);
  const tests = cfg.types.map((ts) => ts.map((t) => [t, TESTS[t]] as const));
  const minorsColumn = cfg.minors?.field === 'curp' ? cfg.minors.column : -1;
  let skip = skipFirstRow;
  const handle = (line: string, lineNo: number, broken: boolean) => {
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (!line) return;
    if (skip) { skip = false; return; }
    r.rows++;
    lastCurpValid = false;
    const cells = line.includes('"') ? parseRow(line, cfg.delimiter) : line.split(cfg.delimiter);
    if (broken || cells.length !== cfg.width) {
      r.malformed++;
      if (r.malformedLines.length < 20) r.malformedLines.push(lineNo);
      return;
    }
    for (let c = 0; c < cells.length; c++) {
      const raw = cells[c]!;
      if (!raw) continue;
      const v = raw.charCodeAt(0) <= 32 || raw.charCodeAt(raw.length - 1) <= 32 ? raw.trim() : raw;
      if (!v) continue;
      r.nonEmpty[c]!++;
      const t = tests[c]!;
      if (!t.length) continue;
      const valid = r.valid[c]!;
      for (let k = 0; k < t.length; k++) {
        if (t[k]![1](v)) {
          valid[t[k]![0]] = (valid[t[k]![0]] ?? 0) + 1;
          if (c === minorsColumn && t[k]![0] === 'curp') lastCurpValid = true;
        }
      }
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
  return r;
}
