// --format json: contract.md §5, schemaVersion 1. Codes and keys never change with language.
import type { Assessment } from '../core/assessment.js';
import type { Severity } from '../severity/types.js';
import { type PortfolioSummary, SummaryBuilder } from './summary.js';
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
    obligations: a.obligations.map((o) => ({
      code: o.code,
      to: o.to,
      ...(o.authority && { authority: o.authority }),
      recipient: recipientText(o, t),
      recipientCode: o.recipient.code,
      ...(o.recipient.name && { recipientName: o.recipient.name }),
      deadline: { text: deadlineText(o, t), hours: o.deadline.hours, code: o.deadline.code, status: o.deadline.status, ...(o.deadline.milestones && { milestones: o.deadline.milestones }) },
      title: t(`obligation.${o.code}`),
      content: o.content.map((k) => t(`content.${k}`)),
      contentCodes: o.content,
      ...(o.contentStatus && { contentStatus: o.contentStatus }),
      basis: o.basis,
      status: o.status,
      statutory: o.statutory,
      rule: o.rule,
    })),
    penalties: {
      ...a.penalties,
      ranges: a.penalties.ranges.map((r) => ({ ...r, text: t(`penalty.${r.code}`) })),
      crimes: a.penalties.crimes.map((c) => ({ ...c, text: t(`crime.${c.code}`) })),
      notes: a.penalties.notes.map((n) => t(`note.${n}`)),
      noteCodes: a.penalties.notes,
    },
    caveats: caveatTexts(a, t),
    caveatCodes: a.caveats,
  };
}

/** The top-level `summary` (worst level, counts by level, people, obligations by code, ...). */
export function summaryJson(s: PortfolioSummary) {
  return s;
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
  for (const a of assessments) {
    summary.add(a);
    yield `${first ? '' : ','}\n    ${JSON.stringify(assessmentJson(a, ctx), null, 2).replace(/\n/g, '\n    ')}`;
    first = false;
  }
  yield `${first ? '' : '\n  '}],\n  "summary": ${JSON.stringify(summaryJson(summary.result()), null, 2).replace(/\n/g, '\n  ')}\n}\n`;
}
