// What Mexican law requires of one incident on one date. Pure: rules come from data/law/mx/.
import type { Incident } from '../core/incident.js';
import { obligations } from './obligations.js';
import { penalties, penaltyProfile } from './penalties.js';
import { memo, periodOf } from './periods.js';
import { lawsInForce } from './rules.js';
import { hasLoss, significantImpact } from './significance.js';
import type { LawResult, Penalties, Reason } from './types.js';

const obligationsMemo = memo<ReturnType<typeof obligations>>();
const penaltiesMemo = memo<{ penalties: Penalties; caveats: Reason[] }>();
const lawsMemo = memo<string[]>(1000);

export function evaluateLaw(incident: Incident, asOf: string): LawResult {
  const caveats: Reason[] = [{ code: 'not-legal-advice' }];
  const sig = significantImpact(incident, asOf);
  const loss = hasLoss(incident);
  const c = incident.controller;
  const period = periodOf(asOf);
  // Everything obligations() and penalties() read is in their keys; the date only through its period.
  const ob = obligationsMemo(`${period}|${c.sector}|${c.role}|${c.industry ?? ''}|${c.branch ?? ''}|${sig.value}|${loss}|${c.state ?? ''}`, () => obligations(incident, asOf, sig.value, loss));
  if (!sig.value) caveats.push({ code: 'document-not-significant' });
  caveats.push(...ob.caveats);
  const profile = penaltyProfile(incident, asOf);
  const pen = penaltiesMemo(`${period}|${c.sector}|${profile.sensitive}|${profile.possibly}|${profile.crime}`, () => {
    const own: Reason[] = [];
    return { penalties: penalties(incident, asOf, own, profile), caveats: own };
  });
  caveats.push(...pen.caveats);
  if (incident.controller.role === 'processor') caveats.push({ code: 'processor-controller-notifies' });
  return {
    law: { asOf, laws: lawsMemo(`${period}|${c.sector}`, () => lawsInForce(asOf, c.sector)) },
    significantImpact: sig,
    obligations: ob.obligations,
    penalties: pen.penalties,
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
