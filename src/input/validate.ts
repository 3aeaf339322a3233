import * as z from 'zod/mini';
import type { Incident } from '../core/incident.js';
import { resolveField } from '../fields/catalogue.js';
import { parseCount } from './count.js';
import { type Diagnostic, type Locator } from './diagnostic.js';
import { issuesToDiagnostics } from './issues.js';
import { type Description, descriptionSchema } from './schema.js';

export type Validated = { ok: true; incident: Incident } | { ok: false; diagnostics: Diagnostic[] };

/** Validates one raw description (from YAML, JSON or CSV) and normalises it into an Incident. */
export function validateDescription(raw: unknown, file: string, locate: Locator, today: string): Validated {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, diagnostics: [{ file, ...locate([]), message: 'expected a breach/v1 description: a mapping with `incident` and `datasets`', key: 'not-description' }] };
  }
  const fast = compiledSchema();
  const r = (fast ?? descriptionSchema).safeParse(raw);
  if (r.success) return { ok: true, incident: normalise(r.data, today) };
  // Diagnostics always come from the runtime schema, whichever parser found the problem.
  const slow = fast ? descriptionSchema.safeParse(raw) : r;
  if (slow.success) return { ok: true, incident: normalise(slow.data, today) };
  return { ok: false, diagnostics: issuesToDiagnostics(slow.error.issues, descriptionSchema, raw, file, locate) };
}

/**
 * zod's ahead-of-time compiled parser is ~4x faster but costs ~15 ms to build: worth it for a
 * portfolio, not for the single description a CI pipeline checks thousands of times.
 */
const COMPILE_AFTER = 50;
let validated = 0;
let compiled: typeof descriptionSchema | undefined;
function compiledSchema(): typeof descriptionSchema | undefined {
  if (compiled) return compiled;
  if (++validated < COMPILE_AFTER) return undefined;
  compiled = z.compile(descriptionSchema);
  return compiled;
}

function count(v: number | string): number {
  const r = parseCount(v);
  if (!r.ok) throw new Error('unreachable: count validated by the schema');
  return r.value;
}

function normalise(d: Description, today: string): Incident {
  const i = d.incident;
  const c = i.circumstances ?? {};
  const controller: Incident['controller'] = { sector: i.controller.sector, role: i.controller.role ?? 'controller' };
  if (i.controller.name !== undefined) controller.name = i.controller.name;
  if (i.controller.branch) controller.branch = i.controller.branch;
  if (i.controller.state !== undefined) controller.state = i.controller.state;
  if (i.controller.industry) controller.industry = i.controller.industry;
  const o = i.controller.on_behalf_of;
  if (o) {
    const of: NonNullable<Incident['controller']['onBehalfOf']> = { sector: o.sector };
    if (o.name !== undefined) of.name = o.name;
    if (o.branch) of.branch = o.branch;
    if (o.state !== undefined) of.state = o.state;
    if (o.industry) of.industry = o.industry;
    controller.onBehalfOf = of;
  }
  const subjects: Incident['subjects'] = { groups: i.subjects?.groups ? [...new Set(i.subjects.groups)] : [] };
  if (i.subjects?.count !== undefined) subjects.count = count(i.subjects.count);
  const incident: Incident = {
    discovered: i.discovered ?? today,
    discoveredDefaulted: i.discovered === undefined,
    controller,
    circumstances: {
      confidentiality: c.confidentiality ?? 'unknown-recipients',
      integrity: c.integrity ?? 'none',
      availability: c.availability ?? 'none',
      malicious: c.malicious ?? false,
      unintelligible: c.unintelligible ?? false,
      insider: c.insider ?? false,
      deception: c.deception ?? false,
    },
    subjects,
    datasets: d.datasets.map((ds) => {
      const fields: string[] = [];
      for (const f of ds.fields) {
        const id = resolveField(f)?.id ?? f;
        if (!fields.includes(id)) fields.push(id);
      }
      const out: Incident['datasets'][number] = { name: ds.name, records: count(ds.records), fields };
      if (ds.notes !== undefined) out.notes = ds.notes;
      if (ds.unlocks) out.unlocks = ds.unlocks;
      if (ds.adjust) out.adjust = ds.adjust;
      return out;
    }),
  };
  if (i.title !== undefined) incident.title = i.title;
  const r = d.response;
  if (r) {
    const response: NonNullable<Incident['response']> = { actions: r.actions ?? [] };
    const time = (v: string | undefined) => v?.replace('T', ' ');
    if (r.confirmed_at) response.confirmedAt = time(r.confirmed_at);
    if (r.occurred_at) response.occurredAt = time(r.occurred_at);
    if (r.identified_at) response.identifiedAt = time(r.identified_at);
    if (r.investigation_started_at) response.investigationStartedAt = time(r.investigation_started_at);
    for (const k of ['nature', 'cause', 'circumstances', 'systems', 'consequences', 'place'] as const) if (r[k] !== undefined) response[k] = r[k];
    if (r.public_summary !== undefined) response.publicSummary = r.public_summary;
    if (r.channel) response.channel = r.channel;
    if (r.addressee) response.addressee = r.addressee;
    if (r.contact) response.contact = r.contact;
    if (r.officer) response.officer = r.officer;
    incident.response = response;
  }
  return incident;
}
