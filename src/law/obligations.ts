// Obligations: evaluates the rule families of data/law/mx/ for one incident on one date.
import type { Incident } from '../core/incident.js';
import type { Controller } from '../core/incident.js';
import { GUARANTORS, OBLIGATION_FAMILIES, versionAt } from './rules.js';
import { normalizeName } from '../util/normalize.js';
import type { Basis, DeadlineRule, Obligation, Reason, RuleFamily, RuleVersion } from './types.js';

export interface ObligationsResult { obligations: Obligation[]; caveats: Reason[] }

function inScope(f: RuleFamily, c: Controller): boolean {
  const controllerSector = c.role === 'processor' ? c.onBehalfOf?.sector ?? c.sector : c.sector;
  return (!f.scope.sector || f.scope.sector === c.sector)
    && (!f.scope.role || f.scope.role === c.role)
    && (!f.scope.industry || f.scope.industry === c.industry)
    && (!f.scope.controller_sector || f.scope.controller_sector === controllerSector);
}

/**
 * The key of a rule's authority table for a controller: its branch, or the own key of a local party
 * or of a state's autonomous body (an `autonomous` body with a `state`: a state human-rights
 * commission, electoral institute, prosecutor's office...), which answer to the state's organismo
 * garante, not to the federal authorities (LGPDPPSO-2017 art. 1; LGPDPPSO-2025 art. 3-II and the
 * decree's transitorio décimo noveno).
 */
export function authorityKey(c: Pick<Controller, 'branch' | 'state'>): string {
  if (c.branch === 'political-party' && c.state) return 'political-party-local';
  if (c.branch === 'autonomous' && c.state) return 'autonomous-local';
  return c.branch ?? '';
}

/** Who a rule version names for a controller: the authority's code and, where known, the body's name. */
export function authorityFor(v: RuleVersion, c: Pick<Controller, 'branch' | 'state'>, asOf: string, caveats: Reason[]): { code: string; name?: string; ended?: true } | undefined {
  const code = v.authority?.[authorityKey(c)];
  if (!code) return undefined;
  if (code === 'state-guarantor') {
    const g = stateGuarantor(c.state, asOf, caveats);
    // `{}`: the state's organismo garante has ceased (its state harmonised its law).
    return { code, ...(g?.name && { name: g.name }), ...(g && !g.name && { ended: true as const }) };
  }
  if (code === 'OPLE' && c.state) return { code, name: c.state };
  return { code };
}

/** The deadline table is keyed by authority code, or by the authority key where one code covers several cases. */
function pickDeadline(v: RuleVersion, key: string | undefined, authority: string | undefined, asOf: string): DeadlineRule {
  const d = v.deadline;
  if (!d) return { code: 'none', hours: null };
  if ('code' in d && typeof d.code === 'string') return d as DeadlineRule;
  const table = d as Record<string, DeadlineRule>;
  const specific = (authority ? table[authority] : undefined) ?? (key ? table[key] : undefined);
  if (specific && (!specific.valid_from || specific.valid_from <= asOf)) return specific;
  return table.default ?? { code: 'none', hours: null };
}

/**
 * The state's organismo garante on `asOf`, with caveats when unknown or extinct. An extinct body is
 * never named as the addressee: the notice goes to the autoridad garante the state's harmonised law
 * names (LGPDPPSO-2025 art. 3-II), which depends on the branch of the state body; the caveat says
 * so and who was reported to take over for the state executive.
 */
export function stateGuarantor(state: string | undefined, asOf: string, caveats: Reason[]): { name?: string } | undefined {
  if (!state) {
    caveats.push({ code: 'state-missing' });
    return undefined;
  }
  const key = normalizeName(state);
  const g = GUARANTORS.states.find((s) => normalizeName(s.state) === key || (s.aliases ?? []).some((a) => normalizeName(a) === key));
  if (!g) {
    caveats.push({ code: 'state-unknown', args: { state } });
    return undefined;
  }
  const successor: Record<string, string> = g.successor ? { successor: g.successor.executive, successorStatus: g.successor.status } : {};
  if (g.valid_to && asOf > g.valid_to) {
    // Before 2025-03-21 the LGPDPPSO-2025 (art. 3-II) was not law: the state's own reform decides.
    const code = asOf < '2025-03-21' && g.successor ? 'state-guarantor-extinct-pre-reform' : g.successor ? 'state-guarantor-extinct-successor' : 'state-guarantor-extinct';
    caveats.push({ code, args: { body: g.body, date: g.valid_to, state: g.state, ...successor } });
    if (g.end_status && g.end_status !== 'verified') caveats.push({ code: 'state-guarantor-end-date', args: { body: g.body, date: g.valid_to, status: g.end_status } });
    return {};
  }
  if (g.reported && asOf >= `${g.reported}-01`) {
    caveats.push({ code: 'state-guarantor-reported-extinct', args: { body: g.body, state: g.state, month: g.reported, ...successor } });
    return {};
  }
  caveats.push({ code: asOf >= '2025-03-21' ? 'state-guarantor-transition' : 'state-guarantor-state-law', args: { body: g.body, state: g.state } });
  return { name: g.body };
}

