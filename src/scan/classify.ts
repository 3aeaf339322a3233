// Column classification (identifiers.md §0): header synonyms are the prior, validators the
// evidence, judged per column by the share of valid values against the chance baseline.
// A column neither the header nor the values explain stays unknown: never guessed.
import { resolveField } from '../fields/catalogue.js';
import { normalizeName } from '../util/normalize.js';
import { isKnownGiven, isKnownName, isKnownSurname, isNamePart } from './names.js';
import * as v from './validators.js';

export type ValueType = 'curp' | 'rfc' | 'nss' | 'clabe' | 'card' | 'voter_key' | 'email' | 'phone' | 'postal_code' | 'date' | 'money' | 'name' | 'name_part' | 'address' | 'sex' | 'ip';

interface TypeRule {
  test: (s: string) => boolean;
  /** Field id when the values alone decide. */
  field: string;
  /** Share of valid values needed to decide on values alone; undefined: only with a header that agrees. */
  alone?: number;
  /** Share needed when the header agrees. */
  withHeader: number;
  /** The type's shape without its check digit: tells a corrupted or obfuscated column from another kind. */
  shape?: (s: string) => boolean;
}

/**
 * Check-digit types pass by chance about 1 time in 10 among values of the right shape, so 90 %
 * valid over at least 20 values is far above chance (RFC 85 %: about 1.5 % of real ones fail).
 * Shape-only types need a header that agrees. Names decide on values alone only with the
 * supporting evidence of common names (see nameByValues).
 */
export const TYPES: Record<ValueType, TypeRule> = {
  curp: { test: v.isCurp, field: 'curp', alone: 0.9, withHeader: 0.5, shape: v.curpShape },
  rfc: { test: v.isRfc, field: 'rfc', alone: 0.85, withHeader: 0.5, shape: v.rfcShape },
  nss: { test: v.isNss, field: 'nss', alone: 0.9, withHeader: 0.5, shape: v.nssShape },
  clabe: { test: v.isClabe, field: 'clabe', alone: 0.9, withHeader: 0.5, shape: v.clabeShape },
  card: { test: v.isCard, field: 'card_number', alone: 0.9, withHeader: 0.5, shape: v.cardShape },
  voter_key: { test: v.isVoterKey, field: 'ine_voter_key', alone: 0.95, withHeader: 0.5 },
  email: { test: v.isEmail, field: 'email', alone: 0.9, withHeader: 0.5 },
  phone: { test: v.isPhone, field: 'phone', withHeader: 0.6 },
  postal_code: { test: v.isPostalCode, field: 'postal_code', withHeader: 0.8 },
  date: { test: v.isDate, field: 'birth_date', withHeader: 0.8 },
  money: { test: v.isMoney, field: 'salary', withHeader: 0.8 },
  name: { test: v.isName, field: 'full_name', withHeader: 0.6 },
  name_part: { test: isNamePart, field: 'given_name', withHeader: 0.8 },
  address: { test: v.isAddress, field: 'address', withHeader: 0.6 },
  sex: { test: v.isSex, field: 'sex', withHeader: 0.9 },
  ip: { test: v.isIp, field: 'ip_address', alone: 0.97, withHeader: 0.8 },
};

/** Counters beyond the types: shapes of check-digit types, name evidence. */
export type AuxKey = `${ValueType}~shape` | 'name_known' | 'given_known' | 'surname_known';
export type TestKey = ValueType | AuxKey;
export type Counts = Partial<Record<TestKey, number>>;

const VALUE_TYPES = Object.keys(TYPES) as ValueType[];
const AUX: [AuxKey, (s: string) => boolean][] = [
  ...VALUE_TYPES.filter((t) => TYPES[t].shape).map((t) => [`${t}~shape`, TYPES[t].shape!] as [AuxKey, (s: string) => boolean]),
  ['name_known', isKnownName], ['given_known', isKnownGiven], ['surname_known', isKnownSurname],
];
/** Every counter's test, by key (the --full workers count the keys each column needs). */
export const TESTS: Record<TestKey, (s: string) => boolean> = Object.fromEntries([...VALUE_TYPES.map((t) => [t, TYPES[t].test]), ...AUX]) as Record<TestKey, (s: string) => boolean>;
const NAME_EVIDENCE: TestKey[] = ['name', 'name_part', 'name_known', 'given_known', 'surname_known'];

