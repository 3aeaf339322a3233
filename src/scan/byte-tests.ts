// Byte-level twins of the cell tests in classify.ts's TESTS, for the --full worker that tokenizes
// raw bytes: building a string per cell costs more than most tests themselves. Each one answers
// exactly what its string test answers on the latin1 decoding of the same bytes (proven by
// test/byte-tests.test.ts), under the precondition stated on ByteTest. No allocation per call:
// identifiers are normalised into one shared scratch buffer, words are looked up by their bytes.
import type { TestKey } from './classify.js';
import { fold, nameLists } from './names.js';
import { realDate } from './validators.js';

/**
 * A test on the ASCII bytes b[s..e) of one cell. Precondition (the caller guarantees it): e > s,
 * every byte in [s, e) is < 0x80, b[s] > 32 and b[e-1] > 32 (the cell is already trimmed; inner
 * spaces may exist).
 */
export type ByteTest = (b: Uint8Array, s: number, e: number) => boolean;

// ---------------------------------------------------------------------------------------------
// Characters. JS's trim() and \s cover, in ASCII, exactly TAB LF VT FF CR and space; \d and \b's
// word characters are ASCII-only without the u flag, which none of the string patterns use.

const WS = 1;
const LETTER = 2;
const DIGIT = 4;
/** EMAIL_RE's local-part characters: A-Za-z0-9 . _ % + - ' */
const LOCAL = 8;
/** EMAIL_RE's domain characters: A-Za-z0-9 . - */
const DOMAIN = 16;
/** A regex \b's word characters: [A-Za-z0-9_]. */
const WORD_CHAR = 32;
const HEX = 64;
/** Character classes of the 128 ASCII codes, one table read instead of chains of comparisons (the loops below run per byte). */
const CLASS = buildClasses();
function buildClasses(): Uint8Array {
  const t = new Uint8Array(128);
  const add = (chars: string, bit: number) => { for (const ch of chars) t[ch.charCodeAt(0)]! |= bit; };
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  const digits = '0123456789';
  add(' \t\n\v\f\r', WS);
  add(letters, LETTER | LOCAL | DOMAIN | WORD_CHAR);
  add(digits, DIGIT | LOCAL | DOMAIN | WORD_CHAR | HEX);
  add("._%+-'", LOCAL);
  add('.-', DOMAIN);
  add('_', WORD_CHAR);
  add('ABCDEFabcdef', HEX);
  return t;
}
/** Bytes are < 0x80 by the precondition; past a cell's end (undefined) the class is 0. */
const is = (c: number, cls: number): boolean => (CLASS[c]! & cls) !== 0;
const isWs = (c: number): boolean => is(c, WS);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isLetter = (c: number): boolean => is(c, LETTER);
/** ASCII upper case (what toUpperCase() does to an ASCII character). */
const upper = (c: number): number => (c >= 97 && c <= 122 ? c - 32 : c);

/** Two ASCII digits at `i` of `a` as a number, -1 when they are not two digits. */
function twoDigits(a: Uint8Array, i: number): number {
  const x = a[i]! - 48;
  const y = a[i + 1]! - 48;
  return x >= 0 && x <= 9 && y >= 0 && y <= 9 ? x * 10 + y : -1;
}

/** Letters 1..26 packed five bits each (up to ten letters fit a double exactly): a word as a number for Set lookups without a string. */
function packWord(word: string): number {
  let n = 0;
  for (let i = 0; i < word.length; i++) n = n * 32 + (word.charCodeAt(i) - 64);
  return n;
}
/** packWord() of the upper-cased bytes b[s..e), -1 when one is not a letter or the run is too long to pack. */
function packBytes(b: Uint8Array, s: number, e: number): number {
  if (e - s > 10) return -1;
  let n = 0;
  for (let i = s; i < e; i++) {
    const c = upper(b[i]!);
    if (!isUpper(c)) return -1;
    n = n * 32 + (c - 64);
  }
  return n;
}
const packSet = (words: string[]): ReadonlySet<number> => new Set(words.map(packWord));

// ---------------------------------------------------------------------------------------------
// Identifiers: each check reads a[o..o+n) and runs on the cell itself when it is already in
// normId()'s form (the common case: no copy), else on normId()'s output in a scratch buffer.

/** normId()'s output for the identifiers (never longer than 19 characters when valid). */
const ID = new Uint8Array(20);

/**
 * normId(v) of the cell into ID: upper case, spaces (\s), '-', '.', '/' dropped (the trim is the
 * precondition's). Its length, or -1 once it would exceed `max` (no identifier is longer).
 */
function normInto(b: Uint8Array, s: number, e: number, max: number): number {
  let n = 0;
  for (let i = s; i < e; i++) {
    const c = b[i]!;
    if (isWs(c) || c === 45 || c === 46 || c === 47) continue;
    if (n === max) return -1;
    ID[n++] = upper(c);
  }
  return n;
}
// Why the in-place check is exact: every check below accepts only 0-9, A-Z and '&', which normId()
// leaves alone, so a cell it accepts as is equals its normId(); a cell it rejects is checked again
// on its normId() in ID.

/** a[from..to) are all digits. */
function digitsIn(a: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isDigit(a[i]!)) return false;
  return true;
}
/** a[from..to) are all A-Z. */
function lettersIn(a: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isUpper(a[i]!)) return false;
  return true;
}
const isUpperOrDigit = (c: number): boolean => isUpper(c) || isDigit(c);

