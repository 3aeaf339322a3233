// A range's sample rows as a mergeable profile keeps them: never a value, only what the default
// scan reads from each (profile.ts: profileColumns, minorsIn). Per column and row: which tests the
// trimmed value passes (a bit each, or EMPTY), a keyed 64-bit hash of it (to count distinct values
// across ranges), and whether its birth date, read as a CURP or as a date, is a minor's. The hash
// key is derived from the file's first 64 KiB and never written: without the file the hashes
// cannot be tried against guesses, and whoever holds the file holds the values already.
import { createHmac } from 'node:crypto';
import { ageOn, birthDateOf } from '../age.js';
import { normKey } from '../profile.js';
import { TESTS, type TestKey } from '../classify.js';

export const TEST_KEYS = Object.keys(TESTS) as TestKey[];
/** Bits of an empty value (no test passes an empty value, so no other row has it). */
export const EMPTY = 0x80000000;
/** Values tested per column (classify.ts countValid's limit): later rows only need to be told empty or not. */
export const TESTED = 2000;

export interface SampleFeatures {
  rows: number;
  /** Per column, base64 of a Uint32Array: test bits per row (EMPTY: empty value). */
  bits: string[];
  /** Per column, base64 of a Uint32Array of two words per row (the keyed hash), or '' when the column's head already holds TESTED values. */
  hashes: string[];
  /** Per column, base64 of a Uint8Array: bits 0-1 the CURP reading, 2-3 the date reading (0 none, 1 adult, 2 minor); '' for columns no birth date can come from. */
  ages: string[];
  /** base64 of a Uint32Array of two words per row: keyed hash of the key column's value as people are counted (0, 0: empty, or no birth date in the row). */
  keys: string;
}

export interface FeatureOptions {
  width: number;
  keyColumn: number;
  today: string;
  /** The hash key (secretOf). */
  secret: Buffer;
  /** Per column: test the values (false: only told empty or not). */
  tested: boolean[];
  /** Per column: hash the values (their distinct count is needed). */
  hashed: boolean[];
  /** Per column: read birth dates (a column the minors may be counted from). */
  aged: boolean[];
}

/** The hash key of a file: an HMAC of its first 64 KiB (a fingerprint elsewhere uses another derivation). */
export function secretOf(head: Buffer): Buffer {
  return createHmac('sha256', head).update('breach scan sample hash v1').digest();
}

function hashInto(out: Uint32Array, at: number, secret: Buffer, s: string): void {
  const d = createHmac('sha256', secret).update(s).digest();
  out[at] = d.readUInt32LE(0);
  out[at + 1] = d.readUInt32LE(4);
}

export const b64 = (a: Uint32Array | Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

function ageCode(raw: string, field: 'curp' | 'birth_date', today: string): number {
  const b = raw ? birthDateOf(raw, field) : undefined;
  return b ? (ageOn(b, today) < 18 ? 2 : 1) : 0;
}


export function rowFeatures(rows: string[][], o: FeatureOptions): SampleFeatures {
  const n = rows.length;
  const bits: string[] = [];
  const hashes: string[] = [];
  const ages: string[] = [];
  const dated = new Uint8Array(n);
  for (let c = 0; c < o.width; c++) {
    const b = new Uint32Array(n);
    const h = o.hashed[c] ? new Uint32Array(2 * n) : undefined;
    const a = o.aged[c] ? new Uint8Array(n) : undefined;
    rows.forEach((r, i) => {
      const raw = r[c] ?? '';
      if (a) {
        a[i] = ageCode(raw, 'curp', o.today) | (ageCode(raw, 'birth_date', o.today) << 2);
        if (a[i]) dated[i] = 1;
      }
      const s = raw.trim();
      if (!s) { b[i] = EMPTY; return; }
      if (h) hashInto(h, 2 * i, o.secret, s);
      if (!o.tested[c]) return;
      let m = 0;
      for (let k = 0; k < TEST_KEYS.length; k++) if (TESTS[TEST_KEYS[k]!](s)) m |= 1 << k;
      b[i] = m >>> 0;
    });
    bits.push(b64(b));
    hashes.push(h ? b64(h) : '');
    ages.push(a ? b64(a) : '');
  }
  // People are told apart only among the rows with a birth date (the minors' shares).
  const keys = new Uint32Array(2 * n);
  if (o.keyColumn >= 0) {
    rows.forEach((r, i) => {
      const k = dated[i] ? normKey(r[o.keyColumn] ?? '') : '';
      if (k) hashInto(keys, 2 * i, o.secret, `key:${k}`);
    });
  }
  return { rows: n, bits, hashes, ages, keys: b64(keys) };
}

/** Decoded features, for the merge to read row by row. */
export interface Features {
  rows: number;
  bits: Uint32Array[];
  hashes: (Uint32Array | undefined)[];
  ages: (Uint8Array | undefined)[];
  keys: Uint32Array;
}

function u32(s: string, n: number): Uint32Array {
  const b = Buffer.from(s, 'base64');
  if (b.length !== 4 * n) throw new Error('bad feature array');
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = b.readUInt32LE(4 * i);
  return out;
}

function u8(s: string, n: number): Uint8Array {
  const b = Buffer.from(s, 'base64');
  if (b.length !== n) throw new Error('bad feature array');
  return new Uint8Array(b);
}

/** Decodes features; throws on arrays of the wrong size (a damaged profile). */
export function decodeFeatures(f: SampleFeatures, width: number): Features {
  if (f.bits.length !== width || f.hashes.length !== width || f.ages.length !== width) throw new Error('bad feature columns');
  return {
    rows: f.rows,
    bits: f.bits.map((s) => u32(s, f.rows)),
    hashes: f.hashes.map((s) => (s ? u32(s, 2 * f.rows) : undefined)),
    ages: f.ages.map((s) => (s ? u8(s, f.rows) : undefined)),
    keys: u32(f.keys, 2 * f.rows),
  };
}