/** Which value types can stand for which catalogue fields when the header names them. */
const FIELD_TYPES: Record<string, ValueType[]> = {
  curp: ['curp'], rfc: ['rfc'], nss: ['nss'], clabe: ['clabe'], card_number: ['card'], ine_voter_key: ['voter_key'], email: ['email'],
  phone: ['phone'], postal_code: ['postal_code'], birth_date: ['date'], full_name: ['name', 'name_part'], given_name: ['name_part', 'name'],
  surname: ['name_part', 'name'], address: ['address'], sex: ['sex'], ip_address: ['ip'], salary: ['money'], income: ['money'], debts: ['money'],
  assets: ['money'], transactions: ['money'], employment_history: ['date'], bank_account: ['clabe'],
};
const NAME_FIELDS = new Set(['full_name', 'given_name', 'surname']);

export const MIN_VALUES = 20;

/** How a header names a field: its id, one of its aliases, or one token of it (tel_celular → phone). */
export interface HeaderMatch { field: string; match: 'id' | 'alias' | 'token'; alias: string }

export function headerMatch(header: string): HeaderMatch | undefined {
  const n = normalizeName(header);
  const direct = resolveField(header);
  if (direct) return { field: direct.id, match: n === direct.id ? 'id' : 'alias', alias: n };
  for (const token of n.split('_')) {
    if (token.length < 2) continue;
    const f = resolveField(token);
    if (f) return { field: f.id, match: 'token', alias: token };
  }
  return undefined;
}

/** The field the header names: an id or alias, or one of its tokens (tel_celular → phone). */
export function headerField(header: string): string | undefined {
  return headerMatch(header)?.field;
}

/**
 * Why a column got its field (the scan's JSON documents it for reviewers):
 * - value: the values alone decide (check digits, e-mails, common names);
 * - header+value: the header names the field and the values have its shape;
 * - header: the header names a field no validator can check (health, job title), or the column is empty;
 * - header-kept-despite-values: the header names a checkable type the values fail; the leak still
 *   exposes what the column was meant to hold, so the field is kept, with a note;
 * - header-overruled-by-values: the values are another type, or the header names a name (no check
 *   digit to fail: values without a name's shape are products, places, codes) or only shares a
 *   word with an alias (nombre_producto): the values decide, unknown if they prove nothing;
 * - unknown: neither header nor values explain the column.
 */
export type Reason = 'value' | 'header+value' | 'header' | 'header-kept-despite-values' | 'header-overruled-by-values' | 'unknown';

/** A value type's evidence in one column: shares of the tested non-empty values. */
export interface Candidate {
  type: ValueType;
  field: string;
  share: number;
  /** Check-digit types: share with the type's shape, whatever the check digit. */
  shapeShare?: number;
  /** Check-digit types: share of the right-shaped values whose check digit holds. */
  checkDigitShare?: number;
  /** Names: share holding a common Mexican given name or surname (supporting evidence). */
  knownNameShare?: number;
}

/** Something a reviewer must read about a column (codes; the CLI words them in Spanish or English). */
export interface ColumnNote {
  code: 'header-kept' | 'header-overruled' | 'empty' | 'dropped-trust-values' | 'name-part-of-trio';
  /** The field the header names. */
  headerField?: string;
  /** The share of values of the header's type (0..1), and of its shape for check-digit types. */
  share?: number;
  shapeShare?: number;
  checkDigit?: boolean;
  /** Names: share holding a common Mexican given name or surname. */
  knownNameShare?: number;
  /** What the values were found to be instead, if anything. */
  valueField?: string;
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
  reason: Reason;
  header: HeaderMatch | null;
  /** Distinct values among the tested ones, as a share. */
  distinctShare: number;
  candidates: Candidate[];
  note?: ColumnNote;
}

/** Counts, for a column's values, how many each test accepts (up to `limit` non-empty values). */
export function countValid(values: Iterable<string>, limit = 2000): { tested: number; valid: Counts; distinct: number } {
  const tests = Object.entries(TESTS) as [TestKey, (s: string) => boolean][];
  const valid: Counts = Object.fromEntries(tests.map(([k]) => [k, 0]));
  const seen = new Set<string>();
  let tested = 0;
  for (const raw of values) {
    const s = raw.trim();
    if (!s) continue;
    if (tested++ >= limit) { tested--; break; }
    seen.add(s);
    for (const [k, test] of tests) if (test(s)) valid[k]!++;
  }
  return { tested, valid, distinct: seen.size };
}

