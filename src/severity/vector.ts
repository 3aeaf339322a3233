// The canonical SE-MX vector: the whole input of the arithmetic (severity.md, "Vector").
import type { Level } from '../core/vocab.js';
import type { VectorParts } from './types.js';
import { levelOf, WEIGHTS } from './weights.js';
import { diagText } from '../input/messages.js';

export const VECTOR_PREFIX = 'SEMX:1';

const ALLOWED: Record<'DPC' | 'EI' | 'C' | 'I' | 'A' | 'M' | 'V', number[]> = {
  DPC: [1, 2, 3, 4],
  EI: [0.25, 0.5, 0.75, 1],
  C: [...new Set(Object.values(WEIGHTS.cb.confidentiality))],
  I: [...new Set(Object.values(WEIGHTS.cb.integrity))],
  A: [...new Set(Object.values(WEIGHTS.cb.availability))],
  M: [0, WEIGHTS.cb.malicious],
  V: [...new Set(WEIGHTS.volume.map((b) => b.value))],
};
const ORDER = ['DPC', 'EI', 'C', 'I', 'A', 'M', 'V'] as const;
const FLOORS: Level[] = ['medium'];

export function formatVector(p: VectorParts): string {
  const base = `${VECTOR_PREFIX}/DPC:${p.dpc}/EI:${p.ei}/C:${p.c}/I:${p.i}/A:${p.a}/M:${p.m}/V:${p.v}`;
  return p.floor ? `${base}/F:${p.floor}` : base;
}

export interface VectorScore { enisa: number; score: number; level: Level; enisaLevel: Level }

/** Scores from vector parts: SE_ENISA = DPC x EI + CB; SE_MX = SE_ENISA + V; the floor lifts the level only. */
export function scoreParts(p: VectorParts): VectorScore {
  const enisa = p.dpc * p.ei + p.c + p.i + p.a + p.m;
  const score = enisa + p.v;
  let level = levelOf(score);
  if (p.floor && WEIGHTS.levels.findIndex((b) => b.level === level) > WEIGHTS.levels.findIndex((b) => b.level === p.floor)) level = p.floor;
  return { enisa, score, level, enisaLevel: levelOf(enisa) };
}

/** A vector that does not parse: the English text, and its key in src/input/messages.ts for other languages. */
/** A vector that does not parse: its message key and arguments (the message is the English table's wording). */
export class VectorError extends Error {
  constructor(readonly col: number, readonly key: VectorErrorKey, readonly args: Record<string, string>) {
    super(diagText(key, args, 'en'));
    this.name = 'VectorError';
  }
}
export type VectorErrorKey = 'vector.prefix' | 'vector.missing' | 'vector.order' | 'vector.value' | 'vector.after-v' | 'vector.after-floor';
const EXAMPLE = `${VECTOR_PREFIX}/DPC:3/EI:1/C:0.5/I:0/A:0/M:0.5/V:0.75`;

/** Parses a vector strictly: prefix, the seven metrics in canonical order, allowed values, optional floor. */
export function parseVector(input: string): VectorParts {
  const s = input.trim();
  const parts = s.split('/');
  if (parts[0] !== VECTOR_PREFIX) {
    const got = (parts[0] ?? '').slice(0, 20);
    throw new VectorError(1, 'vector.prefix', { prefix: VECTOR_PREFIX, got, example: EXAMPLE });
  }
  const out: Partial<Record<(typeof ORDER)[number], number>> = {};
  let col = parts[0].length + 2;
  for (let k = 0; k < ORDER.length; k++) {
    const metric = ORDER[k]!;
    const part = parts[k + 1];
    const order = ORDER.join(', ');
    if (part === undefined) {
      const after = parts.slice(0, k + 1).join('/');
      throw new VectorError(s.length + 1, 'vector.missing', { metric, after, order });
    }
    const m = /^([A-Z]+):(.*)$/.exec(part);
    if (!m || m[1] !== metric) {
      const found = part.slice(0, 20);
      throw new VectorError(col, 'vector.order', { metric, position: String(k + 1), found, order });
    }
    const raw = m[2] ?? '';
    const value = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
    if (!ALLOWED[metric].includes(value)) {
      const values = ALLOWED[metric].join(', ');
      const got = raw.slice(0, 20);
      throw new VectorError(col + metric.length + 1, 'vector.value', { metric, values, got });
    }
    out[metric] = value;
    col += part.length + 1;
  }
  const rest = parts.slice(ORDER.length + 1);
  let floor: Level | undefined;
  if (rest.length) {
    const m = /^F:(.*)$/.exec(rest[0]!);
    const got = rest[0]!.slice(0, 20);
    if (!m || !FLOORS.includes(m[1] as Level)) throw new VectorError(col, 'vector.after-v', { got });
    floor = m[1] as Level;
    if (rest.length > 1) throw new VectorError(col + rest[0]!.length + 1, 'vector.after-floor', { got: rest[1]!.slice(0, 20) });
  }
  return { dpc: out.DPC!, ei: out.EI!, c: out.C!, i: out.I!, a: out.A!, m: out.M!, v: out.V!, ...(floor && { floor }) };
}
