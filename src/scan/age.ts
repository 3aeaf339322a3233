import { curpBirthDate, isCurp, normId, parseDate } from './validators.js';

/** Age in whole years on `today` (YYYY-MM-DD). */
export function ageOn(b: { y: number; m: number; d: number }, today: string): number {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return y - b.y - (m < b.m || (m === b.m && d < b.d) ? 1 : 0);
}

/**
 * The birth date a cell gives: a valid CURP encodes it (pass `curpValid` when the CURP was
 * already validated), a birth-date column holds it. Undefined when the cell gives none.
 */
export function birthDateOf(raw: string, field: 'curp' | 'birth_date', curpValid = false): { y: number; m: number; d: number } | undefined {
  if (field === 'birth_date') return parseDate(raw);
  return curpValid || isCurp(raw) ? curpBirthDate(normId(raw)) : undefined;
}
