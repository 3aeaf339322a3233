// Drafts → Markdown, plain text or a self-contained HTML page that prints cleanly.
import type { DRAFT_FORMATS } from '../core/vocab.js';
import { md, mdProse } from '../report/markdown.js';
import { codeSpans, escapeHtml as esc } from '../util/html.js';
import { wrap } from '../util/wrap.js';
import type { Block, DraftDocument } from './documents.js';
import type { Letter, Line } from './letter.js';

export type DraftFormat = (typeof DRAFT_FORMATS)[number];
export const EXTENSION: Record<DraftFormat, string> = { markdown: 'md', text: 'txt', html: 'html' };

export interface DraftLabels { banner: string; generated: string; missing: string }

/** The banner, with the one explanation of the † that marks text breach proposed (never repeated per block). */
const bannerOf = (d: DraftDocument, l: DraftLabels) => (d.sections.some((s) => s.blocks.some((b) => b.kind !== 'missing' && b.kind !== 'table' && b.generated)) ? `${l.banner} † ${l.generated}` : l.banner);

function mdBlock(b: Block, l: DraftLabels): string {
  switch (b.kind) {
    case 'p': return `${md(b.text)}${b.generated ? ' †' : ''}`;
    case 'list': return `${b.items.map((i) => `- ${b.checklist ? '[ ] ' : ''}${b.code ? mdProse(i) : md(i)}`).join('\n')}${b.generated ? '\n\n†' : ''}`;
    case 'missing': return `**[${l.missing}: ${md(b.text)}]**`;
    case 'table': return [`| ${b.head.map(md).join(' | ')} |`, `|${b.head.map(() => ' --- ').join('|')}|`, ...b.rows.map((r) => `| ${r.map((c, i) => (i === b.link ? `[${md(c)}](${encodeURI(c)})` : md(c))).join(' | ')} |`)].join('\n');
  }
}

const mdRun = (runs: Line[], l: DraftLabels) => runs.map((x) => (x.missing ? `**[${l.missing}: ${md(x.text)}]**` : md(x.text))).join('');

export function toMarkdown(d: DraftDocument, l: DraftLabels): string {
  const L = d.letter;
  const out = L
    ? [`> **${md(bannerOf(d, l))}**`, '', ...d.meta.map(([k, v]) => `> _${md(k)}: ${md(v)}_`), ...(d.meta.length ? [''] : []), `**${md(L.letterhead)}**`, '',
      ...[mdRun(L.dateline, l), ...(L.reference ? [md(L.reference)] : []), ...(L.subject ? [`**${md(L.subject)}**`] : [])].map((x, k, all) => (k < all.length - 1 ? `${x}  ` : x)), '',
      ...(L.to.length ? [L.to.map((line) => mdRun(line, l)).join('  \n'), ''] : []), `**${md(L.salutation)}**`, '']
    : [`# ${md(d.title)}`, '', `> **${md(bannerOf(d, l))}**`, '', ...d.meta.map(([k, v]) => `- **${md(k)}:** ${md(v)}`), ''];
  for (const s of d.sections) {
    if (s.heading) out.push(`${L ? '###' : '##'} ${md(s.heading)}`, '');
    for (const b of s.blocks) out.push(mdBlock(b, l), '');
  }
  if (L) out.push(...L.closing.flatMap((c) => [md(c), '']), '', '\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_  ', L.signature.map((x) => mdRun([x], l)).join('  \n'));
  return `${out.join('\n').trimEnd()}\n`;
}

function textBlock(b: Block, l: DraftLabels): string[] {
  switch (b.kind) {
    case 'p': return wrap(`${b.text}${b.generated ? ' †' : ''}`, 78, '', '');
    case 'list': return [...b.items.flatMap((i) => wrap(`${b.checklist ? '[ ]' : '-'} ${i}`, 78, '  ')), ...(b.generated ? ['  †'] : [])];
    case 'missing': return wrap(`[[${l.missing}: ${b.text}]]`, 78, '', '');
    case 'table': return b.rows.flatMap((r) => [...wrap(`* ${r[0] ?? ''}`, 78), ...r.slice(1).flatMap((c, i) => wrap(`${b.head[i + 1] ?? ''}: ${c}`, 78, '    ')), '']);
  }
}

const txtRun = (runs: Line[], l: DraftLabels) => runs.map((x) => (x.missing ? `[[${l.missing}: ${x.text}]]` : x.text)).join('');
const right = (s: string) => (s.length >= 78 ? s : `${' '.repeat(78 - s.length)}${s}`);

function letterHead(d: DraftDocument, L: Letter, l: DraftLabels): string[] {
  return [
    ...wrap(`*** ${bannerOf(d, l)} ***`, 78, '', ''), ...d.meta.flatMap(([k, v]) => wrap(`(${k}: ${v})`, 78, '', '')), '',
    L.letterhead.toUpperCase(), '',
    ...[txtRun(L.dateline, l), ...(L.reference ? [L.reference] : []), ...(L.subject ? [L.subject] : [])].flatMap((x) => (x.length > 60 ? wrap(x, 78, '', '') : [right(x)])), '',
    ...L.to.flatMap((line) => wrap(txtRun(line, l), 78, '', '')), ...(L.to.length ? [''] : []),
    L.salutation, '',
  ];
}

