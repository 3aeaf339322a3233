// One incident's obligations as a timeline: a row per obligation, its dates as marks on a common
// day scale counted from the confirmation (inline SVG in percentages, so the rows line up at any
// width), and beside it, in words, the term and every date in the language's long form.
import type { Obligation } from '../law/types.js';
import { addDays } from '../law/calendar.js';
import { html, Html } from '../util/html.js';
import { longDateTime } from '../util/long-date.js';
import { dueText, fmtNumber, recipientText, type ReportContext } from './view.js';

type Mark = 'due' | 'byHours' | 'recommended' | 'now' | 'milestone';
interface Point { at: number; mark: Mark; n?: number }

/** Terms that run at once from the confirmation: a mark at day 0. */
const AT_ONCE = new Set(['immediate', 'without-delay', 'on-occurrence', 'cnbv-immediate']);
const DAY = 86_400_000;

function pointsOf(o: Obligation, start: number | undefined): Point[] {
  const d = o.deadline;
  const out: Point[] = [];
  if (AT_ONCE.has(d.code) && start !== undefined) out.push({ at: start, mark: 'now' });
  if (d.due) out.push({ at: Date.parse(d.due), mark: 'due' });
  if (d.dueByHours) out.push({ at: Date.parse(d.dueByHours), mark: 'byHours' });
  if (d.recommended) out.push({ at: Date.parse(d.recommended), mark: 'recommended' });
  milestonesByDate(o).forEach((m, i) => {
    if (m.due) out.push({ at: Date.parse(m.due), mark: 'milestone', n: i + 1 });
  });
  return out.filter((p) => Number.isFinite(p.at));
}

/** Milestones in the order they fall due (undated last), numbered so in the chart and in words. */
function milestonesByDate(o: Obligation) {
  const at = (m: { due?: string }) => (m.due ? Date.parse(m.due) : Number.MAX_SAFE_INTEGER);
  return [...(o.deadline.milestones ?? [])].sort((x, y) => at(x) - at(y));
}

/** The symbol of a mark, the same in the chart and in the legend. */
function symbol(mark: Mark, x: string, n?: number): string {
  switch (mark) {
    case 'due': return `<circle class="tl-due" cx="${x}" cy="11" r="5"/>`;
    case 'byHours': return `<circle class="tl-open" cx="${x}" cy="11" r="4.5"/>`;
    case 'recommended': return `<svg x="${x}" y="11" overflow="visible"><path class="tl-open" d="M0 -5.5L5.5 0L0 5.5L-5.5 0Z"/></svg>`;
    case 'now': return `<svg x="${x}" y="11" overflow="visible"><path class="tl-now" d="M-5 5L0 -5L5 5Z"/></svg>`;
    case 'milestone': return `<circle class="tl-ms" cx="${x}" cy="11" r="6"/><text class="tl-ms-t" x="${x}" y="14" text-anchor="middle">${n ?? ''}</text>`;
  }
}

const legendSymbol = (mark: Mark) => new Html(`<svg class="sym" width="16" height="16" viewBox="-1 3 16 16" aria-hidden="true">${symbol(mark, '7', 1)}</svg>`);

