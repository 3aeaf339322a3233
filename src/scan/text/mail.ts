// Mail, streamed: one message (.eml) or many (.mbox, split at "From " lines), MIME parts found
// by native searches for their boundary lines, never line by line. Text parts and text
// attachments are decoded (quoted-printable, base64, UTF-16, HTML) into the scanner; binary
// attachments and archives are skipped and counted. Broken MIME is reported and read as text.
import { isUtf8 } from 'node:buffer';
import { Base64Decoder, HtmlStripper, QpDecoder, type Sink, Utf16Decoder } from './decode.js';
import type { TextScanner } from './find.js';
import { type PartInfo, partInfo } from './mime.js';

export type TextProblemCode = 'mail-unclosed' | 'mail-no-boundary' | 'mail-header-too-long' | 'mail-too-deep' | 'mail-charset-mismatch' | 'mail-truncated';

export interface TextProblem {
  code: TextProblemCode;
  /** Byte offset in the (decompressed) file; turned into a line afterwards. */
  offset: number;
  args?: Record<string, string | number>;
}

export interface MailStats {
  messages: number;
  /** Messages attached inside messages (message/rfc822 parts). */
  attachedMessages: number;
  textParts: number;
  htmlParts: number;
  textAttachments: number;
  binarySkipped: number;
  archivesSkipped: number;
  charsets: Set<string>;
}

export function newMailStats(): MailStats {
  return { messages: 0, attachedMessages: 0, textParts: 0, htmlParts: 0, textAttachments: 0, binarySkipped: 0, archivesSkipped: 0, charsets: new Set() };
}

/** A header block longer than this without its blank line is not a header block. */
const MAX_HEADER = 256 << 10;
const MAX_DEPTH = 40;
const LF_DASHES = Buffer.from('\n--');
const LF_FROM = Buffer.from('\nFrom ');
const LF_LF = Buffer.from('\n\n');
const LF_CRLF = Buffer.from('\n\r\n');
const FROM_LINE = /^From \S+ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b/;

/** The scanner behind every part: each part is its own text (nothing joins across parts). */
class ScanSink implements Sink {
  constructor(private readonly s: TextScanner) {}
  push(b: Buffer): void { this.s.push(b); }
  end(): void { this.s.end(); }
}

/** Parts that say UTF-8 but hold other bytes (a Latin-1 body under a UTF-8 label): noted, read byte by byte all the same. */
class Utf8Check implements Sink {
  private bad = false;
  constructor(private readonly next: Sink, private readonly onBad: () => void) {}
  push(b: Buffer): void {
    if (!this.bad) {
      let end = b.length;
      while (end > 0 && end > b.length - 4 && (b[end - 1]! & 0xc0) === 0x80) end--;
      if (end > 0 && b[end - 1]! >= 0xc0) end--;
      if (!isUtf8(b.subarray(0, end))) { this.bad = true; this.onBad(); }
    }
    this.next.push(b);
  }
  end(): void { this.next.end(); }
}

interface Open {
  marker: string;
  digest: boolean;
  start: number;
}

export class MailReader {
  private buf: Buffer = Buffer.alloc(0);
  private pos = 0;
  /** Stream offset of buf[0]. */
  private offset = 0;
  private state: 'from' | 'head' | 'body' = 'head';
  private stack: Open[] = [];
  private leaf: Sink | undefined;
  private headerDigest = false;
  private messageStart = 0;
  private readonly scanSink: ScanSink;
  private fromAt = -1;
  private fromSearched = 0;

  constructor(private readonly scanner: TextScanner, private readonly mbox: boolean, readonly stats: MailStats, private readonly problem: (p: TextProblem) => void) {
    this.scanSink = new ScanSink(scanner);
    if (mbox) this.state = 'from';
  }

  push(chunk: Buffer): void {
    this.buf = this.pos < this.buf.length ? Buffer.concat([this.buf.subarray(this.pos), chunk]) : chunk;
    this.offset += this.pos;
    this.pos = 0;
    this.run(false);
  }

  end(): void {
    this.run(true);
    this.finishMessage(this.offset + this.buf.length, true);
  }

