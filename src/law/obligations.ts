// Obligations: evaluates the rule families of data/law/mx/ for one incident on one date.
import type { Incident } from '../core/incident.js';
import { GUARANTORS, OBLIGATION_FAMILIES, versionAt } from './rules.js';
import { normalizeName } from '../util/normalize.js';
import type { DeadlineRule, Obligation, Reason, RuleFamily, RuleVersion } from './types.js';

export interface ObligationsResult { obligations: Obligation[]; caveats: Reason[] }

function inScope(f: RuleFamily, incident: Incident): boolean {
  const c = incident.controller;
  return (!f.scope.sector || f.scope.sector === c.sector)
    && (!f.scope.role || f.scope.role === c.role)
    && (!f.scope.industry || f.scope.industry === c.industry);
}

function pickDeadline(v: RuleVersion, authority: string | undefined, asOf: string): DeadlineRule {
  const d = v.deadline;
  if (!d) return { code: 'none', hours: null };
  if ('code' in d && typeof d.code === 'string') return d as DeadlineRule;
  const table = d as Record<string, DeadlineRule>;
  const specific = authority ? table[authority] : undefined;
  if (specific && (!specific.valid_from || specific.valid_from <= asOf)) return specific;
  return table.default ?? { code: 'none', hours: null };
}

/** The state's organismo garante on `asOf`, with caveats when unknown or extinct. */
export function stateGuarantor(state: string | undefined, asOf: string, caveats: Reason[]): string | undefined {
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
  if (g.valid_to && asOf > g.valid_to) caveats.push({ code: 'state-guarantor-extinct', args: { body: g.body, date: g.valid_to, state: g.state } });
  else caveats.push({ code: 'state-guarantor-transition', args: { body: g.body, state: g.state } });
  return g.body;
}

export function obligations(incident: Incident, asOf: string, significant: boolean, loss: boolean): ObligationsResult {
  const out: Obligation[] = [];
  const caveats: Reason[] = [];
  // Repeats are removed once, by evaluateLaw(), over all the incident's caveats.
  const caveat = (code: string | undefined, args?: Reason['args']) => {
    if (code) caveats.push(args ? { code, args } : { code });
  };
  for (const family of OBLIGATION_FAMILIES) {
    if (!inScope(family, incident)) continue;
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
    let recipient: Obligation['recipient'] = { code: family.to };
    if (family.code === 'notify-authority') {
      authority = v.authority?.[incident.controller.branch ?? ''];
      if (!authority) {
        caveat('authority-unknown', { branch: incident.controller.branch ?? '' });
        continue;
      }
      const name = authority === 'state-guarantor' ? stateGuarantor(incident.controller.state, asOf, caveats) : undefined;
      recipient = { code: authority, ...(name && { name }) };
    } else if (family.code === 'sector-report' && v.regulator) {
      recipient = { code: v.regulator };
    }
    const deadline = pickDeadline(v, authority, asOf);
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
        ...(v.milestones && { milestones: v.milestones.map((m) => ({ code: m.code, ...(m.business_days !== undefined && { businessDays: m.business_days }), ...(m.hours !== undefined && { hours: m.hours }) })) }),
      },
      content: v.content ?? [],
      ...(v.content_status && { contentStatus: v.content_status }),
      basis: [...v.basis, ...(deadline.basis ?? [])],
      status: v.status,
      statutory: v.statutory ?? true,
      rule: { family: family.family, validFrom: v.valid_from, ...(v.valid_to && { validTo: v.valid_to }), checkedOn: v.checked_on },
    });
  }
  return { obligations: out, caveats };
}
