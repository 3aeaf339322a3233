// --format json: contract.md §5, schemaVersion 1. Codes and keys never change with language.
import type { Assessment } from '../core/assessment.js';
import type { Translator } from '../i18n/index.js';
import type { Obligation } from '../law/types.js';
import type { Severity } from '../severity/types.js';
import { type PortfolioSummary, SummaryBuilder } from './summary.js';
import { caveatTexts, deadlineText, reasonTexts, recipientText, DEFAULT_DETAIL_THRESHOLD, type ReportContext, userText } from './view.js';

function severityJson(s: Severity) {
  return {
    level: s.level,
    score: s.score,
    vector: s.vector,
    enisa: s.enisa,
    factors: s.factors.map((f) => ({
      factor: f.factor, value: f.value, rule: f.rule, evidence: f.evidence.map((e) => userText(e)), basis: f.basis,
      ...(f.from !== undefined && { from: f.from }),
      ...(f.dataset !== undefined && { dataset: userText(f.dataset) }),
    })),
  };
}

function obligationJson(o: Obligation, t: Translator) {
  const d = o.deadline;
  return {
    code: o.code,
    to: o.to,
    ...(o.authority && { authority: o.authority }),
    recipient: recipientText(o, t),
    recipientCode: o.recipient.code,
    ...(o.recipient.name && { recipientName: o.recipient.name }),
    ...(o.recipient.ended && { recipientEnded: true }),
    deadline: {
      text: deadlineText(o, t), hours: d.hours, code: d.code, status: d.status,
      ...(d.milestones && { milestones: d.milestones }),
      ...(d.counting && { counting: d.counting }),
      ...(d.calendar && { calendar: d.calendar }),
      ...(d.from && { from: d.from }),
      ...(d.fromAssumed && { fromAssumed: true }),
      ...(d.due && { due: d.due }),
      ...(d.dueByHours && { dueByHours: d.dueByHours }),
      ...(d.practiceHours !== undefined && { practiceHours: d.practiceHours }),
      ...(d.recommended && { recommended: d.recommended }),
      ...(d.handover && { handover: d.handover }),
    },
    title: t(`obligation.${o.code}`),
    content: o.content.map((k) => t(`content.${k}`)),
    contentCodes: o.content,
    ...(o.contentStatus && { contentStatus: o.contentStatus }),
    basis: o.basis,
    status: o.status,
    statutory: o.statutory,
    rule: o.rule,
  };
}

export function assessmentJson(a: Assessment, ctx: ReportContext, lean = false) {
  const { t } = ctx;
  const inc = a.incident;
  const c = inc.controller;
  return {
    source: userText(a.source),
    incident: {
      ...(inc.title !== undefined && { title: userText(inc.title) }),
      discovered: inc.discovered,
      ...(inc.discoveredDefaulted && { discoveredDefaulted: true }),
      controller: {
        ...(c.name !== undefined && { name: userText(c.name) }),
        sector: c.sector,
        ...(c.branch && { branch: c.branch }),
        ...(c.state !== undefined && { state: userText(c.state) }),
        ...(c.industry && { industry: c.industry }),
        role: c.role,
        ...(c.onBehalfOf && { onBehalfOf: { ...c.onBehalfOf, ...(c.onBehalfOf.name !== undefined && { name: userText(c.onBehalfOf.name) }), ...(c.onBehalfOf.state !== undefined && { state: userText(c.onBehalfOf.state) }) } }),
      },
      circumstances: inc.circumstances,
      ...(inc.subjects.groups.length && { groups: inc.subjects.groups }),
    },
    asOf: a.asOf,
    asOfSource: a.asOfSource,
    law: a.law,
    subjects: a.subjects,
    // `lean`: placeholders that assessmentJsonText fills in (same key order).
    severity: lean ? 0 : severityJson(a.severity),
    datasets: lean ? 0 : a.datasets.map((d) => ({
      name: userText(d.name),
      records: d.records,
      fields: d.fields,
      ...(d.notes !== undefined && { notes: userText(d.notes) }),
      severity: severityJson(d.severity),
    })),
    significantImpact: {
      value: a.significantImpact.value,
      patrimonial: a.significantImpact.patrimonial,
      moral: a.significantImpact.moral,
      reasons: reasonTexts(a, t),
      reasonCodes: a.significantImpact.reasons,
    },
    // `lean`: left for assessmentJsonText to fill in from its cache.
    obligations: lean ? [] : obligationsJson(a.obligations, t),
    ...(a.controllerObligations && { controllerObligations: a.controllerObligations.map((o) => obligationJson(o, t)) }),
    penalties: lean ? null : penaltiesJson(a.penalties, t),
    caveats: caveatTexts(a, t),
    caveatCodes: a.caveats,
  };
}

function obligationsJson(obligations: Assessment['obligations'], t: Translator) {
  return obligations.map((o) => obligationJson(o, t));
}

function penaltiesJson(p: Assessment['penalties'], t: Translator) {
  return {
    ...p,
    ranges: p.ranges.map((r) => ({ ...r, text: t(`penalty.${r.code}`) })),
    ...(p.liability && { liability: p.liability.map((l) => ({ ...l, text: t(`liability.${l.code}`) })) }),
    crimes: p.crimes.map((c) => ({ ...c, text: t(`crime.${c.code}`) })),
    notes: p.notes.map((n) => t(`note.${n}`)),
    noteCodes: p.notes,
    };
}

