// The cover's charts as inline SVG, drawn here at run time (the page needs no script to show
// them): incidents and people by level, and the heat map of level × controller. Every label is
// escaped through `html`; bars carry their value in words next to them, so colour is never the
// only cue.
import { LEVELS, type Level } from '../core/vocab.js';
import { html, Html } from '../util/html.js';
import { HEAT_RAMP } from './html-style.js';
import type { PortfolioSummary } from './summary.js';
import { fmtNumber, levelText, type ReportContext } from './view.js';

const DESC = [...LEVELS].reverse();

/** Horizontal bars, one per level (critical first), each labelled with its value. */
export function levelBars(title: string, values: Record<Level, number>, ctx: ReportContext): Html {
  const { t, lang } = ctx;
  const W = 290, LABEL = 64, ROW = 24, TOP = 4, VALUE = 74;
  const H = TOP + ROW * DESC.length + 4;
  const max = Math.max(1, ...DESC.map((l) => values[l]));
  const span = W - LABEL - VALUE;
  const rows = DESC.map((l, i) => {
    const y = TOP + i * ROW;
    const w = values[l] > 0 ? Math.max(2, (values[l] / max) * span) : 0;
    return html`<text x="${LABEL - 6}" y="${y + 15}" text-anchor="end" font-size="11">${levelText(l, t)}</text><rect x="${LABEL}" y="${y + 3}" width="${span}" height="16" fill="#f1f3f5"/>${w ? html`<rect class="f-${l}" x="${LABEL}" y="${y + 3}" width="${round(w)}" height="16"/>` : ''}<text x="${round(LABEL + w + 5)}" y="${y + 15}" font-size="11" font-weight="700">${fmtNumber(values[l], lang)}</text>`.value;
  }).join('');
  return html`<figure><figcaption>${title}</figcaption><svg class="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${title}"><title>${title}</title><line x1="${LABEL}" y1="${TOP}" x2="${LABEL}" y2="${H - 4}" stroke="#9aa3ad"/>${new Html(rows)}</svg></figure>`;
}

/** Level × controller: the count in each cell, its shade from the one-hue ramp. */
export function heatMap(s: PortfolioSummary, ctx: ReportContext): Html {
  const { t, lang } = ctx;
  const cols = s.heatMap.columns;
  const LABEL = 80, CW = 66, RH = 28, HEAD = 34;
  const W = LABEL + CW * Math.max(1, cols.length) + 2, H = HEAD + RH * DESC.length + 2;
  const max = Math.max(1, ...DESC.flatMap((l) => cols.map((c) => s.heatMap.rows[l][c] ?? 0)));
  let body = '';
  cols.forEach((c, j) => {
    const x = LABEL + j * CW + CW / 2;
    body += html`<text x="${x}" y="${HEAD - 10}" text-anchor="middle" font-size="10" font-weight="700">${t(`heat.${c}`)}</text>`.value;
  });
  DESC.forEach((l, i) => {
    const y = HEAD + i * RH;
    body += html`<rect class="f-${l}" x="0" y="${y + 3}" width="8" height="${RH - 6}"/><text x="14" y="${y + RH / 2 + 4}" font-size="11">${levelText(l, t)}</text>`.value;
    cols.forEach((c, j) => {
      const v = s.heatMap.rows[l][c] ?? 0;
      const k = v === 0 ? 0 : 1 + Math.min(HEAT_RAMP.length - 2, Math.floor(((v / max) * (HEAT_RAMP.length - 1)) - 1e-9));
      const x = LABEL + j * CW;
      body += html`<rect class="h${k}" x="${x + 1}" y="${y + 1}" width="${CW - 2}" height="${RH - 2}" rx="2"/><text class="ht${k}" x="${x + CW / 2}" y="${y + RH / 2 + 4}" text-anchor="middle" font-size="11" font-weight="${v ? 700 : 400}">${v ? fmtNumber(v, lang) : '·'}</text>`.value;
    });
  });
  const title = t('ui.overview.heatMap');
  return html`<figure><figcaption>${title}</figcaption><svg viewBox="0 0 ${W} ${H}" width="${Math.round(W * 1.15)}" height="${Math.round(H * 1.15)}" role="img" aria-label="${title}"><title>${title}</title>${new Html(body)}</svg><p class="note">${t('ui.overview.heatMap.why')}</p></figure>`;
}

/** A level's colour swatch, for legends. */
export function swatch(l: Level): Html {
  return html`<svg class="sym" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true"><rect class="f-${l}" width="12" height="12" rx="2"/></svg>`;
}

const round = (x: number) => Math.round(x * 10) / 10;

