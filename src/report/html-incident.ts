// One incident's section of the HTML report: the verdict, the severity with every factor (rule,
// evidence, basis), the datasets, why the impact is significant, the obligations on a timeline,
// the penalties and the caveats. Text comes from view.ts (shared with table and Markdown) and is
// escaped by `html`.
import type { Assessment } from '../core/assessment.js';
import { LEVELS, type Level } from '../core/vocab.js';
import type { Obligation } from '../law/types.js';
import { WEIGHTS } from '../severity/weights.js';
import { html, Html } from '../util/html.js';
import { longDate } from '../util/long-date.js';
import { timeline } from './html-timeline.js';
import {
  basisText, caveatTexts, controllerText, lawCite, evidenceText, fieldLabel, fmtNumber, levelText, penaltyLines, rangeText, reasonTexts,
  type ReportContext, ruleBasisText, unitText, userText,
} from './view.js';

export const badge = (l: Level, t: ReportContext['t'], extra = '') => html`<span class="lv lv-${l}">${levelText(l, t)}${extra ? ` ${extra}` : ''}</span>`;

/** The highest score SE-MX can give (DPC × EI + every CB factor + V), from the weights table. */
const MAX_SCORE = (() => {
  const w = WEIGHTS;
  const max = (o: Record<string, number>) => Math.max(...Object.values(o));
  return w.dpc.max * Math.max(w.ei.default, w.ei.quasi_pair, w.ei.name_plus) + max(w.cb.confidentiality) + max(w.cb.integrity) + max(w.cb.availability) + w.cb.malicious + Math.max(...w.volume.map((v) => v.value));
})();

/** The score on a bar of the four level bands, with a mark where it falls. */
function gauge(score: number, ctx: ReportContext): Html {
  const top = Math.max(MAX_SCORE, score);
  const W = 300, X0 = 4, X1 = 296, H = 40;
  const x = (s: number) => X0 + ((X1 - X0) * s) / top;
  const bands = [...WEIGHTS.levels].sort((a, b) => a.from - b.from);
  let out = '';
  bands.forEach((b, i) => {
    const to = bands[i + 1]?.from ?? top;
    out += html`<rect class="f-${b.level}" x="${x(b.from).toFixed(1)}" y="14" width="${(x(to) - x(b.from)).toFixed(1)}" height="10"/><text x="${x(b.from).toFixed(1)}" y="36" font-size="9" fill="#5b6470">${fmtNumber(b.from, ctx.lang)}</text>`.value;
  });
  const sx = x(score).toFixed(1);
  out += `<path d="M${sx} 13 l-5 -8 h10 z" fill="#1b1f24"/>`;
  const label = `${ctx.t('ui.score')} ${fmtNumber(score, ctx.lang)}`;
  return html`<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${label}"><title>${label}</title>${new Html(out)}</svg>`;
}

const table = (head: (string | Html)[], rows: (string | Html)[][], num: number[] = []) =>
  html`<table><thead><tr>${head.map((h, i) => html`<th${num.includes(i) ? new Html(' class="num"') : ''}>${h}</th>`)}</tr></thead><tbody>${rows.map((r) => html`<tr>${r.map((c, i) => html`<td${num.includes(i) ? new Html(' class="num"') : ''}>${c}</td>`)}</tr>`)}</tbody></table>`;

function contentTable(list: Obligation[], ctx: ReportContext): Html {
  const { t } = ctx;
  return table([t('ui.obligation'), t('ui.content'), t('ui.basis')], list.map((o) => [
    html`<b>${t(`obligation.${o.code}`)}</b><small><code>${o.code}</code>${o.authority ? ` · ${o.authority}` : ''}</small>`,
    o.content.length ? html`<ul>${o.content.map((k) => html`<li>${t(`content.${k}`)}</li>`)}</ul>` : t('ui.none'),
    html`${o.basis.map((b) => basisText(b, ctx.lang)).join('; ')}<small>${t(`status.${o.status}`)}</small>`,
  ]));
}

