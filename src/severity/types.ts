import type { Level } from '../core/vocab.js';

export type FactorName = 'DPC' | 'EI' | 'C' | 'I' | 'A' | 'M' | 'V' | 'FLOOR';

/** One term of the score, with the rule that set it and the evidence it rests on. */
export interface Factor {
  factor: FactorName;
  value: number | Level;
  rule: string;
  evidence: string[];
  basis: string;
  /** For adjustments: the value before the rule applied. */
  from?: number;
  /** The dataset the factor comes from, in an incident's factors. */
  dataset?: string;
}

export interface VectorParts {
  dpc: number; ei: number; c: number; i: number; a: number; m: number; v: number;
  /** Level floor (FLOOR-SENSITIVE), when it applies. */
  floor?: Level;
}

export interface Severity {
  level: Level;
  score: number;
  vector: string;
  enisa: { score: number; level: Level };
  factors: Factor[];
}
