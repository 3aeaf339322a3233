// DPC (data processing context) and EI (ease of identification) of one dataset: severity.md.
import type { Dataset, Incident } from '../core/incident.js';
import { fieldById, type FieldType } from '../fields/catalogue.js';
import { basisOf, WEIGHTS } from './weights.js';
import type { Factor } from './types.js';

const W = WEIGHTS;

export function fieldsOf(ds: Dataset): FieldType[] {
  const out: FieldType[] = [];
  for (const id of ds.fields) {
    const f = fieldById(id);
    if (f) out.push(f);
  }
  return out;
}

function factor(name: Factor['factor'], value: number, rule: string, evidence: string[], from?: number): Factor {
  const f: Factor = { factor: name, value, rule, evidence, basis: basisOf(rule) };
  if (from !== undefined) f.from = from;
  return f;
}

/** The DPC of a dataset with the chain of rules that set it; the last factor holds the final value. */
export function identityKit(fields: FieldType[], ids: ReadonlySet<string>): string[] {
  const official = fields.filter((f) => f.official_id).map((f) => f.id);
  if (official.length >= 2) return official;
  const named = hasName(fields);
  if (official.length >= 1 && named.length > 0 && ids.has('birth_date') && ids.has('address')) return [...official, ...named, 'birth_date', 'address'];
  return [];
}

export function dpcFactors(ds: Dataset, incident: Incident, fields: FieldType[] = fieldsOf(ds), ids: ReadonlySet<string> = new Set(ds.fields)): Factor[] {
  // 1. base placement: the highest placement among the fields.
  let best = -1;
  let rule = W.dpc.category_rule.simple;
  let evidence: string[] = [];
  for (const f of fields) {
    let value = f.dpc ?? W.dpc.category_base[f.category];
    let r = f.dpc_rule ?? W.dpc.category_rule[f.category];
    if (r === 'DPC-CREDENTIALS') value = ds.unlocks ? W.dpc.category_base[ds.unlocks] : W.dpc.credentials_unknown;
    if (value > best) {
      best = value;
      rule = r;
      evidence = [f.id];
    } else if (value === best && r === rule) {
      evidence.push(f.id);
    }
  }
  if (rule === 'DPC-CREDENTIALS') evidence.push(ds.unlocks ? `unlocks: ${ds.unlocks}` : 'unlocks: unknown');
  const out: Factor[] = [factor('DPC', best, rule, evidence)];
  let dpc = best;
  const raise = (to: number, r: string, ev: string[]) => {
    if (to > dpc) {
      out.push(factor('DPC', to, r, ev, dpc));
      dpc = to;
    }
  };
  // 2. card number with its security code or expiry enables fraud.
  if (ids.has('card_number')) {
    const with_ = ['card_security_code', 'card_expiry'].filter((x) => ids.has(x));
    if (with_.length) raise(W.dpc.card_with_code, 'DPC-CARD-CVV', ['card_number', ...with_]);
  }
  // 3. identity-theft kit on simple data.
  if (dpc === W.dpc.category_base.simple) {
    const kit = identityKit(fields, ids);
    if (kit.length) raise(W.dpc.id_kit, 'DPC-IDKIT', kit);
  }
  // 4. data subjects at risk.
  const groups = incident.subjects.groups;
  const raising = groups.filter((g) => W.dpc.group_raise.includes(g));
  const safety = groups.filter((g) => W.dpc.group_safety_groups.includes(g));
  if (safety.length) {
    const names = [...hasName(fields), ...(ids.has('photo') ? ['photo'] : [])].filter((x) => W.dpc.safety_names.includes(x) || x === 'given_name' || x === 'surname');
    const locators = W.dpc.safety_locators.filter((x) => ids.has(x));
    if (names.length && locators.length) raise(W.dpc.group_safety, 'DPC-GROUP', [...safety.map((g) => `group: ${g}`), ...names, ...locators]);
    else raise(W.dpc.group_at_least, 'DPC-GROUP', safety.map((g) => `group: ${g}`));
  }
  if (raising.length) raise(W.dpc.group_at_least, 'DPC-GROUP', raising.map((g) => `group: ${g}`));
  // 5. user adjustment, always with a reason.
  if (ds.adjust) {
    const to = Math.min(W.dpc.max, Math.max(W.dpc.min, dpc + ds.adjust.dpc));
    out.push(factor('DPC', to, 'DPC-USER', [`${ds.adjust.dpc > 0 ? '+' : ''}${ds.adjust.dpc}: ${ds.adjust.reason}`], dpc));
    dpc = to;
  }
  return out;
}

/** Name fields present: full_name, or given_name and surname together. */
function hasName(fields: FieldType[]): string[] {
  const full = fields.filter((f) => f.name === 'full').map((f) => f.id);
  if (full.length) return full;
  const parts = fields.filter((f) => f.name === 'part').map((f) => f.id);
  return parts.length >= 2 ? parts : [];
}

/** The EI of a dataset: the highest value any field or combination reaches. */
export function eiFactor(ds: Dataset, incident: Incident, fields: FieldType[] = fieldsOf(ds)): Factor {
  if (incident.circumstances.unintelligible) return factor('EI', W.ei.unintelligible, 'EI-UNINTELLIGIBLE', ['unintelligible: true']);
  let value = W.ei.default;
  let rule = 'EI-NONE';
  let evidence: string[] = [];
  const offer = (v: number, r: string, ev: string[]) => {
    if (v > value) {
      value = v;
      rule = r;
      evidence = ev;
    } else if (v === value && r === rule) {
      for (const e of ev) if (!evidence.includes(e)) evidence.push(e);
    }
  };
  for (const f of fields) if (f.ei !== undefined && f.ei_rule) offer(f.ei, f.ei_rule, [f.id]);
  // Given names and surnames in their own columns (the RENAPO layout) are a full name.
  const parts = hasName(fields).filter((id) => id !== 'full_name');
  const full = fieldById('full_name');
  if (parts.length && full?.ei !== undefined && full.ei_rule) offer(full.ei, full.ei_rule, parts);
  const quasi = fields.filter((f) => f.quasi).map((f) => f.id);
  if (quasi.length >= 2) offer(W.ei.quasi_pair, 'EI-INDIRECT', quasi);
  const name = hasName(fields);
  const linked = fields.filter((f) => f.links_name).map((f) => f.id);
  if (name.length && linked.length) offer(W.ei.name_plus, 'EI-NAME-PLUS', [...name, ...linked]);
  return factor('EI', value, rule, evidence);
}
