// Output formats: a compile-checked registry; each renderer is loaded only when asked for.
import type { Assessment } from '../core/assessment.js';
import type { TableContext } from './table.js';

import { OUTPUT_FORMATS } from '../core/vocab.js';

export type Format = (typeof OUTPUT_FORMATS)[number];

/** A renderer yields the report in chunks, so a large portfolio is never held as one string. */
export type Renderer = (assessments: Iterable<Assessment>, ctx: TableContext) => Iterable<string>;

export const RENDERERS = {
  table: async () => (await import('./table.js')).render,
  json: async () => (await import('./json.js')).render,
  markdown: async () => (await import('./markdown.js')).render,
  csv: async () => (await import('./csv.js')).render,
  ndjson: async () => (await import('./ndjson.js')).render,
  sarif: async () => (await import('./sarif.js')).render,
  ics: async () => (await import('./ics.js')).render,
  // Bundled apart (dist/report-html.cjs, see scripts/build.mjs): start-up of the others stays as it was.
  html: async () => (await import('./html.js')).render,
} satisfies Record<Format, () => Promise<Renderer>>;