  private run(final: boolean): void {
    for (;;) {
      if (this.state === 'from') {
        // The "From sender date" line that opens each message of an mbox.
        const nl = this.buf.indexOf(10, this.pos);
        if (nl === -1) { if (!final && this.buf.length - this.pos < MAX_HEADER) return; this.pos = this.buf.length; return; }
        this.pos = nl + 1;
        this.startMessage();
        continue;
      }
      if (this.state === 'head') {
        if (!this.head(final)) return;
        continue;
      }
      if (!this.body(final)) return;
    }
  }

  private startMessage(): void {
    this.stats.messages++;
    this.messageStart = this.offset + this.pos;
    this.state = 'head';
    this.headerDigest = false;
  }

  /** Reads a header block; false: more bytes are needed. */
  private head(final: boolean): boolean {
    const b = this.buf;
    let p = this.pos;
    if (this.stats.messages === 0 && !this.mbox) this.startMessage();
    let end: number;
    let blockEnd: number;
    if (b[p] === 10) { blockEnd = p; end = p + 1; }
    else if (b[p] === 13 && b[p + 1] === 10) { blockEnd = p; end = p + 2; }
    else {
      // The blank line: "\n\n", or "\n\r\n" before it (searched only that far: no scan to the end per header).
      const a = b.indexOf(LF_LF, p);
      const c = b.subarray(0, a === -1 ? b.length : a).indexOf(LF_CRLF, p);
      if (a === -1 && c === -1) {
        if (p >= b.length) return false;
        if (!final && b.length - p < MAX_HEADER) return false;
        if (final && b.length - p < MAX_HEADER) {
          // The file ends inside the header block (a message without a body): read it as headers.
          const info = partInfo(b.toString('latin1', p), this.headerDigest);
          this.pos = b.length;
          this.open(info, this.offset + p);
          return true;
        }
        // No blank line in 256 KiB: not a header block. The rest is read as text.
        this.problem({ code: 'mail-header-too-long', offset: this.offset + p, args: { kib: MAX_HEADER >> 10 } });
        this.leaf = this.scanSink;
        this.state = 'body';
        return true;
      }
      if (a !== -1 && (c === -1 || a < c)) { blockEnd = a + 1; end = a + 2; } else { blockEnd = c + 1; end = c + 3; }
    }
    const info = partInfo(b.toString('latin1', this.pos, blockEnd), this.headerDigest);
    const start = this.offset + this.pos;
    this.pos = end;
    this.open(info, start);
    return true;
  }

  private open(info: PartInfo, at: number): void {
    if (info.personal) {
      this.scanner.push(Buffer.from(info.personal, 'latin1'));
      this.scanner.end();
    }
    if (info.noBoundary) this.problem({ code: 'mail-no-boundary', offset: at });
    if (info.kind === 'multipart') {
      if (this.stack.length >= MAX_DEPTH) {
        this.problem({ code: 'mail-too-deep', offset: at, args: { depth: MAX_DEPTH } });
        this.leaf = this.scanSink;
        this.state = 'body';
        return;
      }
      this.stack.push({ marker: info.boundary!, digest: false, start: at });
      this.leaf = undefined;
      this.state = 'body';
      return;
    }
    if (info.kind === 'message') {
      this.stats.attachedMessages++;
      this.headerDigest = false;
      this.state = 'head';
      return;
    }
    this.leaf = this.leafFor(info, at);
    this.state = 'body';
  }

  private leafFor(info: PartInfo, at: number): Sink | undefined {
    if (info.kind === 'binary') { this.stats.binarySkipped++; return undefined; }
    if (info.kind === 'archive') { this.stats.archivesSkipped++; return undefined; }
    if (info.kind === 'html') this.stats.htmlParts++;
    else this.stats.textParts++;
    if (info.attachment) this.stats.textAttachments++;
    this.stats.charsets.add(info.charset);
    let sink: Sink = this.scanSink;
    if (info.kind === 'html') sink = new HtmlStripper(sink);
    if (info.charset === 'utf-16le' || info.charset === 'utf-16be') sink = new Utf16Decoder(sink, info.charset === 'utf-16be');
    else if (info.charset === 'utf-8') sink = new Utf8Check(sink, () => this.problem({ code: 'mail-charset-mismatch', offset: at }));
    if (info.encoding === 'base64') sink = new Base64Decoder(sink);
    else if (info.encoding === 'qp') sink = new QpDecoder(sink);
    return sink;
  }

