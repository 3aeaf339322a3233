// `breach scan merge`: the profiles of a dump's byte ranges → the profile a single scan of the
// whole dump gives. Exact counts add up, HyperLogLog registers merge by maximum, --full's counters
// add up (so every count and field type is the whole scan's), and the default mode's samples are
// merged into one uniform sample of the whole (each range's reservoir weighted by the rows it drew
// from). Before anything is added, the ranges must tile the file and join: the rows before each
// range end exactly where its first row begins, which proves every row was read exactly once.
import { HyperLogLog } from '../hll.js';
import { classify, type Counts } from '../classify.js';
import { type FileProfile, fileEncoding, type FullCounts, KEY_SKETCHES, minorsColumn, minorsFigures, minorsTally, RESERVOIR, rng } from '../profile.js';
import { addCounts, fullProfile } from '../full.js';
import { decodeFeatures, EMPTY, type Features, type SampleFeatures, TEST_KEYS, TESTED } from './sample-features.js';
import type { ShardProfile } from './shard-profile.js';

/**
 * A profile to merge. `reservoir`, when given, reads the range's sample features again: the
 * caller may then drop them from `profile` (keeping `rows`), so that a merge of hundreds of ranges
 * holds one range's sample at a time, not all of them.
 */
export interface MergeInput { path: string; profile: ShardProfile; reservoir?: () => SampleFeatures }

export type MergeCode = 'merge-different-files' | 'merge-modes' | 'merge-days' | 'merge-heads' | 'merge-gap' | 'merge-overlap' | 'merge-misaligned' | 'profile-damaged';

export interface MergeProblem { path: string; code: MergeCode; args: Record<string, string | number> }

const registers = (s: string | undefined) => (s ? new Uint8Array(Buffer.from(s, 'base64')) : undefined);

/** Profiles of one file (same size and fingerprint), checked to tile it and to join; problems otherwise. */
function checkGroup(group: MergeInput[]): MergeProblem[] {
  const sorted = [...group].sort((a, b) => a.profile.range.start - b.profile.range.start || a.profile.range.end - b.profile.range.end);
  const first = sorted[0]!;
  const problems: MergeProblem[] = [];
  for (const x of sorted.slice(1)) {
    const a = first.profile;
    const b = x.profile;
    if (a.mode !== b.mode) problems.push({ path: x.path, code: 'merge-modes', args: { other: first.path } });
    else if (a.today !== b.today) problems.push({ path: x.path, code: 'merge-days', args: { other: first.path, day: b.today, otherDay: a.today } });
    else if (JSON.stringify(a.head) !== JSON.stringify(b.head)) problems.push({ path: x.path, code: 'merge-heads', args: { other: first.path } });
  }
  if (problems.length) return problems;
  const size = first.profile.file.size;
  let end = 0;
  let prev: MergeInput | undefined;
  for (const x of sorted) {
    const r = x.profile.range;
    if (r.start > end) problems.push({ path: x.path, code: 'merge-gap', args: { file: x.profile.file.name, from: end, to: r.start } });
    else if (r.start < end) problems.push({ path: x.path, code: 'merge-overlap', args: { other: prev!.path, range: `${r.start}:${r.end}`, otherRange: `${prev!.profile.range.start}:${prev!.profile.range.end}` } });
    else if (prev && prev.profile.range.stop !== r.first) {
      const p = prev.profile.range;
      problems.push({ path: x.path, code: 'merge-misaligned', args: { range: `${r.start}:${r.end}`, first: r.first, stop: p.stop, joined: `${p.start}:${r.end}` } });
    }
    end = Math.max(end, r.end);
    prev = x;
  }
  if (end < size) problems.push({ path: prev!.path, code: 'merge-gap', args: { file: first.profile.file.name, from: end, to: size } });
  return problems;
}

/** A uniform sample of the union of the ranges' rows: each draw picks a range by the rows it has left, then one of its sampled rows. */
function mergeReservoirs(shards: { seen: number; rows: number }[], limit: number): [number, number][] {
  const random = rng(1);
  const perms = shards.map((s) => {
    const p = Array.from({ length: s.rows }, (_, i) => i);
    for (let i = p.length - 1; i > 0; i--) { const j = Math.floor(random() * (i + 1)); [p[i], p[j]] = [p[j]!, p[i]!]; }
    return p;
  });
  const left = shards.map((s) => s.seen);
  const taken = shards.map(() => 0);
  const total = Math.min(limit, left.reduce((a, b) => a + b, 0));
  const out: [number, number][] = [];
  for (let t = 0; t < total; t++) {
    let x = Math.floor(random() * left.reduce((a, b) => a + b, 0));
    let s = 0;
    while (x >= left[s]!) x -= left[s++]!;
    const k = taken[s]!;
    taken[s] = k + 1;
    out.push([s, perms[s]![k]!]);
    left[s] = left[s]! - 1;
  }
  return out;
}

