import raw from '../../data/severity.yaml';
import type { Category, Level } from '../core/vocab.js';

export interface Weights {
  dpc: {
    min: number; max: number;
    category_base: Record<Category, number>;
    category_rule: Record<Category, string>;
    card_with_code: number; credentials_unknown: number; id_kit: number;
    group_at_least: number; group_safety: number;
    group_raise: string[]; group_safety_groups: string[];
    safety_locators: string[]; safety_names: string[];
  };
  ei: { default: number; quasi_pair: number; name_plus: number; unintelligible: number };
  cb: {
    confidentiality: Record<string, number>;
    integrity: Record<string, number>;
    availability: Record<string, number>;
    malicious: number;
  };
  volume: { below: number | null; value: number }[];
  levels: { from: number; level: Level }[];
  floor_sensitive: Level;
  rules: Record<string, string>;
}

/** The SE-MX weights table from data/severity.yaml. */
export const WEIGHTS = raw as Weights;

export function levelOf(score: number): Level {
  for (const band of WEIGHTS.levels) if (score >= band.from) return band.level;
  return 'low';
}

export function volumeOf(people: number): number {
  for (const band of WEIGHTS.volume) if (band.below === null || people < band.below) return band.value;
  return 0;
}

export function basisOf(rule: string): string {
  return WEIGHTS.rules[rule] ?? 'SE-MX';
}
