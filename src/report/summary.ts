// The portfolio summary: what a consultant or a CI job reads first. Built incrementally, one
// assessment at a time, in memory that does not grow with the number of incidents (except the
// one-line list of incidents, kept only when every incident is to be listed).
import type { Assessment, Caveat } from '../core/assessment.js';
import { LEVELS, levelRank, type Level } from '../core/vocab.js';

/** One incident in a line: what the sorted list of incidents shows. */
export interface IncidentLine {
  source: string;
  title: string | undefined;
  level: Level;
  score: number;
  subjects: number;
  obligations: string[];
  /** Input order: ties in severity keep it. */
  seq: number;
}

export interface ObligationSummary {
  count: number;
  /** Earliest date and time one of them is due (ISO 8601 with offset, as `deadline.due`). */
  earliestDue?: string;
  /** The incident (source) whose obligation is due first. */
  earliestSource?: string;
  /** How many of them have a due date (the others: "without delay", per contract...). */
  dated: number;
}

export interface Exposure { currency: string; regime: string; incidents: number; min: number; max: number }

/**
 * The heat map crosses severity level with who the controller is: the public branch, or the
 * private sector. A consultant reads it best: the branch decides which law, authority and
 * deadline apply, so the map says where in the client's register the worst incidents and their
 * duties sit. (Severity x people would mostly restate the volume factor already in the score.)
 */
export type HeatColumn = string;

export interface PortfolioSummary {
  incidents: number;
  worstLevel: Level | null;
  people: number;
  byLevel: Record<Level, { incidents: number; people: number }>;
  heatMap: { columns: HeatColumn[]; rows: Record<Level, Record<HeatColumn, number>> };
  obligations: Record<string, ObligationSummary>;
  exposure: Exposure[];
  caveats: Record<string, number>;
  /** For people: each distinct caveat (code and arguments) with its incident count, most frequent first; not in JSON. */
  caveatVariants: CaveatVariant[];
}

/** A caveat as the overview lists it; `varied`: its arguments differ from incident to incident, so only its code is kept. */
export interface CaveatVariant { caveat: Caveat; incidents: number; varied?: boolean }

/** A caveat's identity (code and arguments). */
function variantKey(c: Caveat): string {
  let key = '';
  if (c.args) for (const k in c.args) key += `${k}\u0001${c.args[k]}\u0002`;
  return key;
}

/** Distinct argument sets kept per caveat code; past this the code is listed once, without its arguments. */
const MAX_VARIANTS_PER_CODE = 8;

export function heatColumnOf(a: Assessment): HeatColumn {
  const c = a.incident.controller;
  return c.sector === 'public' ? c.branch ?? 'public' : 'private';
}

/** Severity order: level, then score, then people, then input order. */
export function worseFirst(x: IncidentLine, y: IncidentLine): number {
  return levelRank(y.level) - levelRank(x.level) || y.score - x.score || y.subjects - x.subjects || x.seq - y.seq;
}

export class SummaryBuilder {
  private n = 0;
  private worst = -1;
  private people = 0;
  private readonly byLevel = Object.fromEntries(LEVELS.map((l) => [l, { incidents: 0, people: 0 }])) as Record<Level, { incidents: number; people: number }>;
  private readonly heat = Object.fromEntries(LEVELS.map((l) => [l, {}])) as Record<Level, Record<string, number>>;
  private readonly columns = new Set<string>();
  private readonly obligations = new Map<string, ObligationSummary>();
  private readonly exposure = new Map<string, Exposure>();
  private readonly caveats = new Map<string, number>();
  /** Per caveat code: its distinct variants, or null once they are too many to list. */
  private readonly variants = new Map<string, Map<string, CaveatVariant> | null>();
  /** The worst `keep` incidents, or all of them when keep is Infinity. */
  private lines: IncidentLine[] = [];

  constructor(private readonly keep: number) {}

