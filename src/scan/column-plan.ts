// What `scan --full` runs on each value of a column: the column's tests as one function returning a
// bit per test passed. Tests a value fails or passes for certain are not run:
// - screens (columns tested against many types): a test that needs a digit, no digit or an '@' the
//   value lacks fails, and so does an identifier test on a value of another length once normalised
//   (bytes only);
// - prerequisites: every name test (full name, known given name, known surname, known name) passes
//   only on a value the name-part analysis accepts, so a value it rejects fails them all;
// - implications: a check-digit type's shape holds whenever its full test passes (a valid CURP has
//   a CURP's shape), so the shape is tested only on the values the full test rejects.
import { TESTS, type TestKey } from './classify.js';
import { analyseName, BYTE_TESTS, type ByteTest, NAME_RESULT_BITS } from './byte-tests.js';
import { latin1 } from './slices.js';

/** Tests in one bit mask, at most (more: tested and counted one by one, never cached). */
export const MAX_BITS = 30;

const NEEDS_DIGIT = 1;
const NO_DIGIT = 2;
const NEEDS_AT = 3;
/**
 * What a test needs of a value: a digit (every identifier, date, amount, phone, postal code and
 * address validator asks for ASCII digits), no digit (names: letters only), an '@' (e-mails).
 */
const NEEDS: Partial<Record<TestKey, number>> = {
  curp: NEEDS_DIGIT, 'curp~shape': NEEDS_DIGIT, rfc: NEEDS_DIGIT, 'rfc~shape': NEEDS_DIGIT, nss: NEEDS_DIGIT, 'nss~shape': NEEDS_DIGIT,
  clabe: NEEDS_DIGIT, 'clabe~shape': NEEDS_DIGIT, card: NEEDS_DIGIT, 'card~shape': NEEDS_DIGIT, voter_key: NEEDS_DIGIT, phone: NEEDS_DIGIT,
  postal_code: NEEDS_DIGIT, date: NEEDS_DIGIT, money: NEEDS_DIGIT, address: NEEDS_DIGIT,
  name: NO_DIGIT, name_part: NO_DIGIT, name_known: NO_DIGIT, given_known: NO_DIGIT, surname_known: NO_DIGIT,
  email: NEEDS_AT,
};
/**
 * Identifiers' lengths once normalised (validators.ts normId: spaces, '-', '.', '/' dropped): each
 * of these tests fails on a value of another length. A screened column measures the value once.
 */
const ID_LENGTHS: Partial<Record<TestKey, readonly [number, number]>> = {
  curp: [18, 18], 'curp~shape': [18, 18], rfc: [12, 13], 'rfc~shape': [12, 13], nss: [11, 11], 'nss~shape': [11, 11],
  clabe: [18, 18], 'clabe~shape': [18, 18], card: [13, 19], 'card~shape': [13, 19], voter_key: [18, 18],
};
/** Columns with at least this many tests check the needs first (one digit search saves several tests). */
const SCREEN_FROM = 6;
const DIGIT = /[0-9]/;
/** Tests that pass only where name_part passes (validators.ts isName and names.ts: one analysis). */
const NEEDS_NAME_PART: TestKey[] = ['name', 'name_known', 'given_known', 'surname_known'];
/** A shape that holds wherever its full test passes (the full test matches the shape's pattern first). */
const SHAPE_OF: Partial<Record<TestKey, TestKey>> = { 'curp~shape': 'curp', 'rfc~shape': 'rfc', 'nss~shape': 'nss', 'clabe~shape': 'clabe', 'card~shape': 'card' };

/** What a column is tested for, and whether its values repeat enough to remember their results. */
export interface ColumnPlan {
  keys: TestKey[];
  fns: ((s: string) => boolean)[];
  /** Per test, its version on a cell's ASCII bytes (null: the test needs the cell as a string). */
  bytes: (ByteTest | null)[];
  /** Per test, what it needs of a value, when the column screens values first (null: it does not). */
  needs: number[] | null;
  /** Per test, the normalised lengths an identifier test can pass on ([0, Infinity]: any), when the column screens. */
  idMin: number[];
  idMax: number[];
  /** Tests in the order they run: prerequisites and full tests before what depends on them. */
  order: number[];
  /** Per test, the test it needs passed (-1: none). */
  requires: number[];
  /** Per test, the test whose pass implies it (-1: none). */
  impliedBy: number[];
  /** Bit of the 'curp' test, for the minors' birth dates (-1: none). */
  curpBit: number;
  /** For a column of name tests only: its bits per result of the name analysis (a cell with accents is analysed as bytes too). */
  nameTable: Int32Array | null;
  /** The whole column's mask from a cell's bytes in one function, when every test has a byte version and no screen is needed. */
  maskBytes: ((b: Uint8Array, s: number, e: number) => number) | null;
  cache: boolean;
  lookups: number;
  hits: number;
}

/** The column's bits for each result of the name analysis (analyseName's bits → the column's name tests). */
function nameTableOf(keys: TestKey[]): Int32Array {
  const table = new Int32Array(32);
  keys.forEach((k, i) => {
    const bit = NAME_RESULT_BITS[k];
    if (bit !== undefined) for (let r = 0; r < 32; r++) if (r & bit) table[r] = table[r]! | (1 << i);
  });
  return table;
}

/**
 * One function for a column's byte tests: the name tests share one analysis (its result bits map
 * to the column's bits through a table), a check-digit type's shape is tested only when its full
 * test fails, a lone test is called directly. Null when a test has no byte version or the column
 * screens its values (then maskOfBytes).
 */
