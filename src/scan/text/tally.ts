// Counts of what the text finders found: occurrences (exact), distinct values (exact below a
// limit, HyperLogLog above it), masked examples and the minors among the CURPs. Values are hashed
// as they come; the raw value is never kept, only its masked form.
import { ageOn } from '../age.js';
import { fmix32, HyperLogLog } from '../hll.js';
import { mask } from '../mask.js';
import { curpBirthDate } from '../validators.js';
import type { TextType } from './find.js';

/** Distinct values counted exactly up to this many per type; HyperLogLog (about 0.8 % error) beyond. */
export const EXACT_LIMIT = 20000;
const LOW = 2 ** 21;

/** A distinct-count sketch as it crosses threads: the exact hashes, or the HyperLogLog registers. */
export type Sketch = { hashes: Float64Array } | { registers: Uint8Array };

/** Two independent 32-bit hashes of a string (FNV-1a, two bases), mixed. */
export function hashes(s: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return [fmix32(a), fmix32(b)];
}

/** Distinct values: a set of 53-bit hashes while small (exact), then HyperLogLog on the first 32 bits. */
export class Distinct {
  private set: Set<number> | undefined = new Set();
  private hll: HyperLogLog | undefined;

  add(h1: number, h2: number): void {
    if (this.set) {
      this.set.add(h1 * LOW + (h2 & (LOW - 1)));
      if (this.set.size > EXACT_LIMIT) this.grow();
    } else this.hll!.add(h1);
  }

  private grow(): void {
    this.hll = new HyperLogLog();
    for (const k of this.set!) this.hll.add(Math.floor(k / LOW));
    this.set = undefined;
  }

  get exact(): boolean {
    return this.set !== undefined;
  }

  count(): number {
    return this.set ? this.set.size : this.hll!.estimate();
  }

  sketch(): Sketch {
    return this.set ? { hashes: Float64Array.from(this.set) } : { registers: this.hll!.registers.slice() };
  }

  merge(s: Sketch): void {
    if ('hashes' in s) {
      for (const k of s.hashes) this.add(Math.floor(k / LOW), k % LOW);
      return;
    }
    if (this.set) this.grow();
    this.hll!.merge(s.registers);
  }
}

export interface TypeFigures {
  /** Every place the value appears, check digit holding. */
  occurrences: number;
  /** Candidates of the right shape whose check digit fails (typos, test data, other numbers). */
  failedCheck: number;
  distinct: number;
  /** Distinct counted exactly (below EXACT_LIMIT), else estimated with HyperLogLog. */
  exact: boolean;
  examples: string[];
}

export interface TallySketches {
  types: Partial<Record<TextType, Sketch>>;
  minors?: Sketch;
}

/** The counts of one file (or of a whole run, merged). */
export class Tally {
  readonly occurrences = new Map<TextType, number>();
  readonly failed = new Map<TextType, number>();
  readonly distinct = new Map<TextType, Distinct>();
  readonly examples = new Map<TextType, string[]>();
  readonly minors = new Distinct();

  constructor(private readonly today: string) {}

  /** One value found (already normalised). */
  readonly hit = (type: TextType, value: string, valid: boolean): void => {
    if (!valid) {
      this.failed.set(type, (this.failed.get(type) ?? 0) + 1);
      return;
    }
    this.occurrences.set(type, (this.occurrences.get(type) ?? 0) + 1);
    const [h1, h2] = hashes(value);
    let d = this.distinct.get(type);
    if (!d) this.distinct.set(type, (d = new Distinct()));
    d.add(h1, h2);
    const ex = this.examples.get(type) ?? [];
    if (ex.length < 3) {
      const m = mask(value, type);
      if (!ex.includes(m)) ex.push(m);
      this.examples.set(type, ex);
    }
    if (type === 'curp') {
      const b = curpBirthDate(value);
      if (b && ageOn(b, this.today) < 18) this.minors.add(h1, h2);
    }
  };

  types(): TextType[] {
    return [...new Set([...this.occurrences.keys(), ...this.failed.keys()])];
  }

  figures(type: TextType): TypeFigures {
    const d = this.distinct.get(type);
    return { occurrences: this.occurrences.get(type) ?? 0, failedCheck: this.failed.get(type) ?? 0, distinct: d?.count() ?? 0, exact: d?.exact ?? true, examples: this.examples.get(type) ?? [] };
  }

  sketches(): TallySketches {
    const types: TallySketches['types'] = {};
    for (const [t, d] of this.distinct) types[t] = d.sketch();
    return { types, ...(this.minors.count() > 0 && { minors: this.minors.sketch() }) };
  }
}

/**
 * The distinct values of many files, merged as each file's sketches arrive (then dropped), so a
 * folder of thousands of files holds one set of sketches, not one per file. Merging is
 * order-free: the same files give the same counts however the threads finish.
 */
export class SketchTotals {
  readonly types = new Map<TextType, Distinct>();
  readonly minors = new Distinct();

  add(s: TallySketches): void {
    for (const [t, sk] of Object.entries(s.types) as [TextType, Sketch][]) {
      let d = this.types.get(t);
      if (!d) this.types.set(t, (d = new Distinct()));
      d.merge(sk);
    }
    if (s.minors) this.minors.merge(s.minors);
  }
}
