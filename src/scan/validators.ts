// Validators for Mexican identifiers and common personal-data values (identifiers.md).
// Written from the published algorithms; they never throw and take raw cell text.
import { isNamePart } from './names.js';

/** Trim, uppercase, drop spaces, '-', '.', '/' (not for e-mails). */
export function normId(v: string): string {
  // Up to ten identifier tests run on the same value one after another (--full): normalise it once.
  if (v === normIn) return normOut;
  normIn = v;
  return (normOut = /^[0-9A-Z]*$/.test(v) ? v : v.trim().toUpperCase().replace(/[\s\-./]/g, ''));
}
let normIn: string | undefined;
let normOut = '';

/** Value of a character in the CURP check-digit alphabet 0-9 A-N Ñ O-Z (its index there), -1 if absent. */
function curpValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 78) return c - 55;
  if (c === 0xd1) return 24;
  if (c >= 79 && c <= 90) return c - 54;
  return -1;
}

/** Two ASCII digits at `i` as a number, -1 when they are not two digits. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

const CURP_RE = /^[A-Z][AEIOUX][A-Z]{2}\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])[HMX](AS|B[CS]|C[CLMHS]|D[FG]|G[TR]|HG|JC|M[CNS]|N[ETL]|OC|PL|Q[TR]|S[PLR]|T[CSL]|VZ|YN|ZS)[B-DF-HJ-NP-TV-Z]{3}[A-Z\d]\d$/;
/** Anexo 2 of the Instructivo: prefixes RENAPO never issues (identifiers.md §1). */
const INCONVENIENT = new Set('BACA BAKA BUEI BUEY CACA CACO CAGA CAGO CAKA CAKO COGE COGI COJA COJE COJI COJO COLA CULO FALO FETO GETA GUEI GUEY JETA JOTO KACA KACO KAGA KAGO KAKA KAKO KOGE KOGI KOJA KOJE KOJI KOJO KOLA KULO LILO LOCA LOCO LOKA LOKO MAME MAMO MEAR MEAS MEON MIAR MION MOCO MOKO MULA MULO NACA NACO PEDA PEDO PENE PIPI PITO POPO PUTA PUTO QULO RATA ROBA ROBE ROBO RUIN SENO TETA VACA VAGA VAGO VAKA VUEI VUEY WUEI WUEY'.split(' '));

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** A real calendar day in century + yy (byte-tests.ts asks too). */
export function realDate(yy: number, mm: number, dd: number, century: number): boolean {
  if (mm < 1 || mm > 12 || dd < 1) return false;
  const y = century + yy;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return dd <= (mm === 2 && leap ? 29 : DAYS[mm - 1]!);
}

export function curpCheckDigit(first17: string): number {
  let sum = 0;
  // curpValue(c) is the alphabet's indexOf(char) without the search; past the end indexOf gave -1 too.
  for (let i = 0; i < 17; i++) sum += (i < first17.length ? curpValue(first17.charCodeAt(i)) : -1) * (18 - i);
  return (10 - (sum % 10)) % 10;
}

/** The birth date a CURP encodes (the 17th character gives the century), or undefined. */
export function curpBirthDate(curp: string): { y: number; m: number; d: number } | undefined {
  // Digits where a valid CURP has them: plain arithmetic, no substrings (--full reads every row's).
  const y2 = twoDigits(curp, 4);
  const m2 = twoDigits(curp, 6);
  const d2 = twoDigits(curp, 8);
  if (y2 >= 0 && m2 >= 0 && d2 >= 0) {
    const c = curp.charCodeAt(16);
    const century = c >= 48 && c <= 57 ? 1900 : 2000;
    return realDate(y2, m2, d2, century) ? { y: century + y2, m: m2, d: d2 } : undefined;
  }
  const yy = Number(curp.slice(4, 6));
  const mm = Number(curp.slice(6, 8));
  const dd = Number(curp.slice(8, 10));
  const century = /\d/.test(curp[16] ?? '') ? 1900 : 2000;
  return realDate(yy, mm, dd, century) ? { y: century + yy, m: mm, d: dd } : undefined;
}

/** CURP shape (18 characters, letters and digits where RENAPO puts them), check digit aside. */
export function curpShape(v: string): boolean {
  return /^[A-ZÑ][A-ZÑ]{3}\d{6}[HMX][A-Z]{5}[A-Z\d]\d$/.test(normId(v));
}

export function isCurp(v: string): boolean {
  const c = normId(v);
  if (c.length !== 18 || !CURP_RE.test(c)) return false;
  if (INCONVENIENT.has(c.slice(0, 4))) return false;
  if (!curpBirthDate(c)) return false;
  return curpCheckDigit(c) === Number(c[17]);
}