/**
 * The provisions that make an authority competent. A provision marked `while_guarantor_operates`
 * (the decree's transitorio décimo noveno: state organismos garantes act "hasta en tanto" their
 * state harmonises its law) is left out once the state's body has ceased: the harmonised state
 * law and art. 3-II then name the autoridad garante.
 */
export function authorityBasis(v: RuleVersion, authority: string, guarantorEnded: boolean): Basis[] {
  return (v.authority_basis?.[authority] ?? [])
    .filter((b) => !(guarantorEnded && b.while_guarantor_operates))
    .map(({ while_guarantor_operates: _, ...b }) => b);
}

/** The caveats a rule attaches to an authority on a date (a suspension of its procedures, which body it is). */
export function authorityCaveats(v: RuleVersion, authority: string, date: string, out: Reason[]): void {
  for (const w of v.authority_caveats ?? []) {
    if (w.authorities.includes(authority) && date >= w.from && (!w.to || date <= w.to)) out.push({ code: w.caveat, args: { authority, from: w.from, ...(w.to && { until: w.to }) } });
  }
}

export function obligations(incident: Incident, asOf: string, significant: boolean, loss: boolean): ObligationsResult {
  return obligationsOf(incident.controller, asOf, significant, loss);
}

export function obligationsOf(controller: Controller, asOf: string, significant: boolean, loss: boolean): ObligationsResult {
  const out: Obligation[] = [];
  const caveats: Reason[] = [];
  // Repeats are removed once, by evaluateLaw(), over all the incident's caveats.
  const caveat = (code: string | undefined, args?: Reason['args']) => {
    if (code) caveats.push(args ? { code, args } : { code });
  };
  for (const family of OBLIGATION_FAMILIES) {
    if (!inScope(family, controller)) continue;
    const v = versionAt(family.versions, asOf);
    if (!v) {
      caveat('rule-gap', { rule: family.family, date: asOf });
      continue;
    }
    if (v.applies === false) {
      caveat(v.reason);
      continue;
    }
    const triggered = family.trigger === 'always' || (family.trigger === 'significant' ? significant : loss);
    if (!triggered) continue;
    let authority: string | undefined;
    let guarantorEnded = false;
    let recipient: Obligation['recipient'] = { code: family.to };
    if (family.code === 'notify-authority') {
      const who = authorityFor(v, controller, asOf, caveats);
      if (!who) {
        caveat('authority-unknown', { branch: controller.branch ?? '' });
        continue;
      }
      authority = who.code;
      recipient = { code: who.code, ...(who.name && { name: who.name }), ...(who.ended && { ended: true as const }) };
      guarantorEnded = who.ended === true;
      authorityCaveats(v, who.code, asOf, caveats);
    } else if (family.code === 'sector-report' && v.regulator) {
      recipient = { code: v.regulator };
    }
    const deadline = pickDeadline(v, authority ? authorityKey(controller) : undefined, authority, asOf);
    caveat(v.caveat);
    caveat(deadline.caveat);
    if (v.status !== 'verified') caveat('rule-status', { rule: family.family, status: v.status });
    out.push({
      code: family.code,
      to: family.to,
      ...(authority && { authority }),
      recipient,
      deadline: {
        code: deadline.code,
        hours: deadline.hours,
        status: deadline.status ?? v.status,
        ...(deadline.counting && { counting: deadline.counting }),
        ...(deadline.practice_hours !== undefined && { practiceHours: deadline.practice_hours }),
        ...(v.calendar && { calendar: v.calendar }),
        ...(v.milestones && { milestones: v.milestones.map((m) => ({ code: m.code, ...(m.business_days !== undefined && { businessDays: m.business_days }), ...(m.hours !== undefined && { hours: m.hours }) })) }),
      },
      content: v.content ?? [],
      ...(v.content_status && { contentStatus: v.content_status }),
      basis: [...v.basis, ...(authority ? authorityBasis(v, authority, guarantorEnded) : []), ...(deadline.basis ?? [])],
      status: v.status,
      statutory: v.statutory ?? true,
      rule: { family: family.family, validFrom: v.valid_from, ...(v.valid_to && { validTo: v.valid_to }), checkedOn: v.checked_on },
    });
  }
  return { obligations: out, caveats };
}
