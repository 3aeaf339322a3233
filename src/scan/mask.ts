// Masked samples: enough shape to recognise a column, never a value that could be looked up.
import { cleanText } from '../util/sanitize.js';

/** GODE561231GR8 → GODE******GR8; short values keep only their first character. */
export function mask(raw: string, field: string | null): string {
  const s = raw.trim().slice(0, 64);
  if (!s) return '';
  if (field === 'email') {
    const at = s.indexOf('@');
    const dot = s.lastIndexOf('.');
    if (at > 0 && dot > at) return `${s[0]}***@***${s.slice(dot)}`;
  }
  if (field === 'full_name' || field === 'given_name' || field === 'surname') {
    return s.split(/\s+/).map((w) => `${w[0]}***`).join(' ');
  }
  if (field === 'address') return `${s.split(/\s+/)[0]} *** ***`;
  // At least half of every value stays hidden: 4+3 visible from 13 characters on (GODE******GR8),
  // 2+2 for 10 to 12 (phones, NSS), the first character only below that.
  const chars = [...s];
  const [head, tail] = chars.length >= 13 ? [4, 3] : chars.length >= 10 ? [2, 2] : chars.length >= 2 ? [1, 0] : [0, 0];
  const hide = (c: string) => (/[\s\-./:]/.test(c) ? c : '*');
  return chars.map((c, i) => (i < head || i >= chars.length - tail ? c : hide(c))).join('') || '*';
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
