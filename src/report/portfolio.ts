// How table and markdown lay out a run: one incident as today; several: the overview first, then
// the details; above the threshold: the overview and the worst incidents, details only on request.
// Memory: at most `threshold` assessments are held; above it the input is read once for the
// summary and, with --detail, a second time for the details (the CLI re-assesses: linear time).
import type { Assessment } from '../core/assessment.js';
import { overviewBlocks, incidentsBlock, type Overview, type Block } from './overview.js';
import { type IncidentLine, type PortfolioSummary, SummaryBuilder } from './summary.js';
import { DEFAULT_DETAIL_THRESHOLD, type ReportContext } from './view.js';

export interface Layout {
  /** `data`: the summary and the listed incidents as numbers, for layouts that draw them (HTML). */
  overview(o: Overview, list: Block, data: { summary: PortfolioSummary; lines: IncidentLine[] }): string;
  detail(a: Assessment, first: boolean): string;
}

export function* portfolio(input: Iterable<Assessment>, ctx: ReportContext, layout: Layout): Generator<string> {
  const threshold = ctx.detailThreshold ?? DEFAULT_DETAIL_THRESHOLD;
  // The CLI always says how many incidents there are; other callers pass arrays (or are held).
  const list = Array.isArray(input) || ctx.count === undefined ? [...input] : undefined;
  const count = list ? list.length : ctx.count!;
  const source = list ?? input;
  if (count <= threshold) {
    const held = list ?? [...input];
    if (held.length > 1) yield overview(held, ctx, Infinity, layout);
    let first = true;
    for (const a of held) {
      yield layout.detail(a, first);
      first = false;
    }
    return;
  }
  yield overview(source, ctx, ctx.detail ? Infinity : threshold, layout);
  if (!ctx.detail) return;
  let first = true;
  for (const a of source) {
    yield layout.detail(a, first);
    first = false;
  }
}

function overview(input: Iterable<Assessment>, ctx: ReportContext, keep: number, layout: Layout): string {
  const b = new SummaryBuilder(keep);
  for (const a of input) b.add(a);
  const summary = b.result();
  const lines = b.worstLines();
  return layout.overview(overviewBlocks(summary, ctx), incidentsBlock(lines, b.count, ctx), { summary, lines });
}