  add(a: Assessment): void {
    const level = a.severity.level;
    this.n++;
    this.worst = Math.max(this.worst, levelRank(level));
    this.people += a.subjects;
    const bl = this.byLevel[level];
    bl.incidents++;
    bl.people += a.subjects;
    const col = heatColumnOf(a);
    this.columns.add(col);
    this.heat[level][col] = (this.heat[level][col] ?? 0) + 1;

    for (const o of a.obligations) {
      let s = this.obligations.get(o.code);
      if (!s) this.obligations.set(o.code, (s = { count: 0, dated: 0 }));
      s.count++;
      const due = dueOf(o);
      if (due) {
        s.dated++;
        if (s.earliestDue === undefined || Date.parse(due) < Date.parse(s.earliestDue)) {
          s.earliestDue = due;
          s.earliestSource = a.source;
        }
      }
    }
    // Exposure: each incident's fine range under each regime (the law that sets it); ranges
    // marked `additional` (persistence) are not added, so the sum is what the breach itself risks.
    const perRegime = new Map<string, { min: number; max: number }>();
    for (const r of a.penalties.ranges) {
      if (r.additional) continue;
      const regime = r.basis[0]?.law ?? '-';
      const cur = perRegime.get(regime);
      if (!cur) perRegime.set(regime, { min: r.mxn.min, max: r.mxn.max });
      else { cur.min = Math.min(cur.min, r.mxn.min); cur.max = Math.max(cur.max, r.mxn.max); }
    }
    for (const [regime, r] of perRegime) {
      const key = `${a.penalties.currency}|${regime}`;
      const e = this.exposure.get(key);
      if (!e) this.exposure.set(key, { currency: a.penalties.currency, regime, incidents: 1, min: r.min, max: r.max });
      else { e.incidents++; e.min += r.min; e.max += r.max; }
    }
    for (const c of a.caveats) {
      this.caveats.set(c.code, (this.caveats.get(c.code) ?? 0) + 1);
      let byArgs = this.variants.get(c.code);
      if (byArgs === null) continue;
      if (!byArgs) this.variants.set(c.code, (byArgs = new Map()));
      const key = variantKey(c);
      const v = byArgs.get(key);
      if (v) v.incidents++;
      else if (byArgs.size < MAX_VARIANTS_PER_CODE) byArgs.set(key, { caveat: c, incidents: 1 });
      else this.variants.set(c.code, null);
    }

    if (this.keep > 0) {
      const line: IncidentLine = { source: a.source, title: a.incident.title, level, score: a.severity.score, subjects: a.subjects, obligations: a.obligations.map((o) => o.code), seq: this.n };
      this.lines.push(line);
      // Bounded: when the buffer doubles past `keep`, only the worst `keep` survive (amortised linear).
      if (this.lines.length >= 2 * this.keep && this.keep !== Infinity) this.lines = this.lines.sort(worseFirst).slice(0, this.keep);
    }
  }

  get count(): number { return this.n; }

  /** The incidents kept, worst first. */
  worstLines(): IncidentLine[] {
    this.lines.sort(worseFirst);
    if (this.lines.length > this.keep) this.lines.length = this.keep;
    return this.lines;
  }

  result(): PortfolioSummary {
    const order = [...this.columns].sort((x, y) => columnRank(x) - columnRank(y));
    const rows = Object.fromEntries(LEVELS.map((l) => [l, Object.fromEntries(order.map((c) => [c, this.heat[l][c] ?? 0]))])) as Record<Level, Record<string, number>>;
    return {
      incidents: this.n,
      worstLevel: this.worst < 0 ? null : LEVELS[this.worst]!,
      people: this.people,
      byLevel: this.byLevel,
      heatMap: { columns: order, rows },
      obligations: Object.fromEntries([...this.obligations].sort(([x], [y]) => OBLIGATION_ORDER.indexOf(x) - OBLIGATION_ORDER.indexOf(y))),
      exposure: [...this.exposure.values()].sort((x, y) => x.currency.localeCompare(y.currency) || x.regime.localeCompare(y.regime)),
      caveats: Object.fromEntries([...this.caveats].sort(([xa, x], [ya, y]) => y - x || xa.localeCompare(ya))),
      caveatVariants: [...this.variants].flatMap(([code, byArgs]): CaveatVariant[] => (byArgs ? [...byArgs.values()] : [{ caveat: { code }, incidents: this.caveats.get(code) ?? 0, varied: true }]))
        .sort((x, y) => y.incidents - x.incidents || x.caveat.code.localeCompare(y.caveat.code)),
    };
  }
}

const OBLIGATION_ORDER = ['notify-data-subjects', 'notify-authority', 'log-breach', 'root-cause-analysis', 'sector-report', 'notify-controller'];
const COLUMN_ORDER = ['federal-executive', 'federal-judiciary', 'federal-legislative', 'autonomous', 'political-party', 'state', 'municipal', 'public', 'private'];
function columnRank(c: string): number {
  const i = COLUMN_ORDER.indexOf(c);
  return i < 0 ? COLUMN_ORDER.length : i;
}

/**
 * When an obligation is due: its own `deadline.due`, else its earliest milestone (e.g. the CNBV's
 * 48 hours). Obligations "without delay" have no date.
 */
export function dueOf(o: Assessment['obligations'][number]): string | undefined {
  if (o.deadline.due) return o.deadline.due;
  let first: string | undefined;
  for (const m of o.deadline.milestones ?? []) if (m.due && (first === undefined || Date.parse(m.due) < Date.parse(first))) first = m.due;
  return first;
}
