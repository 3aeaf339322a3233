// Text from input files may come from attackers: strip what a terminal or spreadsheet would act on.
const ESCAPES = /\x1b(?:\[[0-?]*[ -/]*[@-~]?|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[PX^_][^\x1b]*(?:\x1b\\)?|[@-Z\\-_]?)|\x9b[0-?]*[ -/]*[@-~]?|\x9d[^\x07\x9c]*(?:\x07|\x9c)?/g;
// Zero-width characters too (U+200B-U+200D, U+2060, U+FEFF): invisible, they hide a formula or a spoofed name.
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

/** Removes terminal escape sequences, control characters and bidi overrides; newlines become spaces unless kept. */
const UNSAFE = /[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;

export function cleanText(s: string, keepNewlines = false): string {
  if (!UNSAFE.test(s)) return s;
  let out = s.replace(ESCAPES, '').replace(/\r\n?/g, '\n');
  out = keepNewlines ? out.replace(/\t/g, ' ') : out.replace(/[\n\t]+/g, ' ');
  return out.replace(CONTROLS, '');
}

const FORMULA = /^[\s\u200b-\u200d\u2060\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;
const NEEDS_QUOTES = /[",\n\r;]|^\s|\s$/;

/** A CSV cell that a spreadsheet will not evaluate: formulas are prefixed with an apostrophe. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  let s = cleanText(value);
  if (FORMULA.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** What an output holds: plain text (reports, messages), coloured terminal text, or JSON. */
export type OutputKind = 'text' | 'color' | 'json';

// Text: what remains after cleanText's escapes, keeping the layout characters of a document: tab,
// newline, CRLF (iCalendar, CSV) and a form feed alone on its line (a page break between drafts).
const TEXT_UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;
const TEXT_CONTROLS = /[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]|\r(?!\n)|(?<!\n)\f|\f(?!\n)/g;
/** The colours breach itself writes (chalk, cli-table3): Select Graphic Rendition, nothing else. */
const SGR = /(\x1b\[[0-9;]*m)/;
// JSON: JSON.stringify escapes C0 but leaves DEL, C1, bidi controls, zero-width characters and the
// line separators raw; inside a string they are written as \u escapes (the data is kept).
const JSON_UNSAFE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;
const JSON_UNSAFE_ALL = new RegExp(JSON_UNSAFE.source, 'g');

function cleanBlock(s: string): string {
  return s.replace(ESCAPES, '').replace(TEXT_CONTROLS, '');
}

/**
 * The output boundary: a whole chunk of a document, cleaned for the person who reads it. Text
 * keeps its lines, tabs, CRLF and page breaks and loses every escape and control; coloured text
 * keeps breach's own colour codes too (the data in it was cleaned before, see cleanDeep); JSON
 * keeps the data and escapes what a terminal or an editor would act on.
 */
export function cleanOutput(s: string, kind: OutputKind): string {
  if (kind === 'json') return JSON_UNSAFE.test(s) ? s.replace(JSON_UNSAFE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : s;
  if (!TEXT_UNSAFE.test(s)) return s;
  if (kind === 'text') return cleanBlock(s);
  return s.split(SGR).map((part, i) => (i % 2 ? part : cleanBlock(part))).join('');
}

/** Every string in a value cleaned (lines kept): the data a coloured report is drawn from. */
export function cleanDeep<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value, true) as T;
  if (Array.isArray(value)) return value.map((v) => cleanDeep(v)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = cleanDeep(v);
    return out as T;
  }
  return value;
}

/** Text shown as "present" must have something visible: escapes, controls and spaces alone are empty. */
export function visibleLength(s: string): number {
  return [...cleanText(s).trim()].length;
}
