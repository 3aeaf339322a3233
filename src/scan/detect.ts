// What a dump's first megabytes tell: encoding, delimiter (the header: header-row.ts).
import { isUtf8 } from 'node:buffer';
import { parseRow } from './parse-row.js';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Encoding of the head bytes; an error message for what is not a text dump. */
export function detectEncoding(head: Buffer): { encoding: Encoding } | { why: 'utf16' | 'binary' } {
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) {
    return { why: 'utf16' };
  }
  let nul = 0;
  for (let i = 0; i < Math.min(head.length, 65536); i++) if (head[i] === 0) nul++;
  if (nul > 0) return { why: 'binary' };
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8-bom' };
  let end = head.length;
  // Do not judge a multi-byte character cut by the end of the head.
  while (end > 0 && end > head.length - 4 && (head[end - 1]! & 0xc0) === 0x80) end--;
  if (end > 0 && head[end - 1]! >= 0xc0) end--;
  try {
    utf8.decode(head.subarray(0, end));
    return { encoding: 'utf-8' };
  } catch {
    return { encoding: 'windows-1252' };
  }
}

/**
 * Decodes bytes line by line, each as UTF-8 when valid, else as Windows-1252, so a file mixing
 * both keeps every accent. Says which encodings it met (lines of each). Lines of ASCII read the
 * same in both and are taken a stretch at a time: only a line with a byte over 127 is decoded on
 * its own (a decoder call per line made a quoted cell over a megabyte of newlines take seconds).
 */
export function decodeLines(bytes: Buffer): { text: string; utf8: number; latin1: number } {
  const n = bytes.length;
  let text = '';
  let utf8Lines = 0;
  let latin1 = 0;
  let start = 0;
  while (start < n) {
    let hi = start;
    while (hi < n && bytes[hi]! < 128) hi++;
    // The whole lines before the one holding `hi` (all of the rest when there is none) are ASCII.
    const lineStart = hi === n ? n : Math.max(start, bytes.lastIndexOf(10, hi) + 1);
    if (lineStart > start) {
      text += bytes.toString('latin1', start, lineStart);
      for (let nl = bytes.indexOf(10, start); nl !== -1 && nl < lineStart; nl = bytes.indexOf(10, nl + 1)) utf8Lines++;
      if (bytes[lineStart - 1] !== 10) utf8Lines++; // the last line, without its newline
    }
    if (hi === n) break;
    const nl = bytes.indexOf(10, hi);
    const end = nl === -1 ? n : nl + 1;
    const d = decodeRow(bytes.subarray(lineStart, end));
    text += d.text;
    if (d.latin1) latin1++;
    else utf8Lines++;
    start = end;
  }
  return { text, utf8: utf8Lines, latin1 };
}

/** Decodes one row's bytes: UTF-8 when valid, else Windows-1252 (files mixing both survive). */
export function decodeRow(bytes: Buffer): { text: string; latin1: boolean } {
  // Validated first, not by catching the fatal decoder's throw: an exception per Latin-1 row cost
  // 16 % of a default scan of a Latin-1 export (issue 14).
  return isUtf8(bytes) ? { text: utf8.decode(bytes), latin1: false } : { text: win1252.decode(bytes), latin1: true };
}
const win1252 = new TextDecoder('windows-1252');

/** Quote-aware rows of a text, at most `max`; the last, possibly cut, row is dropped unless `complete`. */
export function splitRows(text: string, max: number, complete: boolean): string[] {
  const rows: string[] = [];
  let start = 0;
  let inQ = false;
  for (let i = 0; i < text.length && rows.length < max; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQ = !inQ;
    else if (c === 10 && !inQ) {
      const row = text.slice(start, i).replace(/\r$/, '');
      if (row.length) rows.push(row);
      start = i + 1;
    }
  }
  if (complete && rows.length < max && start < text.length && !inQ) {
    const row = text.slice(start).replace(/\r$/, '');
    if (row.length) rows.push(row);
  }
  return rows;
}

/** The delimiter whose count per line is the same, and not zero, on most of the first lines. */
export function detectDelimiter(rows: string[]): string {
  let best = ',';
  let bestScore = 0;
  for (const d of [',', ';', '\t', '|']) {
    const counts = rows.slice(0, 50).map((r) => parseRow(r, d).length - 1);
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    const mode = [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
    const score = mode ? mode[1] * 100 + mode[0] : 0;
    if (score > bestScore) { bestScore = score; best = d; }
  }
  return best;
}