export function toText(d: DraftDocument, l: DraftLabels): string {
  const L = d.letter;
  const out = L ? letterHead(d, L, l) : [d.title.toUpperCase(), '='.repeat(Math.min(78, d.title.length)), '', ...wrap(`*** ${bannerOf(d, l)} ***`, 78, '', ''), '', ...d.meta.flatMap(([k, v]) => wrap(`${k}: ${v}`, 78, '  ')), ''];
  for (const s of d.sections) {
    if (s.heading) out.push(s.heading, '-'.repeat(Math.min(78, s.heading.length)));
    for (const b of s.blocks) out.push(...textBlock(b, l), '');
  }
  if (L) out.push(...L.closing.flatMap((c) => [...wrap(c, 78, '', ''), '']), '', '______________________________', ...L.signature.flatMap((x) => wrap(txtRun([x], l), 78, '', '')));
  return `${out.join('\n').trimEnd()}\n`;
}


function htmlBlock(b: Block, l: DraftLabels): string {
  const note = b.kind !== 'missing' && b.kind !== 'table' && b.generated ? '<p class="generated">†</p>' : '';
  switch (b.kind) {
    case 'p': return `<p>${esc(b.text)}${b.generated ? ' <span class="generated">†</span>' : ''}</p>`;
    case 'list': return `<ul${b.checklist ? ' class="checklist"' : ''}>${b.items.map((i) => `<li>${b.checklist ? '<span class="box">☐</span> ' : ''}${b.code ? codeSpans(i).value : esc(i)}</li>`).join('')}</ul>${note}`;
    case 'missing': return `<p class="missing"><mark>[${esc(l.missing)}: ${esc(b.text)}]</mark></p>`;
    case 'table': return `<table><thead><tr>${b.head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${b.rows.map((r) => `<tr>${r.map((c, i) => `<td>${i === b.link ? `<a href="${esc(encodeURI(c))}">${esc(c)}</a>` : esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  }
}

const CSS = `body{font-family:Georgia,'Times New Roman',serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#111}
h1{font-size:1.5rem;border-bottom:2px solid #333;padding-bottom:.3rem}h2{font-size:1.1rem;margin-top:1.6rem}
.banner{border:2px dashed #b00;color:#b00;padding:.5rem .8rem;font-weight:bold}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dl.meta dt{font-weight:bold}dl.meta dd{margin:0}
mark{background:#ffe08a;padding:0 .2rem}.generated{font-style:italic;color:#555;font-size:.9rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #999;padding:.3rem;vertical-align:top;text-align:left}
ul.checklist{list-style:none;padding-left:.5rem}
.letterhead{font-weight:bold;font-size:1.15rem;border-bottom:1px solid #333;padding-bottom:.3rem;margin-bottom:1rem}.dateline{text-align:right}.dateline p{margin:.1rem 0}.subject{font-weight:bold}
.to{font-weight:bold;margin-top:1.5rem}.salutation{font-weight:bold;margin-bottom:1.2rem}.closing{margin-top:1.2rem}.signature{margin-top:4rem;border-top:1px solid #333;display:inline-block;min-width:18rem;padding-top:.3rem}.note{font-size:.9rem;color:#555;font-style:italic}
section p{text-align:justify}
@media print{body{margin:0;max-width:none}.banner{border-color:#000;color:#000}mark{background:none;border:1px solid #000}h2{break-after:avoid}table,tr,.sign-off{break-inside:avoid}}`;

const htmlRun = (runs: Line[], l: DraftLabels) => runs.map((x) => (x.missing ? `<mark>[${esc(l.missing)}: ${esc(x.text)}]</mark>` : esc(x.text))).join('');

export function toHtml(d: DraftDocument, l: DraftLabels, lang: 'es' | 'en'): string {
  const L = d.letter;
  const sections = d.sections.map((s) => `<section data-item="${esc(s.code)}">${s.heading ? `<h2>${esc(s.heading)}</h2>` : ''}${s.blocks.map((b) => htmlBlock(b, l)).join('')}</section>`);
  const body = (L
    ? [
      `<p class="banner">${esc(bannerOf(d, l))}</p>`,
      ...d.meta.map(([k, v]) => `<p class="note"><strong>${esc(k)}:</strong> ${esc(v)}</p>`),
      `<header class="letterhead">${esc(L.letterhead)}</header>`,
      `<div class="dateline"><p>${htmlRun(L.dateline, l)}</p>${L.reference ? `<p>${esc(L.reference)}</p>` : ''}${L.subject ? `<p class="subject">${esc(L.subject)}</p>` : ''}</div>`,
      ...(L.to.length ? [`<p class="to">${L.to.map((line) => htmlRun(line, l)).join('<br>')}</p>`] : []),
      `<p class="salutation">${esc(L.salutation)}</p>`,
      ...sections.slice(0, -1),
      // The last section, the closing and the signature print on one page: a signature alone on the last page signs nothing.
      `<div class="sign-off">${sections.at(-1) ?? ''}${L.closing.map((c) => `<p class="closing">${esc(c)}</p>`).join('')}<p class="signature">${L.signature.map((x) => htmlRun([x], l)).join('<br>')}</p></div>`,
    ]
    : [
      `<h1>${esc(d.title)}</h1>`,
      `<p class="banner">${esc(bannerOf(d, l))}</p>`,
      `<dl class="meta">${d.meta.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`,
      ...sections,
    ]).join('\n');
  return `<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">\n<title>${esc(d.title)}</title>\n<style>${CSS}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

export function renderDraft(d: DraftDocument, format: DraftFormat, l: DraftLabels, lang: 'es' | 'en'): string {
  return format === 'html' ? toHtml(d, l, lang) : format === 'text' ? toText(d, l) : toMarkdown(d, l);
}