export function timeline(list: Obligation[], ctx: ReportContext): Html {
  const { t, lang } = ctx;
  const froms = list.map((o) => o.deadline.from).filter((f): f is string => !!f);
  const start = froms.length ? Math.min(...froms.map((f) => Date.parse(f))) : undefined;
  const rows = list.map((o) => ({ o, points: pointsOf(o, start) }));
  const dated = rows.flatMap((r) => r.points).filter((p) => p.mark !== 'now');
  const used = new Set(rows.flatMap((r) => r.points.map((p) => p.mark)));
  const from = start ?? (dated.length ? Math.min(...dated.map((p) => p.at)) : undefined);

  // The day scale: whole days from the confirmation, ticks every 1, 2, 7, 14 or 30 days.
  // Where a time falls across the track, in percent of its width (4 % margins each side).
  let at = (_: number) => 0;
  const pct = (x: number) => `${at(x).toFixed(2)}%`;
  let axis = new Html('');
  if (from !== undefined && dated.length) {
    const spanDays = Math.max(1, Math.ceil((Math.max(...dated.map((p) => p.at)) - from) / DAY));
    const step = [1, 2, 7, 14, 30, 60, 90].find((s) => spanDays / s <= 8) ?? Math.ceil(spanDays / 8);
    const days = Math.ceil(spanDays / step) * step;
    at = (time: number) => 4 + (92 * (time - from)) / (days * DAY);
    const startDate = froms.find((f) => Date.parse(f) === from)?.slice(0, 10);
    let ticks = '';
    for (let k = 0; k <= days; k += step) {
      const x = pct(from + k * DAY);
      const date = startDate ? shortDate(addDays(startDate, k), lang) : '';
      ticks += `<line class="tl-axis" x1="${x}" y1="24" x2="${x}" y2="30"/>${html`<text class="tl-tick" x="${x}" y="10" text-anchor="middle" font-weight="700">${date}</text><text class="tl-tick" x="${x}" y="21" text-anchor="middle">${t('html.tl.day', { n: fmtNumber(k, lang) })}</text>`.value}`;
    }
    axis = new Html(`<svg width="100%" height="32" role="img" aria-label="${html`${t('html.tl.axis')}`.value}"><line class="tl-axis" x1="4%" y1="30" x2="96%" y2="30"/>${ticks}</svg>`);
  }
  const track = dated.length > 0;

  const body = rows.map(({ o, points }) => {
    let marks = '';
    if (track) {
      const last = Math.max(...points.map((p) => p.at));
      if (from !== undefined && points.length) marks += `<rect class="tl-bar" x="${pct(from)}" y="10" width="${(at(last) - at(from)).toFixed(2)}%" height="2"/>`;
      for (const p of points) marks += symbol(p.mark, pct(p.at), p.n);
    }
    const due = dueText(o, t);
    const ms = milestonesByDate(o).map((m, i) => html`<li>${m.due ? legendSymbolN(i + 1) : ''}${t(`milestone.${m.code}`, { businessDays: m.businessDays, hours: m.hours })}${m.due ? `: ${longDateTime(m.due, lang)}` : ''}</li>`);
    return html`<tr><td><b>${t(`obligation.${o.code}`)}</b>${o.statutory ? '' : html` <span class="muted">(${t('ui.statutory.no')})</span>`}<small>${recipientText(o, t)}</small></td>${track ? html`<td class="track"><svg width="100%" height="22" aria-hidden="true"><line class="tl-grid" x1="4%" y1="11" x2="96%" y2="11"/>${new Html(marks)}</svg></td>` : ''}<td>${t(`deadline.${o.deadline.code}`)}${due ? html`<br><b>${t('ui.due')}: ${due}</b>` : ''}${ms.length ? html`<ul>${ms}</ul>` : ''}</td></tr>`;
  });

  const first = list.find((o) => o.deadline.from);
  const counted = first?.deadline.from
    ? t(first.deadline.fromAssumed ? 'html.tl.fromAssumed' : 'html.tl.from', { at: longDateTime(first.deadline.from, lang) })
    : t('html.tl.noDates');
  const order: Mark[] = ['now', 'due', 'byHours', 'recommended', 'milestone'];
  const legend = order.filter((m) => used.has(m)).map((m) => html`<span>${legendSymbol(m)}${t(`html.tl.${m}`)}</span>`);
  return html`<table class="timeline"><thead><tr><th>${t('ui.obligation')}</th>${track ? html`<th class="track">${axis}</th>` : ''}<th>${t('ui.deadline')}</th></tr></thead><tbody>${body}</tbody></table>${legend.length && track ? html`<div class="legend">${legend}</div>` : ''}<p class="note">${counted}</p>`;
}

const legendSymbolN = (n: number) => new Html(`<svg class="sym" width="16" height="16" viewBox="-1 3 16 16" aria-hidden="true">${symbol('milestone', '7', n)}</svg>`);

const MONTHS: Partial<Record<'es' | 'en', string[]>> = {};

/** "25 ene" / "Jan 25": the tick labels (months from Intl, as numbers are). */
function shortDate(iso: string, lang: 'es' | 'en'): string {
  const months = (MONTHS[lang] ??= Array.from({ length: 12 }, (_, m) => new Intl.DateTimeFormat(lang === 'es' ? 'es-MX' : 'en-US', { month: 'short', timeZone: 'UTC' }).format(Date.UTC(2000, m, 1)).replace('.', '')));
  const month = months[Number(iso.slice(5, 7)) - 1] ?? '';
  const day = String(Number(iso.slice(8, 10)));
  return lang === 'es' ? `${day} ${month}` : `${month} ${day}`;
}
