// --format html: one self-contained page a consultant hands to a client. No script, no font, no
// image is fetched: the styles are inline (allowed by their hash in a strict CSP), the charts are
// SVG drawn here. With several incidents a cover opens with the portfolio overview; then one
// section per incident, each starting a printed page. Above --detail-threshold the report is the
// cover and the list of the worst incidents (as table and Markdown), unless --detail.
// Bundled apart (dist/report-html.cjs) and loaded only for this format.
import type { Assessment } from '../core/assessment.js';
import { LEVELS, type Level } from '../core/vocab.js';
import { WEIGHTS } from '../severity/weights.js';
import { codeSpans, html, Html, strictCsp } from '../util/html.js';
import { longDateTime } from '../util/long-date.js';
import { heatMap, levelBars, swatch } from './html-charts.js';
import { badge, incidentSection, LEVELS_DESC } from './html-incident.js';
import { stylesheet } from './html-style.js';
import { type Block, MAX_CAVEAT_ROWS, type Overview } from './overview.js';
import { portfolio } from './portfolio.js';
import type { IncidentLine, PortfolioSummary } from './summary.js';
import { caveatText, DEFAULT_DETAIL_THRESHOLD, fmtNumber, type ReportContext, sourceName, userText } from './view.js';

function head(ctx: ReportContext): string {
  const { t, lang } = ctx;
  const css = stylesheet(t('ui.report.title'));
  return `<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${strictCsp(css)}">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="referrer" content="no-referrer">\n<meta name="generator" content="${html`breach ${ctx.version}`.value}">\n${html`<title>${t('ui.report.title')}</title>`.value}\n<style>${css}</style>\n</head>\n<body>\n<main>\n`;
}

/** The level colours, their words and their score bands. */
function legend(ctx: ReportContext): Html {
  const { t, lang } = ctx;
  const bands = [...WEIGHTS.levels].sort((a, b) => b.from - a.from);
  const items = LEVELS_DESC.map((l) => {
    const i = bands.findIndex((b) => b.level === l);
    const from = bands[i]?.from ?? 0;
    const above = bands[i - 1]?.from;
    const range = above === undefined ? `≥ ${fmtNumber(from, lang)}` : from === 0 ? `< ${fmtNumber(above, lang)}` : `${fmtNumber(from, lang)} – < ${fmtNumber(above, lang)}`;
    return html`<span>${swatch(l)}<b>${t(`level.${l}`)}</b>${range}</span>`;
  });
  return html`<div class="legend"><span><b>${t('html.legend')}</b></span>${items}<span class="muted">${t('html.legend.floor', { level: t(`level.${WEIGHTS.floor_sensitive}`) })}</span></div>`;
}

function blockTable(b: Block): Html {
  const right = new Set(b.right ?? []);
  const cls = (i: number) => (right.has(i) ? new Html(' class="num"') : '');
  return html`<h3>${b.title}</h3><table><thead><tr>${b.head.map((h, i) => html`<th${cls(i)}>${h}</th>`)}</tr></thead><tbody>${b.rows.map((r) => html`<tr>${r.map((c, i) => html`<td${cls(i)}>${c}</td>`)}</tr>`)}</tbody></table>${(b.notes ?? []).map((n) => html`<p class="note">${n}</p>`)}`;
}

function earliest(s: PortfolioSummary): { due: string; source?: string } | undefined {
  let best: { due: string; source?: string } | undefined;
  for (const o of Object.values(s.obligations)) {
    if (o.earliestDue && (!best || Date.parse(o.earliestDue) < Date.parse(best.due))) best = { due: o.earliestDue, ...(o.earliestSource !== undefined && { source: o.earliestSource }) };
  }
  return best;
}

function obligationsTable(s: PortfolioSummary, ctx: ReportContext): Html {
  const { t, lang } = ctx;
  const rows = Object.entries(s.obligations);
  return html`<h3>${t('ui.obligations')}</h3><table><thead><tr><th>${t('ui.obligation')}</th><th class="num">${t('ui.incidents')}</th><th class="num">${t('ui.overview.dated')}</th><th>${t('ui.overview.earliestDue')}</th></tr></thead><tbody>${rows.length
    ? rows.map(([code, o]) => html`<tr><td>${t(`obligation.${code}`)}</td><td class="num">${fmtNumber(o.count, lang)}</td><td class="num">${fmtNumber(o.dated, lang)}</td><td>${o.earliestDue ? html`${longDateTime(o.earliestDue, lang)}<small>${sourceName(o.earliestSource)}</small>` : t('ui.overview.noDate')}</td></tr>`)
    : html`<tr><td colspan="4">${t('ui.none')}</td></tr>`}</tbody></table><p class="note">${t('ui.overview.dueNote')}</p>`;
}

/**
 * How many incidents carry each caveat: the sentence in full with its arguments (elided where they
 * differ from incident to incident), its code below; the rows and the limit are the overview's.
 */