/**
 * The counters --full must keep for a column the head judged: a column the values confirmed keeps
 * its type (and the type's shape, for the check-digit share); others are tested as what their
 * header names, and, when still unexplained, against every type the values alone can prove.
 */
export function testsFor(verdict: ColumnVerdict): TestKey[] {
  const confirmed = verdict.valueType && (verdict.reason === 'value' || verdict.reason === 'header+value');
  const types = new Set<ValueType>(verdict.valueType ? [verdict.valueType] : []);
  if (!confirmed) for (const t of FIELD_TYPES[verdict.header?.field ?? ''] ?? []) types.add(t);
  // Shapes (for the check-digit share) only for the types the column is or is said to be: an
  // unexplained column tested against every type would pay twice for evidence nobody reads.
  const keys = new Set<TestKey>(types);
  for (const t of types) if (TYPES[t].shape) keys.add(`${t}~shape`);
  const open = !verdict.field || verdict.reason === 'header-overruled-by-values';
  if (open) for (const t of VALUE_TYPES) if (TYPES[t].alone !== undefined) keys.add(t);
  // Name evidence: one analysis per value serves all five counters (names.ts).
  if (open || types.has('name') || types.has('name_part')) for (const k of NAME_EVIDENCE) keys.add(k);
  return [...keys];
}

/**
 * Identifiers and names vary from row to row: a column repeating a handful of values (a status, a
 * category, a placeholder) is not one of them, whatever shape its values have.
 */
export const MIN_DISTINCT_SHARE = 0.2;
/** Given names and surnames repeat more (a few hundred cover most people) but still vary: a status or category column holds a handful. */
const NAME_MIN_DISTINCT_VALUES = 30;
/** Values alone call a column names when nearly all have a name's shape and most hold a common name. */
const NAME_SHAPE_ALONE = 0.95;
const NAME_KNOWN_ALONE = 0.4;
/** Under a name header: real columns hold far more (about half of Mexicans carry a listed name). */
const NAME_KNOWN_HEADER = 0.15;

export function classify(header: string | undefined, tested: number, valid: Counts, distinct = tested): ColumnVerdict {
  const hm = header ? headerMatch(header) : undefined;
  const count = (k: TestKey) => valid[k] ?? 0;
  const share = (k: TestKey) => (tested ? count(k) / tested : 0);
  const candidates = candidatesOf(hm, tested, count, (k) => valid[k]);
  const base = { tested, header: hm ?? null, distinctShare: round(tested ? distinct / tested : 0), candidates, ...(hm && { headerField: hm.field }) };
  const scale = Math.min(1, tested / MIN_VALUES);
  const conf = (s: number) => round(Math.min(0.99, 0.6 + 0.4 * s) * Math.max(0.5, scale));
  // 1. The header names a field whose value type the values confirm.
  if (hm) {
    for (const t of FIELD_TYPES[hm.field] ?? []) {
      // Names under a name header still need a few common names: a `nombre` column of companies,
      // products or categories (Telcel, Gansito, Hogar) has a name's shape too.
      const isNameType = t === 'name' || t === 'name_part';
      if (tested >= 1 && share(t) >= TYPES[t].withHeader && (!isNameType || share('name_known') >= NAME_KNOWN_HEADER)) {
        // `nombre` over single words holds given names (JUAN), not full names.
        const field = hm.field === 'full_name' && t === 'name_part' ? 'given_name' : hm.field;
        return { ...base, field, confidence: conf(share(t)), validShare: round(share(t)), evidence: 'header+values', valueType: t, reason: 'header+value' };
      }
    }
  }
  // 2. Values alone, for types distinctive enough (check digits, e-mails, common names); the best share wins.
  const byValues = valueVerdict(tested, distinct, share);
  const overrules = hm && (FIELD_TYPES[hm.field]?.length ?? 0) > 0;
  if (byValues) {
    const { t, field } = byValues;
    return {
      ...base, field, confidence: round(Math.min(0.99, share(t))), validShare: round(share(t)), evidence: 'values', valueType: t,
      reason: overrules ? 'header-overruled-by-values' : 'value',
      ...(overrules && { note: { code: 'header-overruled', headerField: hm.field, ...headerShares(hm.field, share), valueField: field } }),
    };
  }
  if (!hm) return { ...base, field: null, confidence: 0, validShare: null, evidence: 'none', reason: 'unknown' };
  // 3. The header names a field no validator can check (health, salary, union...): header only.
  if (tested === 0) return { ...base, field: hm.field, confidence: 0.3, validShare: null, evidence: 'header', reason: 'header', ...(overrules && { note: { code: 'empty', headerField: hm.field } }) };
  if (!overrules) return { ...base, field: hm.field, confidence: 0.6, validShare: null, evidence: 'header', reason: 'header' };
  // 4. The header names a checkable type and the values fail it.
  const shares = headerShares(hm.field, share);
  // Names have no check digit to fail: values without a name's shape are something else (products,
  // companies, codes), and a header that only shares a word with an alias (nombre_producto) is weak.
  const contradicted = hm.match === 'token' || NAME_FIELDS.has(hm.field);
  const known = NAME_FIELDS.has(hm.field) ? { knownNameShare: round(share('name_known')) } : {};
  if (contradicted) return { ...base, field: null, confidence: 0, validShare: null, evidence: 'none', reason: 'header-overruled-by-values', note: { code: 'header-overruled', headerField: hm.field, ...shares, ...known } };
  return { ...base, field: hm.field, confidence: 0.4, validShare: shares.share ?? null, evidence: 'header', reason: 'header-kept-despite-values', note: { code: 'header-kept', headerField: hm.field, ...shares } };
}