export function incidentSection(a: Assessment, ctx: ReportContext, seq: number, total: number, backLink: boolean): Html {
  const { t, lang } = ctx;
  const n = (x: number) => fmtNumber(x, lang);
  const title = userText(a.incident.title, t('ui.untitled'));
  const s = a.severity;
  const p = a.penalties;
  const facts: [string, string | Html][] = [
    [t(a.incident.controller.role === 'processor' ? 'ui.processor' : 'ui.controller'), controllerText(a, t)],
    [t('ui.discovered'), longDate(a.incident.discovered, lang)],
    [t('ui.asOf'), `${longDate(a.asOf, lang)} (${t(`ui.asOf.${a.asOfSource}`)}); ${t('ui.laws')}: ${a.law.laws.map((l) => lawCite(l, lang)).join(', ') || t('ui.none')}`],
    [t('ui.people'), n(a.subjects)],
    [t('ui.source'), userText(a.source)],
  ];
  const more = penaltyLines(p, t);
  const controllerObs = a.controllerObligations ?? [];
  return html`<section class="incident" id="inc-${seq}" aria-labelledby="inc-${seq}-h">
<header>${total > 1 ? html`<p class="kicker">${t('html.incidentOf', { n: n(seq), total: n(total) })}${backLink ? html`<a class="back" href="#overview">${t('html.back')}</a>` : ''}</p>` : ''}
<h2 id="inc-${seq}-h">${title}</h2>
<div class="verdict">${badge(s.level, t)}<span><b>${t('ui.score')} ${n(s.score)}</b> · ${t('ui.enisa')} ${n(s.enisa.score)} (${levelText(s.enisa.level, t)})</span>${gauge(s.score, ctx)}</div></header>
<dl class="facts">${facts.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}<dt>${t('ui.vector')}</dt><dd><code>${s.vector}</code></dd></dl>
<h3>${t('ui.factors')}</h3>
${table([t('ui.factor'), t('ui.value'), t('ui.rule'), t('ui.evidence'), t('ui.basis')], s.factors.map((f) => [
    html`<b>${f.factor}</b>`,
    typeof f.value === 'number' ? n(f.value) : levelText(String(f.value), t),
    html`${t(`rule.${f.rule}`)}<small><code>${f.rule}</code></small>`,
    f.evidence.map((e) => evidenceText(e, t)).join(', '),
    ruleBasisText(f, t),
  ]), [1])}
<h3>${t('html.datasets')}</h3>
${table([t('ui.dataset'), t('ui.records'), t('ui.fields'), t('ui.level')], a.datasets.map((d) => [
    html`<span class="u">${userText(d.name)}</span>${d.notes ? html`<small>${userText(d.notes)}</small>` : ''}`,
    n(d.records),
    d.fields.map((f) => fieldLabel(f.id, lang)).join(', '),
    html`${badge(d.severity.level, t)} <span class="muted">${n(d.severity.score)}</span>`,
  ]), [1])}
<h3>${t('ui.significant')}: ${a.significantImpact.value ? t('ui.yes') : t('ui.no')}</h3>
${reasonTexts(a, t).length ? html`<ul>${reasonTexts(a, t).map((r) => html`<li>${r}</li>`)}</ul>` : ''}
<h3>${t('ui.obligations')}</h3>
${a.obligations.length ? html`${timeline(a.obligations, ctx)}${contentTable(a.obligations, ctx)}` : html`<p>${t('ui.none')}.</p>`}
${controllerObs.length ? html`<h3>${t('ui.controllerObligations')}</h3>${timeline(controllerObs, ctx)}${contentTable(controllerObs, ctx)}` : ''}
<h3>${t('ui.penalties')}</h3>
${p.ranges.length ? html`<p class="muted">${t('ui.unit')}: ${unitText(p.unit, t)} = ${p.uma === null ? '-' : `${n(p.uma)} MXN`}</p>${table([t('ui.rule'), t('ui.range'), 'MXN', t('ui.basis')], p.ranges.map((r) => [
    rangeText(r, t), `${n(r.units.min)} – ${n(r.units.max)} ${unitText(p.unit, t, 'short')}`, `${n(r.mxn.min)} – ${n(r.mxn.max)}`, r.basis.map((b) => basisText(b, lang)).join('; '),
  ]), [1, 2])}` : html`<p>${t('ui.none')}.</p>`}
${more.length ? html`<ul>${more.map((l) => html`<li>${l}</li>`)}</ul>` : ''}
<h3>${t('ui.caveats')}</h3>
<ul class="caveats">${caveatTexts(a, t).map((c) => html`<li>${c}</li>`)}</ul>
</section>
`;
}

/** Levels, worst first, for legends. */
export const LEVELS_DESC: readonly Level[] = [...LEVELS].reverse();