/** The default mode's columns from the sample's features, as profile.ts profileColumns reads raw rows. */
function sampleColumns(head: ShardProfile['head'], headDistinct: number[], rows: [Features, number][]): FileProfile['columns'] {
  return head.names.map((name, i) => {
    let tested = 0;
    let nonEmpty = 0;
    const valid: Counts = Object.fromEntries(TEST_KEYS.map((k) => [k, 0]));
    const seen = new Set<string>();
    for (const [f, r] of rows) {
      const bits = f.bits[i]![r]!;
      if (bits === EMPTY) continue;
      nonEmpty++;
      if (tested >= TESTED) continue;
      tested++;
      const h = f.hashes[i];
      if (h) seen.add(`${h[2 * r]},${h[2 * r + 1]}`);
      for (let k = 0; k < TEST_KEYS.length; k++) if (bits & (1 << k)) valid[TEST_KEYS[k]!]!++;
    }
    // Without hashes the head alone held the tested values: their distinct count came with it.
    const verdict = classify(head.labels[i] ?? undefined, tested, valid, rows[0]?.[0].hashes[i] ? seen.size : headDistinct[i]!);
    return { index: i, name, ...verdict, examples: head.examples[i]![verdict.field ?? ''] ?? [], nonEmpty };
  });
}

/** The picked rows' features, in the order drawn, reading one range's sample at a time. */
function gather(sorted: MergeInput[], picks: [number, number][], width: number): Features {
  const k = picks.length;
  const out: Features = { rows: k, bits: [], hashes: [], ages: [], keys: new Uint32Array(2 * k) };
  for (let c = 0; c < width; c++) { out.bits.push(new Uint32Array(k)); out.hashes.push(undefined); out.ages.push(undefined); }
  sorted.forEach((x, s) => {
    const mine = picks.flatMap(([from, r], t) => (from === s ? [[t, r] as const] : []));
    if (!mine.length) return;
    const f = decodeFeatures(x.reservoir ? x.reservoir() : x.profile.sample!.reservoir, width);
    if (f.rows !== x.profile.sample!.reservoir.rows) throw new Error('the sample changed');
    for (let c = 0; c < width; c++) {
      const h = f.hashes[c];
      const a = f.ages[c];
      if (h && !out.hashes[c]) out.hashes[c] = new Uint32Array(2 * k);
      if (a && !out.ages[c]) out.ages[c] = new Uint8Array(k);
      for (const [t, r] of mine) {
        out.bits[c]![t] = f.bits[c]![r]!;
        if (h) { out.hashes[c]![2 * t] = h[2 * r]!; out.hashes[c]![2 * t + 1] = h[2 * r + 1]!; }
        if (a) out.ages[c]![t] = a[r]!;
      }
    }
    for (const [t, r] of mine) { out.keys[2 * t] = f.keys[2 * r]!; out.keys[2 * t + 1] = f.keys[2 * r + 1]!; }
  });
  return out;
}

function mergeSample(group: MergeInput[], base: Omit<FileProfile, 'columns' | 'sample' | 'encoding'>, hll: HyperLogLog | undefined): FileProfile {
  const sorted = group.map((x) => x.profile);
  const head = sorted[0]!.head;
  const width = head.names.length;
  const headRows = decodeFeatures(sorted[0]!.sample!.head, width);
  const picks = mergeReservoirs(sorted.map((p) => ({ seen: p.sample!.seen, rows: p.sample!.reservoir.rows })), RESERVOIR);
  const picked = gather(group, picks, width);
  const rows: [Features, number][] = [...Array.from({ length: headRows.rows }, (_, r) => [headRows, r] as [Features, number]), ...picks.map((_, t) => [picked, t] as [Features, number])];
  const columns = sampleColumns(head, sorted[0]!.sample!.headDistinct, rows);
  const latin1 = sorted.reduce((n, p) => n + p.sample!.latin1, 0);
  const utf8 = sorted.reduce((n, p) => n + p.sample!.utf8, 0);
  const profile: FileProfile = {
    ...base,
    encoding: fileEncoding(head.encoding, latin1, utf8),
    columns,
    sample: { rows: rows.length, mode: 'sample' },
  };
  if (hll && head.keyColumn >= 0) {
    profile.key = { column: head.keyColumn, field: head.verdicts[head.keyColumn]!.field!, distinct: Math.min(hll.estimate(), profile.rows) };
    KEY_SKETCHES.set(profile, hll.registers);
  }
  const col = minorsColumn(columns);
  if (col) {
    const shift = col.field === 'curp' ? 0 : 2;
    const hasKey = profile.key !== undefined;
    const items = function* () {
      for (const [f, r] of rows) {
        const code = ((f.ages[col.index]?.[r] ?? 0) >> shift) & 3;
        if (!code) continue;
        const k0 = f.keys[2 * r]!;
        const k1 = f.keys[2 * r + 1]!;
        yield { minor: code === 2, key: hasKey && (k0 || k1) ? `${k0},${k1}` : '' };
      }
    };
    const minors = minorsTally(col.field!, items());
    if (minors) profile.minors = minorsFigures(minors, profile.key, profile.rows);
  }
  return profile;
}