function caveatsTable(s: PortfolioSummary, ctx: ReportContext): Html {
  const { t, lang } = ctx;
  const shown = s.caveatVariants.slice(0, MAX_CAVEAT_ROWS);
  const hidden = s.caveatVariants.length - shown.length;
  return html`<h3>${t('ui.overview.caveats')}</h3><table><thead><tr><th>${t('ui.overview.caveat')}</th><th class="num">${t('ui.incidents')}</th></tr></thead><tbody>${shown.length
    ? shown.map((v) => html`<tr><td>${codeSpans(v.varied ? t(`caveat.${v.caveat.code}`).replace(/\{\w+\}/g, '…') : caveatText(v.caveat, t))}<small><code>${v.caveat.code}</code></small></td><td class="num">${fmtNumber(v.incidents, lang)}</td></tr>`)
    : html`<tr><td colspan="2">${t('ui.none')}</td></tr>`}</tbody></table>${hidden > 0 ? html`<p class="note">${t('ui.overview.moreCaveats', { more: fmtNumber(hidden, lang) })}</p>` : ''}`;
}

function incidentList(lines: IncidentLine[], list: Block, linked: boolean, ctx: ReportContext): Html {
  const { t, lang } = ctx;
  const n = (x: number) => fmtNumber(x, lang);
  const rows = lines.map((l, i) => {
    const title = userText(l.title, t('ui.untitled'));
    return html`<tr><td class="num">${n(i + 1)}</td><td>${badge(l.level, t)}</td><td class="num">${n(l.score)}</td><td class="num">${n(l.subjects)}</td><td class="u">${linked ? html`<a href="#inc-${l.seq}">${title}</a>` : title}<small>${sourceName(l.source)}</small></td><td>${l.obligations.map((c) => t(`html.ob.${c}`)).join(', ') || '—'}</td></tr>`;
  });
  return html`<h3>${list.title}</h3><table><thead><tr><th class="num">#</th><th>${t('ui.level')}</th><th class="num">${t('ui.score')}</th><th class="num">${t('ui.people')}</th><th>${t('ui.incident')}</th><th>${t('ui.obligations')}</th></tr></thead><tbody>${rows}</tbody></table>${(list.notes ?? []).map((x) => html`<p class="note">${x}</p>`)}`;
}

function cover(o: Overview, list: Block, data: { summary: PortfolioSummary; lines: IncidentLine[] }, linked: boolean, ctx: ReportContext): string {
  const { t, lang } = ctx;
  const s = data.summary;
  const n = (x: number) => fmtNumber(x, lang);
  const first = earliest(s);
  const byLevel = (k: 'incidents' | 'people') => Object.fromEntries(LEVELS.map((l) => [l, s.byLevel[l][k]])) as Record<Level, number>;
  // The tables the overview shares with table and Markdown: obligations get long dates here, the
  // level counts and the heat map are drawn as charts. The list of incidents comes right after the
  // charts, as the report's table of contents; the long caveats table closes the cover.
  const shared = o.blocks.filter((b) => b.title === t('ui.overview.exposure'));
  return html`<header class="cover" id="overview">
<p class="kicker">${t('html.kicker')}</p>
<h1>${t('ui.report.title')}</h1>
<p class="lede">${o.headline}</p>
<div class="kpis"><div class="kpi"><span class="label">${t('ui.incidents')}</span><b>${n(s.incidents)}</b></div><div class="kpi"><span class="label">${t('ui.people')}</span><b>${n(s.people)}</b></div><div class="kpi"><span class="label">${t('html.worst')}</span><b>${s.worstLevel ? badge(s.worstLevel, t) : t('ui.none')}</b></div><div class="kpi"><span class="label">${t('html.firstDue')}</span><b class="small-b">${first ? longDateTime(first.due, lang) : t('ui.overview.noDate')}</b>${first?.source ? html`<small>${sourceName(first.source)}</small>` : ''}</div></div>
</header>
<section class="overview" aria-label="${t('ui.overview')}">
<h2>${t('ui.overview')}</h2>
${legend(ctx)}
<div class="charts">${levelBars(t('html.chart.incidents'), byLevel('incidents'), ctx)}${levelBars(t('html.chart.people'), byLevel('people'), ctx)}</div>
${heatMap(s, ctx)}
${incidentList(data.lines, list, linked, ctx)}
${obligationsTable(s, ctx)}
${shared.map(blockTable)}
${caveatsTable(s, ctx)}
</section>
`.value;
}

export function* render(input: Iterable<Assessment>, ctx: ReportContext): Generator<string> {
  const { t } = ctx;
  const held = Array.isArray(input) || ctx.count === undefined ? [...input] : undefined;
  const total = held ? held.length : ctx.count!;
  const threshold = ctx.detailThreshold ?? DEFAULT_DETAIL_THRESHOLD;
  const linked = total <= threshold || !!ctx.detail;
  yield head(ctx);
  if (total <= 1) yield html`<header class="cover single"><p class="kicker">${t('html.kicker')}</p><h1>${t('ui.report.title')}</h1></header>\n`.value;
  let seq = 0;
  yield* portfolio(held ?? input, { ...ctx, count: total }, {
    overview: (o, list, data) => cover(o, list, data, linked, ctx),
    detail: (a) => incidentSection(a, ctx, ++seq, total, total > 1).value,
  });
  yield html`<footer class="colophon"><p class="note">${t('ui.report.generated', { version: ctx.version })} ${t('caveat.not-legal-advice')}</p></footer>\n</main>\n</body>\n</html>\n`.value;
}
