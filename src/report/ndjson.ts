// --format ndjson: one assessment per line (the objects of the JSON report's `assessments`), for
// pipelines (jq -c, log shippers). Nothing is held: each line is written as it is assessed.
import type { Assessment } from '../core/assessment.js';
import { assessmentJsonText } from './json.js';
import type { ReportContext } from './view.js';

export function* render(assessments: Iterable<Assessment>, ctx: ReportContext): Generator<string> {
  for (const a of assessments) yield `${assessmentJsonText(a, ctx)}\n`;
}