/** The best type the values alone prove, if any. */
function valueVerdict(tested: number, distinct: number, share: (k: TestKey) => number): { t: ValueType; field: string } | undefined {
  if (tested < MIN_VALUES) return undefined;
  let best: ValueType | undefined;
  if (distinct >= MIN_DISTINCT_SHARE * tested) {
    for (const t of VALUE_TYPES) {
      const rule = TYPES[t];
      if (rule.alone !== undefined && share(t) >= rule.alone && (!best || share(t) > share(best))) best = t;
    }
  }
  if (best) return { t: best, field: TYPES[best].field };
  // Names: a name's shape nearly everywhere, a common Mexican name in most values, enough variety.
  if (distinct < Math.min(NAME_MIN_DISTINCT_VALUES, tested / 2) || share('name_known') < NAME_KNOWN_ALONE) return undefined;
  if (share('name') >= NAME_SHAPE_ALONE) return { t: 'name', field: 'full_name' };
  if (share('name_part') >= NAME_SHAPE_ALONE) return { t: 'name_part', field: share('surname_known') > share('given_known') ? 'surname' : 'given_name' };
  return undefined;
}

/** How the values fare against the header's own type (the best of its types). */
function headerShares(field: string, share: (k: TestKey) => number): Pick<ColumnNote, 'share' | 'shapeShare' | 'checkDigit'> {
  const types = FIELD_TYPES[field] ?? [];
  const t = types.reduce<ValueType | undefined>((b, x) => (!b || share(x) > share(b) ? x : b), undefined);
  if (!t) return {};
  const shape = TYPES[t].shape ? round(share(`${t}~shape`)) : undefined;
  return { share: round(share(t)), ...(shape !== undefined && { shapeShare: shape, checkDigit: true }) };
}

function candidatesOf(hm: HeaderMatch | undefined, tested: number, count: (k: TestKey) => number, counted: (k: TestKey) => number | undefined): Candidate[] {
  if (!tested) return [];
  const headerTypes = new Set(FIELD_TYPES[hm?.field ?? ''] ?? []);
  const out: Candidate[] = [];
  for (const t of VALUE_TYPES) {
    const n = count(t);
    const shape = TYPES[t].shape ? counted(`${t}~shape`) : undefined;
    if (!n && !headerTypes.has(t) && !shape) continue;
    const c: Candidate = { type: t, field: TYPES[t].field, share: round(n / tested) };
    if (shape !== undefined) {
      c.shapeShare = round(shape / tested);
      c.checkDigitShare = shape ? round(Math.min(n, shape) / shape) : 0;
    }
    const known = counted('name_known');
    if ((t === 'name' || t === 'name_part') && known !== undefined) c.knownNameShare = round(known / tested);
    out.push(c);
  }
  return out.sort((a, b) => b.share - a.share);
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Key columns for counting distinct people, best first (issue 4). */
export const KEY_FIELDS = ['curp', 'nss', 'rfc', 'email'];
