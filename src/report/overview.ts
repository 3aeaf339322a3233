// The portfolio overview as localised blocks (a heading and a small table each); the table and
// markdown renderers only lay them out. Text from the input goes through userText here.
import { LEVELS, type Level } from '../core/vocab.js';
import type { IncidentLine, PortfolioSummary } from './summary.js';
import { caveatText, fmtNumber, lawCite, levelText, type ReportContext, sourceName, userText } from './view.js';
import { longDateTime } from '../util/long-date.js';

export interface Block {
  title: string;
  head: string[];
  rows: string[][];
  /** Right-aligned columns (numbers). */
  right?: number[];
  /** A level per row, for colour. */
  levels?: (Level | undefined)[];
  /** Lines after the table. */
  notes?: string[];
  /** Last columns a narrow terminal may leave out (the data is in every other format). */
  optional?: number[];
}

export interface Overview { headline: string; blocks: Block[] }

export function overviewBlocks(s: PortfolioSummary, ctx: ReportContext): Overview {
  const { t, lang } = ctx;
  const n = (x: number) => fmtNumber(x, lang);
  const worst = s.worstLevel ? levelText(s.worstLevel, t) : t('ui.none');
  const headline = t('ui.overview.headline', { incidents: n(s.incidents), people: n(s.people), level: worst });
  const levels = [...LEVELS].reverse();
  const blocks: Block[] = [];
  blocks.push({
    title: t('ui.overview.byLevel'),
    head: [t('ui.level'), t('ui.incidents'), t('ui.people')],
    rows: [...levels.map((l) => [levelText(l, t), n(s.byLevel[l].incidents), n(s.byLevel[l].people)]), [t('ui.total'), n(s.incidents), n(s.people)]],
    right: [1, 2],
    levels: [...levels, undefined],
  });
  const cols = s.heatMap.columns;
  blocks.push({
    title: t('ui.overview.heatMap'),
    head: [t('ui.level'), ...cols.map((c) => t(`heat.${c}`))],
    rows: levels.map((l) => [levelText(l, t), ...cols.map((c) => {
      const v = s.heatMap.rows[l][c] ?? 0;
      return v ? n(v) : '·';
    })]),
    right: cols.map((_, i) => i + 1),
    levels,
    notes: [t('ui.overview.heatMap.why')],
  });
  const ob = Object.entries(s.obligations);
  blocks.push({
    title: t('ui.obligations'),
    head: [t('ui.obligation'), t('ui.incidents'), t('ui.overview.dated'), t('ui.overview.earliestDue')],
    rows: ob.length
      ? ob.map(([code, o]) => [t(`obligation.${code}`), n(o.count), n(o.dated), o.earliestDue ? `${longDateTime(o.earliestDue, lang)} (${sourceName(o.earliestSource)})` : t('ui.overview.noDate')])
      : [[t('ui.none'), '', '', '']],
    right: [1, 2],
    notes: [t('ui.overview.dueNote')],
  });
  blocks.push({
    title: t('ui.overview.exposure'),
    head: [t('ui.overview.regime'), t('ui.incidents'), t('ui.overview.currency'), t('ui.overview.min'), t('ui.overview.max')],
    rows: s.exposure.length ? s.exposure.map((e) => [lawCite(e.regime, lang), n(e.incidents), e.currency, n(Math.round(e.min)), n(Math.round(e.max))]) : [[t('ui.none'), '', '', '', '']],
    right: [1, 3, 4],
    notes: [t('ui.overview.exposureNote')],
  });
  const shown = s.caveatVariants.slice(0, MAX_CAVEAT_ROWS);
  const hidden = s.caveatVariants.length - shown.length;
  blocks.push({
    title: t('ui.overview.caveats'),
    head: [t('ui.overview.caveat'), t('ui.incidents')],
    rows: shown.length ? shown.map((v) => [`[${v.caveat.code}] ${v.varied ? t(`caveat.${v.caveat.code}`).replace(/\{\w+\}/g, '…') : caveatText(v.caveat, t)}`, n(v.incidents)]) : [[t('ui.none'), '']],
    right: [1],
    ...(hidden > 0 ? { notes: [t('ui.overview.moreCaveats', { more: n(hidden) })] } : {}),
  });
  return { headline, blocks };
}

/** Distinct caveats listed in the overview; the rest are counted in a note (all are in each incident). */
export const MAX_CAVEAT_ROWS = 25;

/** The one-line-per-incident list, worst first. */
export function incidentsBlock(lines: IncidentLine[], total: number, ctx: ReportContext): Block {
  const { t, lang } = ctx;
  const n = (x: number) => fmtNumber(x, lang);
  const all = lines.length >= total;
  const notes: string[] = [];
  if (!all) notes.push(t('ui.overview.more', { more: n(total - lines.length) }));
  if (!ctx.detail && total > (ctx.detailThreshold ?? Infinity)) notes.push(t('ui.overview.detailHint', { threshold: n(ctx.detailThreshold ?? 0) }));
  return {
    title: all ? t('ui.overview.all') : t('ui.overview.worst', { n: n(lines.length) }),
    head: ['#', t('ui.level'), t('ui.score'), t('ui.people'), t('ui.incident'), t('ui.source'), t('ui.obligations')],
    rows: lines.map((l, i) => [n(i + 1), levelText(l.level, t), String(l.score), n(l.subjects), userText(l.title, t('ui.untitled')), sourceName(l.source), l.obligations.map((o) => t(`obligation.short.${o}`)).join(', ')]),
    right: [0, 2, 3],
    optional: [6],
    levels: lines.map((l) => l.level),
    notes,
  };
}