/** Month 0[1-9]|1[0-2] at a[i]. */
const monthAt = (a: Uint8Array, i: number): boolean => { const m = twoDigits(a, i); return m >= 1 && m <= 12; };
/** Day 0[1-9]|[12]\d|3[01] at a[i]. */
const dayAt = (a: Uint8Array, i: number): boolean => { const d = twoDigits(a, i); return d >= 1 && d <= 31; };

/** Luhn over the digits a[o..o+n). */
function luhn(a: Uint8Array, o: number, n: number): boolean {
  let sum = 0;
  let double = false;
  for (let i = o + n - 1; i >= o; i--) {
    let d = a[i]! - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

// CURP ------------------------------------------------------------------------------------------

/** CURP_RE's state codes: a 26 x 26 table of two upper-case letters (one read, no hashing). */
const STATES = new Uint8Array(26 * 26);
for (const p of 'AS BC BS CC CL CM CH CS DF DG GT GR HG JC MC MN MS NE NT NL OC PL QT QR SP SL SR TC TS TL VZ YN ZS'.split(' ')) STATES[(p.charCodeAt(0) - 65) * 26 + p.charCodeAt(1) - 65] = 1;
const isState = (c1: number, c2: number): boolean => isUpper(c1) && isUpper(c2) && STATES[(c1 - 65) * 26 + c2 - 65] === 1;
/** validators.ts's INCONVENIENT prefixes, packed. */
const INCONVENIENT = packSet('BACA BAKA BUEI BUEY CACA CACO CAGA CAGO CAKA CAKO COGE COGI COJA COJE COJI COJO COLA CULO FALO FETO GETA GUEI GUEY JETA JOTO KACA KACO KAGA KAGO KAKA KAKO KOGE KOGI KOJA KOJE KOJI KOJO KOLA KULO LILO LOCA LOCO LOKA LOKO MAME MAMO MEAR MEAS MEON MIAR MION MOCO MOKO MULA MULO NACA NACO PEDA PEDO PENE PIPI PITO POPO PUTA PUTO QULO RATA ROBA ROBE ROBO RUIN SENO TETA VACA VAGA VAGO VAKA VUEI VUEY WUEI WUEY'.split(' '));

const isHMX = (c: number): boolean => c === 72 || c === 77 || c === 88;
/** CURP_RE's [B-DF-HJ-NP-TV-Z]: an upper-case consonant. */
const isConsonant = (c: number): boolean => isUpper(c) && c !== 65 && c !== 69 && c !== 73 && c !== 79 && c !== 85;

/** The CURP check-digit value of an ASCII character in 0-9 A-Z (Ñ, index 24, is never ASCII). */
const curpValue = (c: number): number => (isDigit(c) ? c - 48 : c <= 78 ? c - 55 : c - 54);

/** isCurp() on the 18 characters a[o..o+18): CURP_RE position by position, prefix, date, check digit. */
function curpAt(a: Uint8Array, o: number): boolean {
  const v1 = a[o + 1]!;
  if (!isUpper(a[o]!) || !(v1 === 65 || v1 === 69 || v1 === 73 || v1 === 79 || v1 === 85 || v1 === 88)) return false;
  if (!lettersIn(a, o + 2, o + 4) || !digitsIn(a, o + 4, o + 6) || !monthAt(a, o + 6) || !dayAt(a, o + 8) || !isHMX(a[o + 10]!)) return false;
  if (!isState(a[o + 11]!, a[o + 12]!) || !isConsonant(a[o + 13]!) || !isConsonant(a[o + 14]!) || !isConsonant(a[o + 15]!)) return false;
  if (!isUpperOrDigit(a[o + 16]!) || !isDigit(a[o + 17]!)) return false;
  if (INCONVENIENT.has(packBytes(a, o, o + 4))) return false;
  // Leap days and 30-day months: the century comes from the 17th character.
  if (!realDate(twoDigits(a, o + 4), twoDigits(a, o + 6), twoDigits(a, o + 8), isDigit(a[o + 16]!) ? 1900 : 2000)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += curpValue(a[o + i]!) * (18 - i);
  return (10 - (sum % 10)) % 10 === a[o + 17]! - 48;
}

/** curpShape() on a[o..o+18). */
function curpShapeAt(a: Uint8Array, o: number): boolean {
  return lettersIn(a, o, o + 4) && digitsIn(a, o + 4, o + 10) && isHMX(a[o + 10]!) && lettersIn(a, o + 11, o + 16) && isUpperOrDigit(a[o + 16]!) && isDigit(a[o + 17]!);
}

function isCurp(b: Uint8Array, s: number, e: number): boolean {
  if (e - s === 18 && curpAt(b, s)) return true;
  return e - s >= 18 && normInto(b, s, e, 18) === 18 && curpAt(ID, 0);
}

function curpShape(b: Uint8Array, s: number, e: number): boolean {
  if (e - s === 18 && curpShapeAt(b, s)) return true;
  return e - s >= 18 && normInto(b, s, e, 18) === 18 && curpShapeAt(ID, 0);
}

/**
 * Birth date of a CURP already known valid and given as ASCII bytes (same as
 * curpBirthDate(normId(str))). Precondition: isCurp holds for the cell (and ByteTest's).
 */
export function curpBirthBytes(b: Uint8Array, s: number, e: number): { y: number; m: number; d: number } | undefined {
  if (normInto(b, s, e, 18) !== 18) return undefined;
  const y2 = twoDigits(ID, 4);
  const m2 = twoDigits(ID, 6);
  const d2 = twoDigits(ID, 8);
  if (y2 < 0 || m2 < 0 || d2 < 0) return undefined;
  const century = isDigit(ID[16]!) ? 1900 : 2000;
  return realDate(y2, m2, d2, century) ? { y: century + y2, m: m2, d: d2 } : undefined;
}

// RFC -------------------------------------------------------------------------------------------

/** RFC_ALPHABET's index of an ASCII character of a shaped RFC: 0-9 A-N & O-Z, then the space. */
const rfcValue = (c: number): number => (isDigit(c) ? c - 48 : c === 38 ? 24 : c <= 78 ? c - 55 : c - 54);

/** rfcInfo() of the n (12 or 13) characters a[o..o+n): 0 without an RFC's shape, 1 shaped, 2 shaped and the check digit holds. */
function rfcAt(a: Uint8Array, o: number, n: number): number {
  // RFC_RE: three (company) or four (person) letters or '&', then the date and the homoclave.
  const p = o + n - 9;
  for (let i = o; i < p; i++) if (!isUpper(a[i]!) && a[i] !== 38) return 0;
  if (!digitsIn(a, p, p + 2) || !monthAt(a, p + 2) || !dayAt(a, p + 4)) return 0;
  const last = a[p + 8]!;
  if (!isUpperOrDigit(a[p + 6]!) || !isUpperOrDigit(a[p + 7]!) || !(isDigit(last) || last === 65)) return 0;
  const yy = twoDigits(a, p);
  const mm = twoDigits(a, p + 2);
  const dd = twoDigits(a, p + 4);
  if (!realDate(yy, mm, dd, 2000) && !realDate(yy, mm, dd, 1900)) return 0;
  // rfcCheckDigit(): a 12-character RFC is read with a leading space (index 37).
  let sum = n === 12 ? 37 * 13 : 0;
  for (let i = 0, w = n === 12 ? 12 : 13; i < n - 1; i++, w--) sum += rfcValue(a[o + i]!) * w;
  const r = 11 - (sum % 11);
  const check = r === 11 ? 48 : r === 10 ? 65 : 48 + r;
  return check === last ? 2 : 1;
}

function rfcLevel(b: Uint8Array, s: number, e: number): number {
  const len = e - s;
  if (len < 12) return 0;
  const direct = len <= 13 ? rfcAt(b, s, len) : 0;
  if (direct > 0) return direct;
  const n = normInto(b, s, e, 13);
  return n === 12 || n === 13 ? rfcAt(ID, 0, n) : 0;
}

// Digit identifiers -------------------------------------------------------------------------------

/**
 * normId() of the cell is min to max digits: they are left in digits[digitStart..+digitLength),
 * the cell itself when it is such a run already, else ID.
 */
function digitRun(b: Uint8Array, s: number, e: number, min: number, max: number): boolean {
  const len = e - s;
  if (len < min) return false;
  if (len <= max && digitsIn(b, s, e)) {
    digits = b;
    digitStart = s;
    digitLength = len;
    return true;
  }
  const n = normInto(b, s, e, max);
  if (n < min || !digitsIn(ID, 0, n)) return false;
  digits = ID;
  digitStart = 0;
  digitLength = n;
  return true;
}
let digits: Uint8Array = ID;
let digitStart = 0;
let digitLength = 0;

const isNss = (b: Uint8Array, s: number, e: number): boolean => digitRun(b, s, e, 11, 11) && luhn(digits, digitStart, 11);
const nssShape = (b: Uint8Array, s: number, e: number): boolean => digitRun(b, s, e, 11, 11);
const clabeShape = (b: Uint8Array, s: number, e: number): boolean => digitRun(b, s, e, 18, 18);
const cardShape = (b: Uint8Array, s: number, e: number): boolean => digitRun(b, s, e, 13, 19);

function isClabe(b: Uint8Array, s: number, e: number): boolean {
  if (!digitRun(b, s, e, 18, 18)) return false;
  const a = digits;
  const at = digitStart;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ((a[at + i]! - 48) * (i % 3 === 0 ? 3 : i % 3 === 1 ? 7 : 1)) % 10;
  return (10 - (sum % 10)) % 10 === a[at + 17]! - 48;
}

/** isCard's issuer prefixes at a[o]: 4, 51-55, 2221-2720, 34, 37, 6 (a holds digits there). */
function cardPrefix(a: Uint8Array, o: number): boolean {
  const d0 = a[o]! - 48;
  const d1 = a[o + 1]! - 48;
  const d2 = a[o + 2]! - 48;
  if (d0 === 4 || d0 === 6) return true;
  if (d0 === 5) return d1 >= 1 && d1 <= 5;
  if (d0 === 3) return d1 === 4 || d1 === 7;
  if (d0 !== 2) return false;
  return (d1 === 2 && d2 >= 2) || (d1 >= 3 && d1 <= 6) || (d1 === 7 && (d2 === 0 || d2 === 1 || (d2 === 2 && a[o + 3] === 48)));
}

function isCard(b: Uint8Array, s: number, e: number): boolean {
  return digitRun(b, s, e, 13, 19) && cardPrefix(digits, digitStart) && luhn(digits, digitStart, digitLength);
}

/** isVoterKey() on a[o..o+18). */
function voterKeyAt(a: Uint8Array, o: number): boolean {
  const section = twoDigits(a, o + 12);
  return lettersIn(a, o, o + 6) && digitsIn(a, o + 6, o + 12) && section >= 1 && section <= 32 && isHMX(a[o + 14]!) && digitsIn(a, o + 15, o + 18);
}

function isVoterKey(b: Uint8Array, s: number, e: number): boolean {
  if (e - s === 18 && voterKeyAt(b, s)) return true;
  return e - s >= 18 && normInto(b, s, e, 18) === 18 && voterKeyAt(ID, 0);
}

// Phone -------------------------------------------------------------------------------------------

/** b[s..s+10) is [2-9]\d{9}. */
function tenDigitNumber(a: Uint8Array, s: number): boolean {
  if (a[s]! < 50 || a[s]! > 57) return false;
  for (let i = s + 1; i < s + 10; i++) if (!isDigit(a[i]!)) return false;
  return true;
}

function isPhone(b: Uint8Array, s: number, e: number): boolean {
  if (e - s === 10 && tenDigitNumber(b, s)) return true;
  // Spaces, '-', '(', ')', '.' dropped; then +?\d{10,15}.
  let n = 0;
  for (let i = s; i < e; i++) {
    const c = b[i]!;
    if (isWs(c) || c === 45 || c === 40 || c === 41 || c === 46) continue;
    if (n === 16) return false;
    ID[n++] = c;
  }
  const from = ID[0] === 43 ? 1 : 0;
  const len = n - from;
  if (len < 10 || len > 15 || !digitsIn(ID, from, n)) return false;
  // The legacy prefixes, in isPhone's order.
  const a = ID[from]!;
  const b2 = ID[from + 1]!;
  const c3 = ID[from + 2]!;
  let start = from;
  if (a === 53 && b2 === 50 && c3 === 49 && len === 13) start += 3;
  else if (a === 53 && b2 === 50 && len === 12) start += 2;
  else if (a === 48 && b2 === 52 && (c3 === 52 || c3 === 53) && len === 13) start += 3;
  else if (a === 48 && b2 === 49 && len === 12) start += 2;
  return n - start === 10 && tenDigitNumber(ID, start);
}

// E-mail --------------------------------------------------------------------------------------------


function isEmail(b: Uint8Array, s: number, e: number): boolean {
  if (e - s > 254) return false;
  let i = s;
  while (i < e && is(b[i]!, LOCAL)) {
    if (b[i] === 46 && i > s && b[i - 1] === 46) return false;
    i++;
  }
  if (i === s || i === e || b[i] !== 64) return false;
  // The domain: its last '.' must have a character before it (after '@') and two or more letters after it.
  const at = i;
  let dot = -1;
  for (i = at + 1; i < e; i++) {
    const c = b[i]!;
    if (!is(c, DOMAIN)) return false;
    if (c === 46) {
      if (b[i - 1] === 46) return false;
      dot = i;
    }
  }
  if (dot < at + 2 || e - dot < 3) return false;
  for (i = dot + 1; i < e; i++) if (!isLetter(b[i]!)) return false;
  return true;
}

// Postal code, date, money -------------------------------------------------------------------------

function isPostalCode(b: Uint8Array, s: number, e: number): boolean {
  if (e - s !== 5) return false;
  for (let i = s; i < e; i++) if (!isDigit(b[i]!)) return false;
  const p = twoDigits(b, s);
  return p >= 1 && !(p >= 17 && p <= 19);
}

/** A year 19\d\d or 20\d\d at b[i], else -1. */
function yearAt(b: Uint8Array, i: number): number {
  const hi = twoDigits(b, i);
  const lo = twoDigits(b, i + 2);
  return (hi === 19 || hi === 20) && lo >= 0 ? hi * 100 + lo : -1;
}

/** YYYY-MM-DD with an optional [ T]HH:MM(:SS): the date's validity, or undefined when the form does not match. */
function isoDate(b: Uint8Array, s: number, e: number): boolean | undefined {
  const len = e - s;
  if (len !== 10 && len !== 16 && len !== 19) return undefined;
  const y = yearAt(b, s);
  const mo = twoDigits(b, s + 5);
  const d = twoDigits(b, s + 8);
  if (y < 0 || b[s + 4] !== 45 || mo < 0 || b[s + 7] !== 45 || d < 0) return undefined;
  if (len > 10) {
    const t = b[s + 10];
    if (!(t === 32 || t === 84) || twoDigits(b, s + 11) < 0 || b[s + 13] !== 58 || twoDigits(b, s + 14) < 0) return undefined;
    if (len === 19 && (b[s + 16] !== 58 || twoDigits(b, s + 17) < 0)) return undefined;
  }
  return realDate(y % 100, mo, d, y - (y % 100));
}

/** One or two digits then '/' or '-' at b[i]: the number and the index after the separator (packed as n * 1024 + next - i), -1 if absent. */
function dayOrMonth(b: Uint8Array, i: number, e: number): number {
  if (i >= e || !isDigit(b[i]!)) return -1;
  let n = b[i]! - 48;
  let j = i + 1;
  if (j < e && isDigit(b[j]!)) n = n * 10 + b[j++]! - 48;
  return j < e && (b[j] === 47 || b[j] === 45) ? n * 1024 + (j + 1 - i) : -1;
}

function isDate(b: Uint8Array, s: number, e: number): boolean {
  const iso = isoDate(b, s, e);
  if (iso !== undefined) return iso;
  // D/M/YYYY: the separators '/' and '-' in any mix, one or two digits each.
  const dd = dayOrMonth(b, s, e);
  if (dd < 0) return false;
  const i = s + (dd % 1024);
  const mm = dayOrMonth(b, i, e);
  if (mm < 0) return false;
  const j = i + (mm % 1024);
  if (e - j !== 4) return false;
  const y = yearAt(b, j);
  return y >= 0 && realDate(y % 100, Math.floor(mm / 1024), Math.floor(dd / 1024), y - (y % 100));
}

/** b[i..i+word.length) equals the upper-case `word`, case ignored. */
function matchesAt(b: Uint8Array, i: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (upper(b[i + k]!) !== word.charCodeAt(k)) return false;
  return true;
}

function isMoney(b: Uint8Array, s: number, e: number): boolean {
  // /^(\$|MXN)\s?/i then /\s?(MXN|M\.N\.)$/i stripped, in that order.
  let p = s;
  if (b[p] === 36) p++;
  else if (e - p >= 3 && matchesAt(b, p, 'MXN')) p += 3;
  if (p > s && p < e && isWs(b[p]!)) p++;
  let q = e;
  if (q - p >= 3 && matchesAt(b, q - 3, 'MXN')) q -= 3;
  else if (q - p >= 4 && matchesAt(b, q - 4, 'M.N.')) q -= 4;
  if (q < e && q > p && isWs(b[q - 1]!)) q--;
  if (q - p > 15) return false;
  // -?(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?
  let i = p;
  if (i < q && b[i] === 45) i++;
  const first = i;
  while (i < q && isDigit(b[i]!)) i++;
  if (i === first) return false;
  if (i < q && b[i] === 44) {
    if (i - first > 3) return false;
    while (i < q && b[i] === 44) {
      if (q - i < 4 || !isDigit(b[i + 1]!) || !isDigit(b[i + 2]!) || !isDigit(b[i + 3]!)) return false;
      i += 4;
    }
  }
  if (i === q) return true;
  if (b[i] !== 46) return false;
  const decimals = q - i - 1;
  return (decimals === 1 || decimals === 2) && isDigit(b[i + 1]!) && isDigit(b[q - 1]!);
}

// Sex, IP -------------------------------------------------------------------------------------------

/** isSex's words, packed ("NO BINARIO" has its space, handled apart). */
const SEX_WORDS = packSet(['H', 'M', 'F', 'X', 'HOMBRE', 'MUJER', 'MASCULINO', 'FEMENINO', 'MALE', 'FEMALE']);

function isSex(b: Uint8Array, s: number, e: number): boolean {
  if (e - s === 10 && matchesAt(b, s, 'NO BINARIO')) return true;
  return e - s <= 9 && SEX_WORDS.has(packBytes(b, s, e));
}

/** \d{1,3}(\.\d{1,3}){3} with each part at most 255: true, false, or undefined when the form does not match. */
function ipv4(b: Uint8Array, s: number, e: number): boolean | undefined {
  let i = s;
  let ok = true;
  for (let part = 0; part < 4; part++) {
    if (part > 0) {
      if (i >= e || b[i] !== 46) return undefined;
      i++;
    }
    let n = 0;
    const from = i;
    while (i < e && i - from < 3 && isDigit(b[i]!)) n = n * 10 + b[i++]! - 48;
    if (i === from) return undefined;
    if (n > 255) ok = false;
  }
  return i === e ? ok : undefined;
}

function isIp(b: Uint8Array, s: number, e: number): boolean {
  const v4 = ipv4(b, s, e);
  if (v4 !== undefined) return v4;
  // [0-9a-f:]{3,39} holding '::', or eight groups of one to four hex digits.
  const len = e - s;
  if (len < 3 || len > 39) return false;
  let compressed = false;
  let groups = 1;
  let run = 0;
  let full = true;
  for (let i = s; i < e; i++) {
    const c = b[i]!;
    if (c === 58) {
      if (i > s && b[i - 1] === 58) compressed = true;
      if (run === 0) full = false;
      groups++;
      run = 0;
    } else if (is(c, HEX)) {
      if (++run > 4) full = false;
    } else return false;
  }
  return compressed || (full && run > 0 && groups === 8);
}

// Address -------------------------------------------------------------------------------------------

/** STREET's words that end in a word character (AV\.? and COL\.? match as AV and COL). */
const STREET_WORDS = packSet('CALLE AV AVENIDA BLVD BOULEVARD CALZ CALZADA COL COLONIA PRIV PRIVADA CERRADA ANDADOR CARRETERA KM MZ MANZANA LT LOTE NUM INT EXT FRACC UNIDAD EDIF'.split(' '));

/**
 * STREET.test() at the word (run of [A-Za-z0-9_]) b[from..to): one of STREET_WORDS, or C or NO
 * followed by '.' and a word character (\b after a '.' needs one: "C. JUAREZ" does not match,
 * "C.JUAREZ" does). The '#' alternative is left to the caller's includes('#').
 */
function isStreetWord(b: Uint8Array, from: number, to: number, e: number): boolean {
  const len = to - from;
  if (len <= 9 && STREET_WORDS.has(packBytes(b, from, to))) return true;
  if (!((len === 1 && upper(b[from]!) === 67) || (len === 2 && matchesAt(b, from, 'NO')))) return false;
  return to + 1 < e && b[to] === 46 && is(b[to + 1]!, WORD_CHAR);
}

/** isAddress() in one pass over the words: a digit, three letters in a row, and '#' or a street word; done once all are seen. */
function isAddress(b: Uint8Array, s: number, e: number): boolean {
  if (e - s < 8 || e - s > 200) return false;
  let digit = false;
  let letters3 = false;
  let marker = false;
  for (let i = s; i < e; ) {
    if (!is(b[i]!, WORD_CHAR)) {
      if (b[i] === 35) marker = true;
      i++;
      continue;
    }
    // Three letters in a row only occur inside a word: digits and '_' break the run.
    const from = i;
    let run = 0;
    for (; i < e && is(b[i]!, WORD_CHAR); i++) {
      const c = b[i]!;
      if (isLetter(c)) {
        if (++run >= 3) letters3 = true;
      } else {
        run = 0;
        if (isDigit(c)) digit = true;
      }
    }
    if (!marker) marker = isStreetWord(b, from, i, e);
    if (digit && letters3 && marker) return true;
  }
  return digit && letters3 && marker; // a '#' after the last word
}

// Names ---------------------------------------------------------------------------------------------

const PARTICLE = 1;
const GIVEN = 2;
const SURNAME = 4;
const NON_NAME = 8;

/**
 * names.ts's folded word lists as an open-addressing table keyed by the word's bytes: FNV-1a
 * hash, linear probing, a hit compared byte by byte (no false positive from a collision). Words
 * holding a non-ASCII character after fold() are left out: no ASCII word folds to them.
 */
class WordTable {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly starts: number[] = [];
  private readonly flags: number[] = [];
  private readonly pool: Uint8Array;

  constructor(words: Map<string, number>) {
    const ascii = [...words].filter(([w]) => w.length > 0 && [...w].every((ch) => ch.charCodeAt(0) < 128));
    let size = 16;
    while (size < ascii.length * 4) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    this.pool = new Uint8Array(ascii.reduce((n, [w]) => n + w.length, 0));
    let at = 0;
    ascii.forEach(([w, f], k) => {
      this.starts.push(at);
      for (let i = 0; i < w.length; i++) this.pool[at++] = w.charCodeAt(i);
      this.flags.push(f);
      let slot = hashOf(this.pool, this.starts[k]!, at) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = k + 1;
    });
    this.starts.push(at);
  }

  /** The flags of the word whose upper case is b[s..e) and whose hashOf() is `hash`, 0 if listed nowhere. */
  lookup(hash: number, b: Uint8Array, s: number, e: number): number {
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const k = this.slots[slot]! - 1;
      if (k < 0) return 0;
      if (this.equals(k, b, s, e)) return this.flags[k]!;
    }
  }

  /** lookup() of a word holding accented letters (encoding UTF8 or WIN1252, see analyseNameEncoded), compared on their folded letters. */
  lookupEncoded(hash: number, b: Uint8Array, s: number, e: number, encoding: number): number {
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const k = this.slots[slot]! - 1;
      if (k < 0) return 0;
      if (this.equalsEncoded(k, b, s, e, encoding)) return this.flags[k]!;
    }
  }

  /** equals() on bytes already accepted by analyseEncoded(): ASCII, or an ACCENTS letter (two bytes C3 xx in UTF-8). */
  private equalsEncoded(k: number, b: Uint8Array, s: number, e: number, encoding: number): boolean {
    let p = this.starts[k]!;
    const to = this.starts[k + 1]!;
    for (let i = s; i < e; i++, p++) {
      if (p === to) return false;
      const c = b[i]!;
      const f = c < 128 ? upper(c) : ACCENTS[encoding === UTF8 ? b[++i]! + 0x40 : c]! & FOLDED;
      if (this.pool[p] !== f) return false;
    }
    return p === to;
  }

  private equals(k: number, b: Uint8Array, s: number, e: number): boolean {
    const from = this.starts[k]!;
    if (this.starts[k + 1]! - from !== e - s) return false;
    for (let i = 0; i < e - s; i++) if (this.pool[from + i] !== upper(b[s + i]!)) return false;
    return true;
  }
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** FNV-1a over the upper-cased bytes b[s..e) (the pool's words are upper case already); analyseName() computes the same inline. */
function hashOf(b: Uint8Array, s: number, e: number): number {
  let h = FNV_OFFSET;
  for (let i = s; i < e; i++) h = Math.imul(h ^ upper(b[i]!), FNV_PRIME);
  return h >>> 0;
}

const WORDS = buildWordTable();
function buildWordTable(): WordTable {
  const lists = nameLists();
  const flags = new Map<string, number>();
  const add = (set: ReadonlySet<string>, f: number) => { for (const w of set) flags.set(w, (flags.get(w) ?? 0) | f); };
  add(lists.particles, PARTICLE);
  add(lists.given, GIVEN);
  add(lists.surnames, SURNAME);
  add(lists.nonName, NON_NAME);
  return new WordTable(flags);
}

/** validators.ts's lower-case particles (capitalisedWords), packed: a lower-case word among them does not break a full name. */
const FULL_NAME_PARTICLES = packSet(['DE', 'DEL', 'LA', 'LAS', 'LOS', 'Y', 'E', 'DA', 'VAN', 'VON']);

// Result bits of the one analysis the five name tests share.
const IS_PART = 1;
const IS_NAME = 2;
const KNOWN = 4;
const FIRST_GIVEN = 8;
const FIRST_SURNAME = 16;
/** Which result bit of analyseName() each name test reads. */
export const NAME_RESULT_BITS: Partial<Record<TestKey, number>> = { name_part: IS_PART, name: IS_NAME, name_known: KNOWN, given_known: FIRST_GIVEN, surname_known: FIRST_SURNAME };

// Accented letters (analyseNameEncoded) -------------------------------------------------------------

/** The cell's encoding in analyseEncoded(). */
const UTF8 = 1;
const WIN1252 = 2;
/** ACCENTS' fields: the letter fold() gives (A-Z), upper case, in isName's letter class, in CAPITAL. */
const FOLDED = 0xff;
const NAME_CLASS = 0x100;
const CAPITAL = 0x200;
/**
 * The accented letters analyseEncoded() reads, by code point (U+00C0-U+00FF: two bytes C3 80-BF in
 * UTF-8, one byte C0-FF in Windows-1252, the same code in both): the letters of names.ts's LETTER,
 * each folding to one ASCII letter (Á → A, ñ → N, ü → U). 0 for any other code: the caller decodes.
 */
const ACCENTS = buildAccents();
function buildAccents(): Uint16Array {
  const t = new Uint16Array(256);
  const add = (chars: string, flags: number) => {
    for (const ch of chars) {
      const f = fold(ch);
      if (f.length !== 1 || f < 'A' || f > 'Z') throw new Error(`fold(${ch}) is not one ASCII letter`);
      t[ch.charCodeAt(0)] = f.charCodeAt(0) | flags;
    }
  };
  // isName's NAME_SHAPE and CAPITAL (validators.ts) take these; names.ts's WORD takes them and the rest.
  add('ÁÉÍÓÚÜÑ', NAME_CLASS | CAPITAL);
  add('áéíóúüñ', NAME_CLASS);
  add('ÀÈÌÒÙàèìòùÄËÏÖäëïö', 0);
  return t;
}

/**
 * names.ts's analyse() and isName()'s extra conditions over one cell, as result bits. A name part:
 * 2-60 characters, one to six words of WORD's shape, no word names never hold, not only particles.
 * A full name besides: five or more characters, two or more words, each capitalised or a
 * lower-case particle, at least two capitalised.
 */
export function analyseName(b: Uint8Array, s: number, e: number): number {
  const len = e - s;
  if (len < 2 || len > 60) return 0;
  let words = 0;
  let capitals = 0;
  let lowerWord = false;
  let core = 0;
  let known = false;
  let first = 0;
  for (let i = s; i < e; ) {
    if (++words > 6) return 0;
    // One pass over the word: names.ts's WORD in ASCII (letters with inner ' or -, O'FARRILL,
    // PEREZ-GIL; or one to three letters and a period, MA.) and the hash of its folded form (upper
    // case, the period dropped). prev: 0 nothing yet, 1 a letter, 2 ' or -, 3 the period.
    let h = FNV_OFFSET;
    let prev = 0;
    let seps = 0;
    let j = i;
    for (; j < e; j++) {
      const c = b[j]!;
      if (isWs(c)) break;
      if (isLetter(c) && prev !== 3) {
        h = Math.imul(h ^ upper(c), FNV_PRIME);
        prev = 1;
      } else if ((c === 39 || c === 45) && prev === 1) {
        h = Math.imul(h ^ c, FNV_PRIME);
        seps++;
        prev = 2;
      } else if (c === 46 && prev === 1 && seps === 0 && j - i <= 3) prev = 3;
      else return 0;
    }
    // Nothing follows the period (checked above); ' or - must have a letter after them.
    if (prev === 2) return 0;
    const end = prev === 3 ? j - 1 : j;
    if (isUpper(b[i]!)) capitals++;
    else if (!FULL_NAME_PARTICLES.has(packBytes(b, i, j))) lowerWord = true;
    const f = WORDS.lookup(h >>> 0, b, i, end);
    if (!(f & PARTICLE)) {
      if (f & NON_NAME) return 0;
      if (core++ === 0) first = f;
      if (f & (GIVEN | SURNAME)) known = true;
    }
    i = j;
    while (i < e && isWs(b[i]!)) i++;
  }
  if (core === 0) return 0;
  const name = len >= 5 && words >= 2 && !lowerWord && capitals >= 2;
  return IS_PART | (name ? IS_NAME : 0) | (known ? KNOWN : 0) | (first & GIVEN ? FIRST_GIVEN : 0) | (first & SURNAME ? FIRST_SURNAME : 0);
}

/**
 * analyseName() for a cell that may hold bytes over 127, in `encoding` ('utf8': the block is valid UTF-8;
 * 'win1252': the cell's line is Windows-1252). Returns the same result bits the five string name tests
 * give on the decoded text (TextDecoder semantics for that encoding), or -1 when it cannot answer
 * cheaply (then the caller decodes and uses the string tests).
 * Precondition: e > s, b[s] > 32 and b[e-1] > 32.
 *
 * It answers for text of ASCII and the ACCENTS letters (JOSÉ PÉREZ NÚÑEZ, María de la Luz, GÜEMES);
 * any other byte over 127 gives -1 (NBSP and the other spaces trim() and \s know, ’, Windows-1252's
 * 80-9F, combining marks, Ÿ ß ÿ, invalid UTF-8), unless the cell already failed before it.
 */
export function analyseNameEncoded(b: Uint8Array, s: number, e: number, encoding: 'utf8' | 'win1252'): number {
  return analyseEncoded(b, s, e, encoding === 'utf8' ? UTF8 : WIN1252);
}

/**
 * analyseName()'s loop with a per-character decoder for ACCENTS letters. A copy rather than one core
 * with an encoding parameter: sharing it made analyseName 2 % slower on ASCII cells, 7 % once the
 * accented path had run in the same process (its branches stop being free). An
 * answer of 0 before the end only comes from what the bytes already read decide whatever follows (a
 * word that is no WORD, a seventh word, a non-name word): later bytes, even spaces the ASCII
 * reading does not know, only split later words.
 */
function analyseEncoded(b: Uint8Array, s: number, e: number, encoding: number): number {
  const len = e - s;
  // Characters, not bytes (UTF-16 code units: every ACCENTS letter is one), are counted at the end.
  if (len < 2) return 0;
  /** UTF-8 continuation bytes read: the cell's characters are len - cont. */
  let cont = 0;
  /** Every letter is in isName's class (NAME_SHAPE); ASCII letters are. */
  let nameClass = true;
  let words = 0;
  let capitals = 0;
  let lowerWord = false;
  let core = 0;
  let known = false;
  let first = 0;
  for (let i = s; i < e; ) {
    if (++words > 6) return 0;
    // One pass over the word: names.ts's WORD in ASCII (letters with inner ' or -, O'FARRILL,
    // PEREZ-GIL; or one to three letters and a period, MA.) and the hash of its folded form (upper
    // case, the period dropped). prev: 0 nothing yet, 1 a letter, 2 ' or -, 3 the period.
    let h = FNV_OFFSET;
    let prev = 0;
    let seps = 0;
    const wordCont = cont;
    /** The word holds an ACCENTS letter; its first letter is one of CAPITAL's. */
    let accented = false;
    let accentedCapital = false;
    let j = i;
    for (; j < e; j++) {
      const c = b[j]!;
      // First, so that the ASCII helpers below never read their 128-entry table out of bounds: that
      // would make them slower for analyseName() too, which shares them.
      if (c >= 128) {
        // An accented letter: its code point (U+00C0-U+00FF, C3 80-BF in UTF-8), else no answer.
        let code = c;
        if (encoding === UTF8) {
          const next = j + 1 < e ? b[j + 1]! : 0;
          if (c !== 0xc3 || (next & 0xc0) !== 0x80) return -1;
          code = next + 0x40;
          j++;
          cont++;
        }
        const a = ACCENTS[code]!;
        if (a === 0) return -1;
        if (prev === 3) return 0; // a letter after the period: no WORD
        if (j - i - (cont - wordCont) === 0 && (a & CAPITAL)) accentedCapital = true;
        if (!(a & NAME_CLASS)) nameClass = false;
        h = Math.imul(h ^ (a & FOLDED), FNV_PRIME);
        accented = true;
        prev = 1;
      } else if (isWs(c)) break;
      else if (isLetter(c) && prev !== 3) {
        h = Math.imul(h ^ upper(c), FNV_PRIME);
        prev = 1;
      } else if ((c === 39 || c === 45) && prev === 1) {
        h = Math.imul(h ^ c, FNV_PRIME);
        seps++;
        prev = 2;
      } else if (c === 46 && prev === 1 && seps === 0 && j - i - (cont - wordCont) <= 3) prev = 3;
      else return 0;
    }
    // Nothing follows the period (checked above); ' or - must have a letter after them.
    if (prev === 2) return 0;
    const end = prev === 3 ? j - 1 : j;
    if (isUpper(b[i]!) || accentedCapital) capitals++;
    else if (!FULL_NAME_PARTICLES.has(packBytes(b, i, j))) lowerWord = true;
    const f = !accented ? WORDS.lookup(h >>> 0, b, i, end) : WORDS.lookupEncoded(h >>> 0, b, i, end, encoding);
    if (!(f & PARTICLE)) {
      if (f & NON_NAME) return 0;
      if (core++ === 0) first = f;
      if (f & (GIVEN | SURNAME)) known = true;
    }
    i = j;
    while (i < e && b[i]! < 128 && isWs(b[i]!)) i++;
  }
  const chars = len - cont;
  if (core === 0 || chars < 2 || chars > 60) return 0;
  const name = chars >= 5 && words >= 2 && !lowerWord && capitals >= 2 && nameClass;
  return IS_PART | (name ? IS_NAME : 0) | (known ? KNOWN : 0) | (first & GIVEN ? FIRST_GIVEN : 0) | (first & SURNAME ? FIRST_SURNAME : 0);
}

/** The last analysed cell's bytes and result: the five name tests ask about the same cell in a row. */
const lastName = new Uint8Array(60);
let lastLength = -1;
let lastResult = 0;

/** analyseName(), answered from the last cell when the bytes are the same (compared, not trusted by position: buffers get reused). */
function nameBits(b: Uint8Array, s: number, e: number): number {
  const len = e - s;
  if (len > 60) return 0;
  if (len === lastLength) {
    let i = 0;
    while (i < len && lastName[i] === b[s + i]) i++;
    if (i === len) return lastResult;
  }
  lastResult = analyseName(b, s, e);
  for (let i = 0; i < len; i++) lastName[i] = b[s + i]!; // a loop: subarray() would allocate
  lastLength = len;
  return lastResult;
}

const nameTest = (bit: number): ByteTest => (b, s, e) => (nameBits(b, s, e) & bit) !== 0;

// ---------------------------------------------------------------------------------------------

/** The byte tests by counter key; a key absent here is tested on the cell's string (TESTS). */
export const BYTE_TESTS: Partial<Record<TestKey, ByteTest>> = {
  curp: isCurp,
  'curp~shape': curpShape,
  rfc: (b, s, e) => rfcLevel(b, s, e) === 2,
  'rfc~shape': (b, s, e) => rfcLevel(b, s, e) > 0,
  nss: isNss,
  'nss~shape': nssShape,
  clabe: isClabe,
  'clabe~shape': clabeShape,
  card: isCard,
  'card~shape': cardShape,
  voter_key: isVoterKey,
  email: isEmail,
  phone: isPhone,
  postal_code: isPostalCode,
  date: isDate,
  money: isMoney,
  name: nameTest(IS_NAME),
  name_part: nameTest(IS_PART),
  name_known: nameTest(KNOWN),
  given_known: nameTest(FIRST_GIVEN),
  surname_known: nameTest(FIRST_SURNAME),
  address: isAddress,
  sex: isSex,
  ip: isIp,
};
