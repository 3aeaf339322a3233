// The JSON report's shape (contract.md §5), as a zod schema: the tests validate real output
// against it, and the build writes schema/output.schema.json from it.
import * as z from 'zod/mini';
import { LEVELS } from '../core/vocab.js';

const level = z.enum(LEVELS);
const status = z.enum(['verified', 'secondary', 'uncertain']);
const isoDateTime = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/));
const basis = z.object({ law: z.string(), article: z.optional(z.string()), dof: z.optional(z.string()) });
const code = z.object({ code: z.string(), args: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))) });
const factor = z.object({
  factor: z.enum(['DPC', 'EI', 'C', 'I', 'A', 'M', 'V', 'FLOOR']),
  value: z.union([z.number(), level]),
  rule: z.string(),
  evidence: z.array(z.string()),
  basis: z.string(),
  from: z.optional(z.number()),
  dataset: z.optional(z.string()),
});
const severity = z.object({
  level, score: z.number(), vector: z.string().check(z.regex(/^SEMX:1\//)),
  enisa: z.object({ score: z.number(), level }),
  factors: z.array(factor),
});
const field = z.object({ id: z.string(), category: z.enum(['simple', 'behavioural', 'financial', 'sensitive']), sensitive: z.boolean(), possiblySensitive: z.boolean(), patrimonial: z.boolean(), moral: z.boolean() });
const obligation = z.object({
  code: z.enum(['notify-data-subjects', 'notify-authority', 'log-breach', 'root-cause-analysis', 'sector-report', 'notify-controller']),
  to: z.enum(['data-subjects', 'authority', 'internal', 'regulator', 'controller']),
  authority: z.optional(z.enum(['INAI', 'SABG', 'state-guarantor', 'judiciary-control-body', 'legislature-comptroller', 'autonomous-oic', 'INE'])),
  recipient: z.string(),
  recipientCode: z.string(),
  recipientName: z.optional(z.string()),
  /** The rule's authority has ceased (a state's organismo garante): the state's harmonised law names who receives it. */
  recipientEnded: z.optional(z.literal(true)),
  deadline: z.object({
    text: z.string(), hours: z.nullable(z.number()), code: z.string(), status,
    milestones: z.optional(z.array(z.object({ code: z.string(), businessDays: z.optional(z.number()), hours: z.optional(z.number()), due: z.optional(isoDateTime) }))),
    /** How a term in hours is counted: from the calendar day of the confirmation (INAI's reading) or from its hour. */
    counting: z.optional(z.enum(['calendar-day', 'hours'])),
    /** The non-working-day calendar of business-day milestones. */
    calendar: z.optional(z.enum(['statutory', 'cnbv'])),
    /** The start of the terms (the confirmation), ISO 8601 with offset; fromAssumed when no time was given. */
    from: z.optional(isoDateTime),
    fromAssumed: z.optional(z.boolean()),
    /** When the obligation is due, ISO 8601 with offset (central Mexico), where the rule fixes a term. */
    due: z.optional(isoDateTime),
    /** The due time counted hour by hour, when the rule's reading counts from the calendar day. */
    dueByHours: z.optional(isoDateTime),
    /** A former rule's term kept as good practice ("without delay" in the law), and its date. */
    practiceHours: z.optional(z.number()),
    recommended: z.optional(isoDateTime),
    /** The authority ceases before the term ends: who receives the notice after that day. */
    handover: z.optional(z.object({ authority: z.string(), until: z.string(), successor: z.string(), successorName: z.optional(z.string()), basis: z.array(basis), status })),
  }),
  title: z.string(),
  content: z.array(z.string()),
  contentCodes: z.array(z.string()),
  contentStatus: z.optional(status),
  basis: z.array(basis),
  status,
  statutory: z.boolean(),
  rule: z.object({ family: z.string(), validFrom: z.string(), validTo: z.optional(z.string()), checkedOn: z.string() }),
});
const assessment = z.object({
  source: z.string(),
  incident: z.object({
    title: z.optional(z.string()),
    discovered: z.string(),
    discoveredDefaulted: z.optional(z.boolean()),
    controller: z.object({ name: z.optional(z.string()), sector: z.enum(['public', 'private']), branch: z.optional(z.string()), state: z.optional(z.string()), industry: z.optional(z.string()), role: z.enum(['controller', 'processor']), onBehalfOf: z.optional(z.object({ name: z.optional(z.string()), sector: z.enum(['public', 'private']), branch: z.optional(z.string()), state: z.optional(z.string()), industry: z.optional(z.string()) })) }),
    circumstances: z.object({ confidentiality: z.string(), integrity: z.string(), availability: z.string(), malicious: z.boolean(), unintelligible: z.boolean(), insider: z.boolean(), deception: z.optional(z.boolean()) }),
    groups: z.optional(z.array(z.string())),
  }),
  asOf: z.string(),
  asOfSource: z.enum(['discovered', 'today', 'as-of']),
  law: z.object({ asOf: z.string(), laws: z.array(z.string()) }),
  subjects: z.number(),
  severity,
  datasets: z.array(z.object({ name: z.string(), records: z.number(), fields: z.array(field), notes: z.optional(z.string()), severity })),
  significantImpact: z.object({ value: z.boolean(), patrimonial: z.boolean(), moral: z.boolean(), reasons: z.array(z.string()), reasonCodes: z.array(code) }),
  obligations: z.array(obligation),
  /** For a processor whose controller is described (`controller.on_behalf_of`): what that controller owes. */
  controllerObligations: z.optional(z.array(obligation)),
  penalties: z.object({
    currency: z.literal('MXN'),
    uma: z.nullable(z.number()),
    unit: z.nullable(z.string()),
    unitStatus: z.optional(status),
    sensitiveMultiplier: z.number(),
    ranges: z.array(z.object({ code: z.string(), text: z.string(), units: z.object({ min: z.number(), max: z.number() }), mxn: z.object({ min: z.number(), max: z.number() }), additional: z.optional(z.boolean()), kind: z.enum(['sanction', 'coercive']), basis: z.array(basis) })),
    /** Liability other than fines (the administrative liability of public servants; parties before the electoral authority). */
    liability: z.optional(z.array(z.object({ code: z.string(), text: z.string(), basis: z.array(basis), status }))),
    crimes: z.array(z.object({ code: z.string(), text: z.string(), prison: z.object({ en: z.string(), es: z.string() }), basis: z.array(basis) })),
    referral: z.optional(z.object({ days: z.number(), business: z.optional(z.boolean()), basis: z.array(basis) })),
    notes: z.array(z.string()),
    noteCodes: z.array(z.string()),
  }),
  caveats: z.array(z.string()),
  caveatCodes: z.array(code),
});

const perLevel = z.object({ incidents: z.number(), people: z.number() });
/** Top-level summary of the run (added in turn 2; nothing above changes). */
export const summarySchema = z.object({
  incidents: z.number(),
  worstLevel: z.nullable(level),
  people: z.number(),
  byLevel: z.object({ low: perLevel, medium: perLevel, high: perLevel, critical: perLevel }),
  heatMap: z.object({ columns: z.array(z.string()), rows: z.object({ low: z.record(z.string(), z.number()), medium: z.record(z.string(), z.number()), high: z.record(z.string(), z.number()), critical: z.record(z.string(), z.number()) }) }),
  obligations: z.record(z.string(), z.object({ count: z.number(), dated: z.number(), earliestDue: z.optional(z.string()), earliestSource: z.optional(z.string()) })),
  exposure: z.array(z.object({ currency: z.string(), regime: z.string(), incidents: z.number(), min: z.number(), max: z.number() })),
  caveats: z.record(z.string(), z.number()),
});

export const outputSchema = z.object({
  schemaVersion: z.literal(1),
  generator: z.object({ name: z.literal('breach'), version: z.string() }),
  lang: z.enum(['es', 'en']),
  assessments: z.array(assessment),
  summary: summarySchema,
});

/** --format ndjson: one assessment per line, each as in `assessments[]`. */
export const ndjsonLineSchema = assessment;