/** One file's profiles, already checked to tile it and join. */
function mergeGroup(group: MergeInput[]): FileProfile {
  const inputs = [...group].sort((a, b) => a.profile.range.start - b.profile.range.start);
  const sorted = inputs.map((x) => x.profile);
  const first = sorted[0]!;
  const head = first.head;
  const hll = first.registers !== undefined ? new HyperLogLog() : undefined;
  const malformed: FullCounts = { rows: 0, malformed: 0, lines: [], nonEmpty: new Array(head.names.length).fill(0) as number[], valid: head.names.map(() => ({})), minors: 0, minorsTested: 0, latin1: 0 };
  const minorsHll = new HyperLogLog();
  // Every range's lines counted from its first row: the newlines of the ranges before it come first.
  let lineBase = 0;
  for (const p of sorted) {
    const regs = registers(p.registers);
    if (hll && regs) hll.merge(regs);
    const f = p.full;
    addCounts(malformed, { rows: p.rows, malformed: p.malformed.rows, lines: p.malformed.lines, ...(p.malformed.unclosed !== undefined && { unclosed: p.malformed.unclosed }), nonEmpty: f?.nonEmpty ?? [], valid: f?.valid ?? [], minors: f?.minors ?? 0, minorsTested: f?.minorsTested ?? 0, latin1: f?.latin1 ?? 0 }, lineBase);
    const mr = registers(f?.minorRegisters);
    if (mr?.length) minorsHll.merge(mr);
    lineBase += p.range.newlines;
  }
  const meta = { file: first.file.name, bytes: first.file.size, gzip: false };
  const profile = first.mode === 'full'
    ? fullProfile({ ...head, labels: head.labels.map((l) => l ?? undefined), examples: (i, field) => head.examples[i]![field ?? ''] ?? [] }, malformed, { ...meta, today: first.today }, hll ?? new HyperLogLog(), minorsHll)
    : mergeSample(inputs, { ...meta, delimiter: head.delimiter, hasHeader: head.hasHeader, rows: malformed.rows, malformed: { rows: malformed.malformed, lines: malformed.lines, ...(malformed.unclosed !== undefined && { unclosedQuoteLine: malformed.unclosed }) } }, hll);
  profile.format = 'csv';
  return profile;
}

/**
 * Merges the profiles: one dataset per file. Profiles of different files are refused unless
 * `allowDifferentFiles` (then each file is one dataset, as a scan of several files gives).
 */
export function mergeProfiles(inputs: MergeInput[], o: { allowDifferentFiles?: boolean } = {}): { profiles: FileProfile[]; problems: MergeProblem[] } {
  const groups = new Map<string, MergeInput[]>();
  for (const x of inputs) {
    const id = `${x.profile.file.size}:${x.profile.file.fingerprint}`;
    groups.set(id, [...(groups.get(id) ?? []), x]);
  }
  const list = [...groups.values()];
  if (list.length > 1 && !o.allowDifferentFiles) {
    const [a, b] = [list[0]![0]!, list[1]![0]!];
    return { profiles: [], problems: [{ path: b.path, code: 'merge-different-files', args: { other: a.path, file: b.profile.file.name, otherFile: a.profile.file.name } }] };
  }
  const problems = list.flatMap(checkGroup);
  if (problems.length) return { profiles: [], problems };
  const profiles: FileProfile[] = [];
  for (const g of list) {
    try {
      profiles.push(mergeGroup(g));
    } catch {
      // Feature arrays of the wrong size: the profile was altered or cut.
      return { profiles: [], problems: [{ path: g[0]!.path, code: 'profile-damaged', args: { where: 'sample' } }] };
    }
  }
  return { profiles, problems: [] };
}
