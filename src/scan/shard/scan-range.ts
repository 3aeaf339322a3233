// One byte range of a dump → its own profile (what its rows hold) and the mergeable profile that
// `scan merge` adds to the others. Only plain CSV/TSV/;-separated dumps can be read from the
// middle: gzip cannot start mid-stream, and the other formats' records are not told by newlines.
import { scanFileFull } from '../full.js';
import { type FileProfile, openDump, type RangeOut, scanFile } from '../profile.js';
import { sniff } from '../formats/sniff.js';
import { alignStart, type ByteRange } from './range.js';
import { fileIdentity, type ShardProfile, shardProfile } from './shard-profile.js';

export type RangeProblem =
  | { code: 'range-gzip' }
  | { code: 'range-format'; kind: string }
  | { code: 'range-outside'; range: string; size: number };

export interface RangeScanOptions {
  today: string;
  full?: boolean;
  version: string;
  /** The range's own profile is printed (else only the mergeable one is written, and its columns are not judged). */
  report?: boolean;
}

/** Scans `range` of `path` (the whole file when undefined). */
export async function scanRange(path: string, label: string, range: ByteRange | undefined, o: RangeScanOptions): Promise<{ profile: FileProfile; shard: ShardProfile } | { problem: RangeProblem }> {
  const { kind, gzip } = await sniff(path);
  if (gzip) return { problem: { code: 'range-gzip' } };
  if (kind !== 'csv') return { problem: { code: 'range-format', kind } };
  const identity = fileIdentity(path);
  const { start, end } = range ?? { start: 0, end: identity.size };
  if (start >= identity.size || end > identity.size) return { problem: { code: 'range-outside', range: `${start}:${end}`, size: identity.size } };
  // Ranges are of plain files only (gzip refused above): no decompression to guard.
  const opened = await openDump(path, 0);
  const { info } = opened;
  const { first, alignment } = alignStart(path, start, identity.size, info.delimiter);
  const out: RangeOut = { stop: first, newlines: 0 };
  const opts = { today: o.today, opened, maxExpansion: 0, range: { first, end, out, bare: !o.report } };
  const profile = o.full ? await scanFileFull(path, label, opts) : await scanFile(path, label, opts);
  profile.format = 'csv';
  const shard = shardProfile(info, out, profile, { name: label, identity, today: o.today, version: o.version, start, end, first, alignment });
  return { profile, shard };
}
