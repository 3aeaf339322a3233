// Personal names as Mexican records write them: given names and surnames in their own columns
// (JUAN · SÁNCHEZ · MARÍA; MARÍA DE LOURDES; DE LA CRUZ; MA. GUADALUPE), upper or mixed case,
// accents, Ñ and Ü. Shape decides first; data/names-mx.yaml lists common names and words that
// never occur in names (places, products, job titles, statuses) as supporting evidence.
import raw from '../../data/names-mx.yaml';

interface NameData { given: string[]; surnames: string[]; particles: string[]; non_name: string[] }
const DATA = raw as NameData;

/** Uppercase, accents stripped (Ñ kept as N), periods dropped: the form the lists are written in. */
export function fold(word: string): string {
  if (/^[A-Za-z]+$/.test(word)) return word.toUpperCase();
  return foldLatin(word) ?? foldAny(word);
}

function foldAny(word: string): string {
  return word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase().replace(/\./g, '');
}

/**
 * foldAny() of each Latin-1 letter that folds to one ASCII letter (Á → A, ñ → N, ü → U), by its
 * code: 0 for the others. A word of ASCII letters, periods and such letters folds character by
 * character (each decomposes into its base and one combining mark, so the whole needs no
 * reordering); the normalisation cost 10 % of a --full scan of a Latin-1 export (issue 14).
 */
const LATIN_FOLD = new Uint8Array(256);
for (let c = 0xc0; c <= 0xff; c++) {
  const f = foldAny(String.fromCharCode(c));
  if (f.length === 1 && f >= 'A' && f <= 'Z') LATIN_FOLD[c] = f.charCodeAt(0);
}

/** fold() of a word of ASCII letters, periods and LATIN_FOLD letters, undefined for any other word. */
function foldLatin(word: string): string | undefined {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    let c = word.charCodeAt(i);
    if (c === 46) continue;
    if (c >= 97 && c <= 122) c -= 32;
    else if (c >= 0xc0 && c <= 0xff && LATIN_FOLD[c]) c = LATIN_FOLD[c]!;
    else if (c < 65 || c > 90) return undefined;
    out += String.fromCharCode(c);
  }
  return out;
}

const words = (list: string[]) => list.flatMap((e) => e.split(/\s+/)).map(fold);
const PARTICLES = new Set(words(DATA.particles));
const GIVEN = new Set(words(DATA.given).filter((w) => !PARTICLES.has(w)));
const SURNAMES = new Set(words(DATA.surnames).filter((w) => !PARTICLES.has(w)));
/** Non-name words, minus any that are also names (LEÓN, VILLA, VALLE are surnames too). */
const NON_NAME = new Set(words(DATA.non_name).filter((w) => !GIVEN.has(w) && !SURNAMES.has(w)));

/** The folded word lists, read-only: byte-tests.ts builds its byte-keyed table from exactly these. */
export function nameLists(): { particles: ReadonlySet<string>; given: ReadonlySet<string>; surnames: ReadonlySet<string>; nonName: ReadonlySet<string> } {
  return { particles: PARTICLES, given: GIVEN, surnames: SURNAMES, nonName: NON_NAME };
}

const LETTER = 'A-Za-zÁÉÍÓÚÜÑáéíóúüñÀÈÌÒÙàèìòùÄËÏÖäëïö';
/** One name word: letters, inner apostrophes or hyphens (O'FARRILL, PÉREZ-GIL), or an initial / MA. abbreviation. */
const WORD = new RegExp(`^(?:[${LETTER}]+(?:['’-][${LETTER}]+)*|[${LETTER}]{1,3}\\.)$`);

/**
 * The folded words of a value, particles left out (MARÍA DE LOURDES → MARIA, LOURDES), when the
 * value has a name's shape: letters only, one to six words, none of them a word names never hold,
 * not only particles. Undefined otherwise.
 */
function nameWords(v: string): string[] | undefined {
  // The name tests run one after another on the same value: analyse it once.
  if (v === lastValue) return lastWords;
  lastValue = v;
  return (lastWords = analyse(v));
}
let lastValue: string | undefined;
let lastWords: string[] | undefined;

/** Words of ASCII letters one space apart: each is a WORD and folds to its upper case. */
const ASCII_WORDS = /^[A-Za-z]+(?: [A-Za-z]+)*$/;

function analyse(v: string): string[] | undefined {
  const s = v.trim();
  if (s.length < 2 || s.length > 60) return undefined;
  // The common case (--full analyses every row's names): one upper-casing and one split, no per-word pattern.
  if (ASCII_WORDS.test(s)) return coreWords(s.toUpperCase().split(' '));
  const parts = s.split(/\s+/);
  if (parts.length > 6 || !parts.every((w) => WORD.test(w))) return undefined;
  return coreWords(parts.map(fold));
}

/** The words of a name's shape, folded: particles left out, undefined for a word names never hold. */
function coreWords(folded: string[]): string[] | undefined {
  if (folded.length > 6) return undefined;
  const core: string[] = [];
  for (const f of folded) {
    if (PARTICLES.has(f)) continue;
    if (NON_NAME.has(f)) return undefined;
    core.push(f);
  }
  return core.length ? core : undefined;
}

/**
 * A given name or a surname as written in its own column: one to six words (particles allowed:
 * DE LA CRUZ, MARÍA DE LOS ÁNGELES), letters only, none of them a word names never hold (upper,
 * title or lower case: the header or common names must back a column of them).
 * "TORNILLO 3/8 GALV", "sin observaciones", "COL. DEL VALLE CENTRO" fail.
 */
export function isNamePart(v: string): boolean {
  return nameWords(v) !== undefined;
}

/** A name part with at least one word in the lists of common Mexican given names or surnames. */
export function isKnownName(v: string): boolean {
  return !!nameWords(v)?.some((f) => GIVEN.has(f) || SURNAMES.has(f));
}

/** A name part whose first word is a common given name (JUAN, MA., GUADALUPE). */
export function isKnownGiven(v: string): boolean {
  const first = nameWords(v)?.[0];
  return first !== undefined && GIVEN.has(first);
}

/** A name part whose first word (after particles: DE LA CRUZ) is a common surname. */
export function isKnownSurname(v: string): boolean {
  const first = nameWords(v)?.[0];
  return first !== undefined && SURNAMES.has(first);
}
