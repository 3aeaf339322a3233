// Identifiers in running text (mail bodies, documents, logs): a few native searches find
// candidates, the check digits of validators.ts decide. Types without a check digit need a clear
// shape (a formatted phone, "C.P." before a postal code) or a keyword just before them (a bare
// ten-digit number after "tel.", eleven digits after "NSS"), as DLP tools do with keyword
// proximity. Works on any string; byte streams are read as Latin-1 views (one character per byte),
// which keeps every ASCII identifier intact whatever the real charset.
import { isUtf8 } from 'node:buffer';
import { clabeCheckDigit, curpBirthDate, curpCheckDigit, isCard, isEmail, isPostalCode, isVoterKey, luhn, rfcInfo } from '../validators.js';

export const TEXT_TYPES = ['curp', 'rfc', 'nss', 'ine_voter_key', 'clabe', 'card_number', 'email', 'phone', 'address', 'postal_code'] as const;
export type TextType = (typeof TEXT_TYPES)[number];
/** Types whose value carries a check digit: candidates that fail it are counted apart. */
export const CHECKED: ReadonlySet<TextType> = new Set(['curp', 'rfc', 'nss', 'clabe', 'card_number']);

/** Called for every identifier found: its normalised value, and whether its check digit holds. */
export type OnHit = (type: TextType, value: string, valid: boolean) => void;

