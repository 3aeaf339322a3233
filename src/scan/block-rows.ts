// The rows of a --full block read as bytes (issue 14 part 3): cells are found by one pass over the
// bytes and handed to the counter as offsets, so an ASCII cell with a byte test is validated
// without a line, an array of cells or a string. Rows the fast reader is not sure of (a quote inside
// a cell, an escaped quote, text after a closing quote, a quote that never closes, a UTF-8 line
// opening with a byte-order mark in a block that is not UTF-8) are read the way text rows always
// were: the counts are the same either way (test/block-rows.test.ts compares them on hostile
// blocks). In a block that is not UTF-8 (a Latin-1 export, or one mixing encodings) each line of a
// row with accents is UTF-8 when it is valid UTF-8 and Windows-1252 otherwise, as the text reader
// decides it.
import { isUtf8 } from 'node:buffer';
import type { BlockCounter, CellEncoding } from './block-counter.js';
import { decodeLines } from './detect.js';
import { utf8 } from './slices.js';

const win1252 = new TextDecoder('windows-1252');
const NL = 10;
/** Lines of one row decoded line by line at most; a row over more lines is read as text. */
const MAX_ROW_LINES = 4096;
const CR = 13;
const QUOTE = 34;

/** Reads a block; returns its newline count. `skipFirstRow`: the block starts with the header. */
export function readBlock(b: Buffer, counter: BlockCounter, skipFirstRow: boolean): number {
  const n = b.length;
  const width = counter.cfg.width;
  const delim = counter.cfg.delimiter.charCodeAt(0);
  const isText = isUtf8(b);
  const starts = new Int32Array(width);
  const ends = new Int32Array(width);
  const ascii = new Uint8Array(width);
  /** Whether this row's lines are decoded one by one (a line of a non-UTF-8 block may be UTF-8 or Windows-1252). */
  let mixed = false;
  const lines = new RowLines();
  const quotes = new Quotes(b);
  const text = (s: number, e: number) => (mixed ? lines.decode(b, s, e) : utf8(b, s, e));
  const encoding = (s: number, e: number): CellEncoding | null => (mixed ? lines.encodingOf(s, e) : 'utf8');
  let skip = skipFirstRow;
  /** A text row, as the text path always read one: trailing CR off, empty lines and the header skipped. */
  const textLine = (t: string, lineNo: number, broken: boolean) => {
    if (t.charCodeAt(t.length - 1) === CR) t = t.slice(0, -1);
    if (!t) return;
    if (skip) { skip = false; return; }
    counter.textRow(t, lineNo, broken);
  };
  /** The rest of the block from `from`, one row whose quote never closed: what textLine does with it, without its text. */
  const broken = (from: number, lineNo: number) => {
    if (!isText) counter.r.latin1Rows += latin1Lines(b, from, n);
    if (skip) skip = false;
    else counter.malformedRow(lineNo);
  };
  /** Decodes b[s..e) as the text path did: UTF-8 blocks whole, other blocks line by line. */
  const decode = (s: number, e: number) => {
    if (isText) return utf8(b, s, e);
    const d = decodeLines(b.subarray(s, e));
    counter.r.latin1Rows += d.latin1;
    return d.text;
  };
  // A UTF-8 decoder drops a byte-order mark at the start of what it decodes.
  let pos = isText && n >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  let line = 1;
  while (pos < n) {
    const first = b[pos]!;
    // Empty lines (a lone CR too) are no rows.
    if (first === NL) { pos++; line++; continue; }
    if (first === CR && (pos + 1 === n || b[pos + 1] === NL)) { pos += 2; if (pos <= n) line++; continue; }
    const rowStart = pos;
    let newlines = 0;
    let cells = 0;
    let rowHi = 0;
    let sure = true;
    for (;;) {
      if (b[pos] === QUOTE) {
        // A quoted cell: up to the next quote, which must close it (no "" inside) and be followed
        // by the delimiter, the end of the line or the end of the block.
        let j = pos + 1;
        let hi = 0;
        while (j < n) {
          const y = b[j]!;
          if (y === QUOTE) break;
          hi |= y;
          if (y === NL) newlines++;
          j++;
        }
        const after = j + 1 < n ? b[j + 1]! : -1;
        if (j >= n || after === QUOTE) { sure = false; break; }
        if (cells < width) { starts[cells] = pos + 1; ends[cells] = j; ascii[cells] = hi < 128 ? 1 : 0; }
        cells++;
        rowHi |= hi;
        if (after === delim) { pos = j + 2; continue; }
        if (after === -1) { pos = n; break; }
        if (after === NL) { pos = j + 2; newlines++; break; }
        if (after === CR && j + 2 < n && b[j + 2] === NL) { pos = j + 3; newlines++; break; }
        sure = false;
        break;
      }
      let j = pos;
      let hi = 0;
      let y = -1;
      while (j < n) {
        y = b[j]!;
        if (y === delim || y === NL || y === QUOTE) break;
        hi |= y;
        j++;
      }
      if (j < n && y === QUOTE) { sure = false; break; }
      if (j < n && y === delim) {
        if (cells < width) { starts[cells] = pos; ends[cells] = j; ascii[cells] = hi < 128 ? 1 : 0; }
        cells++;
        rowHi |= hi;
        pos = j + 1;
        continue;
      }
      // The last cell: up to the newline (its CR off) or the end of the block.
      const end = j > pos && b[j - 1] === CR ? j - 1 : j;
      if (cells < width) { starts[cells] = pos; ends[cells] = end; ascii[cells] = hi < 128 ? 1 : 0; }
      cells++;
      rowHi |= hi;
      if (j < n) newlines++;
      pos = j < n ? j + 1 : n;
      break;
    }
    // In a block that is not UTF-8, a row with accents is decoded line by line as the text reader decodes lines.
    mixed = !isText && rowHi >= 128;
    if (mixed && sure) {
      sure = lines.read(b, rowStart, pos);
      if (sure) counter.r.latin1Rows += lines.latin1;
    }
    if (!sure) {
      ({ pos, line } = readTextRow(b, rowStart, line, quotes, decode, textLine, broken, counter));
      continue;
    }
    const rowLine = line;
    line += newlines;
    if (skip) { skip = false; continue; }
    if (cells !== width) { counter.malformedRow(rowLine); continue; }
    counter.bytesRow(b, starts, ends, ascii, text, encoding);
  }
  return line - 1;
}

