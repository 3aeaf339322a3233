// Dataset and incident severity (severity.md): factors, scores, levels and the vector.
import type { Dataset, Incident } from '../core/incident.js';
import { fieldById } from '../fields/catalogue.js';
import { dpcFactors, eiFactor, fieldsOf } from './context.js';
import type { Factor, Severity, VectorParts } from './types.js';
import { formatVector, scoreParts } from './vector.js';
import { basisOf, volumeOf, WEIGHTS } from './weights.js';
import { memo } from '../law/periods.js';

function circumstanceFactors(incident: Incident): Factor[] {
  const c = incident.circumstances;
  const f = (factor: 'C' | 'I' | 'A' | 'M', value: number, rule: string, evidence: string): Factor => ({ factor, value, rule, evidence: [evidence], basis: basisOf(rule) });
  return [
    f('C', WEIGHTS.cb.confidentiality[c.confidentiality] ?? 0, 'CB-C', `confidentiality: ${c.confidentiality}`),
    f('I', WEIGHTS.cb.integrity[c.integrity] ?? 0, 'CB-I', `integrity: ${c.integrity}`),
    f('A', WEIGHTS.cb.availability[c.availability] ?? 0, 'CB-A', `availability: ${c.availability}`),
    f('M', c.malicious ? WEIGHTS.cb.malicious : 0, 'CB-M', `malicious: ${c.malicious}`),
  ];
}

function volumeFactor(people: number, evidence: string): Factor {
  return { factor: 'V', value: volumeOf(people), rule: 'V-VOLUME', evidence: [evidence], basis: basisOf('V-VOLUME') };
}

/** FLOOR-SENSITIVE: sensitive-category data seen by others and not unintelligible. */
function floorFactor(ds: Dataset, incident: Incident): Factor | undefined {
  const c = incident.circumstances;
  if (c.unintelligible || (WEIGHTS.cb.confidentiality[c.confidentiality] ?? 0) === 0) return undefined;
  const sensitive = ds.fields.filter((id) => fieldById(id)?.category === 'sensitive');
  if (!sensitive.length) return undefined;
  return { factor: 'FLOOR', value: WEIGHTS.floor_sensitive, rule: 'FLOOR-SENSITIVE', evidence: [...sensitive, `confidentiality: ${c.confidentiality}`], basis: basisOf('FLOOR-SENSITIVE') };
}

interface DatasetEval { dataset: Dataset; dpc: Factor[]; ei: Factor; floor?: Factor; base: number }
interface Placement { dpc: Factor[]; ei: Factor; floor?: Factor; product: number }

/**
 * DPC, EI and the floor depend only on the dataset's fields, unlocks and adjustment and on the
 * incident's groups and circumstances: a portfolio repeats a few combinations thousands of times,
 * so each is computed once (the factors are shared, never mutated).
 */
const placements = memo<Placement>(5000);
const circumstanceMemo = memo<Factor[]>(1000);

function placementKey(ds: Dataset, incident: Incident): string {
  const c = incident.circumstances;
  return `${ds.fields.join(',')}|${ds.unlocks ?? ''}|${ds.adjust ? `${ds.adjust.dpc}:${ds.adjust.reason}` : ''}|${incident.subjects.groups.join(',')}|${c.unintelligible}|${c.confidentiality}`;
}

function evaluate(ds: Dataset, incident: Incident, cb: number): DatasetEval {
  const p = placements(placementKey(ds, incident), () => {
    const fields = fieldsOf(ds);
    const dpc = dpcFactors(ds, incident, fields, new Set(ds.fields));
    const ei = eiFactor(ds, incident, fields);
    const floor = floorFactor(ds, incident);
    return { dpc, ei, ...(floor && { floor }), product: (dpc[dpc.length - 1]!.value as number) * (ei.value as number) };
  });
  return { dataset: ds, dpc: p.dpc, ei: p.ei, ...(p.floor && { floor: p.floor }), base: p.product + cb };
}

function build(parts: VectorParts, factors: Factor[]): Severity {
  const s = scoreParts(parts);
  return { level: s.level, score: s.score, vector: formatVector(parts), enisa: { score: s.enisa, level: s.enisaLevel }, factors };
}

export interface SeverityResult { incident: Severity; datasets: Severity[] }

/** Scores every dataset with its own record count, and the incident with its total people. */
export function assessSeverity(incident: Incident, people: number): SeverityResult {
  const ci = incident.circumstances;
  const cbFactors = circumstanceMemo(`${ci.confidentiality}|${ci.integrity}|${ci.availability}|${ci.malicious}`, () => circumstanceFactors(incident));
  const [c, i, a, m] = cbFactors.map((f) => f.value as number) as [number, number, number, number];
  const cb = c + i + a + m;
  const evals = incident.datasets.map((ds) => evaluate(ds, incident, cb));
  const datasets = evals.map((e) => {
    const v = volumeFactor(e.dataset.records, `records: ${e.dataset.records}`);
    const parts: VectorParts = { dpc: e.dpc[e.dpc.length - 1]!.value as number, ei: e.ei.value as number, c, i, a, m, v: v.value as number, ...(e.floor && { floor: e.floor.value as 'medium' }) };
    return build(parts, [...e.dpc, e.ei, ...cbFactors, v, ...(e.floor ? [e.floor] : [])]);
  });
  // The incident takes the dataset with the highest DPC x EI + CB (ties: higher DPC, then first).
  let top = evals[0]!;
  for (const e of evals) {
    const dpc = (x: DatasetEval) => x.dpc[x.dpc.length - 1]!.value as number;
    if (e.base > top.base || (e.base === top.base && dpc(e) > dpc(top))) top = e;
  }
  const floor = evals.find((e) => e.floor)?.floor;
  const v = volumeFactor(people, incident.subjects.count !== undefined ? `subjects.count: ${people}` : `records (sum): ${people}`);
  const tag = (f: Factor): Factor => (incident.datasets.length > 1 ? { ...f, dataset: top.dataset.name } : f);
  const parts: VectorParts = { dpc: top.dpc[top.dpc.length - 1]!.value as number, ei: top.ei.value as number, c, i, a, m, v: v.value as number, ...(floor && { floor: floor.value as 'medium' }) };
  const floorFactors = floor ? [evals.length > 1 ? { ...floor, dataset: evals.find((e) => e.floor)!.dataset.name } : floor] : [];
  return { incident: build(parts, [...top.dpc.map(tag), tag(top.ei), ...cbFactors, v, ...floorFactors]), datasets };
}
