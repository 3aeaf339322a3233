// Masked samples: enough shape to recognise a column, never a value that could be looked up.
import { cleanText } from '../util/sanitize.js';

/**
 * Characters of a value a mask may show in a row (issue 13): a run of six would let a reader
 * search the file, or the web, for the value.
 */
export const MAX_KEPT_RUN = 5;

/** GODE561231GR8 → GODE******GR8; short values keep only their first character. */
export function mask(raw: string, field: string | null): string {
  const s = raw.trim().slice(0, 64);
  if (!s) return '';
  if (field === 'email') {
    const at = s.indexOf('@');
    const dot = s.lastIndexOf('.');
    // A domain's last label is shown when short (.com, .mx), like a kept run.
    if (at > 0 && dot > at) return `${s[0]}***@***${s.length - dot <= 4 ? s.slice(dot) : '.***'}`;
  }
  if (field === 'full_name' || field === 'given_name' || field === 'surname') {
    return s.split(/\s+/).map((w) => `${w[0]}***`).join(' ');
  }
  // The street type (Av, Calle, Priv) at most, bounded by characters: a value without spaces
  // (Priv.Nogal1_Int4_ColRoma_CDMX) is one 'word' (issue 13).
  if (field === 'address') {
    const word = [...(s.split(/\s+/)[0] ?? '')];
    const kept = word.slice(0, MAX_KEPT_RUN - 1).join('');
    return `${kept}${kept.length < word.length ? '*' : ''} *** ***`;
  }
  // At least half of every value stays hidden: 4+3 visible from 13 characters on (GODE******GR8),
  // 2+2 for 10 to 12 (phones, NSS), the first character only below that.
  const chars = [...s];
  const [head, tail] = chars.length >= 13 ? [4, 3] : chars.length >= 10 ? [2, 2] : chars.length >= 2 ? [1, 0] : [0, 0];
  const sep = (c: string) => /[\s\-./:]/.test(c);
  // Separators stay (they show the shape), but never lengthen a shown run past MAX_KEPT_RUN.
  let run = 0;
  return chars.map((c, i) => {
    const shown = i < head || i >= chars.length - tail || sep(c);
    run = shown ? run + 1 : 0;
    if (run > MAX_KEPT_RUN) { run = 0; return '*'; }
    return shown ? c : '*';
  }).join('') || '*';
}

/**
 * Masked examples on one line, set apart by a sign no value holds: joined by a space, one's kept
 * end and the next one's kept start ('…pez' 'Marí…') read as six characters of a third value
 * ('Pérez Martínez').
 */
export function joinExamples(examples: string[]): string {
  return examples.join(' · ');
}

/** Up to `n` distinct masked examples of a column's values. */
export function maskedExamples(values: Iterable<string>, field: string | null, n = 3): string[] {
  const out: string[] = [];
  for (const v of values) {
    if (out.length >= n) break;
    const m = mask(cleanText(v), field);
    if (m && !out.includes(m)) out.push(m);
  }
  return out;
}
