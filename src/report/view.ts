// The localised view of an assessment that every renderer draws from: text is derived here once.
import type { Assessment } from '../core/assessment.js';
import type { Translator } from '../i18n/index.js';
import type { Factor } from '../severity/types.js';
import type { Basis, Obligation } from '../law/types.js';
import type { Level } from '../core/vocab.js';
import { cleanText } from '../util/sanitize.js';
import { longDate } from '../util/long-date.js';

export interface ReportContext {
  t: Translator;
  lang: 'es' | 'en';
  version: string;
  /** How many incidents the run holds, when known before rendering (the CLI knows it). */
  count?: number;
  /** Details of every incident even above the threshold. */
  detail?: boolean;
  /** Above this many incidents, table and markdown show the overview and a list, not details. */
  detailThreshold?: number;
  /** --fail-on: SARIF reports only incidents at or above it. */
  failOn?: Level;
  /** Line of the incident in its file (1 when unknown). */
  lineOf?: (a: Assessment) => number;
}

export const DEFAULT_DETAIL_THRESHOLD = 20;

export function basisText(b: Basis): string {
  return `${b.law}${b.article ? ` art. ${b.article}` : ''}${b.dof ? ` (DOF ${b.dof})` : ''}`;
}

export function recipientText(o: Obligation, t: Translator): string {
  const base = t(`recipient.${o.recipient.code}`);
  return o.recipient.name ? `${o.recipient.name}: ${base}` : base;
}

export function deadlineText(o: Obligation, t: Translator): string {
  const main = t(`deadline.${o.deadline.code}`);
  const ms = (o.deadline.milestones ?? []).map((m) => t(`milestone.${m.code}`, { businessDays: m.businessDays, hours: m.hours }));
  return ms.length ? `${main}; ${ms.join('; ')}` : main;
}

export function factorText(f: Factor, t: Translator): string {
  return t(`rule.${f.rule}`);
}

export function levelText(level: string, t: Translator): string {
  return t(`level.${level}`);
}

/** Plain, safe text from an input file (titles, names, notes). */
export function userText(s: string | undefined, fallback = ''): string {
  return s === undefined ? fallback : cleanText(s);
}

const DATE_ARGS = new Set(['date', 'until', 'from', 'month']);
const STATUS_ARGS = new Set(['status', 'successorStatus']);
const AUTHORITY_ARGS = new Set(['authority', 'successor']);

/**
 * A caveat in words. Arguments that are codes (a rule's status, an authority) become words and
 * dates take the language's long form; the JSON keeps the codes and ISO dates in `caveatCodes`.
 */
export function caveatText(c: { code: string; args?: Record<string, string | number> }, t: Translator): string {
  if (!c.args) return t(`caveat.${c.code}`);
  const lang = t.lang ?? 'en';
  const args: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(c.args)) {
    if (typeof v !== 'string') args[k] = v;
    else if (STATUS_ARGS.has(k)) args[k] = t(`status.${v}`);
    else if (DATE_ARGS.has(k)) args[k] = longDate(v, lang);
    else if (AUTHORITY_ARGS.has(k) && t(`authority.${v}`) !== `authority.${v}`) args[k] = t(`authority.${v}`);
    else if (k === 'calendar') args[k] = t(`calendar.${v}`);
    else args[k] = cleanText(v);
  }
  return t(`caveat.${c.code}`, args);
}

export function caveatTexts(a: Assessment, t: Translator): string[] {
  return a.caveats.map((c) => caveatText(c, t));
}

export function reasonTexts(a: Assessment, t: Translator): string[] {
  return a.significantImpact.reasons.map((r) => t(`reason.${r.code}`, r.args));
}

const formats: Partial<Record<'es' | 'en', Intl.NumberFormat>> = {};
const integers: Partial<Record<'es' | 'en', Map<number, string>>> = {};

/**
 * A number in the reader's language. One Intl.NumberFormat per language (toLocaleString builds
 * one per call, which dominated large reports); small integers, the usual scores and counts, are
 * remembered.
 */
export function fmtNumber(n: number, lang: 'es' | 'en'): string {
  const f = (formats[lang] ??= new Intl.NumberFormat(lang === 'es' ? 'es-MX' : 'en-US', { maximumFractionDigits: 2 }));
  if (Number.isInteger(n) && n >= 0 && n < 1000) {
    const cache = (integers[lang] ??= new Map());
    let s = cache.get(n);
    if (s === undefined) cache.set(n, (s = f.format(n)));
    return s;
  }
  return f.format(n);
}

export function controllerText(a: Assessment, t: Translator): string {
  const c = a.incident.controller;
  const parts = [t(`ui.sector.${c.sector}`), c.branch, c.industry, c.state && cleanText(c.state), c.role === 'processor' ? 'processor' : undefined].filter(Boolean);
  return `${userText(c.name, '-')} (${parts.join(', ')})`;
}
