// The free-text totals as a person reads them (terminal table, Markdown) and as datasets of a
// breach/v1 description: one dataset per type family, records = distinct values.
import Table from 'cli-table3';
import type { Lang } from '../../i18n/index.js';
import { cleanText } from '../../util/sanitize.js';
import { joinExamples } from '../mask.js';
import type { TextType } from './find.js';
import { textText } from './messages.js';
import { FAMILIES, type TextSummary, type TextTypeTotal } from './summary.js';

const num = (x: number, lang: Lang) => x.toLocaleString(lang === 'es' ? 'es-MX' : 'en-US');
const typeName = (t: TextType, lang: Lang) => textText(lang, `type.${t}`);

function distinctCell(t: TextTypeTotal, lang: Lang): string {
  return `${t.distinctMethod === 'hyperloglog' ? '≈' : ''}${num(t.distinct, lang)}`;
}

/** The lines above and below the table: files, mail parts, skipped attachments, minors. */
function aroundLines(s: TextSummary, lang: Lang, today: string): { head: string[]; tail: string[] } {
  const formats = Object.entries(s.formats).map(([f, n]) => `${num(n, lang)} ${textText(lang, `format.${f as 'mail'}`)}`).join(', ');
  const head = [textText(lang, 'title', { files: num(s.files, lang), mib: (s.bytes / 1048576).toFixed(1) }), `  ${textText(lang, 'files', { files: num(s.files, lang), formats })}`];
  if (s.mail) {
    const m = s.mail;
    head.push(textText(lang, 'mail', { messages: num(m.messages, lang), attached: num(m.attachedMessages, lang), text: num(m.textParts, lang), html: num(m.htmlParts, lang), attachments: num(m.textAttachments, lang) }));
    head.push(textText(lang, 'skipped', { binary: num(m.binarySkipped, lang) }));
    if (m.archivesSkipped) head.push(textText(lang, 'archives', { archives: num(m.archivesSkipped, lang) }));
  }
  if (s.encodings.length) head.push(textText(lang, 'encodings', { encodings: s.encodings.map((e) => cleanText(e)).join(', ') }));
  const tail: string[] = [];
  if (!s.types.length) tail.push(textText(lang, 'none'));
  if (s.minors) tail.push(textText(lang, 'minors', { share: (s.minors.share * 100).toFixed(2), curps: num(s.minors.curps, lang), minors: num(s.minors.minors, lang), today }));
  for (const t of s.types) {
    const more = t.files - t.fileList.length;
    tail.push(textText(lang, 'held', { type: typeName(t.type, lang), files: `${t.fileList.map((f) => cleanText(f)).join(', ')}${more > 0 ? `, ${textText(lang, 'more', { count: num(more, lang) })}` : ''}` }));
  }
  if (s.types.some((t) => t.distinctMethod === 'hyperloglog')) tail.push(`  ${textText(lang, 'method.hll')}`);
  return { head, tail };
}

export function renderTextTable(s: TextSummary, lang: Lang, today: string): string {
  const { head, tail } = aroundLines(s, lang, today);
  const lines = [...head];
  if (s.types.length) {
    const table = new Table({
      head: [textText(lang, 'col.type'), textText(lang, 'col.occurrences'), textText(lang, 'col.distinct'), textText(lang, 'col.failed'), textText(lang, 'col.files'), textText(lang, 'col.examples')],
      colWidths: [18, 10, 11, 12, 10, 30], wordWrap: true, style: { head: [], border: [] },
    });
    for (const t of s.types) table.push([typeName(t.type, lang), num(t.occurrences, lang), distinctCell(t, lang), t.failedCheck === undefined ? '-' : num(t.failedCheck, lang), num(t.files, lang), joinExamples(t.examples.map((e) => cleanText(e)))]);
    lines.push(table.toString());
  }
  return `${[...lines, ...tail].join('\n')}\n`;
}

const mdCell = (x: string) => cleanText(x).replace(/\|/g, '\\|');

export function renderTextMarkdown(s: TextSummary, lang: Lang, today: string): string {
  const { head, tail } = aroundLines(s, lang, today);
  const out = [`## ${mdCell(head[0]!)}`, '', ...head.slice(1).map((l) => `- ${mdCell(l.trim())}`), ''];
  if (s.types.length) {
    out.push(`| ${[textText(lang, 'col.type'), textText(lang, 'col.occurrences'), textText(lang, 'col.distinct'), textText(lang, 'col.failed'), textText(lang, 'col.files'), textText(lang, 'col.examples')].join(' | ')} |`);
    out.push('|---|---:|---:|---:|---:|---|');
    for (const t of s.types) out.push(`| ${typeName(t.type, lang)} | ${num(t.occurrences, lang)} | ${distinctCell(t, lang)} | ${t.failedCheck === undefined ? '-' : num(t.failedCheck, lang)} | ${num(t.files, lang)} | ${t.examples.map((e) => `\`${mdCell(e).replace(/`/g, "'")}\``).join(' ')} |`);
    out.push('');
  }
  out.push(...tail.map((l) => `- ${mdCell(l.trim())}`));
  return `${out.join('\n')}\n`;
}

export interface TextDataset {
  name: string;
  records: number;
  fields: string[];
  notes: string;
}

/**
 * One dataset per type family (identity, contact, financial). Its records are the distinct values
 * of the family's most frequent type (the people it is about, at least), and its notes say how
 * each type was counted.
 */
export function textDatasets(s: TextSummary, lang: Lang, today: string): { datasets: TextDataset[]; minors: boolean } {
  const datasets: TextDataset[] = [];
  for (const [family, members] of Object.entries(FAMILIES) as [keyof typeof FAMILIES, TextType[]][]) {
    const found = s.types.filter((t) => members.includes(t.type) && t.occurrences > 0);
    if (!found.length) continue;
    const notes = found.map((t) => textText(lang, 'describe.note', {
      today, type: typeName(t.type, lang), files: t.files, occurrences: t.occurrences, distinct: t.distinct,
      method: textText(lang, t.distinctMethod === 'exact' ? 'method.exact' : 'method.hll'),
      failed: t.failedCheck ? `; ${t.failedCheck} ${textText(lang, 'col.failed')}` : '',
    }));
    datasets.push({
      name: textText(lang, `family.${family}`),
      records: Math.max(...found.map((t) => t.distinct)),
      fields: found.map((t) => t.type),
      notes: [...notes, textText(lang, 'describe.left')].join('; '),
    });
  }
  return { datasets, minors: (s.minors?.minors ?? 0) > 0 };
}
