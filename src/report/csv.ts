// --format csv: one row per dataset, formula-safe cells (spreadsheets never evaluate them).
import type { Assessment } from '../core/assessment.js';
import { csvCell } from '../util/sanitize.js';
import { levelText, type ReportContext } from './view.js';

const HEADER = [
  'source', 'incident', 'controller', 'sector', 'branch', 'discovered', 'as_of', 'dataset', 'records', 'fields',
  'dataset_level', 'dataset_score', 'dataset_vector', 'incident_level', 'incident_level_text', 'incident_score', 'incident_vector',
  'enisa_score', 'enisa_level', 'subjects', 'significant_impact', 'obligations', 'authority',
];

export function* render(assessments: Iterable<Assessment>, ctx: ReportContext): Generator<string> {
  yield `${HEADER.join(',')}\n`;
  for (const a of assessments) {
    const c = a.incident.controller;
    // Incident-level cells are the same on every row of the incident: built once.
    const head = [a.source, a.incident.title ?? '', c.name ?? '', c.sector, c.branch ?? '', a.incident.discovered, a.asOf].map(csvCell).join(',');
    const tail = [
      a.severity.level, levelText(a.severity.level, ctx.t), a.severity.score, a.severity.vector, a.severity.enisa.score, a.severity.enisa.level,
      a.subjects, a.significantImpact.value, a.obligations.map((o) => o.code).join(';'), a.obligations.find((o) => o.authority)?.authority ?? '',
    ].map(csvCell).join(',');
    let rows = '';
    for (const d of a.datasets) {
      // Field ids, levels, scores and vectors are our own codes: only the name comes from the input.
      rows += `${head},${csvCell(d.name)},${d.records},"${d.fields.map((f) => f.id).join(';')}",${d.severity.level},${d.severity.score},${d.severity.vector},${tail}\n`;
    }
    yield rows;
  }
}
