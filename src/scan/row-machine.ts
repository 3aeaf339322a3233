// The streaming, byte-level CSV row machine of `breach scan`: one pass over raw bytes counts rows
// exactly (a newline inside quotes is not a row), counts the cells of every row to find malformed
// ones, hashes the key column into a HyperLogLog and hands the sampled rows over whole. Nothing is
// decoded here, and memory does not grow with the file.
//
// Fast path: native indexOf finds each row's newline and the next quote; a row with no quote
// needs one loop that counts delimiters. Rows with quotes, or cut by a chunk boundary, take the
// byte-by-byte path, which carries its state across chunks.
import { fmix32, type HyperLogLog } from './hll.js';

const NL = 10;
const CR = 13;
const QUOTE = 34;
const MAX_CAPTURE = 1 << 20;
const MAX_MALFORMED_LINES = 20;
const FNV = 0x811c9dc5;

export interface RowMachineOptions {
  delimiter: number;
  /** Cells a row must have (the header's); 0 while unknown. */
  expectedCells: number;
  /** Column whose values feed `hll` (-1: none). */
  keyColumn: number;
  /** Rows at the top that are not data (the header): 0 or 1. */
  headerRows: number;
  hll?: HyperLogLog;
  /** Asked at the start of each row: keep this row whole for `onRow`? */
  wantRow: (rowIndex: number, bytePos: number) => boolean;
  onRow: (bytes: Buffer, line: number, rowIndex: number) => void;
  /** Offset in the file of the first byte fed (a byte range starts there; positions given to `wantRow` are the file's). */
  startPos?: number;
  /**
   * A byte range's end: the machine stops at the first line boundary at or after it (the rows
   * that start before it are read whole, Hadoop's rule). Default: the end of the input.
   */
  stopAt?: number;
}

/** Bytes left out of the key hash, so "LOOA 531113-..." and "looa531113..." are one person. */
function skipped(b: number): boolean {
  return b === 32 || b === 45 || b === 46 || b === 9 || b === CR || b === NL;
}

export class RowMachine {
  /** Rows seen, the header included, blank lines excluded. */
  rows = 0;
  malformed = 0;
  malformedLines: number[] = [];
  /** Line where a quote that never closed was opened, if the input ended inside one. */
  unclosedQuoteLine: number | undefined;
  longestRow = 0;
  /** After feed(): the offset just past the last row that ended in that buffer (-1: none). */
  lastRowEnd = -1;
  /** The file offset where the machine stopped (a line boundary at or after `stopAt`), or -1. */
  stoppedAt = -1;
  /** Current line, 1-based from the first byte fed (after a stop: the line at the stop). */
  lines = 1;
  // State of a row being read byte by byte (possibly across chunks).
  private inQ = false;
  private open = false;
  private cells = 1;
  private rowLen = 0;
  private rowLine = 1;
  private hash = FNV;
  private keyLen = 0;
  private quoteLine = 0;
  private pos = 0;
  private capturing = false;
  private captured: Buffer[] = [];
  private capturedLen = 0;
  private readonly stopAt: number;
  /** The last byte fed was a newline that ended a line (the next chunk starts at a line boundary). */
  private afterNewline = true;

  constructor(private readonly o: RowMachineOptions) {
    this.pos = o.startPos ?? 0;
    this.stopAt = o.stopAt ?? Infinity;
  }

  get stopped(): boolean {
    return this.stoppedAt >= 0;
  }

  feed(buf: Buffer): void {
    if (this.stopped) return;
    const n = buf.length;
    let i = 0;
    this.nextQuote = -1;
    this.lastRowEnd = -1;
    if (this.open) i = this.slow(buf, 0);
    while (i < n) {
      if (this.pos + i >= this.stopAt && this.atBoundary(buf, i)) { this.stoppedAt = this.pos + i; return; }
      const next = this.fastRow(buf, i, n);
      i = next >= 0 ? next : this.slow(buf, i);
      if (this.stopped) return;
    }
    this.afterNewline = !this.open && buf[n - 1] === NL;
    this.pos += n;
  }

  /** Whether offset `i` of `buf` starts a line (outside any row: only asked between rows). */
  private atBoundary(buf: Buffer, i: number): boolean {
    return i === 0 ? this.afterNewline : buf[i - 1] === NL;
  }

  private nextQuote = -1;