const ID = /[A-Z\xd1&]{3,6}[ -]?\d{6}[ -]?[A-Z0-9]{2,8}/g;
const DIGITS = /(?:\+\s?)?\(?\d[\d \-.()]{6,40}\d/g;
const STREET = /\b(?:Calle|CALLE|Av\.|AV\.|Avenida|AVENIDA|Blvd\.?|BLVD\.?|Boulevard|Calz\.|Calzada|CALZADA|Priv\.|Privada|PRIVADA|Cerrada|CERRADA|Andador|Carretera|Circuito|Prolongaci[oó\xf3]n) +[A-Za-z\xc0-\xff]/g;
const POSTAL = /(?:\bC\. ?P\.?|\bCP|[Cc][oó\xf3]digo [Pp]ostal) ?:? ?(\d{5})(?!\d)/g;
const ALNUM = /[A-Za-z0-9]/;
const PHONE_WORDS = /(?:tel|cel|m[oó\xf3]vil|whats|phone|fono|contacto|llam|n[uú\xfa]m|lada|fax)/i;
const NSS_WORDS = /(?:nss|imss|seguro social|seguridad social|afiliaci)/i;
const CARD_WORDS = /(?:tarjeta|card|visa|master|amex|cr[eé\xe9]dito|d[eé\xe9]bito)/i;
const CLABE_WORDS = /(?:clabe|interbancaria|cuenta)/i;
/** How far back a keyword may stand from the number it announces. */
export const CONTEXT = 48;
/** The longest candidate the finders look at (an e-mail address is up to 254 characters). */
export const LONGEST = 320;

const isAlnum = (c: string | undefined) => c !== undefined && ALNUM.test(c);
const CURP_SHAPE = /^[A-Z][AEIOUX][A-Z]{2}\d{6}[HMX](?:AS|B[CS]|C[CLMHS]|D[FG]|G[TR]|HG|JC|M[CNS]|N[ETL]|OC|PL|Q[TR]|S[PLR]|T[CSL]|VZ|YN|ZS|NE)[B-DF-HJ-NP-TV-Z]{3}[A-Z\d]\d$/;
const INCONVENIENT = new Set('BACA BAKA BUEI BUEY CACA CACO CAGA CAGO CAKA CAKO COGE COGI COJA COJE COJI COJO COLA CULO FALO FETO GETA GUEI GUEY JETA JOTO KACA KACO KAGA KAGO KAKA KAKO KOGE KOGI KOJA KOJE KOJI KOJO KOLA KULO LILO LOCA LOCO LOKA LOKO MAME MAMO MEAR MEAS MEON MIAR MION MOCO MOKO MULA MULO NACA NACO PEDA PEDO PENE PIPI PITO POPO PUTA PUTO QULO RATA ROBA ROBE ROBO RUIN SENO TETA VACA VAGA VAGO VAKA VUEI VUEY WUEI WUEY'.split(' '));

/** A letters-and-digits token: CURP, RFC or INE voter key by its shape; check digits decide. */
function idToken(raw: string, onHit: OnHit): boolean {
  const v = raw.replace(/[ -]/g, '').replace(/\xd1/g, 'Ñ');
  if (v.length === 18) {
    if (CURP_SHAPE.test(v) && !INCONVENIENT.has(v.slice(0, 4)) && curpBirthDate(v)) onHit('curp', v, curpCheckDigit(v) === Number(v[17]));
    else if (isVoterKey(v)) onHit('ine_voter_key', v, true);
    else return false;
    return true;
  }
  if (v.length === 12 || v.length === 13) {
    const r = rfcInfo(v);
    if (r.generic) return true;
    if (r.shape) { onHit('rfc', v, r.checked); return true; }
  }
  return false;
}

const before = (text: string, at: number) => text.slice(Math.max(0, at - CONTEXT), at);

/** The phone a digit group sequence is, national ten digits, or undefined. */
function phoneOf(token: string, digits: string): { national: string; formatted: boolean } | undefined {
  let d = digits;
  let prefixed = false;
  if (token.startsWith('+')) {
    if (!d.startsWith('52')) return undefined;
    d = d.slice(2);
    if (d.length === 11 && d[0] === '1') d = d.slice(1);
    prefixed = true;
  } else if (d.length === 13 && (d.startsWith('044') || d.startsWith('045') || d.startsWith('521'))) { d = d.slice(3); prefixed = true; }
  else if (d.length === 12 && (d.startsWith('01') || d.startsWith('52'))) { d = d.slice(2); prefixed = true; }
  if (d.length !== 10 || d[0] === '0' || d[0] === '1') return undefined;
  // A clear phone layout: (55) 1234 5678, 55 1234 5678, 55-1234-5678, 333 123 4567, 55.1234.5678.
  const local = token.replace(/^\+\s?52[ \-.]?(?:1[ \-.]?)?|^(?:044|045|01)[ \-.]?/, '');
  const formatted = prefixed || /^(?:\(\d{2,3}\) ?\d{3,4}[ \-.]?\d{4}|\d{2}[ \-.]\d{4}[ \-.]\d{4}|\d{3}[ \-.]\d{3}[ \-.]\d{4}|\d{2}[ \-.]\d{2}[ \-.]\d{2}[ \-.]\d{2}[ \-.]\d{2})$/.test(local);
  return { national: d, formatted };
}

/** A run of digits with separators: the longest window of its groups that is a known number. */
function digitRun(text: string, start: number, token: string, onHit: OnHit): void {
  // Groups with the separator before each: "55 1234 5678 12" → [55][1234][5678][12].
  const groups: { at: number; text: string }[] = [];
  const re = /[+(]*\d+\)?/g;
  for (let m = re.exec(token); m; m = re.exec(token)) groups.push({ at: m.index, text: m[0] });
  for (let i = 0; i < groups.length;) {
    let found = 0;
    // Longest first: a card in groups of four beats the phone its first groups could make.
    for (let j = Math.min(groups.length, i + 6); j > i && !found; j--) {
      const a = groups[i]!.at;
      const last = groups[j - 1]!;
      const sub = token.slice(a, last.at + last.text.length);
      const digits = sub.replace(/\D/g, '');
      if (digits.length < 10 || digits.length > 19) continue;
      if (classifyDigits(text, start + a, sub, digits, j - i, onHit)) found = j - i;
    }
    i += found || 1;
  }
}

/** One candidate number: reports it and returns true when it is one. */
function classifyDigits(text: string, at: number, sub: string, digits: string, groups: number, onHit: OnHit): boolean {
  const bare = groups === 1;
  const n = digits.length;
  if (n === 18 && (bare || /^\d{3}[ -]?\d{3}[ -]?\d{11}[ -]?\d$/.test(sub))) {
    const ok = clabeCheckDigit(digits) === digits.charCodeAt(17) - 48;
    if (ok || CLABE_WORDS.test(before(text, at))) { onHit('clabe', digits, ok); return true; }
  }
  // Cards run 13 to 16 digits, or 19; an 18-digit number is a CLABE or nothing.
  if (n >= 13 && n <= 19 && n !== 17 && n !== 18 && (bare || /^\d{4}(?:[ -]\d{4}){2,3}(?:[ -]\d{1,3})?$|^\d{4}[ -]\d{6}[ -]\d{5}$/.test(sub))) {
    if (/^(?:4|5[1-5]|2(?:2[2-9]|[3-6]\d|7[01]|720)|3[47]|6)/.test(digits)) {
      const ok = isCard(digits);
      if (ok || !bare || CARD_WORDS.test(before(text, at))) { onHit('card_number', digits, ok); return true; }
    }
  }
  if (n === 11 && !sub.startsWith('+')) {
    const dashed = /^\d{2}-\d{2}-\d{2}-\d{4}-\d$/.test(sub);
    if ((bare || dashed) && (dashed || NSS_WORDS.test(before(text, at)))) { onHit('nss', digits, luhn(digits)); return true; }
  }
  if (n >= 10 && n <= 13) {
    const p = phoneOf(sub, digits);
    if (p && (p.formatted || PHONE_WORDS.test(before(text, at)))) { onHit('phone', p.national, true); return true; }
  }
  return false;
}

const EMAIL_LOCAL = /[A-Za-z0-9._%+\-']/;
const EMAIL_DOMAIN = /[A-Za-z0-9.\-]/;
const FIRST_GROUP = /^[+(]*\d+/;

/** Candidates of a digit chain at [start, end) of `w` (a window of the text): IDs, numbers, postal codes. */
function chainIn(w: string, start: number, end: number, pure: number, onHit: OnHit): void {
  if (pure >= 6) {
    ID.lastIndex = Math.max(0, start - 8);
    const m = ID.exec(w);
    if (m && m.index <= start && !isAlnum(w[m.index - 1]) && !isAlnum(w[m.index + m[0].length]) && idToken(m[0], onHit)) return;
  }
  DIGITS.lastIndex = Math.max(0, start - 3);
  for (let m = DIGITS.exec(w); m && m.index < end; m = DIGITS.exec(w)) {
    if (isAlnum(w[m.index - 1])) { DIGITS.lastIndex = m.index + (FIRST_GROUP.exec(m[0])?.[0].length ?? 1); continue; }
    // Trailing separators and a lone "(" belong to the sentence, not the number.
    const token = m[0].replace(/[\s\-.(]+$/, '');
    if (isAlnum(w[m.index + token.length])) continue;
    digitRun(w, m.index, token, onHit);
  }
  if (pure >= 5) {
    POSTAL.lastIndex = Math.max(0, start - 20);
    const m = POSTAL.exec(w);
    if (m && m.index <= start && isPostalCode(m[1]!)) onHit('postal_code', m[1]!, true);
  }
}

/** An e-mail address around the "@" at `at` of `w`. */
function emailAt(w: string, at: number, onHit: OnHit): void {
  let a = at;
  while (a > 0 && at - a < 64 && EMAIL_LOCAL.test(w[a - 1]!)) a--;
  let z = at + 1;
  while (z < w.length && z - at < 255 && EMAIL_DOMAIN.test(w[z]!)) z++;
  while (z > at + 1 && (w[z - 1] === '.' || w[z - 1] === '-')) z--;
  while (a < at && (w[a] === '.' || w[a] === "'")) a++;
  const v = w.slice(a, z);
  if (a < at && isEmail(v)) onHit('email', v.toLowerCase(), true);
}

/**
 * A street address whose shape is clear: a street word, a name, a number, then a colonia or a
 * postal code within the same line. Normalised: lower case, single spaces, up to that marker.
 */
const ADDRESS_TAIL = /^[^\n\r]{1,60}?(?:#|No\.?|N[uú\xfa]m\.?|N[°º\xb0\xba])? ?\d{1,5}[A-Z]?\b[^\n\r]{0,50}?\b(?:Col\.|Colonia|COL\.|COLONIA|Fracc\.|Fraccionamiento|FRACC\.|Barrio|Unidad|C\. ?P\.?|CP)\s?:?\s?[A-Za-z0-9\x80-\xff][A-Za-z0-9\x80-\xff]*(?: [A-Z\xc0-\xde][A-Za-z\x80-\xff]+)*/;

/** A Latin-1 view of UTF-8 bytes read back as UTF-8 (so "Juárez" is one value in both encodings). */
function readable(v: string): string {
  if (!/[\x80-\xff]/.test(v)) return v;
  const b = Buffer.from(v, 'latin1');
  return isUtf8(b) ? b.toString('utf8') : v;
}

/** The address whose colonia or postal-code marker is at `marker` of `w`, with its start in `w`. */
function addressAt(w: string, marker: number): { at: number; value: string } | undefined {
  let found: { at: number; value: string } | undefined;
  STREET.lastIndex = 0;
  for (let m = STREET.exec(w); m && m.index < marker; m = STREET.exec(w)) {
    const t = ADDRESS_TAIL.exec(w.slice(m.index, m.index + 200));
    if (t && m.index + t[0].length > marker) { found = { at: m.index, value: readable(t[0]).toLowerCase().replace(/\s+/g, ' ').trim() }; break; }
  }
  return found;
}

/** Byte classes of the digit-chain loop: separators that may stand between the groups of one number. */
const SEP = new Uint8Array(256);
for (const c of ' -.()') SEP[c.charCodeAt(0)] = 1;
const MARKERS = ['Col', 'COL', 'C.P', 'C. P', 'Fracc', 'FRACC'].map((m) => Buffer.from(m));
const AT = 64;
/** Bytes kept before the unscanned part (keywords, the local part of an address, a street). */
const KEEP = 200;
/** Bytes held back at the end of a piece until more comes (a value cut in two). */
const TAIL = 320;

/**
 * Finds identifiers in a byte stream read as Latin-1 (ASCII-compatible charsets, UTF-8
 * included): a loop over the bytes finds chains of digits (every identifier but an e-mail has
 * one), native searches find "@" and colonia markers; only the few windows around them are turned
 * into strings and matched. Pieces may cut a value anywhere: the tail waits for the next piece.
 */
export class TextScanner {
  private carry: Buffer | undefined;
  /** Where the unscanned bytes start in the carry. */
  private start = 0;
  /** Stream offset of the carry's first byte, and where the last address began (no double count). */
  private base = 0;
  private readonly addresses = new Set<number>();

  constructor(private readonly onHit: OnHit) {}

  push(piece: Buffer): void {
    if (piece.length) this.scan(piece, false);
  }

  /** The end of a text: what was held back is scanned; the next text is unrelated. */
  end(): void {
    if (this.carry) this.scan(undefined, true);
    this.carry = undefined;
    this.start = 0;
  }

  private scan(piece: Buffer | undefined, final: boolean): void {
    const buf = !this.carry ? piece! : piece ? Buffer.concat([this.carry, piece]) : this.carry;
    const from = this.start;
    let limit = final ? buf.length : buf.length - TAIL;
    if (limit <= from) { this.carry = buf; return; }
    limit = this.digits(buf, from, limit, final);
    for (let at = buf.indexOf(AT, from); at !== -1 && at < limit; at = buf.indexOf(AT, at + 1)) {
      const ws = Math.max(0, at - 64);
      emailAt(buf.toString('latin1', ws, Math.min(buf.length, at + 256)), at - ws, this.onHit);
    }
    for (const mk of MARKERS) {
      for (let at = buf.indexOf(mk, from); at !== -1 && at < limit; at = buf.indexOf(mk, at + 1)) {
        const ws = Math.max(0, at - 150);
        const a = addressAt(buf.toString('latin1', ws, Math.min(buf.length, at + 80)), at - ws);
        // One address may carry two markers (Col. and C.P.): counted at its street, once.
        const start = a ? this.base + ws + a.at : -1;
        if (a && !this.addresses.has(start)) {
          if (this.addresses.size > 4096) this.addresses.clear();
          this.addresses.add(start);
          this.onHit('address', a.value, true);
        }
      }
    }
    const keep = final ? buf.length : Math.max(0, limit - KEEP);
    this.base += keep;
    this.carry = final ? undefined : buf.subarray(keep);
    this.start = limit - keep;
  }

  /** Digit chains starting in [from, limit); returns the limit, moved back before a chain still open there. */
  private digits(buf: Buffer, from: number, limit: number, final: boolean): number {
    const end = final ? buf.length : Math.min(buf.length, limit + TAIL - 40);
    let chain = -1;
    let last = -10;
    let count = 0;
    let pure = 0;
    let maxPure = 0;
    const close = () => {
      if (count >= 10 || maxPure >= 5) {
        const ws = Math.max(0, chain - 64);
        chainIn(buf.toString('latin1', ws, Math.min(buf.length, last + 1 + 24)), chain - ws, last + 1 - ws, maxPure, this.onHit);
      }
    };
    for (let i = from; i < end; i++) {
      const d = buf[i]! - 48;
      if (d >>> 0 > 9) continue;
      const gap = i - last;
      // A chain longer than any number is closed (a megabyte of digits is not one identifier).
      if (gap === 1 && i - chain < 4096) pure++;
      else if (gap <= 3 && SEP[buf[i - 1]!] && (gap === 2 || SEP[buf[i - 2]!])) pure = 1;
      else {
        if (chain >= 0) close();
        if (i >= limit) return Math.max(limit, last + 1);
        chain = i;
        count = 0;
        pure = 1;
        maxPure = 0;
      }
      count++;
      if (pure > maxPure) maxPure = pure;
      last = i;
    }
    if (chain < 0) return limit;
    // A chain that runs to the end of what is here may go on in the next piece: wait for it.
    if (!final && last >= end - 3) return Math.max(this.start, chain);
    close();
    return final ? buf.length : Math.max(limit, last + 1);
  }
}
