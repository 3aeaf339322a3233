// The localised view of an assessment that every renderer draws from: text is derived here once.
import type { Assessment } from '../core/assessment.js';
import type { Translator } from '../i18n/index.js';
import type { Factor } from '../severity/types.js';
import type { Basis, Obligation } from '../law/types.js';
import type { Level } from '../core/vocab.js';
import { cleanText } from '../util/sanitize.js';
import { addDays } from '../law/calendar.js';
import { longDate, longDateTime } from '../util/long-date.js';
import { fieldById } from '../fields/catalogue.js';
import { LAWS } from '../law/rules.js';
import { authorityKey } from '../law/obligations.js';
import { ordinalForEnglish } from '../util/ordinals.js';

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

/** A law as a reader cites it ("LGPDPPSO de 2017"); the code when the law is not in the data. */
export function lawCite(code: string, lang: 'es' | 'en'): string {
  return LAWS[code]?.cite[lang] ?? code;
}

/** "LGPDPPSO de 2017, art. 40 (DOF 26 de enero de 2017)": a citation for people; JSON keeps the codes. */
export function basisText(b: Basis, lang: 'es' | 'en'): string {
  return `${lawCite(b.law, lang)}${b.article ? `${lang === 'es' ? ',' : ''} ${articleText(b.article, lang)}` : ''}${b.dof ? ` (DOF ${longDate(b.dof, lang)})` : ''}`;
}

/** "40, 41" → "arts. 40, 41"; in English, "transitorio quinto" → "transitory art. Fifth". */
function articleText(article: string, lang: 'es' | 'en'): string {
  if (lang === 'es') article = article.replace(/ to /g, ' a ');
  const trans = /^transitorios?(?:\s+(.+))?$/i.exec(article);
  if (trans && lang === 'en') return `transitory ${trans[1] ? `art. ${trans[1].split(/,\s*/).map(ordinalForEnglish).join(', ')}` : 'articles'}`;
  if (trans) return `art. ${article}`;
  return `${/,/.test(article) ? 'arts.' : 'art.'} ${article}`;
}

/** "LGPDPPSO-2025 3-II; DECRETO-2025-03-20 transitorio cuarto" (a caveat's argument) as citations for people. */
function citedList(v: string, lang: 'es' | 'en'): string {
  return v.split(/;\s*/).map((part) => {
    const m = /^(\S+)(?:\s+(.+))?$/.exec(part.trim());
    return m && LAWS[m[1]!] ? basisText({ law: m[1]!, ...(m[2] && { article: m[2] }) }, lang) : cleanText(part);
  }).join('; ');
}

/** A factor's value for people: numbers as they are, the floor's level in words. */
export function factorValue(v: number | string, t: Translator): string {
  return typeof v === 'number' ? String(v) : levelText(v, t);
}

/** Several citations in one line. */
export function basisList(list: readonly Basis[], lang: 'es' | 'en'): string {
  return list.map((b) => basisText(b, lang)).join('; ');
}

export function recipientText(o: Obligation, t: Translator): string {
  // A state's organismo garante that has ceased is never named: the state's harmonised law says who.
  const base = t(o.recipient.ended ? `recipient.${o.recipient.code}.ended` : `recipient.${o.recipient.code}`);
  return o.recipient.name ? `${o.recipient.name}: ${base}` : base;
}

export function deadlineText(o: Obligation, t: Translator): string {
  const lang = t.lang ?? 'en';
  const main = t(`deadline.${o.deadline.code}`);
  const ms = (o.deadline.milestones ?? []).map((m) => `${t(`milestone.${m.code}`, { businessDays: m.businessDays, hours: m.hours })}${m.due ? ` (${longDateTime(m.due, lang)})` : ''}`);
  return ms.length ? `${main}; ${ms.join('; ')}` : main;
}

/** The dates of an obligation for people: when it is due, the hour-by-hour count, good practice, a handover. */
export function dueText(o: Obligation, t: Translator): string | undefined {
  const lang = t.lang ?? 'en';
  const d = o.deadline;
  const parts: string[] = [];
  if (d.due) parts.push(longDateTime(d.due, lang));
  if (d.dueByHours) parts.push(t('ui.dueByHours', { at: longDateTime(d.dueByHours, lang) }));
  if (d.recommended) parts.push(t('ui.recommended', { at: longDateTime(d.recommended, lang) }));
  if (d.handover) parts.push(t('ui.handover', { from: longDate(addDays(d.handover.until, 1), lang), successor: t(`recipient.${d.handover.successor}`) }));
  return parts.length ? parts.join('; ') : undefined;
}

/** The lines of one obligation, shared by the table and Markdown reports (plain text, not yet escaped). */
export function obligationLines(o: Obligation, t: Translator): { title: string; lines: string[]; basis: string } {
  const due = dueText(o, t);
  const lang = t.lang ?? 'en';
  return {
    title: `${t(`obligation.${o.code}`)} [${o.code}${o.authority ? `, ${o.authority}` : ''}]${o.statutory ? '' : ` (${t('ui.statutory.no')})`}`,
    lines: [
      `${t('ui.recipient')}: ${recipientText(o, t)}`,
      `${t('ui.deadline')}: ${deadlineText(o, t)}`,
      ...(due ? [`${t('ui.due')}: ${due}`] : []),
      ...(o.content.length ? [`${t('ui.content')}: ${o.content.map((k) => t(`content.${k}`)).join('; ')}`] : []),
    ],
    basis: `${t('ui.basis')}: ${basisList(o.basis, lang)} (${t(`status.${o.status}`)})`,
  };
}

