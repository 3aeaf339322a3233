// --format markdown: a report a consultant can paste into a client document.
import type { Assessment } from '../core/assessment.js';
import type { Block } from './overview.js';
import { portfolio } from './portfolio.js';
import { basisList, caveatTexts, factorValue, lawCite, controllerText, evidenceText, fieldLabel, fmtNumber, levelText, obligationLines, penaltyLines, rangeText, reasonTexts, type ReportContext, ruleBasisText, unitText, userText } from './view.js';
import { longDate } from '../util/long-date.js';

/** Escapes text for Markdown: no HTML, no table breaks, no emphasis, links or code spans. */
export function md(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/[\\`*_{}[\]|~]/g, (c) => `\\${c}`).replace(/^[#+\-!]/, '\\$&').replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
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
  out.push(`- **${t(a.incident.controller.role === 'processor' ? 'ui.processor' : 'ui.controller')}:** ${md(controllerText(a, t))}`);
  out.push(`- **${t('ui.discovered')}:** ${longDate(a.incident.discovered, ctx.lang)}`);
  const laws = a.law.laws.map((l) => md(lawCite(l, lang))).join(', ') || t('ui.none');
  out.push(a.asOfSource === 'discovered' && a.asOf === a.incident.discovered ? `- ${t('ui.lawOfThatDay', { laws })}` : `- **${t('ui.asOf')}:** ${longDate(a.asOf, lang)} (${t(`ui.asOf.${a.asOfSource}`)}); ${t('ui.laws')}: ${laws}`);
  out.push(`- **${t('ui.people')}:** ${n(a.subjects)}`);
  out.push(`- **${t('ui.severity')}:** **${levelText(a.severity.level, t).toUpperCase()}** (${a.severity.score}); ${t('ui.enisa')} ${a.severity.enisa.score} ${levelText(a.severity.enisa.level, t)}`);
  out.push(`- **${t('ui.vector')}:** \`${a.severity.vector}\``, '');
  out.push(`### ${t('ui.factors')}`, '');
  out.push(table([t('ui.factor'), t('ui.value'), t('ui.rule'), t('ui.evidence'), t('ui.basis')], a.severity.factors.map((f) => [
    f.factor, factorValue(f.value, t), `\`${f.rule}\`: ${md(t(`rule.${f.rule}`))}`, md(f.evidence.map((e) => evidenceText(e, t)).join(', ')), md(ruleBasisText(f, t)),
  ])), '');
  out.push(`### ${t('ui.dataset')}`, '');
  out.push(table([t('ui.dataset'), t('ui.records'), t('ui.fields'), t('ui.level'), t('ui.score'), t('ui.vector')], a.datasets.map((d) => [
    md(userText(d.name)), n(d.records), md(d.fields.map((f) => fieldLabel(f.id, ctx.lang)).join(', ')), levelText(d.severity.level, t), String(d.severity.score), `\`${d.severity.vector}\``,
  ])), '');
  out.push(`### ${t('ui.significant')}: ${a.significantImpact.value ? t('ui.yes') : t('ui.no')}`, '');
  for (const r of reasonTexts(a, t)) out.push(`- ${md(r)}`);
  out.push('', `### ${t('ui.obligations')}`, '');
  if (!a.obligations.length) out.push(`${t('ui.none')}.`);
  const obligationBlock = (list: Assessment['obligations']) => list.forEach((o, i) => {
    const x = obligationLines(o, t);
    out.push(`${i + 1}. **${md(x.title)}**`);
    for (const line of [...x.lines, x.basis]) out.push(`   - ${md(line)}`);
  });
  obligationBlock(a.obligations);
  if (a.controllerObligations?.length) {
    out.push('', `### ${t('ui.controllerObligations')}`, '');
    obligationBlock(a.controllerObligations);
  }
  const p = a.penalties;
  out.push('', `### ${t('ui.penalties')}`, '');
  if (p.ranges.length) {
    out.push(`${t('ui.unit')}: ${unitText(p.unit, t)} = ${p.uma === null ? '-' : `${n(p.uma)} MXN`}`, '');
    out.push(table([t('ui.rule'), t('ui.range'), 'MXN', t('ui.basis')], p.ranges.map((r) => [
      md(rangeText(r, t)), `${n(r.units.min)} – ${n(r.units.max)}`, `${n(r.mxn.min)} – ${n(r.mxn.max)}`, md(basisList(r.basis, lang)),
    ])));
  } else out.push(`${t('ui.none')}.`);
  out.push('');
  for (const line of penaltyLines(p, t)) out.push(`- ${md(line)}`);
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