const RFC_RE = /^[A-ZÑ&]{3,4}\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])[A-Z\d]{2}[\dA]$/;
const RFC_ALPHABET = '0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ';
const RFC_GENERIC = new Set(['XAXX010101000', 'XEXX010101000']);

export function rfcCheckDigit(rfc: string): string {
  const body = (rfc.length === 12 ? ` ${rfc}` : rfc).slice(0, 12);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += RFC_ALPHABET.indexOf(body[i]!) * (13 - i);
  const r = 11 - (sum % 11);
  return r === 11 ? '0' : r === 10 ? 'A' : String(r);
}

/** RFC shape with a real date; `checked` tells whether the check digit matches (1.5 % of real RFCs fail it). */
export function rfcInfo(v: string): { shape: boolean; checked: boolean; generic: boolean } {
  // isRfc and rfcShape ask about the same value one after the other (--full): answer once.
  if (v === rfcIn) return rfcOut;
  rfcIn = v;
  return (rfcOut = rfcOf(v));
}
let rfcIn: string | undefined;
let rfcOut = { shape: false, checked: false, generic: false };

function rfcOf(v: string): { shape: boolean; checked: boolean; generic: boolean } {
  const r = normId(v);
  if (!(r.length === 12 || r.length === 13) || !RFC_RE.test(r)) return { shape: false, checked: false, generic: false };
  const mm = Number(r.slice(r.length - 7, r.length - 5));
  const dd = Number(r.slice(r.length - 5, r.length - 3));
  const yy = Number(r.slice(r.length - 9, r.length - 7));
  if (!realDate(yy, mm, dd, 2000) && !realDate(yy, mm, dd, 1900)) return { shape: false, checked: false, generic: false };
  return { shape: true, checked: rfcCheckDigit(r) === r[r.length - 1], generic: RFC_GENERIC.has(r) };
}

export function rfcShape(v: string): boolean {
  return rfcInfo(v).shape;
}

export function isRfc(v: string): boolean {
  const i = rfcInfo(v);
  return i.shape && i.checked;
}

/** Luhn over a digit string. */
export function luhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

export const nssShape = (v: string): boolean => /^\d{11}$/.test(normId(v));
export const clabeShape = (v: string): boolean => /^\d{18}$/.test(normId(v));
export const cardShape = (v: string): boolean => /^\d{13,19}$/.test(normId(v));

export function isNss(v: string): boolean {
  const d = normId(v);
  return /^\d{11}$/.test(d) && luhn(d);
}

export function clabeCheckDigit(first17: string): number {
  const w = [3, 7, 1];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ((first17.charCodeAt(i) - 48) * w[i % 3]!) % 10;
  return (10 - (sum % 10)) % 10;
}

export function isClabe(v: string): boolean {
  const d = normId(v);
  return /^\d{18}$/.test(d) && clabeCheckDigit(d) === d.charCodeAt(17) - 48;
}

export function isCard(v: string): boolean {
  const d = normId(v);
  if (!/^\d{13,19}$/.test(d)) return false;
  if (!/^(4|5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720)|3[47]|6)/.test(d)) return false;
  return luhn(d);
}

/** Mexican phone numbers, legacy prefixes (044, 045, 01, +52 1) stripped first. */
export function isPhone(v: string): boolean {
  if (/^[2-9]\d{9}$/.test(v)) return true;
  let d = v.trim().replace(/[\s\-().]/g, '');
  if (!/^\+?\d{10,15}$/.test(d)) return false;
  d = d.replace(/^\+/, '');
  if (d.startsWith('521') && d.length === 13) d = d.slice(3);
  else if (d.startsWith('52') && d.length === 12) d = d.slice(2);
  else if ((d.startsWith('044') || d.startsWith('045')) && d.length === 13) d = d.slice(3);
  else if (d.startsWith('01') && d.length === 12) d = d.slice(2);
  return /^[2-9]\d{9}$/.test(d);
}