/** The penalty lines after the ranges: referral, liability, crimes, notes (shared by table and Markdown). */
export function penaltyLines(p: Assessment['penalties'], t: Translator): string[] {
  const lang = t.lang ?? 'en';
  return [
    ...(p.liability ?? []).map((l) => `${t(`liability.${l.code}`)} (${basisList(l.basis, lang)})`),
    ...(p.referral ? [`${t('ui.referral', { days: p.referral.days })} (${basisList(p.referral.basis, lang)})`] : []),
    ...p.crimes.map((c) => `${t('ui.crimes')}: ${t(`crime.${c.code}`)}: ${c.prison[lang]} (${basisList(c.basis, lang)})`),
    ...p.notes.map((note) => t(`note.${note}`)),
  ];
}

/** A penalty unit (`UMA`, `salario-minimo`) in words: one unit (`1 UMA = ...`), or the plural after a range. */
export function unitText(unit: string | null | undefined, t: Translator, form: 'one' | 'short' = 'one'): string {
  if (!unit) return '-';
  const key = `unit.${form}.${unit}`;
  const text = t(key);
  return text === key ? cleanText(unit) : text;
}

/** A penalty range's label: coercive measures are marked as not being a sanction for the breach. */
export function rangeText(r: Assessment['penalties']['ranges'][number], t: Translator): string {
  return r.kind === 'coercive' ? `${t(`penalty.${r.code}`)} (${t('ui.coercive')})` : t(`penalty.${r.code}`);
}

/** A factor's evidence in words: field types by label, circumstances and counts named in the language. */
export function evidenceText(e: string, t: Translator): string {
  const lang = t.lang ?? 'en';
  const field = fieldById(e);
  if (field) return field.label[lang];
  const m = /^([a-z. ()]+): (.+)$/.exec(e);
  if (m && t(`evidence.${m[1]}`) !== `evidence.${m[1]}`) {
    const v = m[2]!;
    const value = /^\d+$/.test(v) ? fmtNumber(Number(v), lang) : t(`evidence.value.${v}`) !== `evidence.value.${v}` ? t(`evidence.value.${v}`) : fieldById(v)?.label[lang] ?? cleanText(v);
    return `${t(`evidence.${m[1]}`)}: ${value}`;
  }
  return cleanText(e);
}

/** The basis of a severity rule in the language (data/severity.yaml holds the English one for JSON). */
export function ruleBasisText(f: Factor, t: Translator): string {
  const key = `ruleBasis.${f.rule}`;
  return t(key) === key ? cleanText(f.basis) : t(key);
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
    if (typeof v === 'number' && k === 'people') args[k] = fmtNumber(v, lang);
    else if (typeof v !== 'string') args[k] = v;
    else if (STATUS_ARGS.has(k)) args[k] = t(`status.${v}`);
    else if (DATE_ARGS.has(k)) args[k] = longDate(v, lang);
    else if (AUTHORITY_ARGS.has(k) && t(`authority.${v}`) !== `authority.${v}`) args[k] = t(`authority.${v}`);
    else if (k === 'calendar') args[k] = t(`calendar.${v}`);
    else if (k === 'unit') args[k] = unitText(v, t);
    else if (k === 'milestone') args[k] = t(`milestone.${v}`, { businessDays: c.args.businessDays, hours: c.args.hours });
    else if (k === 'basis') args[k] = citedList(v, lang);
    else if (k === 'rule') {
      // A rule family (notify-data-subjects-public) in words: the obligation and the sector.
      const m = /^(.+?)(?:-(public|private|banking|fintech|insurance|health))?$/.exec(v)!;
      const name = t(`obligation.${m[1]}`);
      args[k] = name === `obligation.${m[1]}` ? cleanText(v) : `${name}${m[2] ? `, ${t(`ui.ruleSector.${m[2]}`)}` : ''}`;
    }
    else args[k] = cleanText(v);
  }
  return t(`caveat.${c.code}`, args);
}

export function caveatTexts(a: Assessment, t: Translator): string[] {
  return a.caveats.map((c) => caveatText(c, t));
}

/** A field type by its label in the report's language (the id when the catalogue does not know it). */
export function fieldLabel(id: string, lang: 'es' | 'en'): string {
  return fieldById(id)?.label[lang] ?? cleanText(id);
}

/** One significance reason in words: field ids become labels, group codes become words. */
export function reasonText(r: { code: string; args?: Record<string, string | number> }, t: Translator): string {
  const lang = t.lang ?? 'en';
  const args: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(r.args ?? {})) {
    if (typeof v !== 'string') args[k] = v;
    else if (k === 'field') args[k] = fieldLabel(v, lang);
    else if (k === 'fields') args[k] = v.split(/,\s*/).map((x) => fieldLabel(x, lang)).join(', ');
    else if (k === 'group') args[k] = t(`group.${v}`);
    else args[k] = cleanText(v);
  }
  return t(`reason.${r.code}`, args);
}

export function reasonTexts(a: Assessment, t: Translator): string[] {
  return a.significantImpact.reasons.map((r) => reasonText(r, t));
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

/** "Name (public, Federal Executive, health, Jalisco, processor ...)": every code in words. */
export function controllerText(a: Assessment, t: Translator): string {
  const c = a.incident.controller;
  const parts = [
    t(`ui.sector.${c.sector}`),
    c.branch && t(`branch.one.${authorityKey(c)}`),
    c.industry && t(`industry.${c.industry}`),
    c.state && cleanText(c.state),
    c.role === 'processor' ? t('ui.role.processor') : undefined,
  ].filter(Boolean);
  return `${userText(c.name, '-')} (${parts.join(', ')})`;
}
