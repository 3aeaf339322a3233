// The streaming, byte-level CSV row machine of `breach scan`: one pass over raw bytes counts rows
// exactly (a newline inside quotes is not a row), counts the cells of every row to find malformed
// ones, hashes the key column into a HyperLogLog and hands the sampled rows over whole. Nothing is
// decoded here, and memory does not grow with the file.
import { fmix32, type HyperLogLog } from './hll.js';

const NL = 10;
const CR = 13;
const QUOTE = 34;
const MAX_CAPTURE = 1 << 20;
const MAX_MALFORMED_LINES = 20;

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
  private lines = 1;
  private inQ = false;
  private cells = 1;
  private rowLen = 0;
  private rowLine = 1;
  private hash = 0x811c9dc5;
  private keyLen = 0;
  private quoteLine = 0;
  private pos = 0;
  private capturing = false;
  private captured: Buffer[] = [];
  private capturedLen = 0;

  constructor(private readonly o: RowMachineOptions) {}

  feed(buf: Buffer): void {
    const { delimiter: delim, keyColumn: key } = this.o;
    let { inQ, cells, rowLen, hash, keyLen, lines } = this;
    let captureFrom = this.capturing ? 0 : -1;
    let lastEnd = -1;
    const n = buf.length;
    for (let i = 0; i < n; i++) {
      const b = buf[i]!;
      if (rowLen === 0 && !inQ) {
        // First byte of a row (or of a blank line).
        if (b === NL) { lines++; lastEnd = i + 1; continue; }
        if (b === CR) continue;
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
          if (cells - 1 === key && b !== CR && b !== 32 && b !== 45 && b !== 46 && b !== 9 && b !== NL) { hash = Math.imul(hash ^ (b >= 97 && b <= 122 ? b - 32 : b), 16777619); keyLen++; }
        }
        rowLen++;
        continue;
      }
      if (b === NL) {
        lines++;
        this.lines = lines;
        this.endRow(cells, rowLen, hash, keyLen, buf, captureFrom, i);
        captureFrom = -1;
        lastEnd = i + 1;
        inQ = false; cells = 1; rowLen = 0; hash = 0x811c9dc5; keyLen = 0;
        continue;
      }
      rowLen++;
      if (b === QUOTE) { inQ = true; this.quoteLine = lines; continue; }
      if (b === delim) { cells++; continue; }
      if (cells - 1 === key && b !== CR && b !== 32 && b !== 45 && b !== 46 && b !== 9) {
        hash = Math.imul(hash ^ (b >= 97 && b <= 122 ? b - 32 : b), 16777619);
        keyLen++;
      }
    }
    if (this.capturing && captureFrom >= 0) this.keep(buf.subarray(captureFrom));
    this.pos += n;
    this.lastRowEnd = lastEnd;
    Object.assign(this, { inQ, cells, rowLen, hash, keyLen, lines });
  }

  /** Ends the input: a last row without a newline still counts; a quote still open is reported. */
  end(): void {
    if (this.inQ) this.unclosedQuoteLine = this.quoteLine;
    if (this.rowLen > 0) this.endRow(this.cells, this.rowLen, this.hash, this.keyLen, Buffer.alloc(0), this.capturing ? 0 : -1, 0, this.inQ);
    this.rowLen = 0;
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

  private endRow(cells: number, rowLen: number, hash: number, keyLen: number, buf: Buffer, from: number, to: number, broken = false): void {
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
      if (from >= 0) this.keep(buf.subarray(from, to));
      if (this.capturing) this.o.onRow(this.captured.length === 1 ? this.captured[0]! : Buffer.concat(this.captured), this.rowLine, index);
      this.capturing = false;
      this.captured = [];
      this.capturedLen = 0;
    }
  }
}
