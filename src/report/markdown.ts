// --format markdown: a report a consultant can paste into a client document.
import type { Assessment } from '../core/assessment.js';
import type { Block } from './overview.js';
import { portfolio } from './portfolio.js';
import { basisText, caveatTexts, controllerText, deadlineText, fmtNumber, levelText, reasonTexts, recipientText, type ReportContext, userText } from './view.js';

/** Escapes text for Markdown: no HTML, no table breaks, no emphasis, links or code spans. */
export function md(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/[\\`*_{}[\]|~]/g, (c) => `\\${c}`).replace(/^([#+\-!]|\d+\.)/, '\\$1');
}

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function assessment(a: Assessment, ctx: ReportContext): string {
  const { t, lang } = ctx;
  const n = (x: number) => fmtNumber(x, lang);
  const out: string[] = [];
  out.push(`## ${md(userText(a.incident.title, t('ui.untitled')))}`, '');
  out.push(`- **${t('ui.source')}:** ${md(userText(a.source))}`);
  out.push(`- **${t('ui.controller')}:** ${md(controllerText(a, t))}`);
  out.push(`- **${t('ui.discovered')}:** ${a.incident.discovered}`);
  out.push(`- **${t('ui.asOf')}:** ${a.asOf} (${t(`ui.asOf.${a.asOfSource}`)}); ${t('ui.laws')}: ${a.law.laws.join(', ') || t('ui.none')}`);
  out.push(`- **${t('ui.people')}:** ${n(a.subjects)}`);
  out.push(`- **${t('ui.severity')}:** **${levelText(a.severity.level, t).toUpperCase()}** (${a.severity.score}); ${t('ui.enisa')} ${a.severity.enisa.score} ${levelText(a.severity.enisa.level, t)}`);
  out.push(`- **${t('ui.vector')}:** \`${a.severity.vector}\``, '');
  out.push(`### ${t('ui.factors')}`, '');
  out.push(table([t('ui.factor'), t('ui.value'), t('ui.rule'), t('ui.evidence'), t('ui.basis')], a.severity.factors.map((f) => [
    f.factor, String(f.value), `\`${f.rule}\`: ${md(t(`rule.${f.rule}`))}`, md(f.evidence.map((e) => userText(e)).join(', ')), md(f.basis),
  ])), '');
  out.push(`### ${t('ui.dataset')}`, '');
  out.push(table([t('ui.dataset'), t('ui.records'), t('ui.fields'), t('ui.level'), t('ui.score'), t('ui.vector')], a.datasets.map((d) => [
    md(userText(d.name)), n(d.records), md(d.fields.map((f) => f.id).join(', ')), levelText(d.severity.level, t), String(d.severity.score), `\`${d.severity.vector}\``,
  ])), '');
  out.push(`### ${t('ui.significant')}: ${a.significantImpact.value ? t('ui.yes') : t('ui.no')}`, '');
  for (const r of reasonTexts(a, t)) out.push(`- ${md(r)}`);
  out.push('', `### ${t('ui.obligations')}`, '');
  if (!a.obligations.length) out.push(`${t('ui.none')}.`);
  a.obligations.forEach((o, i) => {
    out.push(`${i + 1}. **${t(`obligation.${o.code}`)}** (\`${o.code}\`${o.authority ? `, \`${o.authority}\`` : ''})${o.statutory ? '' : ` (${t('ui.statutory.no')})`}`);
    out.push(`   - ${t('ui.recipient')}: ${md(recipientText(o, t))}`);
    out.push(`   - ${t('ui.deadline')}: ${md(deadlineText(o, t))}`);
    if (o.content.length) out.push(`   - ${t('ui.content')}: ${md(o.content.map((k) => t(`content.${k}`)).join('; '))}`);
    out.push(`   - ${t('ui.basis')}: ${md(o.basis.map(basisText).join('; '))} (${t(`status.${o.status}`)})`);
  });
  const p = a.penalties;
  out.push('', `### ${t('ui.penalties')}`, '');
  if (p.ranges.length) {
    out.push(`${t('ui.unit')}: ${p.unit ?? '-'} = ${p.uma === null ? '-' : `${n(p.uma)} MXN`}`, '');
    out.push(table([t('ui.rule'), t('ui.range'), 'MXN', t('ui.basis')], p.ranges.map((r) => [
      md(t(`penalty.${r.code}`)), `${n(r.units.min)} – ${n(r.units.max)}`, `${n(r.mxn.min)} – ${n(r.mxn.max)}`, md(r.basis.map(basisText).join('; ')),
    ])));
  } else out.push(`${t('ui.none')}.`);
  out.push('');
  if (p.referral) out.push(`- ${t('ui.referral', { days: p.referral.days })}`);
  for (const c of p.crimes) out.push(`- ${t('ui.crimes')}: ${md(t(`crime.${c.code}`))}: ${c.prison[lang]} (${md(c.basis.map(basisText).join('; '))})`);
  for (const note of p.notes) out.push(`- ${md(t(`note.${note}`))}`);
  out.push('', `### ${t('ui.caveats')}`, '');
  for (const c of caveatTexts(a, t)) out.push(`- ${md(c)}`);
  return out.join('\n');
}

function block(b: Block): string {
  const right = new Set(b.right ?? []);
  const head = `| ${b.head.map(md).join(' | ')} |`;
  const rule = `|${b.head.map((_, i) => (right.has(i) ? ' ---: ' : ' --- ')).join('|')}|`;
  let rows = '';
  for (const r of b.rows) rows += `| ${r.map(md).join(' | ')} |\n`;
  const notes = (b.notes ?? []).map((n) => `\n_${md(n)}_\n`).join('');
  return `### ${md(b.title)}\n\n${head}\n${rule}\n${rows}${notes}`;
}

export function* render(input: Iterable<Assessment>, ctx: ReportContext): Generator<string> {
  const { t } = ctx;
  yield [`# ${t('ui.report.title')}`, '', `_${t('ui.report.generated', { version: ctx.version })}_`, ''].join('\n');
  yield* portfolio(input, ctx, {
    overview: (o, list) => `\n## ${md(t('ui.overview'))}\n\n${md(o.headline)}\n\n${[...o.blocks, list].map(block).join('\n')}`,
    detail: (a) => `\n${assessment(a, ctx)}\n`,
  });
}
