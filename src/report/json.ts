// --format json: contract.md §5, schemaVersion 1. Codes and keys never change with language.
import type { Assessment } from '../core/assessment.js';
import type { Translator } from '../i18n/index.js';
import type { Obligation } from '../law/types.js';
import type { Severity } from '../severity/types.js';
import { caveatTexts, deadlineText, reasonTexts, recipientText, type ReportContext, userText } from './view.js';

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

export function assessmentJson(a: Assessment, ctx: ReportContext) {
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
    severity: severityJson(a.severity),
    datasets: a.datasets.map((d) => ({
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
    obligations: a.obligations.map((o) => obligationJson(o, t)),
    ...(a.controllerObligations && { controllerObligations: a.controllerObligations.map((o) => obligationJson(o, t)) }),
    penalties: {
      ...a.penalties,
      ranges: a.penalties.ranges.map((r) => ({ ...r, text: t(`penalty.${r.code}`) })),
      ...(a.penalties.liability && { liability: a.penalties.liability.map((l) => ({ ...l, text: t(`liability.${l.code}`) })) }),
      crimes: a.penalties.crimes.map((c) => ({ ...c, text: t(`crime.${c.code}`) })),
      notes: a.penalties.notes.map((n) => t(`note.${n}`)),
      noteCodes: a.penalties.notes,
    },
    caveats: caveatTexts(a, t),
    caveatCodes: a.caveats,
  };
}

/** Streams the document one assessment at a time: a large portfolio never becomes one string. */
export function* render(assessments: Iterable<Assessment>, ctx: ReportContext): Generator<string> {
  const head = { schemaVersion: 1, generator: { name: 'breach', version: ctx.version }, lang: ctx.lang };
  yield `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "assessments": [`;
  let first = true;
  for (const a of assessments) {
    yield `${first ? '' : ','}\n    ${JSON.stringify(assessmentJson(a, ctx), null, 2).replace(/\n/g, '\n    ')}`;
    first = false;
  }
  yield `${first ? '' : '\n  '}]\n}\n`;
}
