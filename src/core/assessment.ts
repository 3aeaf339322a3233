import type { Severity } from '../severity/types.js';
import type { Incident } from './incident.js';
import type { LawResult } from '../law/types.js';

export interface FieldView {
  id: string;
  category: string;
  sensitive: boolean;
  possiblySensitive: boolean;
  patrimonial: boolean;
  moral: boolean;
}

export interface DatasetAssessment {
  name: string;
  records: number;
  fields: FieldView[];
  notes?: string;
  severity: Severity;
}

/** A caveat as a code with arguments; renderers put it into words. */
export interface Caveat {
  code: string;
  args?: Record<string, string | number>;
}

/** Everything `breach` concludes about one incident. Pure data: no text, no colours. */
export interface Assessment extends LawResult {
  source: string;
  incident: Incident;
  asOf: string;
  /** Where asOf came from: the incident's `discovered` date, its default (today) or --as-of. */
  asOfSource: 'discovered' | 'today' | 'as-of';
  subjects: number;
  severity: Severity;
  datasets: DatasetAssessment[];
  caveats: Caveat[];
}