/**
 * Obligations and penalties are shared between incidents in the same legal situation (the law
 * engine memoises them): their JSON text is made once per language and reused.
 */
const fragments = new WeakMap<Translator, WeakMap<object, string>>();
function fragment<T extends object>(value: T, t: Translator, make: (v: T, t: Translator) => unknown, keep = true): string {
  let m = fragments.get(t);
  if (!m) fragments.set(t, (m = new WeakMap()));
  let s = m.get(value);
  if (s === undefined) {
    s = JSON.stringify(make(value, t));
    if (keep) m.set(value, s);
  }
  return s;
}

/** Obligations with a due date belong to one incident; the others are shared and remembered. */
function obligationsText(list: Assessment['obligations'], t: Translator): string {
  return `[${list.map((o) => fragment(o, t, obligationJson, !o.deadline.from)).join(',')}]`;
}

/** Factors are shared between datasets and incidents in the same situation: their text is made once. */
const factorTexts = new WeakMap<object, string>();
function factorText(f: Severity['factors'][number]): string {
  let s = factorTexts.get(f);
  if (s === undefined) {
    // The volume factor and factors tagged with a dataset belong to one incident: not remembered.
    const own = f.factor === 'V' || f.dataset !== undefined;
    s = JSON.stringify({
      factor: f.factor, value: f.value, rule: f.rule, evidence: f.evidence.map((e) => userText(e)), basis: f.basis,
      ...(f.from !== undefined && { from: f.from }),
      ...(f.dataset !== undefined && { dataset: userText(f.dataset) }),
    });
    if (!own) factorTexts.set(f, s);
  }
  return s;
}

function severityText(s: Severity): string {
  return `{"level":${JSON.stringify(s.level)},"score":${JSON.stringify(s.score)},"vector":${JSON.stringify(s.vector)},"enisa":${JSON.stringify(s.enisa)},"factors":[${s.factors.map(factorText).join(',')}]}`;
}

/** A field's view depends on its id and on the dates that make it sensitive: a few texts in all. */
const fieldTexts = new Map<string, string>();
function fieldText(f: Assessment['datasets'][number]['fields'][number]): string {
  // Category, patrimonial and moral are the catalogue's, fixed per id; the dates set the other two.
  const key = `${f.id}|${+f.sensitive}|${+f.possiblySensitive}|${Object.keys(f).length}`;
  let s = fieldTexts.get(key);
  if (s === undefined) {
    s = JSON.stringify(f);
    if (fieldTexts.size < 10000) fieldTexts.set(key, s);
  }
  return s;
}

/** One assessment as compact JSON text: the same value as JSON.stringify(assessmentJson(a, ctx)). */
export function assessmentJsonText(a: Assessment, ctx: ReportContext): string {
  const { obligations: _o, penalties: _p, controllerObligations, caveats, caveatCodes, ...head } = assessmentJson(a, ctx, true);
  const extra = controllerObligations ? `,"controllerObligations":${JSON.stringify(controllerObligations)}` : '';
  // User texts are JSON strings (their quotes escaped), so the placeholder occurs once, as written.
  const placeholder = '"severity":0,"datasets":0';
  const headText = JSON.stringify(head);
  const at = headText.indexOf(placeholder);
  const datasets = a.datasets.map((d) => `{"name":${JSON.stringify(userText(d.name))},"records":${d.records},"fields":[${d.fields.map(fieldText).join(',')}]${d.notes !== undefined ? `,"notes":${JSON.stringify(userText(d.notes))}` : ''},"severity":${severityText(d.severity)}}`);
  const body = `${headText.slice(0, at)}"severity":${severityText(a.severity)},"datasets":[${datasets.join(',')}]${headText.slice(at + placeholder.length)}`;
  return `${body.slice(0, -1)},"obligations":${obligationsText(a.obligations, ctx.t)}${extra},"penalties":${fragment(a.penalties, ctx.t, penaltiesJson)},"caveats":${JSON.stringify(caveats)},"caveatCodes":${JSON.stringify(caveatCodes)}}`;
}

/** The top-level `summary` (worst level, counts by level, people, obligations by code, ...). */
export function summaryJson(s: PortfolioSummary) {
  const { caveatVariants: _forPeople, ...data } = s;
  return data;
}

/**
 * Streams the document one assessment at a time: a large portfolio never becomes one string.
 * The `summary` comes after `assessments` (JSON keys have no order), so one pass is enough.
 */
export function* render(assessments: Iterable<Assessment>, ctx: ReportContext): Generator<string> {
  const head = { schemaVersion: 1, generator: { name: 'breach', version: ctx.version }, lang: ctx.lang };
  yield `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "assessments": [`;
  const summary = new SummaryBuilder(0);
  let first = true;
  // A few assessments are indented for reading; a portfolio gets one compact assessment per line
  // (the same JSON value, a fraction of the bytes, written in linear time).
  const pretty = (ctx.count ?? (Array.isArray(assessments) ? assessments.length : Infinity)) <= (ctx.detailThreshold ?? DEFAULT_DETAIL_THRESHOLD);
  for (const a of assessments) {
    summary.add(a);
    const text = pretty ? JSON.stringify(assessmentJson(a, ctx), null, 2).replace(/\n/g, '\n    ') : assessmentJsonText(a, ctx);
    yield `${first ? '' : ','}\n    ${text}`;
    first = false;
  }
  yield `${first ? '' : '\n  '}],\n  "summary": ${JSON.stringify(summaryJson(summary.result()), null, 2).replace(/\n/g, '\n  ')}\n}\n`;
}
