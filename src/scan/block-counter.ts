// What a --full worker counts in a block, value by value: non-empty cells, the tests each column
// passes, the key column's distinct values (HyperLogLog) and the minors. Values come either as
// strings (rows decoded as text) or as the ASCII bytes of a cell (block-rows.ts): both ways give
// the same counts, the bytes way without building a string where a byte test exists.
import type { TestKey } from './classify.js';
import { type ColumnPlan, MAX_BITS, maskOf, maskOfBytes, planFor } from './column-plan.js';
import { fmix32, HyperLogLog } from './hll.js';
import { ageOn, birthDateOf } from './age.js';
import { analyseNameEncoded, curpBirthBytes } from './byte-tests.js';
import { parseRow } from './parse-row.js';
import { latin1 } from './slices.js';

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

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 16777619;
/** Characters a key's hash leaves out: tab, LF, CR, space, '"', '-', '.' (separators, not identity). */
const skipInKey = (c: number) => c === 32 || c === 45 || c === 46 || c === 9 || c === 13 || c === 10 || c === 34;

/**
 * FNV-1a over a key's characters (the low byte of each), separators left out and letters upper-cased.
 * The default scan's row machine hashes a key's UTF-8 bytes instead: the two agree on ASCII keys
 * only, which is why profiles of the two modes are never merged.
 */
function hashKey(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (skipInKey(c)) continue;
    if (c >= 97 && c <= 122) c -= 32;
    h = Math.imul(h ^ (c & 0xff), FNV_PRIME);
  }
  return fmix32(h);
}

/** hashKey() of the ASCII bytes b[s..e) (a byte is its character code). */
function hashKeyBytes(b: Uint8Array, s: number, e: number): number {
  let h = FNV_OFFSET;
  for (let i = s; i < e; i++) {
    let c = b[i]!;
    if (skipInKey(c)) continue;
    if (c >= 97 && c <= 122) c -= 32;
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  return fmix32(h);
}

/** Whether the ASCII bytes b[s..e) hold more than what String.prototype.trim() removes. */
function hasNonSpace(b: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = b[i]!;
    if (c !== 32 && (c < 9 || c > 13)) return true;
  }
  return false;
}

/** How a cell with bytes over 127 is decoded: its block is UTF-8, or its line is Windows-1252. */
export type CellEncoding = 'utf8' | 'win1252';

const NONE = 0;
const COMPILED = 1;
const OTHER = 2;
const noMask = () => 0;

export class BlockCounter {
  readonly r: JobResult = { rows: 0, malformed: 0, malformedLines: [], newlines: 0, nonEmpty: [], valid: [], minors: 0, minorsTested: 0, latin1Rows: 0 };
  private readonly plans: ColumnPlan[];
  private readonly counts: Float64Array[];
  private readonly caches: Map<string, number>[];
  private readonly nonEmpty: Float64Array;
  /** Per column, how a plain ASCII cell is tested: NONE (counted only), COMPILED (masks[c]), OTHER (bytesValue). */
  private readonly how: Uint8Array;
  private readonly masks: ((b: Uint8Array, s: number, e: number) => number)[];
  private readonly minorsColumn: number;
  /** Whether this row's CURP already passed validation in the column loop (not validated twice). */
  private lastCurpValid = false;

  constructor(readonly cfg: JobConfig, private readonly hll: HyperLogLog, private readonly minorsHll?: HyperLogLog) {
    this.plans = plansFor(cfg);
    this.counts = this.plans.map((p) => new Float64Array(p.keys.length));
    this.caches = this.plans.map(() => new Map<string, number>());
    this.nonEmpty = new Float64Array(cfg.width);
    this.how = Uint8Array.from(this.plans, (p) => (!p.fns.length ? NONE : p.maskBytes ? COMPILED : OTHER));
    this.masks = this.plans.map((p) => p.maskBytes ?? noMask);
    this.minorsColumn = cfg.minors?.field === 'curp' ? cfg.minors.column : -1;
  }