  /**
   * Reads one whole row starting at `i` with native searches: delimiters are counted between
   * quotes, quoted sections are jumped over. Returns where the row ended (after its newline), or
   * -1 when the row is not complete in this buffer (the byte-by-byte path takes over).
   */
  private fastRow(buf: Buffer, i: number, n: number): number {
    const delim = this.o.delimiter;
    const key = this.o.keyColumn;
    if (buf[i] === NL || (buf[i] === CR && buf[i + 1] === NL)) {
      this.lines++;
      const next = buf[i] === NL ? i + 1 : i + 2;
      this.lastRowEnd = next;
      return next;
    }
    let j = i;
    let cells = 1;
    let inKey = key === 0;
    let hash = FNV;
    let keyLen = 0;
    let extraLines = 0;
    // The first newline at or after `j`: a quoted section's newline count ends on the one after it.
    let nl = buf.indexOf(NL, j);
    for (;;) {
      if (nl === -1) return -1;
      if (this.nextQuote < j) {
        const q = buf.indexOf(QUOTE, j);
        this.nextQuote = q === -1 ? n : q;
      }
      const stop = this.nextQuote < nl ? this.nextQuote : nl;
      for (let k = j; k < stop; k++) {
        // Outside the key column only delimiters matter: a loop with one test per byte.
        if (!inKey) {
          while (k < stop && buf[k] !== delim) k++;
          if (k === stop) break;
          cells++;
          inKey = cells - 1 === key;
          continue;
        }
        const b = buf[k]!;
        if (b === delim) {
          cells++;
          inKey = false;
        } else if (!skipped(b)) {
          hash = Math.imul(hash ^ (b >= 97 && b <= 122 ? b - 32 : b), 16777619);
          keyLen++;
        }
      }
      if (stop === nl) {
        const end = nl > i && buf[nl - 1] === CR ? nl - 1 : nl;
        const line = this.lines;
        this.lines += 1 + extraLines;
        const index = this.rows;
        if (this.o.wantRow(index, this.pos + i)) this.o.onRow(Buffer.from(buf.subarray(i, end)), line, index);
        this.rowLine = line;
        this.finish(cells, end - i, hash, keyLen, false);
        this.lastRowEnd = nl + 1;
        return nl + 1;
      }
      // A quoted section opens at `stop`: find its closing quote ("" is an escaped quote).
      let c = buf.indexOf(QUOTE, stop + 1);
      while (c !== -1 && c + 1 < n && buf[c + 1] === QUOTE) c = buf.indexOf(QUOTE, c + 2);
      if (c === -1 || c + 1 >= n) return -1;
      // `nl` (past `stop`) is the section's first newline; counting stops at the first one after it.
      while (nl !== -1 && nl < c) {
        extraLines++;
        nl = buf.indexOf(NL, nl + 1);
      }
      if (inKey) {
        for (let k = stop + 1; k < c; k++) {
          const b = buf[k]!;
          if (b !== QUOTE && !skipped(b)) { hash = Math.imul(hash ^ (b >= 97 && b <= 122 ? b - 32 : b), 16777619); keyLen++; }
        }
      }
      j = c + 1;
      this.nextQuote = -1;
    }
  }

  /** Reads one row byte by byte from `start`; returns where it ended (after its newline) or n. */
  private slow(buf: Buffer, start: number): number {
    const delim = this.o.delimiter;
    const key = this.o.keyColumn;
    let { inQ, cells, rowLen, hash, keyLen, lines } = this;
    let captureFrom = this.capturing ? start : -1;
    const n = buf.length;
    for (let i = start; i < n; i++) {
      const b = buf[i]!;
      if (!this.open) {
        if (this.pos + i >= this.stopAt && (i === start ? this.atBoundary(buf, i) : buf[i - 1] === NL)) {
          this.lines = lines;
          this.stoppedAt = this.pos + i;
          return n;
        }
        if (b === NL) { lines++; this.lastRowEnd = i + 1; continue; }
        if (b === CR) continue;
        this.open = true;
        this.rowLine = lines;
        if (this.o.wantRow(this.rows, this.pos + i)) {
          this.capturing = true;
          captureFrom = i;
        }
      }
      if (inQ) {
        if (b === QUOTE) inQ = false;
        else {
          if (b === NL) lines++;
          if (cells - 1 === key && !skipped(b)) { hash = Math.imul(hash ^ (b >= 97 && b <= 122 ? b - 32 : b), 16777619); keyLen++; }
        }
        rowLen++;
        continue;
      }
      if (b === NL) {
        lines++;
        this.lines = lines;
        if (this.capturing && captureFrom >= 0) this.keep(buf.subarray(captureFrom, i > start && buf[i - 1] === CR ? i - 1 : i));
        this.finish(cells, rowLen, hash, keyLen, false);
        this.inQ = false; this.cells = 1; this.rowLen = 0; this.hash = FNV; this.keyLen = 0; this.open = false;
        this.lastRowEnd = i + 1;
        return i + 1;
      }
      rowLen++;
      if (b === QUOTE) { inQ = true; this.quoteLine = lines; continue; }
      if (b === delim) { cells++; continue; }
      if (cells - 1 === key && !skipped(b)) {
        hash = Math.imul(hash ^ (b >= 97 && b <= 122 ? b - 32 : b), 16777619);
        keyLen++;
      }
    }
    if (this.capturing && captureFrom >= 0) this.keep(buf.subarray(captureFrom));
    Object.assign(this, { inQ, cells, rowLen, hash, keyLen, lines });
    return n;
  }

  /** Ends the input: a last row without a newline still counts; a quote still open is reported. */
  end(): void {
    if (this.inQ) this.unclosedQuoteLine = this.quoteLine;
    if (this.open) this.finish(this.cells, this.rowLen, this.hash, this.keyLen, this.inQ);
    this.open = false;
    this.inQ = false;
  }

  private keep(part: Buffer): void {
    if (this.capturedLen + part.length > MAX_CAPTURE) {
      this.capturing = false;
      this.captured = [];
      this.capturedLen = 0;
      return;
    }
    this.captured.push(Buffer.from(part));
    this.capturedLen += part.length;
  }

  private finish(cells: number, rowLen: number, hash: number, keyLen: number, broken: boolean): void {
    const index = this.rows++;
    if (rowLen > this.longestRow) this.longestRow = rowLen;
    const expected = this.o.expectedCells;
    if (broken || (expected > 0 && cells !== expected)) {
      this.malformed++;
      if (this.malformedLines.length < MAX_MALFORMED_LINES) this.malformedLines.push(this.rowLine);
    } else if (keyLen > 0 && this.o.hll && index >= this.o.headerRows) {
      this.o.hll.add(fmix32(hash));
    }
    if (this.capturing) {
      this.o.onRow(this.captured.length === 1 ? this.captured[0]! : Buffer.concat(this.captured), this.rowLine, index);
      this.capturing = false;
      this.captured = [];
      this.capturedLen = 0;
    }
  }
}
