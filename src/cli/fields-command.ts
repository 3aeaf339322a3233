import Table from 'cli-table3';
import { FIELDS, type FieldType, suggestFields } from '../fields/catalogue.js';
import { searchFields } from '../fields/search.js';
import type { Lang, Translator } from '../i18n/index.js';
import { WEIGHTS } from '../severity/weights.js';
import { cleanText } from '../util/sanitize.js';
import { wrap } from '../util/wrap.js';
import { useColor } from './color.js';
import { EXIT } from './errors.js';
import { langOf, out } from './shared.js';

export interface FieldsOptions { json?: boolean; wide?: boolean; lang?: Lang; color?: boolean }

/** Table width when stdout is not a terminal (a pipe, a file) and COLUMNS is not set. */
const DEFAULT_WIDTH = 100;

export function terminalWidth(): number {
  const env = Number(process.env.COLUMNS);
  return process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : Number.isInteger(env) && env >= 20 ? env : DEFAULT_WIDTH;
}

const flagsOf = (f: FieldType) => [f.patrimonial && 'P', f.moral && 'M', f.sensitive?.length && 'S', f.possibly_sensitive === true && 'S?', f.official_id && 'ID'].filter(Boolean).join(' ');

/** Aliases in the reader's language first; `first` (the alias a search matched) leads. */
function aliasesOf(f: FieldType, lang: Lang, wide: boolean, first?: string): string[] {
  const all = [...new Set([...(first && first !== f.id && first !== f.label[lang] ? [first] : []), ...(lang === 'es' ? [...f.aliases.es, ...f.aliases.en] : [...f.aliases.en, ...f.aliases.es])])];
  return wide ? all : [...all.slice(0, first ? 1 : 0), ...all.slice(first ? 1 : 0).filter((a) => a.length <= 20).slice(0, first ? 2 : 3)];
}

export function runFields(query: string | undefined, opts: FieldsOptions): number {
  const { lang, t } = langOf(opts);
  const matches = query === undefined ? FIELDS.map((field) => ({ field, matched: undefined as string | undefined })) : searchFields(query);
  if (opts.json) {
    out(`${JSON.stringify({ schemaVersion: 1, ...(query !== undefined && { query }), fields: matches.map((m) => m.field) }, null, 2)}\n`);
    return EXIT.ok;
  }
  if (!matches.length) {
    const shown = cleanText(query ?? '').slice(0, 60);
    const near = suggestFields(shown);
    process.stderr.write(`${t('ui.fields.none', { query: shown, suggestion: near.length ? t('ui.fields.near', { ids: near.join(', ') }) : '' })}\n`);
    return EXIT.ok;
  }
  const color = useColor(opts, process.env, !!process.stdout.isTTY);
  const width = terminalWidth();
  out(`${fieldsTable(matches, { lang, t, color, wide: !!opts.wide, width })}\n${wrap(t('ui.fields.legend'), width, '', '').join('\n')}\n`);
  return EXIT.ok;
}

/**
 * The catalogue as a table that fits `width`: the id, DPC, EI and flags columns are as wide as
 * their widest value (never cut); the label and aliases share the rest and wrap at word breaks.
 */
export function fieldsTable(rows: { field: FieldType; matched?: string }[], o: { lang: Lang; t: Translator; color: boolean; wide: boolean; width: number }): string {
  const { lang, t } = o;
  const cells = rows.map(({ field: f, matched }) => [
    f.id,
    `${f.label[lang]} (${t(`category.${f.category}`)})`,
    String(f.dpc ?? WEIGHTS.dpc.category_base[f.category]),
    String(f.ei ?? '-'),
    flagsOf(f),
    aliasesOf(f, lang, o.wide, matched).join(', '),
  ]);
  const head = ['id', t('ui.field'), 'DPC', 'EI', t('ui.flags'), t('ui.aliases')];
  const fit = (i: number) => Math.max(head[i]!.length, ...cells.map((c) => c[i]!.length)) + 2;
  const fixed = [fit(0), fit(2), fit(3), fit(4)];
  const borders = head.length + 1;
  const rest = Math.max(28, o.width - borders - fixed.reduce((a, b) => a + b, 0));
  let label = Math.max(14, Math.min(fit(1), Math.floor(rest * 0.4)));
  let aliases = Math.max(14, rest - label);
  // Room for the longest alias and its comma, taken from the label while the label keeps 12.
  const longest = Math.max(...cells.map((c) => Math.max(0, ...c[5]!.split(' ').map((w) => w.length)))) + 2;
  if (aliases < longest) {
    const give = Math.min(longest - aliases, label - 12);
    if (give > 0) { label -= give; aliases += give; }
  }
  const widths = [fixed[0]!, label, fixed[1]!, fixed[2]!, fixed[3]!, aliases];
  const table = new Table({ head, colWidths: widths, style: { head: o.color ? ['cyan'] : [], border: o.color ? ['grey'] : [] } });
  for (const c of cells) table.push(c.map((text, i) => wrapCell(text, widths[i]! - 2)));
  return table.toString();
}

/** Wraps at spaces; a word longer than the column is split, never cut short. */
export function wrapCell(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = '';
    }
    while (word.length > width) {
      if (line) { lines.push(line); line = ''; }
      lines.push(word.slice(0, width));
      word = word.slice(width);
    }
    line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