const EMAIL_RE = /^[A-Za-z0-9._%+\-']+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}$/;
export function isEmail(v: string): boolean {
  const s = v.trim();
  return s.length <= 254 && EMAIL_RE.test(s) && !s.includes('..');
}

/** Five digits; 01-16 CDMX, 20-99 states; 00, 17, 18, 19 unused (identifiers.md §6). */
export function isPostalCode(v: string): boolean {
  const s = v.trim();
  if (!/^\d{5}$/.test(s)) return false;
  const p = Number(s.slice(0, 2));
  return p >= 1 && p <= 99 && !(p >= 17 && p <= 19);
}

/** A calendar date: YYYY-MM-DD, DD/MM/YYYY or DD-MM-YYYY (years 1900-2099). */
export function parseDate(v: string): { y: number; m: number; d: number } | undefined {
  const s = v.trim();
  let m = /^(19\d{2}|20\d{2})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$/.exec(s);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2})[/-](\d{1,2})[/-](19\d{2}|20\d{2})$/.exec(s))) [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else return undefined;
  return realDate(y % 100, mo, d, y - (y % 100)) ? { y, m: mo, d } : undefined;
}

export function isDate(v: string): boolean {
  return parseDate(v) !== undefined;
}

/** A money amount: optional $ or MXN, thousands separators, two decimals at most. */
export function isMoney(v: string): boolean {
  const s = v.trim().replace(/^(\$|MXN)\s?/i, '').replace(/\s?(MXN|M\.N\.)$/i, '');
  return /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/.test(s) && s.length <= 15;
}

const PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'y', 'e', 'da', 'van', 'von']);
/** A personal name: two to six capitalised words of letters (particles such as "de la" allowed). */
const NAME_SHAPE = /^[A-Za-zÁÉÍÓÚÜÑáéíóúüñ][A-Za-zÁÉÍÓÚÜÑáéíóúüñ'.-]*(?:\s+[A-Za-zÁÉÍÓÚÜÑáéíóúüñ][A-Za-zÁÉÍÓÚÜÑáéíóúüñ'.-]*){1,5}$/;
const CAPITAL = /^[A-ZÁÉÍÓÚÜÑ]/;
/** The common case of NAME_SHAPE: two to six words of ASCII letters, one space apart. */
const ASCII_NAME = /^[A-Za-z]+(?: [A-Za-z]+){1,5}$/;
export function isName(v: string): boolean {
  const s = v.trim();
  if (s.length < 5 || s.length > 80) return false;
  // Plain ASCII names split on single spaces, without the accented pattern and the \s+ split (--full tests every row's).
  const plain = ASCII_NAME.test(s);
  if (!plain && !NAME_SHAPE.test(s)) return false;
  const capitalised = plain ? capitalisedAscii(s) : capitalisedWords(s.split(/\s+/));
  // No word that names never hold (COL., LOMAS, AUXILIAR...): the name-part analysis decides it.
  return capitalised >= 2 && isNamePart(s);
}

/** Capitalised words, -1 when a word is neither capitalised nor a particle. */
function capitalisedWords(words: string[]): number {
  let n = 0;
  for (const w of words) {
    if (CAPITAL.test(w)) n++;
    else if (!PARTICLES.has(w.toLowerCase())) return -1;
  }
  return n;
}

/** capitalisedWords() of ASCII words one space apart, read in place (no split, no pattern per word). */
function capitalisedAscii(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; ) {
    let end = s.indexOf(' ', i);
    if (end === -1) end = s.length;
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) n++;
    else if (!PARTICLES.has(s.slice(i, end).toLowerCase())) return -1;
    i = end + 1;
  }
  return n;
}

const STREET = /\b(CALLE|C\.|AV\.?|AVENIDA|BLVD|BOULEVARD|CALZ|CALZADA|COL\.?|COLONIA|PRIV|PRIVADA|CERRADA|ANDADOR|CARRETERA|KM|MZ|MANZANA|LT|LOTE|NUM|NO\.|#|INT|EXT|FRACC|UNIDAD|EDIF)\b/i;
export function isAddress(v: string): boolean {
  const s = v.trim();
  return s.length >= 8 && s.length <= 200 && /\d/.test(s) && /[A-Za-zÁÉÍÓÚÑáéíóúñ]{3,}/.test(s) && (STREET.test(s) || s.includes('#'));
}

export function isVoterKey(v: string): boolean {
  return /^[A-Z]{6}\d{6}(0[1-9]|[12]\d|3[0-2])[HMX]\d{3}$/.test(normId(v));
}

export function isSex(v: string): boolean {
  return /^(H|M|F|X|HOMBRE|MUJER|MASCULINO|FEMENINO|MALE|FEMALE|NO BINARIO)$/i.test(v.trim());
}

export function isIp(v: string): boolean {
  const s = v.trim();
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (m) return m.slice(1).every((x) => Number(x) <= 255);
  return /^[0-9a-f:]{3,39}$/i.test(s) && s.includes('::') || /^([0-9a-f]{1,4}:){7}[0-9a-f]{1,4}$/i.test(s);
}
