import raw from '../../data/recommendations.yaml';
import type { Incident } from '../core/incident.js';

export interface Recommendation {
  id: string;
  fields?: string[];
  groups?: string[];
  always?: boolean;
  risk: { es: string; en: string };
  text: { es: string; en: string };
}

/** The recommendations in data/recommendations.yaml (validated by test/notify.test.ts). */
export const RECOMMENDATIONS = (raw as { recommendations: Recommendation[] }).recommendations;

/** The recommendations that apply to an incident's exposed fields and groups, in data order. */
export function recommendationsFor(incident: Incident): Recommendation[] {
  const fields = new Set(incident.datasets.flatMap((d) => d.fields));
  const groups = new Set<string>(incident.subjects.groups);
  return RECOMMENDATIONS.filter((r) => r.always || r.fields?.some((f) => fields.has(f)) || r.groups?.some((g) => groups.has(g)));
}
