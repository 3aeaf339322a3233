// One free-text file (mail, mbox, HTML, plain text, a JSON that is not a table) → what it holds:
// identifier counts per type, distinct values (sketches that merge across files), masked
// examples, mail parts read and skipped. Streamed; memory stays flat whatever the line lengths.
import { isUtf8 } from 'node:buffer';
import { openSource } from '../source.js';
import type { Problems } from '../formats/problems.js';
import { HtmlStripper, JsonUnescaper, type Sink, Utf16Decoder } from './decode.js';
import { TextScanner, type TextType } from './find.js';
import { MailReader, type MailStats, newMailStats, type TextProblem } from './mail.js';
import { Tally, type TallySketches, type TypeFigures } from './tally.js';

export type TextFormat = 'mail' | 'mbox' | 'html' | 'text' | 'json';

export interface TextFileProfile {
  file: string;
  format: TextFormat;
  bytes: number;
  gzip: boolean;
  /** utf-8, windows-1252, utf-16, ascii, or mixed (both UTF-8 and other bytes met); for mail, every part's charset. */
  encodings: string[];
  mail?: Omit<MailStats, 'charsets'>;
  found: Partial<Record<TextType, TypeFigures>>;
  /** Distinct valid CURPs and, among them, people under 18 on the scan date. */
  minors?: { curps: number; minors: number };
}

/** Each text profile's sketches (distinct values per type, minors), for the totals across files. */
export const TEXT_SKETCHES = new WeakMap<TextFileProfile, TallySketches>();

export interface TextReadOptions {
  today: string;
  /** The decompression-bomb guard's ratio for gzip (expansion.ts); 0 lifts it. Default 100. */
  maxExpansion: number;
  /** After each piece read: bytes read from disk so far and the file's size (compressed for gzip). */
  onChunk?: (bytes: number, total: number) => void;
}

/** Counts the bytes that are not ASCII and whether they read as UTF-8 (cut sequences at the end forgiven). */
class EncodingWatch implements Sink {
  utf8 = false;
  other = false;
  constructor(private readonly next: Sink) {}
  push(b: Buffer): void {
    if (!(this.utf8 && this.other)) {
      let end = b.length;
      while (end > 0 && end > b.length - 4 && (b[end - 1]! & 0xc0) === 0x80) end--;
      if (end > 0 && b[end - 1]! >= 0xc0) end--;
      const part = b.subarray(0, end);
      let high = false;
      for (let i = 0; i < part.length; i += 64) if (part[i]! >= 0x80) { high = true; break; }
      if (high || part.some((x) => x >= 0x80)) {
        if (isUtf8(part)) this.utf8 = true;
        else {
          this.other = true;
          // Lines of both kinds in one piece: a UTF-8 sequence among the Latin-1 bytes.
          for (let i = 0; i + 1 < part.length; i++) if (part[i]! >= 0xc2 && part[i]! <= 0xf4 && (part[i + 1]! & 0xc0) === 0x80 && (part[i + 2] === undefined || (part[i + 2]! & 0xc0) !== 0x80 || part[i]! >= 0xe0)) { this.utf8 = true; break; }
        }
      }
    }
    this.next.push(b);
  }
  end(): void { this.next.end(); }
  get name(): string {
    return this.utf8 && this.other ? 'mixed' : this.utf8 ? 'utf-8' : this.other ? 'windows-1252' : 'ascii';
  }
}

export async function readTextFile(path: string, label: string, format: TextFormat, o: TextReadOptions, problems: Problems): Promise<TextFileProfile> {
  const src = openSource(path, o.maxExpansion);
  const tally = new Tally(o.today);
  const scanner = new TextScanner(tally.hit);
  const found: TextProblem[] = [];
  const stats = newMailStats();
  let sink: { push(b: Buffer): void; end(): void };
  let watch: EncodingWatch | undefined;
  let first = true;
  const scanSink: Sink = { push: (b) => scanner.push(b), end: () => scanner.end() };
  const mail = format === 'mail' || format === 'mbox' ? new MailReader(scanner, format === 'mbox', stats, (p) => { if (found.length < 1000) found.push(p); }) : undefined;
  const plain = (head: Buffer): Sink => {
    let s: Sink = scanSink;
    if (format === 'html') s = new HtmlStripper(s);
    if (format === 'json') s = new JsonUnescaper(s);
    if (head[0] === 0xff && head[1] === 0xfe) return new Utf16Decoder(s, false);
    if (head[0] === 0xfe && head[1] === 0xff) return new Utf16Decoder(s, true);
    return (watch = new EncodingWatch(s));
  };
  sink = mail ?? scanSink;
  for await (const chunk of src.chunks as AsyncIterable<Buffer>) {
    if (first) {
      first = false;
      if (!mail) sink = plain(chunk);
    }
    sink.push(chunk);
    o.onChunk?.(src.readBytes(), src.size);
  }
  sink.end();
  if (found.length) await locate(path, found, problems);
  const figures: TextFileProfile['found'] = {};
  for (const t of tally.types()) figures[t] = tally.figures(t);
  const curps = tally.distinct.get('curp')?.count() ?? 0;
  const profile: TextFileProfile = {
    file: label,
    format,
    bytes: src.size,
    gzip: src.gzip,
    encodings: mail ? [...stats.charsets].sort() : [watch?.name ?? 'utf-16'],
    ...(mail && { mail: { messages: stats.messages, attachedMessages: stats.attachedMessages, textParts: stats.textParts, htmlParts: stats.htmlParts, textAttachments: stats.textAttachments, binarySkipped: stats.binarySkipped, archivesSkipped: stats.archivesSkipped } }),
    found: figures,
    ...(curps > 0 && { minors: { curps, minors: tally.minors.count() } }),
  };
  TEXT_SKETCHES.set(profile, tally.sketches());
  return profile;
}

/** Problems carry byte offsets while streaming; a second pass (only when there are problems) turns them into lines. */
async function locate(path: string, list: TextProblem[], problems: Problems): Promise<void> {
  const sorted = [...list].sort((a, b) => a.offset - b.offset);
  const at = new Map<TextProblem, { line: number; col: number }>();
  let line = 1;
  let lineStart = 0;
  let base = 0;
  let k = 0;
  for await (const chunk of openSource(path, 0).chunks as AsyncIterable<Buffer>) { // read whole once already, under the guard
    let i = 0;
    while (k < sorted.length && sorted[k]!.offset < base + chunk.length) {
      const target = sorted[k]!.offset - base;
      for (; i < target; i++) if (chunk[i] === 10) { line++; lineStart = base + i + 1; }
      at.set(sorted[k]!, { line, col: sorted[k]!.offset - lineStart + 1 });
      k++;
    }
    if (k >= sorted.length) break;
    for (; i < chunk.length; i++) if (chunk[i] === 10) { line++; lineStart = base + i + 1; }
    base += chunk.length;
  }
  for (; k < sorted.length; k++) at.set(sorted[k]!, { line, col: 1 });
  // Same code and place once; the order of the file.
  const seen = new Set<string>();
  for (const p of sorted) {
    const w = at.get(p)!;
    const key = `${p.code}:${w.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.add(p.code, w.line, p.args, w.col);
  }
}
