// The pure core: an incident in, an assessment out. No I/O, no text, no clock (dates are inputs).
import { fieldById, isLegallySensitive, isPossiblySensitive } from '../fields/catalogue.js';
import { evaluateLaw } from '../law/evaluate.js';
import { assessSeverity } from '../severity/score.js';
import type { Assessment, Caveat, FieldView } from './assessment.js';
import type { Incident } from './incident.js';

export interface AssessOptions {
  /** Apply the law in force on this date (YYYY-MM-DD) instead of the incident's `discovered`. */
  asOf?: string;
}

export function assess(incident: Incident, source: string, options: AssessOptions = {}): Assessment {
  const asOf = options.asOf ?? incident.discovered;
  const asOfSource = options.asOf ? 'as-of' : incident.discoveredDefaulted ? 'today' : 'discovered';
  const records = incident.datasets.reduce((n, d) => n + d.records, 0);
  const subjects = incident.subjects.count ?? records;
  const sev = assessSeverity(incident, subjects);
  const views = new Map<string, FieldView>();
  const sector = incident.controller.sector;
  const view = (id: string): FieldView => {
    let v = views.get(id);
    if (!v) {
      const f = fieldById(id)!;
      v = { id, category: f.category, sensitive: isLegallySensitive(f, asOf, sector), possiblySensitive: isPossiblySensitive(f, asOf, sector), patrimonial: !!f.patrimonial, moral: !!f.moral };
      views.set(id, v);
    }
    return v;
  };
  const datasets = incident.datasets.map((ds, i) => ({
    name: ds.name,
    records: ds.records,
    fields: ds.fields.map(view),
    ...(ds.notes !== undefined && { notes: ds.notes }),
    severity: sev.datasets[i]!,
  }));
  const caveats: Caveat[] = [];
  if (asOfSource === 'today') caveats.push({ code: 'discovered-defaulted', args: { date: asOf } });
  if (incident.subjects.count === undefined && incident.datasets.length > 1) caveats.push({ code: 'subjects-summed', args: { people: subjects } });
  const law = evaluateLaw(incident, asOf);
  // Significant by the data's kind, yet no field identifies anyone (every dataset's EI is EI-NONE):
  // personal data are those of an identified or identifiable person (LGPDPPSO 2025 art. 3-IX;
  // LFPDPPP 2025 art. 2-V), which the description cannot tell. Read from the severity's factors.
  const unidentified = law.significantImpact.value && sev.datasets.every((d) => d.factors.some((f) => f.factor === 'EI' && f.rule === 'EI-NONE'));
  // After 'not legal advice', which stays first.
  const lawCaveats = unidentified ? [...law.caveats.slice(0, 1), { code: 'significant-but-no-identifier' }, ...law.caveats.slice(1)] : law.caveats;
  return {
    source,
    incident,
    asOf,
    asOfSource,
    subjects,
    severity: sev.incident,
    datasets,
    ...law,
    caveats: [...caveats, ...lawCaveats],
  };
}
