// HTML output, escaped by default: the notify drafts and the HTML report share this one escaper.
// Text from an input file may be hostile (a title `</style><script>...`); every value written
// through `html` is escaped unless it is markup this program built (`Html`).
import { createHash } from 'node:crypto';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/;
const SPECIALS = /[&<>"']/g;

/** Text for an element or a quoted attribute value (the five characters HTML gives meaning to). */
export function escapeHtml(s: string): string {
  return SPECIAL.test(s) ? s.replace(SPECIALS, (c) => ENTITIES[c]!) : s;
}

/** Text whose `code spans` (field paths, commands in messages) are set as <code>, the rest escaped. */
export function codeSpans(s: string): Html {
  return new Html(s.split(CODE_SPAN).map((x, i) => (i % 2 ? `<code>${escapeHtml(x.slice(1, -1))}</code>` : escapeHtml(x))).join(''));
}
export const CODE_SPAN = /(`[^`\n]+`)/;

/** Markup built by this program: `html` inserts it as it is. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Value = Html | string | number | boolean | null | undefined | readonly Value[];

function part(v: Value): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Html) return v.value;
  if (typeof v === 'string') return escapeHtml(v);
  if (typeof v === 'number' || v === true) return String(v);
  let out = '';
  for (const x of v) out += part(x);
  return out;
}

/** A template whose values are escaped (strings), written as they are (Html) or joined (arrays). */
export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += part(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/**
 * A Content-Security-Policy that lets the page load nothing at all and apply only the given
 * stylesheet (by its hash: an injected <style> or style attribute would not apply). No scripts.
 */
export function strictCsp(css: string): string {
  const hash = createHash('sha256').update(css, 'utf8').digest('base64');
  return `default-src 'none'; style-src 'sha256-${hash}'; img-src 'none'; font-src 'none'; base-uri 'none'; form-action 'none'`;
}