  /** Body bytes up to the next boundary or message; false: more bytes are needed. */
  private body(final: boolean): boolean {
    const b = this.buf;
    for (;;) {
      const dash = this.stack.length ? b.indexOf(LF_DASHES, this.pos > 0 ? this.pos - 1 : 0) : -1;
      const from = this.mbox ? this.nextFrom(this.pos > 0 ? this.pos - 1 : 0) : -1;
      let at = dash === -1 ? from : from === -1 ? dash : Math.min(dash, from);
      if (at !== -1 && at < this.pos - 1) at = -1;
      if (at === -1) {
        // Nothing here: hand on all but a tail that might hold the start of a marker.
        const keep = final ? 0 : 256;
        const upto = Math.max(this.pos, b.length - keep);
        this.feed(this.pos, upto);
        this.pos = upto;
        return false;
      }
      const lineEnd = b.indexOf(10, at + 1);
      if (lineEnd === -1 && !final && b.length - at < 1024) {
        this.feed(this.pos, Math.max(this.pos, at));
        this.pos = Math.max(this.pos, at);
        return false;
      }
      const lineStop = lineEnd === -1 ? b.length : lineEnd;
      const line = b.toString('latin1', at + 1, Math.min(lineStop, at + 400)).replace(/\s+$/, '');
      if (at === from && FROM_LINE.test(line)) {
        this.feed(this.pos, Math.max(this.pos, at));
        this.finishMessage(this.offset + at, false);
        this.pos = Math.min(b.length, lineStop + 1);
        this.startMessage();
        return true;
      }
      if (at === dash) {
        const k = this.boundaryLevel(line);
        if (k >= 0) {
          this.feed(this.pos, Math.max(this.pos, at));
          this.endLeaf();
          const closing = line.endsWith('--') && line.slice(2, -2) === this.stack[k]!.marker;
          // Inner multiparts left open by a boundary of an outer one: broken MIME.
          if (k < this.stack.length - 1) this.problem({ code: 'mail-unclosed', offset: this.stack[this.stack.length - 1]!.start });
          this.stack.length = k + 1;
          this.pos = Math.min(b.length, lineStop + 1);
          if (closing) { this.stack.pop(); this.leaf = undefined; continue; }
          this.headerDigest = this.stack[k]!.digest;
          this.state = 'head';
          return true;
        }
      }
      // Not a marker: text like any other.
      const next = at + 2;
      this.feed(this.pos, Math.max(this.pos, next));
      this.pos = Math.max(this.pos, next);
    }
  }

  /** The next "\nFrom " at or after `p`, searched once per stretch of bytes (boundaries come between). */
  private nextFrom(p: number): number {
    const abs = this.offset + p;
    if (this.fromAt >= abs) return this.fromAt - this.offset;
    if (this.fromAt === -1 && this.fromSearched >= this.offset + this.buf.length) return -1;
    const at = this.buf.indexOf(LF_FROM, Math.max(p, this.fromSearched - this.offset - LF_FROM.length));
    this.fromAt = at === -1 ? -1 : this.offset + at;
    this.fromSearched = at === -1 ? this.offset + this.buf.length : this.fromAt + 1;
    return at;
  }

  private boundaryLevel(line: string): number {
    if (line.length < 3) return -1;
    for (let k = this.stack.length - 1; k >= 0; k--) {
      const m = this.stack[k]!.marker;
      if (line.length >= m.length + 2 && line.startsWith(m, 2) && (line.length === m.length + 2 || (line.length === m.length + 4 && line.endsWith('--')))) return k;
    }
    return -1;
  }

  private feed(a: number, z: number): void {
    if (z > a && this.leaf) this.leaf.push(this.buf.subarray(a, z));
  }

  private endLeaf(): void {
    this.leaf?.end();
    this.leaf = undefined;
  }

  private finishMessage(at: number, atEnd: boolean): void {
    this.endLeaf();
    if (this.stack.length) this.problem({ code: atEnd ? 'mail-truncated' : 'mail-unclosed', offset: this.stack[this.stack.length - 1]!.start });
    this.stack.length = 0;
    void at;
  }
}