function compileBytes(keys: TestKey[], needs: number[] | null): ColumnPlan['maskBytes'] {
  if (needs || !keys.length || keys.some((k) => !BYTE_TESTS[k])) return null;
  const steps: ((b: Uint8Array, s: number, e: number) => number)[] = [];
  if (keys.some((k) => NAME_RESULT_BITS[k] !== undefined)) {
    const table = nameTableOf(keys);
    steps.push((b, s, e) => table[analyseName(b, s, e)]!);
  }
  keys.forEach((k, i) => {
    if (NAME_RESULT_BITS[k] !== undefined) return;
    const test = BYTE_TESTS[k]!;
    const shapeOf = SHAPE_OF[k];
    if (shapeOf && keys.includes(shapeOf)) return; // with its full test, below
    const shape = keys.find((x) => SHAPE_OF[x] === k);
    if (shape) {
      const shapeTest = BYTE_TESTS[shape]!;
      const both = (1 << i) | (1 << keys.indexOf(shape));
      const alone = 1 << keys.indexOf(shape);
      steps.push((b, s, e) => (test(b, s, e) ? both : shapeTest(b, s, e) ? alone : 0));
    } else {
      const bit = 1 << i;
      steps.push((b, s, e) => (test(b, s, e) ? bit : 0));
    }
  });
  if (steps.length === 1) return steps[0]!;
  return (b, s, e) => {
    let m = 0;
    for (let i = 0; i < steps.length; i++) m |= steps[i]!(b, s, e);
    return m;
  };
}

export function planFor(keys: TestKey[]): ColumnPlan {
  const namePart = keys.indexOf('name_part');
  const requires = keys.map((k) => (namePart >= 0 && NEEDS_NAME_PART.includes(k) ? namePart : -1));
  const impliedBy = keys.map((k) => (SHAPE_OF[k] ? keys.indexOf(SHAPE_OF[k]!) : -1));
  const dependent = (k: number) => requires[k]! >= 0 || impliedBy[k]! >= 0;
  const all = keys.map((_, k) => k);
  const needs = keys.length >= SCREEN_FROM ? keys.map((k) => NEEDS[k] ?? 0) : null;
  return {
    keys, fns: keys.map((k) => TESTS[k]), bytes: keys.map((k) => BYTE_TESTS[k] ?? null), needs,
    idMin: keys.map((k) => ID_LENGTHS[k]?.[0] ?? 0), idMax: keys.map((k) => ID_LENGTHS[k]?.[1] ?? Infinity),
    order: [...all.filter((k) => !dependent(k)), ...all.filter(dependent)], requires, impliedBy,
    curpBit: keys.indexOf('curp'), maskBytes: compileBytes(keys, needs),
    nameTable: keys.length && keys.every((k) => NAME_RESULT_BITS[k] !== undefined) ? nameTableOf(keys) : null, cache: keys.length > 0 && keys.length <= MAX_BITS, lookups: 0, hits: 0,
  };
}

/** One bit per test the value passes, in the column's key order (at most MAX_BITS tests). */
export function maskOf(p: ColumnPlan, v: string): number {
  const { fns, order, requires, impliedBy, needs } = p;
  const digit = needs ? DIGIT.test(v) : false;
  const at = needs ? v.includes('@') : false;
  let m = 0;
  for (let o = 0; o < order.length; o++) {
    const k = order[o]!;
    const q = requires[k]!;
    if (q >= 0 && !(m & (1 << q))) continue;
    const s = impliedBy[k]!;
    if (s >= 0 && m & (1 << s)) { m |= 1 << k; continue; }
    if (needs) {
      const n = needs[k]!;
      if ((n === NEEDS_DIGIT && !digit) || (n === NO_DIGIT && digit) || (n === NEEDS_AT && !at)) continue;
    }
    if (fns[k]!(v)) m |= 1 << k;
  }
  return m;
}

/**
 * maskOf() of a cell given as its ASCII bytes b[s..e) (trimmed, not empty): byte tests where they
 * exist, the string tests on `v` (built once, when first needed) otherwise.
 */
export function maskOfBytes(p: ColumnPlan, b: Uint8Array, s: number, e: number, v: string | undefined): number {
  const { fns, bytes, order, requires, impliedBy, needs, idMin, idMax } = p;
  let digit = false;
  let at = false;
  let idLength = 0;
  if (needs) {
    for (let i = s; i < e; i++) {
      const c = b[i]!;
      if (c >= 48 && c <= 57) digit = true;
      else if (c === 64) at = true;
      // normId drops white space, '-', '.' and '/'.
      if (!(c === 32 || (c >= 9 && c <= 13) || c === 45 || c === 46 || c === 47)) idLength++;
    }
  }
  let m = 0;
  for (let o = 0; o < order.length; o++) {
    const k = order[o]!;
    const q = requires[k]!;
    if (q >= 0 && !(m & (1 << q))) continue;
    const implied = impliedBy[k]!;
    if (implied >= 0 && m & (1 << implied)) { m |= 1 << k; continue; }
    if (needs) {
      const n = needs[k]!;
      if ((n === NEEDS_DIGIT && !digit) || (n === NO_DIGIT && digit) || (n === NEEDS_AT && !at)) continue;
      if (idLength < idMin[k]! || idLength > idMax[k]!) continue;
    }
    const bt = bytes[k];
    if (bt ? bt(b, s, e) : fns[k]!((v ??= latin1(b, s, e)))) m |= 1 << k;
  }
  return m;
}
