import { curpBirthDate, isCurp, normId, parseDate } from './validators.js';

/** Age in whole years on `today` (YYYY-MM-DD). */
export function ageOn(b: { y: number; m: number; d: number }, today: string): number {
  // --full asks once per row with the same `today`: split it once.
  if (today !== todayText) {
    [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
    todayText = today;
  }
  return ty - b.y - (tm < b.m || (tm === b.m && td < b.d) ? 1 : 0);
}
let todayText: string | undefined;
let ty = 0;
let tm = 0;
let td = 0;

/**
 * The birth date a cell gives: a valid CURP encodes it (pass `curpValid` when the CURP was
 * already validated), a birth-date column holds it. Undefined when the cell gives none.
 */
export function birthDateOf(raw: string, field: 'curp' | 'birth_date', curpValid = false): { y: number; m: number; d: number } | undefined {
  if (field === 'birth_date') return parseDate(raw);
  return curpValid || isCurp(raw) ? curpBirthDate(normId(raw)) : undefined;
}