  /** A row that cannot be read as `width` cells (or whose quote never closed). */
  malformedRow(lineNo: number): void {
    this.r.rows++;
    this.r.malformed++;
    if (this.r.malformedLines.length < 20) this.r.malformedLines.push(lineNo);
  }

  /** One row given as text (no trailing newline); `broken` when its quote never closed. */
  textRow(line: string, lineNo: number, broken: boolean): void {
    const delimiter = this.cfg.delimiter;
    const cells = line.includes('"') ? parseRow(line, delimiter) : line.split(delimiter);
    if (broken || cells.length !== this.cfg.width) return this.malformedRow(lineNo);
    this.r.rows++;
    this.lastCurpValid = false;
    for (let c = 0; c < cells.length; c++) this.textValue(c, cells[c]!);
    const { keyColumn, minors } = this.cfg;
    let keyHash = -1;
    if (keyColumn >= 0) {
      const k = cells[keyColumn]!;
      if (k.trim()) this.hll.add((keyHash = hashKey(k)));
    }
    if (minors) this.minor(cells[minors.column]!.trim(), keyHash);
  }

  /** One cell's raw text (untrimmed, as the row split it). */
  textValue(c: number, raw: string): void {
    if (!raw) return;
    const v = raw.charCodeAt(0) <= 32 || raw.charCodeAt(raw.length - 1) <= 32 ? raw.trim() : raw;
    if (!v) return;
    this.nonEmpty[c]!++;
    const p = this.plans[c]!;
    if (!p.fns.length) return;
    if (p.fns.length > MAX_BITS) return this.countOneByOne(c, p, v);
    let m: number | undefined;
    if (p.cache) {
      m = this.cached(c, p, v);
      if (m === undefined) {
        m = maskOf(p, v);
        this.remember(c, v, m);
      }
    } else m = maskOf(p, v);
    this.count(c, p, m);
  }

  /**
   * A row whose cells are b[starts[c]..ends[c]), `ascii[c]` telling whether a cell is plain ASCII;
   * `text` decodes a cell. A plain ASCII cell with no space or control byte at either end is
   * tested on its bytes; others are decoded and tested as text.
   */
  bytesRow(b: Uint8Array, starts: Int32Array, ends: Int32Array, ascii: Uint8Array, text: (s: number, e: number) => string, encoding: (s: number, e: number) => CellEncoding | null): void {
    this.r.rows++;
    this.lastCurpValid = false;
    const { nonEmpty, how, masks, plans } = this;
    for (let c = 0; c < starts.length; c++) {
      const s = starts[c]!;
      const e = ends[c]!;
      if (s === e) continue;
      if (ascii[c] === 1 && b[s]! > 32 && b[e - 1]! > 32) {
        nonEmpty[c]!++;
        const kind = how[c]!;
        if (kind === COMPILED) {
          const m = masks[c]!(b, s, e);
          if (m !== 0) this.count(c, plans[c]!, m);
        } else if (kind === OTHER) this.bytesValue(c, b, s, e);
        continue;
      }
      // A name with accents (JOSÉ, Núñez) in a column of name tests: analysed on its bytes when it can be.
      const names = plans[c]!.nameTable;
      if (names !== null && b[s]! > 32 && b[e - 1]! > 32) {
        const enc = encoding(s, e);
        const r = enc === null ? -1 : analyseNameEncoded(b, s, e, enc);
        if (r >= 0) {
          nonEmpty[c]!++;
          const m = names[r]!;
          if (m !== 0) this.count(c, plans[c]!, m);
          continue;
        }
      }
      this.textValue(c, text(s, e));
    }
    this.endBytesRow(b, starts, ends, ascii, text);
  }

