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
