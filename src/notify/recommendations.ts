import raw from '../../data/recommendations.yaml';
import type { Incident } from '../core/incident.js';

type Text = { es: string; en: string };

export interface Recommendation {
  id: string;
  fields?: string[];
  groups?: string[];
  /** Applies only when one of these fields and one of these groups are both present. */
  fields_with_groups?: { fields: string[]; groups: string[] };
  /** The text when the controller is itself the institution the person would turn to (a bank). */
  issuer?: { industries: string[]; text: Text };
  always?: boolean;
  risk: Text;
  text: Text;
}

/** The recommendations in data/recommendations.yaml (validated by test/notify.test.ts). */
export const RECOMMENDATIONS = (raw as { recommendations: Recommendation[] }).recommendations;

/** The recommendations that apply to an incident's exposed fields, groups and controller, in data order. */
export function recommendationsFor(incident: Incident): Recommendation[] {
  const fields = new Set(incident.datasets.flatMap((d) => d.fields));
  const groups = new Set<string>(incident.subjects.groups);
  const industry = incident.controller.industry;
  return RECOMMENDATIONS.filter((r) => r.always
    || r.fields?.some((f) => fields.has(f))
    || r.groups?.some((g) => groups.has(g))
    || (r.fields_with_groups && r.fields_with_groups.fields.some((f) => fields.has(f)) && r.fields_with_groups.groups.some((g) => groups.has(g))))
    .map((r) => (r.issuer && industry && r.issuer.industries.includes(industry) ? { ...r, text: r.issuer.text } : r));
}