/**
 * The physical lines of one row of a block that is not UTF-8, each judged as the text reader
 * judges a line (detect.ts decodeLines): UTF-8 when valid, Windows-1252 otherwise. A cell is
 * decoded piece by piece, each piece as its line.
 */
class RowLines {
  private starts: number[] = [];
  private isUtf8: boolean[] = [];
  private end = 0;
  /** Lines of the row that are not UTF-8. */
  latin1 = 0;

  /**
   * Judges the lines of b[from..to); false (read the row as text) when a UTF-8 line opens with a
   * byte-order mark (the text reader drops it) or the row has more than MAX_ROW_LINES lines (its
   * cells would be decoded over too many lines).
   */
  read(b: Buffer, from: number, to: number): boolean {
    this.starts.length = 0;
    this.isUtf8.length = 0;
    this.latin1 = 0;
    this.end = to;
    for (let ls = from; ls < to; ) {
      if (this.starts.length === MAX_ROW_LINES) return false;
      const nl = b.indexOf(NL, ls);
      const le = nl === -1 || nl >= to ? to : nl + 1;
      const ok = isUtf8(b.subarray(ls, le));
      if (ok && b[ls] === 0xef && b[ls + 1] === 0xbb && b[ls + 2] === 0xbf) return false;
      this.starts.push(ls);
      this.isUtf8.push(ok);
      if (!ok) this.latin1++;
      ls = le;
    }
    return true;
  }