  /** A non-empty cell's bytes tested by a column without one compiled function (many tests, or a cache). */
  private bytesValue(c: number, b: Uint8Array, s: number, e: number): void {
    const p = this.plans[c]!;
    if (p.fns.length > MAX_BITS) return this.countOneByOne(c, p, latin1(b, s, e));
    let m: number | undefined;
    if (p.cache) {
      const v = latin1(b, s, e);
      m = this.cached(c, p, v);
      if (m === undefined) {
        m = maskOfBytes(p, b, s, e, v);
        this.remember(c, v, m);
      }
    } else m = maskOfBytes(p, b, s, e, undefined);
    this.count(c, p, m);
  }

  /** The key and minors of a row whose cells came as bytes; `ascii` tells whether each cell is plain ASCII. */
  private endBytesRow(b: Uint8Array, starts: Int32Array, ends: Int32Array, ascii: Uint8Array, text: (s: number, e: number) => string): void {
    const { keyColumn, minors } = this.cfg;
    let keyHash = -1;
    if (keyColumn >= 0) {
      const s = starts[keyColumn]!;
      const e = ends[keyColumn]!;
      if (ascii[keyColumn]) {
        if (hasNonSpace(b, s, e)) this.hll.add((keyHash = hashKeyBytes(b, s, e)));
      } else {
        const k = text(s, e);
        if (k.trim()) this.hll.add((keyHash = hashKey(k)));
      }
    }
    if (!minors) return;
    const c = minors.column;
    const s = starts[c]!;
    const e = ends[c]!;
    // A valid CURP given as trimmed ASCII bytes: its birth date read in place.
    if (this.lastCurpValid && c === this.minorsColumn && ascii[c] && e > s && b[s]! > 32 && b[e - 1]! > 32) {
      this.minorBirth(curpBirthBytes(b, s, e), keyHash);
    } else this.minor(text(s, e).trim(), keyHash);
  }

  private minor(raw: string, keyHash: number): void {
    if (raw) this.minorBirth(birthDateOf(raw, this.cfg.minors!.field, this.lastCurpValid), keyHash);
  }

  private minorBirth(birth: { y: number; m: number; d: number } | undefined, keyHash: number): void {
    if (!birth) return;
    this.r.minorsTested++;
    if (ageOn(birth, this.cfg.today) < 18) {
      this.r.minors++;
      if (keyHash >= 0) this.minorsHll?.add(keyHash);
    }
  }

  private countOneByOne(c: number, p: ColumnPlan, v: string): void {
    const count = this.counts[c]!;
    for (let k = 0; k < p.fns.length; k++) {
      if (p.fns[k]!(v)) {
        count[k]!++;
        if (k === p.curpBit && c === this.minorsColumn) this.lastCurpValid = true;
      }
    }
  }

  private cached(c: number, p: ColumnPlan, v: string): number | undefined {
    const m = this.caches[c]!.get(v);
    if (m !== undefined) p.hits++;
    // Values that hardly repeat (identifiers, names) pay the lookups for nothing: stop asking.
    if (++p.lookups === PROBE && p.hits < PROBE * MIN_HIT_SHARE) p.cache = false;
    return m;
  }

  private remember(c: number, v: string, m: number): void {
    const cache = this.caches[c]!;
    if (cache.size < CACHE_SIZE) cache.set(v, m);
  }

  private count(c: number, p: ColumnPlan, m: number): void {
    if (m === 0) return;
    if (c === this.minorsColumn && p.curpBit >= 0 && m & (1 << p.curpBit)) this.lastCurpValid = true;
    // The bits set, lowest first (a column of 13 tests passes one or two of them).
    const count = this.counts[c]!;
    do {
      count[31 - Math.clz32(m & -m)]!++;
      m &= m - 1;
    } while (m !== 0);
  }

  /** The block's result: counters per column, only the tests that passed at least once (a keyed object per column). */
  finish(newlines: number): JobResult {
    const r = this.r;
    r.newlines = newlines;
    r.nonEmpty = Array.from(this.nonEmpty);
    r.valid = this.plans.map((p, c) => {
      const out: Record<string, number> = {};
      const count = this.counts[c]!;
      for (let k = 0; k < p.keys.length; k++) if (count[k]) out[p.keys[k]!] = count[k]!;
      return out;
    });
    return r;
  }
}
