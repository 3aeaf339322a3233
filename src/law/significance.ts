// The trigger of every notice: does the breach significantly affect patrimonial or moral rights?
// No law defines it; law-mx.md gives the test encoded here, and every conclusion carries reasons.
import type { Incident } from '../core/incident.js';
import { fieldById, isLegallySensitive, isPossiblySensitive } from '../fields/catalogue.js';
import { fieldsOf, identityKit } from '../severity/context.js';
import type { Reason, SignificantImpact } from './types.js';

/** Groups whose exposure touches moral rights (liberty, integrity, private life). */
const AT_RISK = new Set(['minors', 'vulnerable', 'victims', 'security-personnel', 'journalists-activists', 'patients']);

export function hasLoss(incident: Incident): boolean {
  const c = incident.circumstances;
  return c.confidentiality !== 'none' || c.integrity !== 'none' || c.availability !== 'none';
}

export function significantImpact(incident: Incident, asOf: string): SignificantImpact {
  const c = incident.circumstances;
  if (!hasLoss(incident)) {
    return { value: false, patrimonial: false, moral: false, reasons: [{ code: 'no-loss' }] };
  }
  if (c.unintelligible && c.integrity === 'none' && c.availability === 'none') {
    return { value: false, patrimonial: false, moral: false, reasons: [{ code: 'neutralised-unintelligible' }] };
  }
  const reasons: Reason[] = [];
  const sector = incident.controller.sector;
  const seen = new Set<string>();
  let patrimonial = false;
  let moral = false;
  for (const ds of incident.datasets) {
    for (const id of ds.fields) {
      if (seen.has(id)) continue;
      seen.add(id);
      const f = fieldById(id);
      if (!f) continue;
      if (f.patrimonial) {
        patrimonial = true;
        reasons.push({ code: 'patrimonial-field', args: { field: id } });
      }
      if (f.moral) {
        moral = true;
        reasons.push({ code: isLegallySensitive(f, asOf, sector) ? 'sensitive-field' : isPossiblySensitive(f, asOf, sector) ? 'possibly-sensitive-field' : 'moral-field', args: { field: id } });
      }
      if (f.dpc_rule === 'DPC-CREDENTIALS' && ds.unlocks === 'financial') {
        patrimonial = true;
        reasons.push({ code: 'credentials-financial', args: { field: id } });
      }
    }
    const kit = identityKit(fieldsOf(ds), new Set(ds.fields));
    if (kit.length && !reasons.some((r) => r.code === 'identity-kit')) {
      moral = true;
      reasons.push({ code: 'identity-kit', args: { fields: kit.join(', ') } });
    }
  }
  for (const g of incident.subjects.groups) {
    if (AT_RISK.has(g)) {
      moral = true;
      reasons.push({ code: 'at-risk-group', args: { group: g } });
    }
  }
  if (!patrimonial && !moral) reasons.push({ code: 'no-rights-touched' });
  return { value: patrimonial || moral, patrimonial, moral, reasons };
}

