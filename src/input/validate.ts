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
    return { ok: false, diagnostics: [{ file, ...locate([]), message: 'expected a breach/v1 description: a mapping with `incident` and `datasets`' }] };
  }
  const r = descriptionSchema.safeParse(raw);
  if (!r.success) return { ok: false, diagnostics: issuesToDiagnostics(r.error.issues, descriptionSchema, raw, file, locate) };
  return { ok: true, incident: normalise(r.data, today) };
}

function count(v: number | string): number {
  const r = parseCount(v);
  if (!r.ok) throw new Error('unreachable: count validated by the schema');
  return r.value;
}

function normalise(d: Description, today: string): Incident {
  const i = d.incident;
  const c = i.circumstances ?? {};
  const subjectsCount = i.subjects?.count;
  return {
    ...(i.title !== undefined && { title: i.title }),
    discovered: i.discovered ?? today,
    discoveredDefaulted: i.discovered === undefined,
    controller: {
      ...(i.controller.name !== undefined && { name: i.controller.name }),
      sector: i.controller.sector,
      ...(i.controller.branch && { branch: i.controller.branch }),
      ...(i.controller.state !== undefined && { state: i.controller.state }),
      ...(i.controller.industry && { industry: i.controller.industry }),
      role: i.controller.role ?? 'controller',
    },
    circumstances: {
      confidentiality: c.confidentiality ?? 'unknown-recipients',
      integrity: c.integrity ?? 'none',
      availability: c.availability ?? 'none',
      malicious: c.malicious ?? false,
      unintelligible: c.unintelligible ?? false,
      insider: c.insider ?? false,
    },
    subjects: {
      ...(subjectsCount !== undefined && { count: count(subjectsCount) }),
      groups: [...new Set(i.subjects?.groups ?? [])],
    },
    datasets: d.datasets.map((ds) => ({
      name: ds.name,
      records: count(ds.records),
      fields: [...new Set(ds.fields.map((f) => resolveField(f)?.id ?? f))],
      ...(ds.notes !== undefined && { notes: ds.notes }),
      ...(ds.unlocks && { unlocks: ds.unlocks }),
      ...(ds.adjust && { adjust: ds.adjust }),
    })),
  };
}
