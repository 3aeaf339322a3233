// One JSON record (a JSON Lines line, an element of an array) as flat cells: nested keys joined
// with dots (domicilio.cp), MongoDB extended JSON read as values ({"$oid": ..} → the id,
// {"$date": ..} → the date), numbers kept as written (an 18-digit CLABE keeps every digit).

class Num {
  constructor(readonly raw: string) {}
}
type Value = string | number | Num | boolean | null | Value[] | { [k: string]: Value };

/** A number too long for a double (CLABE, card) may follow a ':', ',' or '['; then the slow parser keeps its digits. */
const LONG_NUMBER = /[:,[]\s*-?\d{16,}/;

const MAX_DEPTH = 64;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
export const BINARY_CELL = '\u0000binary';

class Parser {
  i = 0;
  private nextBs = -1;
  constructor(private readonly s: string) {}

  fail(): never {
    throw new SyntaxError(`invalid JSON at offset ${this.i}`);
  }

  ws(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.i++;
      else break;
    }
  }

  value(depth: number): Value {
    if (depth > MAX_DEPTH) this.fail();
    this.ws();
    const c = this.s[this.i];
    if (c === '{') {
      this.i++;
      const o: Record<string, Value> = {};
      this.ws();
      if (this.s[this.i] === '}') { this.i++; return o; }
      for (;;) {
        this.ws();
        if (this.s[this.i] !== '"') this.fail();
        const k = this.string();
        this.ws();
        if (this.s[this.i++] !== ':') this.fail();
        o[k] = this.value(depth + 1);
        this.ws();
        const d = this.s[this.i++];
        if (d === '}') return o;
        if (d !== ',') this.fail();
      }
    }
    if (c === '[') {
      this.i++;
      const a: Value[] = [];
      this.ws();
      if (this.s[this.i] === ']') { this.i++; return a; }
      for (;;) {
        a.push(this.value(depth + 1));
        this.ws();
        const d = this.s[this.i++];
        if (d === ']') return a;
        if (d !== ',') this.fail();
      }
    }
    if (c === '"') return this.string();
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(this.s);
    if (!m) this.fail();
    this.i += m[0].length;
    return m[0] === 'true' ? true : m[0] === 'false' ? false : m[0] === 'null' ? null : new Num(m[0]);
  }

  string(): string {
    const s = this.s;
    const start = ++this.i;
    let out = '';
    let from = start;
    for (;;) {
      const q = s.indexOf('"', this.i);
      if (this.nextBs !== Infinity && this.nextBs < this.i) {
        const n = s.indexOf('\\', this.i);
        this.nextBs = n === -1 ? Infinity : n;
      }
      const b = this.nextBs === Infinity ? -1 : this.nextBs;
      if (q === -1) this.fail();
      if (b === -1 || b > q) {
        out += s.slice(from, q);
        this.i = q + 1;
        return out;
      }
      out += s.slice(from, b);
      const e = s[b + 1];
      if (e === 'u') {
        const hex = s.slice(b + 2, b + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) { this.i = b; this.fail(); }
        out += String.fromCharCode(parseInt(hex, 16));
        this.i = b + 6;
      } else {
        const v = ({ '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' } as Record<string, string>)[e ?? ''];
        if (v === undefined) { this.i = b; this.fail(); }
        out += v;
        this.i = b + 2;
      }
      from = this.i;
    }
  }
}

/** Parses one JSON text holding an object; throws SyntaxError when it is not one. */
export function parseObject(text: string): Record<string, Value> {
  if (!LONG_NUMBER.test(text)) {
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch {
      throw new SyntaxError('invalid JSON');
    }
    if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new SyntaxError('not an object');
    return v as Record<string, Value>;
  }
  const p = new Parser(text);
  const v = p.value(0);
  p.ws();
  if (p.i !== text.length) p.fail();
  if (v === null || typeof v !== 'object' || Array.isArray(v) || v instanceof Num) throw new SyntaxError('not an object');
  return v as Record<string, Value>;
}

function dateOf(v: Value): string | undefined {
  let ms: number | undefined;
  if (typeof v === 'string') {
    const m = /^(\d{4}-\d\d-\d\d)(?:T00:00:00(?:\.0+)?(?:Z|[+-]00:?00)?)?$/.exec(v);
    if (m) return m[1];
    return v;
  }
  if (v instanceof Num) ms = Number(v.raw);
  else if (typeof v === 'number') ms = v;
  else if (v && typeof v === 'object' && !Array.isArray(v) && v.$numberLong !== undefined) ms = Number(typeof v.$numberLong === 'string' ? v.$numberLong : v.$numberLong instanceof Num ? v.$numberLong.raw : v.$numberLong);
  if (ms === undefined || !Number.isFinite(ms)) return undefined;
  const iso = new Date(ms).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** Extended JSON ({"$oid": ..}) as a cell; undefined when the object is an ordinary one. */
function extended(o: Record<string, Value>): string | undefined {
  const keys = Object.keys(o);
  if (keys.length === 0 || !keys[0]!.startsWith('$')) return undefined;
  const k = keys[0]!;
  const v = o[k]!;
  switch (k) {
    case '$oid': case '$numberLong': case '$numberInt': case '$numberDouble': case '$numberDecimal': case '$uuid': case '$symbol':
      return typeof v === 'string' ? v : v instanceof Num ? v.raw : typeof v === 'number' ? String(v) : '';
    case '$date': return dateOf(v) ?? '';
    case '$binary': case '$type': return BINARY_CELL;
    case '$timestamp': case '$regularExpression': case '$regex': case '$code': case '$minKey': case '$maxKey': case '$undefined': return '';
    default: return undefined;
  }
}

/** Flattens a record: key path → cell text; arrays give their first element (a list of phones is a phone column). */
export function flatten(o: Record<string, Value>, out = new Map<string, string>(), prefix = ''): Map<string, string> {
  for (const [k, raw] of Object.entries(o)) {
    const key = prefix ? `${prefix}.${k}` : k;
    let v: Value | undefined = raw;
    while (Array.isArray(v)) v = v.find((x) => x !== null && x !== '');
    if (v === undefined || v === null) out.set(key, '');
    else if (typeof v === 'string') out.set(key, v);
    else if (typeof v === 'number') out.set(key, String(v));
    else if (v instanceof Num) out.set(key, v.raw);
    else if (typeof v === 'boolean') out.set(key, String(v));
    else {
      const ext = extended(v);
      if (ext !== undefined) out.set(key, ext);
      else if (out.size < 2000) flatten(v, out, key);
    }
  }
  return out;
}
