// What Mexican law requires of one incident on one date. Pure: rules come from data/law/mx/.
import type { Incident } from '../core/incident.js';
import { type Start, startOf, type SuccessorLookup, withDueDates } from './due.js';
import { authorityBasis, authorityCaveats, authorityFor, authorityKey, obligations, obligationsOf } from './obligations.js';
import { OBLIGATION_FAMILIES, versionAt } from './rules.js';
import { penalties, penaltyProfile } from './penalties.js';
import { memo, periodOf } from './periods.js';
import { lawsInForce } from './rules.js';
import type { Controller } from '../core/incident.js';
import { hasLoss, significantImpact } from './significance.js';
import type { Basis, LawResult, Obligation, Penalties, Reason } from './types.js';

const obligationsMemo = memo<ReturnType<typeof obligations>>();
const penaltiesMemo = memo<{ penalties: Penalties; caveats: Reason[] }>();
const lawsMemo = memo<string[]>(1000);

/** The laws the processing falls under: the controller's (a processor acts under its controller's regime). */
function lawsOf(asOf: string, period: number, regime: Pick<Controller, 'sector' | 'branch' | 'state'>): string[] {
  const local = isLocal(regime);
  return lawsMemo(`${period}|${regime.sector}|${local}`, () => lawsInForce(asOf, regime.sector, local));
}

export function evaluateLaw(incident: Incident, asOf: string): LawResult {
  const caveats: Reason[] = [{ code: 'not-legal-advice' }];
  const sig = significantImpact(incident, asOf);
  const loss = hasLoss(incident);
  const c = incident.controller;
  const period = periodOf(asOf);
  // Everything obligations() and penalties() read is in their keys; the date only through its period.
  const of = c.onBehalfOf;
  const ob = obligationsMemo(`${period}|${c.sector}|${c.role}|${c.industry ?? ''}|${c.branch ?? ''}|${sig.value}|${loss}|${c.state ?? ''}|${of?.sector ?? ''}`, () => obligations(incident, asOf, sig.value, loss));
  if (!sig.value) caveats.push({ code: 'document-not-significant' });
  caveats.push(...ob.caveats);
  // Dates depend on the confirmation day and hour, not only on the legal period: computed per incident.
  const start = startOf(incident);
  const own = datedFor(ob, start, (authority, onDate) => successorOf(authority, onDate, c));
  const dated = own.dated;
  caveats.push(...own.caveats);
  let controllerObligations: LawResult['controllerObligations'];
  if (c.role === 'processor' && of) {
    const owner: Controller = { sector: of.sector, role: 'controller', ...(of.branch && { branch: of.branch }), ...(of.state !== undefined && { state: of.state }), ...(of.industry && { industry: of.industry }), ...(of.name !== undefined && { name: of.name }) };
    const co = obligationsMemo(`${period}|owner|${of.sector}|${of.industry ?? ''}|${of.branch ?? ''}|${sig.value}|${loss}|${of.state ?? ''}`, () => obligationsOf(owner, asOf, sig.value, loss));
    caveats.push(...co.caveats);
    const owed = datedFor(co, start, (a, d) => successorOf(a, d, owner));
    controllerObligations = owed.dated;
    caveats.push(...owed.caveats);
    caveats.push({ code: 'processor-controller-owes', args: { sector: of.sector } });
    if (controllerObligations.some((o) => o.deadline.due || o.deadline.recommended || o.deadline.milestones?.length)) caveats.push({ code: 'controller-terms-own-confirmation' });
  }
  const profile = penaltyProfile(incident, asOf);
  const pen = penaltiesMemo(`${period}|${c.sector}|${profile.sensitive}|${profile.possibly}|${profile.insider}|${profile.deception}|${c.role}|${c.branch === 'political-party'}|${of?.sector ?? ''}`, () => {
    const own: Reason[] = [];
    return { penalties: penalties(incident, asOf, own, profile), caveats: own };
  });
  caveats.push(...pen.caveats);
  if (incident.controller.role === 'processor' && !of) caveats.push({ code: 'processor-controller-notifies' });
  return {
    // A processor acting for a controller processes under the controller's regime (a private
    // company working for a public body: the LGPDPPSO and the contract it requires, not the LFPDPPP).
    law: { asOf, laws: lawsOf(asOf, period, of ?? c) },
    significantImpact: sig,
    obligations: dated,
    ...(controllerObligations && { controllerObligations }),
    penalties: pen.penalties,
    caveats: dedupe(caveats),
  };
}

/**
 * The obligations of one legal situation dated from one confirmation. A portfolio repeats the same
 * few confirmation days: the dated list (and its caveats) is computed once per day and hour. The
 * successor lookup depends only on what the situation's memo key holds (branch, state).
 */
const datedMemo = new WeakMap<object, Map<string, { dated: Obligation[]; caveats: Reason[] }>>();
function datedFor(ob: { obligations: Obligation[] }, start: Start, successor: SuccessorLookup): { dated: Obligation[]; caveats: Reason[] } {
  let byStart = datedMemo.get(ob);
  if (!byStart) {
    byStart = new Map();
    datedMemo.set(ob, byStart);
  }
  const key = `${start.date}|${start.time}|${start.assumed}`;
  let r = byStart.get(key);
  if (!r) {
    if (byStart.size >= 5000) byStart.clear();
    const caveats: Reason[] = [];
    r = { dated: ob.obligations.map((o) => withDueDates(o, start, successor, caveats)), caveats };
    byStart.set(key, r);
  }
  return r;
}

/** Who receives a notice meant for `authority` from `onDate` on, for this controller (the notify-authority rule then in force). */
function successorOf(authority: string, onDate: string, c: Controller): { code: string; name?: string; basis?: Basis[]; caveats?: Reason[] } | undefined {
  const family = OBLIGATION_FAMILIES.find((f) => f.code === 'notify-authority' && f.scope.sector === 'public');
  const v = family ? versionAt(family.versions, onDate) : undefined;
  if (!v || v.applies === false) return undefined;
  const found = authorityFor(v, c, onDate, []);
  // Where the successor's competence comes from (art. 3-II, 3-XXVI, ...): the rule's basis for that authority.
  if (!found || found.code === authority) return undefined;
  const caveats: Reason[] = [];
  authorityCaveats(v, found.code, onDate, caveats);
  return { code: found.code, ...(found.name && { name: found.name }), basis: authorityBasis(v, found.code, found.ended === true), caveats };
}

/** State and municipal bodies and local parties: federal-only instruments (the 2018 Lineamientos) do not bind them. */
function isLocal(c: Pick<Controller, 'branch' | 'state'>): boolean {
  const key = authorityKey(c);
  return key === 'state' || key === 'municipal' || key === 'political-party-local' || key === 'autonomous-local';
}

function dedupe(list: Reason[]): Reason[] {
  const seen = new Set<string>();
  return list.filter((c) => {
    const k = c.args ? `${c.code}|${JSON.stringify(c.args)}` : c.code;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
