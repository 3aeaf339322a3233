// --format table: the terminal report, coloured by level, readable in 80 columns.
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { Assessment } from '../core/assessment.js';
import type { Level } from '../core/vocab.js';
import { wrap } from '../util/wrap.js';
import { textBlock } from './overview-text.js';
import { portfolio } from './portfolio.js';
import { basisList, caveatTexts, factorValue, lawCite, controllerText, evidenceText, fieldLabel, fmtNumber, levelText, obligationLines, penaltyLines, rangeText, reasonTexts, type ReportContext, unitText, userText } from './view.js';
import { longDate } from '../util/long-date.js';

export interface TableContext extends ReportContext { color: boolean; width?: number }

const WIDTH = 80;

function paint(ch: ChalkInstance, level: Level, text: string): string {
  switch (level) {
    case 'critical': return ch.bold.red(text);
    case 'high': return ch.red(text);
    case 'medium': return ch.yellow(text);
    default: return ch.green(text);
  }
}

function grid(head: string[], colWidths: number[], color: boolean): Table.Table {
  return new Table({ head, colWidths, wordWrap: true, style: { head: color ? ['cyan'] : [], border: color ? ['grey'] : [] } });
}

function assessment(a: Assessment, ctx: TableContext, ch: ChalkInstance): string {
  const { t, lang } = ctx;
  const w = Math.max(60, Math.min(ctx.width ?? WIDTH, 120));
  const n = (x: number) => fmtNumber(x, lang);
  const out: string[] = [];
  const lvl = (l: Level) => paint(ch, l, levelText(l, t).toUpperCase());
  out.push(ch.bold(userText(a.incident.title, t('ui.untitled'))));
  out.push(...wrap(`${t(a.incident.controller.role === 'processor' ? 'ui.processor' : 'ui.controller')}: ${controllerText(a, t)}`, w, '  '));
  // The law's date is said only when it is not the confirmation date (--as-of, or no date given).
  const laws = a.law.laws.map((l) => lawCite(l, ctx.lang)).join(', ') || t('ui.none');
  const asOf = a.asOfSource === 'discovered' && a.asOf === a.incident.discovered ? t('ui.lawOfThatDay', { laws }) : `${t('ui.asOf')}: ${longDate(a.asOf, ctx.lang)} (${t(`ui.asOf.${a.asOfSource}`)}): ${laws}`;
  out.push(...wrap(`${t('ui.discovered')}: ${longDate(a.incident.discovered, ctx.lang)}. ${asOf}`, w, '  '));
  out.push(`  ${t('ui.people')}: ${n(a.subjects)}`);
  out.push(`  ${t('ui.severity')}: ${lvl(a.severity.level)} ${a.severity.score}   ${t('ui.enisa')}: ${a.severity.enisa.score} ${levelText(a.severity.enisa.level, t)}`);
  out.push(`  ${t('ui.vector')}: ${a.severity.vector}`, '');

  const ds = grid([t('ui.dataset'), t('ui.records'), t('ui.level'), t('ui.score'), t('ui.fields')], [18, 13, 10, 7, w - 18 - 13 - 10 - 7 - 6], ctx.color);
  for (const d of a.datasets) ds.push([userText(d.name), n(d.records), lvl(d.severity.level), String(d.severity.score), d.fields.map((f) => fieldLabel(f.id, ctx.lang)).join(', ')]);
  out.push(ds.toString());

  const fx = grid([t('ui.factor'), t('ui.value'), t('ui.rule'), t('ui.evidence')], [8, 8, 28, w - 8 - 8 - 28 - 5], ctx.color);
  for (const f of a.severity.factors) fx.push([f.factor, factorValue(f.value, t), `${f.rule}\n${t(`rule.${f.rule}`)}`, f.evidence.map((e) => evidenceText(e, t)).join(', ')]);
  out.push(fx.toString(), '');

  out.push(ch.bold(`${t('ui.significant')}: ${a.significantImpact.value ? t('ui.yes') : t('ui.no')}`));
  for (const r of reasonTexts(a, t)) out.push(...wrap(`- ${r}`, w, '  '));
  out.push('', ch.bold(`${t('ui.obligations')}:`));
  if (!a.obligations.length) out.push(`  ${t('ui.none')}`);
  const obligationBlock = (list: Assessment['obligations']) => list.forEach((o, i) => {
    const x = obligationLines(o, t);
    out.push(...wrap(`${i + 1}. ${x.title}`, w, '  ').map((l) => ch.bold(l)));
    for (const line of x.lines) out.push(...wrap(line, w, '     '));
    out.push(...wrap(x.basis, w, '     ').map((l) => ch.dim(l)));
  });
  obligationBlock(a.obligations);
  if (a.controllerObligations?.length) {
    out.push('', ch.bold(`${t('ui.controllerObligations')}:`));
    obligationBlock(a.controllerObligations);
  }
  const p = a.penalties;
  const more = penaltyLines(p, t);
  if (p.ranges.length || more.length) {
    out.push('', ch.bold(`${t('ui.penalties')} (${unitText(p.unit, t)} = ${p.uma === null ? '-' : `${n(p.uma)} MXN`}):`));
    for (const r of p.ranges) out.push(...wrap(`- ${rangeText(r, t)}: ${n(r.units.min)}–${n(r.units.max)} ${unitText(p.unit, t, 'short')} = MXN ${n(r.mxn.min)}–${n(r.mxn.max)} (${basisList(r.basis, ctx.lang)})`, w, '  '));
    for (const line of more) out.push(...wrap(`- ${line}`, w, '  ').map((l) => ch.dim(l)));
  }
  out.push('', ch.bold(`${t('ui.caveats')}:`));
  for (const c of caveatTexts(a, t)) out.push(...wrap(`! ${c}`, w, '  ').map((l) => ch.yellow(l)));
  return out.join('\n');
}

export function* render(input: Iterable<Assessment>, ctx: TableContext): Generator<string> {
  const ch = new Chalk({ level: ctx.color ? 1 : 0 });
  const w = Math.max(60, Math.min(ctx.width ?? WIDTH, 120));
  const color = (l: Level, s: string) => paint(ch, l, s);
  yield* portfolio(input, ctx, {
    overview: (o, list) => `${ch.bold(ctx.t('ui.overview'))}\n${o.headline}\n\n${[...o.blocks, list].map((b) => textBlock(b, w, ch, color)).join('\n\n')}\n\n`,
    detail: (a, first) => `${first ? '' : '\n'}${assessment(a, ctx, ch)}\n`,
  });
}
