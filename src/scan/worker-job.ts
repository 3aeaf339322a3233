// What a --full worker does with one block of whole rows: decode, split, validate every value.
import { type ValueType, TYPES } from './classify.js';
import { parseRow } from './parse-row.js';
import { ageOn } from './age.js';
import { curpBirthDate, isCurp, normId, parseDate } from './validators.js';

export interface JobConfig {
  delimiter: string;
  width: number;
  /** Value types to test, per column. */
  types: ValueType[][];
  minors: { column: number; field: 'curp' | 'birth_date' } | null;
  today: string;
}

export interface JobResult {
  nonEmpty: number[];
  valid: Record<string, number>[];
  minors: number;
  minorsTested: number;
  latin1Rows: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const win1252 = new TextDecoder('windows-1252');

function decode(bytes: Uint8Array, r: JobResult): string {
  try {
    return utf8.decode(bytes);
  } catch {
    // Mixed encodings: decode row by row, each as UTF-8 when it is valid.
    let out = '';
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 10) {
        const row = bytes.subarray(start, i);
        try { out += utf8.decode(row); } catch { out += win1252.decode(row); r.latin1Rows++; }
        if (i < bytes.length) out += '\n';
        start = i + 1;
      }
    }
    return out;
  }
}

export function runJob(bytes: Uint8Array, skipFirstRow: boolean, cfg: JobConfig): JobResult {
  const r: JobResult = { nonEmpty: new Array(cfg.width).fill(0), valid: cfg.types.map(() => ({})), minors: 0, minorsTested: 0, latin1Rows: 0 };
  const text = decode(bytes, r);
  const quoted = text.includes('"');
  let start = 0;
  let first = true;
  const tests = cfg.types.map((ts) => ts.map((t) => [t, TYPES[t].test] as const));
  const handle = (line: string) => {
    if (first && skipFirstRow) { first = false; return; }
    first = false;
    if (!line || line === '\r') return;
    const cells = quoted && line.includes('"') ? parseRow(line, cfg.delimiter) : line.split(cfg.delimiter);
    if (cells.length !== cfg.width) return; // malformed rows are counted by the main thread
    for (let c = 0; c < cells.length; c++) {
      const v = c === cells.length - 1 && cells[c]!.endsWith('\r') ? cells[c]!.slice(0, -1).trim() : cells[c]!.trim();
      if (!v) continue;
      r.nonEmpty[c]!++;
      const valid = r.valid[c]!;
      for (const [t, test] of tests[c]!) if (test(v)) valid[t] = (valid[t] ?? 0) + 1;
    }
    if (cfg.minors) {
      const raw = cells[cfg.minors.column]?.trim();
      if (raw) {
        const b = cfg.minors.field === 'curp' ? (isCurp(raw) ? curpBirthDate(normId(raw)) : undefined) : parseDate(raw);
        if (b) {
          r.minorsTested++;
          if (ageOn(b, cfg.today) < 18) r.minors++;
        }
      }
    }
  };
  if (!quoted) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', start)) {
      handle(text.slice(start, i));
      start = i + 1;
    }
    if (start < text.length) handle(text.slice(start));
  } else {
    let inQ = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 34) inQ = !inQ;
      else if (ch === 10 && !inQ) { handle(text.slice(start, i)); start = i + 1; }
    }
    if (start < text.length) handle(text.slice(start));
  }
  return r;
}
