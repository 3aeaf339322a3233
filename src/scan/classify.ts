// Column classification (identifiers.md §0): header synonyms are the prior, validators the
// evidence, judged per column by the share of valid values against the chance baseline.
// A column neither the header nor the values explain stays unknown: never guessed.
import { resolveField } from '../fields/catalogue.js';
import { normalizeName } from '../util/normalize.js';
import * as v from './validators.js';

export type ValueType = 'curp' | 'rfc' | 'nss' | 'clabe' | 'card' | 'voter_key' | 'email' | 'phone' | 'postal_code' | 'date' | 'money' | 'name' | 'address' | 'sex' | 'ip';

interface TypeRule {
  test: (s: string) => boolean;
  /** Field id when the values alone decide. */
  field: string;
  /** Share of valid values needed to decide on values alone; undefined: only with a header that agrees. */
  alone?: number;
  /** Share needed when the header agrees. */
  withHeader: number;
}

/**
 * Check-digit types pass by chance about 1 time in 10 among values of the right shape, so 90 %
 * valid over at least 20 values is far above chance (RFC 85 %: about 1.5 % of real ones fail).
 * Shape-only types need a header that agrees.
 */
export const TYPES: Record<ValueType, TypeRule> = {
  curp: { test: v.isCurp, field: 'curp', alone: 0.9, withHeader: 0.5 },
  rfc: { test: v.isRfc, field: 'rfc', alone: 0.85, withHeader: 0.5 },
  nss: { test: v.isNss, field: 'nss', alone: 0.9, withHeader: 0.5 },
  clabe: { test: v.isClabe, field: 'clabe', alone: 0.9, withHeader: 0.5 },
  card: { test: v.isCard, field: 'card_number', alone: 0.9, withHeader: 0.5 },
  voter_key: { test: v.isVoterKey, field: 'ine_voter_key', alone: 0.95, withHeader: 0.5 },
  email: { test: v.isEmail, field: 'email', alone: 0.9, withHeader: 0.5 },
  phone: { test: v.isPhone, field: 'phone', withHeader: 0.6 },
  postal_code: { test: v.isPostalCode, field: 'postal_code', withHeader: 0.8 },
  date: { test: v.isDate, field: 'birth_date', withHeader: 0.8 },
  money: { test: v.isMoney, field: 'salary', withHeader: 0.8 },
  name: { test: v.isName, field: 'full_name', alone: 0.97, withHeader: 0.6 },
  address: { test: v.isAddress, field: 'address', withHeader: 0.6 },
  sex: { test: v.isSex, field: 'sex', withHeader: 0.9 },
  ip: { test: v.isIp, field: 'ip_address', alone: 0.97, withHeader: 0.8 },
};

/** Which value types can stand for which catalogue fields when the header names them. */
const FIELD_TYPES: Record<string, ValueType[]> = {
  curp: ['curp'], rfc: ['rfc'], nss: ['nss'], clabe: ['clabe'], card_number: ['card'], ine_voter_key: ['voter_key'], email: ['email'],
  phone: ['phone'], postal_code: ['postal_code'], birth_date: ['date'], full_name: ['name'], given_name: ['name'], surname: ['name'],
  address: ['address'], sex: ['sex'], ip_address: ['ip'], salary: ['money'], income: ['money'], debts: ['money'], assets: ['money'],
  transactions: ['money'], employment_history: ['date'], bank_account: ['clabe'],
};

export const MIN_VALUES = 20;

/** The field the header names: an id or alias, or one of its tokens (tel_celular → phone). */
export function headerField(header: string): string | undefined {
  const direct = resolveField(header);
  if (direct) return direct.id;
  const n = normalizeName(header);
  for (const token of n.split('_')) {
    if (token.length < 2) continue;
    const f = resolveField(token);
    if (f) return f.id;
  }
  return undefined;
}

export interface ColumnVerdict {
  field: string | null;
  confidence: number;
  /** Share of non-empty sampled values valid for the detected type (null for header-only types). */
  validShare: number | null;
  evidence: 'values' | 'header' | 'header+values' | 'none';
  valueType?: ValueType;
  headerField?: string;
  /** Values tested (non-empty). */
  tested: number;
}

/** Counts, for a column's values, how many each validator accepts (up to `limit` non-empty values). */
export function countValid(values: Iterable<string>, limit = 2000): { tested: number; valid: Record<ValueType, number>; distinct: number } {
  const valid = Object.fromEntries(Object.keys(TYPES).map((k) => [k, 0])) as Record<ValueType, number>;
  const seen = new Set<string>();
  let tested = 0;
  for (const raw of values) {
    const s = raw.trim();
    if (!s) continue;
    if (tested++ >= limit) { tested--; break; }
    seen.add(s);
    for (const k of Object.keys(TYPES) as ValueType[]) if (TYPES[k].test(s)) valid[k]++;
  }
  return { tested, valid, distinct: seen.size };
}

/**
 * Identifiers and names vary from row to row: a column repeating a handful of values (a status, a
 * category, a placeholder) is not one of them, whatever shape its values have.
 */
export const MIN_DISTINCT_SHARE = 0.2;

export function classify(header: string | undefined, tested: number, valid: Record<ValueType, number>, distinct = tested): ColumnVerdict {
  const hf = header ? headerField(header) : undefined;
  const base = { tested, ...(hf && { headerField: hf }) };
  const scale = Math.min(1, tested / MIN_VALUES);
  const share = (t: ValueType) => (tested ? valid[t] / tested : 0);
  // 1. The header names a field whose value type the values confirm.
  if (hf) {
    const types = FIELD_TYPES[hf] ?? [];
    for (const t of types) {
      if (tested >= 1 && share(t) >= TYPES[t].withHeader) {
        return { ...base, field: hf, confidence: round(Math.min(0.99, 0.6 + 0.4 * share(t)) * Math.max(0.5, scale)), validShare: round(share(t)), evidence: 'header+values', valueType: t };
      }
    }
  }
  // 2. Values alone, for types distinctive enough (check digits, e-mails); the best share wins.
  let best: ValueType | undefined;
  for (const t of Object.keys(TYPES) as ValueType[]) {
    const rule = TYPES[t];
    if (rule.alone !== undefined && tested >= MIN_VALUES && distinct >= MIN_DISTINCT_SHARE * tested && share(t) >= rule.alone && (!best || share(t) > share(best))) best = t;
  }
  if (best) return { ...base, field: TYPES[best].field, confidence: round(Math.min(0.99, share(best))), validShare: round(share(best)), evidence: 'values', valueType: best };
  // 3. The header names a field no validator can check (health, salary, union...): header only.
  if (hf && !(FIELD_TYPES[hf]?.length) && tested > 0) return { ...base, field: hf, confidence: 0.6, validShare: null, evidence: 'header' };
  if (hf && tested === 0) return { ...base, field: hf, confidence: 0.3, validShare: null, evidence: 'header' };
  return { ...base, field: null, confidence: 0, validShare: null, evidence: 'none' };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Key columns for counting distinct people, best first (issue 4). */
export const KEY_FIELDS = ['curp', 'nss', 'rfc', 'email'];
