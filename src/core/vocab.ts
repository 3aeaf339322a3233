// The closed vocabularies of the input contract (contract.md §2). One place; the schema, the CSV
// loader, the JSON Schema and the messages all read them from here.
export const SECTORS = ['public', 'private'] as const;
export const BRANCHES = ['federal-executive', 'federal-judiciary', 'federal-legislative', 'autonomous', 'political-party', 'state', 'municipal'] as const;
export const INDUSTRIES = ['banking', 'fintech', 'insurance', 'securities', 'telecom', 'health', 'education', 'retail', 'other'] as const;
export const ROLES = ['controller', 'processor'] as const;
export const CONFIDENTIALITY = ['none', 'lost-no-evidence', 'known-recipients', 'unknown-recipients'] as const;
export const INTEGRITY = ['none', 'recoverable', 'unrecoverable'] as const;
export const AVAILABILITY = ['none', 'temporary', 'permanent'] as const;
export const GROUPS = ['minors', 'vulnerable', 'victims', 'security-personnel', 'journalists-activists', 'public-officials', 'patients'] as const;
export const CATEGORIES = ['simple', 'behavioural', 'financial', 'sensitive'] as const;
export const LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export const LANGS = ['es', 'en'] as const;
export const OUTPUT_FORMATS = ['table', 'json', 'markdown', 'csv', 'ndjson', 'sarif', 'ics', 'html'] as const;
export const INPUT_FORMATS = ['yaml', 'json', 'csv'] as const;
export const DRAFT_FORMATS = ['markdown', 'text', 'html'] as const;

export type Sector = (typeof SECTORS)[number];
export type Branch = (typeof BRANCHES)[number];
export type Industry = (typeof INDUSTRIES)[number];
export type Role = (typeof ROLES)[number];
export type Confidentiality = (typeof CONFIDENTIALITY)[number];
export type Integrity = (typeof INTEGRITY)[number];
export type Availability = (typeof AVAILABILITY)[number];
export type Group = (typeof GROUPS)[number];
export type Category = (typeof CATEGORIES)[number];
export type Level = (typeof LEVELS)[number];

export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}
