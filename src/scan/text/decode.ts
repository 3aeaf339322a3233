// Streaming decoders between a part's bytes and the scanner: quoted-printable, base64, UTF-16,
// and HTML (tags, scripts and styles dropped, entities decoded). Each takes pieces cut anywhere
// and keeps the few bytes a cut leaves unfinished.

export interface Sink {
  push(b: Buffer): void;
  end(): void;
}

const HEX = new Int8Array(256).fill(-1);
for (let i = 0; i < 10; i++) HEX[48 + i] = i;
for (let i = 0; i < 6; i++) { HEX[65 + i] = 10 + i; HEX[97 + i] = 10 + i; }

/** Quoted-printable (RFC 2045 §6.7): "=XX" is a byte, "=" at the end of a line joins the lines. */
export class QpDecoder implements Sink {
  private carry: Buffer | undefined;
  constructor(private readonly next: Sink) {}

  push(piece: Buffer): void {
    const b = this.carry ? Buffer.concat([this.carry, piece]) : piece;
    this.carry = undefined;
    let eq = b.indexOf(61);
    if (eq === -1) { this.next.push(b); return; }
    const out = Buffer.allocUnsafe(b.length);
    b.copy(out, 0, 0, eq);
    let o = eq;
    let i = eq;
    while (i < b.length) {
      const c = b[i]!;
      if (c !== 61) { out[o++] = c; i++; continue; }
      if (i + 2 >= b.length) { this.carry = b.subarray(i); break; }
      const x = b[i + 1]!;
      const y = b[i + 2]!;
      if (x === 10) { i += 2; continue; }
      if (x === 13 && y === 10) { i += 3; continue; }
      const h = HEX[x]!;
      const l = HEX[y]!;
      if (h >= 0 && l >= 0) { out[o++] = h * 16 + l; i += 3; continue; }
      // Trailing spaces before a soft break ("=  \n") and stray "=" are kept as they are.
      out[o++] = c;
      i++;
    }
    if (o) this.next.push(out.subarray(0, o));
  }

  end(): void {
    // "=" and what follows it at the very end: a soft break or a cut escape, not text.
    if (this.carry && this.carry.length > 1) this.next.push(this.carry.subarray(1));
    this.carry = undefined;
    this.next.end();
  }
}

const B64 = new Uint8Array(256);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_') B64[c.charCodeAt(0)] = 1;

/** Base64 with line breaks (and stray characters) anywhere: decoded in whole quanta of four. */
export class Base64Decoder implements Sink {
  private carry = '';
  constructor(private readonly next: Sink) {}

  push(piece: Buffer): void {
    // Keep only alphabet characters; "=" padding ends a quantum.
    const s = this.carry + piece.toString('latin1').replace(/[^A-Za-z0-9+/_-]+/g, '');
    const whole = s.length - (s.length % 4);
    this.carry = s.slice(whole);
    if (whole) this.next.push(Buffer.from(s.slice(0, whole), 'base64'));
  }

  end(): void {
    if (this.carry.length >= 2) this.next.push(Buffer.from(this.carry, 'base64'));
    this.carry = '';
    this.next.end();
  }
}

/** UTF-16 text → UTF-8 bytes (ASCII identifiers stay ASCII). */
export class Utf16Decoder implements Sink {
  private readonly d: InstanceType<typeof TextDecoder>;
  constructor(private readonly next: Sink, bigEndian: boolean) {
    this.d = new TextDecoder(bigEndian ? 'utf-16be' : 'utf-16le');
  }

  push(piece: Buffer): void {
    const s = this.d.decode(piece, { stream: true });
    if (s) this.next.push(Buffer.from(s, 'utf8'));
  }

  end(): void {
    const s = this.d.decode();
    if (s) this.next.push(Buffer.from(s, 'utf8'));
    this.next.end();
  }
}

const ENTITIES: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ntilde: '\xf1', Ntilde: '\xd1', aacute: '\xe1', eacute: '\xe9', iacute: '\xed',
  oacute: '\xf3', uacute: '\xfa', Aacute: '\xc1', Eacute: '\xc9', Iacute: '\xcd', Oacute: '\xd3', Uacute: '\xda', uuml: '\xfc', Uuml: '\xdc', ordm: '\xba', deg: '\xb0', copy: ' ', reg: ' ', shy: '',
};
/** The longest unfinished tag kept for the next piece; longer, it is dropped. */
const MAX_TAG = 64 << 10;

/** HTML → its text: tags become spaces, script and style contents go, entities are decoded (Latin-1 view). */
export class HtmlStripper implements Sink {
  private carry = '';
  /** Inside <script> or <style>: the closing tag we wait for. */
  private skipUntil: string | undefined;
  constructor(private readonly next: Sink) {}

  push(piece: Buffer): void {
    let s = this.carry + piece.toString('latin1');
    this.carry = '';
    if (this.skipUntil) {
      const end = s.toLowerCase().indexOf(this.skipUntil);
      if (end === -1) { this.carry = s.slice(-16); return; }
      s = s.slice(end);
      this.skipUntil = undefined;
    }
    const open = s.lastIndexOf('<');
    if (open !== -1 && s.indexOf('>', open) === -1 && s.length - open <= MAX_TAG) {
      this.carry = s.slice(open);
      s = s.slice(0, open);
    }
    // An unfinished entity at the end waits too.
    const amp = s.lastIndexOf('&');
    if (amp !== -1 && s.length - amp < 12 && !s.includes(';', amp)) {
      this.carry = s.slice(amp) + this.carry;
      s = s.slice(0, amp);
    }
    let text = s.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ');
    const unclosed = /<(script|style)\b[^>]*>/i.exec(text);
    if (unclosed) {
      this.skipUntil = `</${unclosed[1]!.toLowerCase()}`;
      text = text.slice(0, unclosed.index);
      this.carry = '';
    }
    text = text.replace(/<!--[\s\S]*?-->|<[^>]*>/g, ' ').replace(/&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});/g, (all, e: string) => {
      if (e[0] === '#') {
        const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
        return n < 256 ? String.fromCharCode(n) : ' ';
      }
      return ENTITIES[e] ?? all;
    });
    if (text) this.next.push(Buffer.from(text, 'latin1'));
  }

  end(): void {
    if (this.carry && !this.skipUntil) this.next.push(Buffer.from(this.carry.replace(/<[^>]*$/, ' '), 'latin1'));
    this.carry = '';
    this.skipUntil = undefined;
    this.next.end();
  }
}

/** JSON text: escapes ("\n", "\u00d1", "\"") would glue letters to the values next to them. */
export class JsonUnescaper implements Sink {
  private carry = '';
  constructor(private readonly next: Sink) {}

  push(piece: Buffer): void {
    let s = this.carry + piece.toString('latin1');
    this.carry = '';
    const bs = s.lastIndexOf('\\');
    if (bs !== -1 && s.length - bs < 6) { this.carry = s.slice(bs); s = s.slice(0, bs); }
    if (s.includes('\\')) {
      s = s.replace(/\\u([0-9a-fA-F]{4})|\\[^u]/g, (all, hex: string | undefined) => {
        if (!hex) return all[1] === '"' || all[1] === '/' ? all[1] : ' ';
        const n = parseInt(hex, 16);
        return n < 256 ? String.fromCharCode(n) : ' ';
      });
    }
    this.next.push(Buffer.from(s, 'latin1'));
  }

  end(): void {
    if (this.carry) this.next.push(Buffer.from(this.carry, 'latin1'));
    this.carry = '';
    this.next.end();
  }
}