  /** The line holding offset `s` (by bisection). */
  private lineOf(s: number): number {
    const { starts } = this;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= s) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The encoding of the one line holding b[s..e); null when the cell runs over several lines. */
  encodingOf(s: number, e: number): CellEncoding | null {
    const i = this.lineOf(s);
    const end = i + 1 < this.starts.length ? this.starts[i + 1]! : this.end;
    return e > end ? null : this.isUtf8[i] ? 'utf8' : 'win1252';
  }

  /** b[s..e) decoded piece by piece, each piece as its line. */
  decode(b: Buffer, s: number, e: number): string {
    const { starts } = this;
    const lo = this.lineOf(s);
    let out = '';
    for (let i = lo; i < starts.length && starts[i]! < e; i++) {
      const from = Math.max(s, starts[i]!);
      const to = Math.min(e, i + 1 < starts.length ? starts[i + 1]! : this.end);
      if (from < to) out += this.isUtf8[i] ? utf8(b, from, to) : win1252.decode(b.subarray(from, to));
    }
    return out;
  }
}

/** Lines of b[from..to) that are not UTF-8 (what decodeLines counts as Latin-1), without decoding them. */
function latin1Lines(b: Buffer, from: number, to: number): number {
  let count = 0;
  for (let ls = from; ls < to; ) {
    const nl = b.indexOf(NL, ls);
    const le = nl === -1 || nl >= to ? to : nl + 1;
    if (!isUtf8(b.subarray(ls, le))) count++;
    ls = le;
  }
  return count;
}

/**
 * The first quote at or after a position, for rows read as text: positions only move forward, so
 * a search is reused until it is passed (searching to the block's end again for each row of a block
 * without quotes was quadratic).
 */
class Quotes {
  private from = -1;
  private at = -1;

  constructor(private readonly b: Buffer) {}

  /** The first quote at or after `pos`, -1 when none. */
  after(pos: number): number {
    if (this.from < 0 || pos < this.from || (this.at !== -1 && this.at < pos)) {
      this.from = pos;
      this.at = this.b.indexOf(QUOTE, pos);
    }
    return this.at;
  }
}

/**
 * One row from `pos` (on line `rowLine`) read as the text path reads rows: it ends at the first
 * newline with every quote before it closed; a quote still open at the end of the block makes the
 * rest one broken row.
 */
function readTextRow(b: Buffer, pos: number, rowLine: number, quotes: Quotes, decode: (s: number, e: number) => string, textLine: (t: string, lineNo: number, broken: boolean) => void, broken: (from: number, lineNo: number) => void, counter: BlockCounter): { pos: number; line: number } {
  const n = b.length;
  let inQ = false;
  let quoteLine = 0;
  let l = rowLine;
  let nextQuote = quotes.after(pos);
  for (let i = b.indexOf(NL, pos); i !== -1; i = b.indexOf(NL, i + 1)) {
    while (nextQuote !== -1 && nextQuote < i) {
      inQ = !inQ;
      if (inQ) quoteLine = l;
      nextQuote = quotes.after(nextQuote + 1);
    }
    l++;
    if (inQ) continue;
    textLine(decode(pos, i), rowLine, false);
    return { pos: i + 1, line: l };
  }
  while (nextQuote !== -1) {
    inQ = !inQ;
    if (inQ) quoteLine = l;
    nextQuote = quotes.after(nextQuote + 1);
  }
  if (inQ) {
    // A quote that never closes: the rest is one malformed row, counted without decoding it (it
    // may be tens of megabytes); its lines still count as Latin-1 where they are.
    broken(pos, rowLine);
    counter.r.unclosedQuoteLine = quoteLine;
  } else textLine(decode(pos, n), rowLine, false);
  return { pos: n, line: l };
}
