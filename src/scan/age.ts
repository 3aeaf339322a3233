/** Age in whole years on `today` (YYYY-MM-DD). */
export function ageOn(b: { y: number; m: number; d: number }, today: string): number {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return y - b.y - (m < b.m || (m === b.m && d < b.d) ? 1 : 0);
}
