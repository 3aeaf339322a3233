// Distinct people across datasets: the key sketches (HyperLogLog) of the datasets that share a
// key field are merged, so a person in two tables counts once.
import { HyperLogLog } from '../hll.js';
import { type FileProfile, KEY_SKETCHES } from '../profile.js';

export interface PeopleAcross {
  field: string;
  count: number;
  /** Datasets whose key is `field`. */
  datasets: number;
  /** Every dataset with rows has this key: the count covers all of them. */
  complete: boolean;
}

export function peopleAcross(profiles: FileProfile[], sketches: (p: FileProfile) => Uint8Array | undefined = (p) => KEY_SKETCHES.get(p)): PeopleAcross | undefined {
  const byField = new Map<string, FileProfile[]>();
  for (const p of profiles) if (p.key && sketches(p)) byField.set(p.key.field, [...(byField.get(p.key.field) ?? []), p]);
  let best: [string, FileProfile[]] | undefined;
  for (const e of byField) if (!best || e[1].length > best[1].length) best = e;
  if (!best || best[1].length < 2) return undefined;
  const hll = new HyperLogLog();
  for (const p of best[1]) hll.merge(sketches(p)!);
  const rows = best[1].reduce((n, p) => n + p.rows, 0);
  const withRows = profiles.filter((p) => p.rows > 0).length;
  return { field: best[0], count: Math.min(hll.estimate(), rows), datasets: best[1].length, complete: best[1].length === withRows };
}
