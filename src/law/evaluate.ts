// What Mexican law requires of one incident on one date. Pure: rules come from data/law/mx/.
import type { Incident } from '../core/incident.js';
import { obligations } from './obligations.js';
import { penalties } from './penalties.js';
import { lawsInForce } from './rules.js';
import { hasLoss, significantImpact } from './significance.js';
import type { LawResult, Reason } from './types.js';

export function evaluateLaw(incident: Incident, asOf: string): LawResult {
  const caveats: Reason[] = [{ code: 'not-legal-advice' }];
  const sig = significantImpact(incident, asOf);
  const ob = obligations(incident, asOf, sig.value, hasLoss(incident));
  if (!sig.value) caveats.push({ code: 'document-not-significant' });
  caveats.push(...ob.caveats);
  const pen = penalties(incident, asOf, caveats);
  if (incident.controller.role === 'processor') caveats.push({ code: 'processor-controller-notifies' });
  return {
    law: { asOf, laws: lawsInForce(asOf, incident.controller.sector) },
    significantImpact: sig,
    obligations: ob.obligations,
    penalties: pen,
    caveats: dedupe(caveats),
  };
}

function dedupe(list: Reason[]): Reason[] {
  const seen = new Set<string>();
  return list.filter((c) => {
    const k = `${c.code}|${JSON.stringify(c.args ?? {})}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
