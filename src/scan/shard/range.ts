// Byte ranges of one dump (`scan --range START:END`), cut the way Hadoop cuts input splits: a
// range [S, E) owns every row whose first byte is in it. A reader starting at S > 0 begins at the
// first line boundary at or after S (the byte after the first row-ending newline at or after
// S - 1) and reads past E until the row begun before E is finished.
//
// A newline inside quotes does not end a row, and whether S falls inside quotes cannot be known
// without reading from the start of the file. The reader decides it from the first quote after S
// whose neighbours say which way it goes (after a delimiter or a line start and before a value: it
// opens a field; after a value and before a delimiter or a line end: it closes one). That is a
// decision, not a proof: each profile records where its first row began and where its last row
// ended, and `scan merge` proves the ranges join (the rows before a range end exactly where the
// range's first row begins), else it refuses to merge them (merge.ts).
import { closeSync, openSync, readSync } from 'node:fs';

const NL = 10;
const CR = 13;
const QUOTE = 34;
const BLOCK = 1 << 20;
/** Bytes after S searched for a quote that tells inside from outside. */
export const PROBE = 1 << 20;

export interface ByteRange { start: number; end: number }

/** How a range's first row was found: the file's start, a telling quote, or assumed outside quotes (none within PROBE bytes). */
export type Alignment = 'file-start' | 'quote' | 'assumed';

/** `START:END` in bytes (digits only); undefined when malformed. */
export function parseRange(text: string): ByteRange | undefined {
  const m = /^(\d{1,16}):(\d{1,16})$/.exec(text.trim());
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return start < end ? { start, end } : undefined;
}

/** N ranges of about equal size covering `size` bytes (`scan --plan N`). */
export function planRanges(size: number, n: number): ByteRange[] {
  const count = Math.max(1, Math.min(n, size));
  return Array.from({ length: count }, (_, i) => ({ start: Math.floor((size * i) / count), end: Math.floor((size * (i + 1)) / count) }));
}

function readAt(fd: number, pos: number, len: number): Buffer {
  const b = Buffer.alloc(len);
  const n = readSync(fd, b, 0, len, pos);
  return b.subarray(0, n);
}

/**
 * Whether a run of `len` quotes tells the quote state just before it: 'outside' when it opens a
 * field (after a delimiter or a line start, before a value), 'inside' when it closes one (after a
 * value, before a delimiter or a line end). Even runs ("" empty or escaped) tell nothing.
 */
function tell(prev: number, next: number, len: number, delimiter: number): 'outside' | 'inside' | undefined {
  // An even run, or the end of a run begun before the range ("" escaped or empty), tells nothing.
  if (len % 2 === 0 || prev === QUOTE) return undefined;
  const edgeBefore = prev === delimiter || prev === NL;
  const edgeAfter = next === delimiter || next === NL || next === CR;
  if (edgeBefore && !edgeAfter) return 'outside';
  if (!edgeBefore && prev !== CR && edgeAfter) return 'inside';
  return undefined;
}

/** The quote state at file offset `at` (true: inside quotes), from the first telling quote after it. */
function stateAt(fd: number, at: number, size: number, delimiter: number): { inside: boolean; alignment: Alignment } {
  const from = Math.max(0, at - 1);
  const buf = readAt(fd, from, Math.min(PROBE + 2, size - from));
  let quotes = 0;
  for (let q = buf.indexOf(QUOTE, at - from); q !== -1; ) {
    let len = 1;
    while (buf[q + len] === QUOTE) len++;
    if (q + len >= buf.length && from + q + len < size) break;
    const prev = from + q === 0 ? NL : buf[q - 1]!;
    const next = q + len < buf.length ? buf[q + len]! : NL;
    const t = tell(prev, next, len, delimiter);
    if (t) return { inside: (t === 'inside') !== ((quotes & 1) === 1), alignment: 'quote' };
    quotes += len;
    q = buf.indexOf(QUOTE, q + len);
  }
  return { inside: false, alignment: 'assumed' };
}

/** Where the rows of a range starting at `start` begin: the first line boundary at or after it (`size` if none). */
export function alignStart(path: string, start: number, size: number, delimiter: string): { first: number; alignment: Alignment } {
  if (start === 0) return { first: 0, alignment: 'file-start' };
  const fd = openSync(path, 'r');
  try {
    const { inside, alignment } = stateAt(fd, start - 1, size, delimiter.charCodeAt(0));
    let inQ = inside;
    for (let pos = start - 1; pos < size; pos += BLOCK) {
      const buf = readAt(fd, pos, Math.min(BLOCK, size - pos));
      for (let i = 0; i < buf.length; i++) {
        const b = buf[i]!;
        if (b === QUOTE) inQ = !inQ;
        else if (b === NL && !inQ) return { first: pos + i + 1, alignment };
      }
    }
    return { first: size, alignment };
  } finally {
    closeSync(fd);
  }
}
