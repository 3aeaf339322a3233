// The mergeable profile of one byte range of a dump (`scan --range A:B --profile-out F.json`):
// exact counts, the key column's HyperLogLog registers, the sample rows as features (default mode)
// or every value's counts (--full), the head's judgement of each column, and the file's identity.
// It never holds a value: column names, masked examples, counts, registers and keyed hashes only.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import * as z from 'zod/mini';
import type { ColumnVerdict } from '../classify.js';
import { TYPES } from '../classify.js';
import type { Encoding } from '../detect.js';
import { maskedExamples } from '../mask.js';
import type { HeadInfo, RangeOut } from '../profile.js';
import type { Alignment } from './range.js';
import { b64, rowFeatures, type SampleFeatures, secretOf, TESTED } from './sample-features.js';

export const PROFILE_FORMAT = 'breach/scan-profile';
export const PROFILE_VERSION = 1;
const IDENTITY_BYTES = 64 * 1024;

/** What every range reads from the file's first megabyte, the same for all of them. */
export interface HeadSummary {
  encoding: Encoding | 'mixed';
  delimiter: string;
  hasHeader: boolean;
  names: string[];
  /** The header label each column's classifier reads (null: none, or a header cell that looks like a value). */
  labels: (string | null)[];
  verdicts: ColumnVerdict[];
  distinctShares: number[];
  keyColumn: number;
  /** Per column, the head rows' masked examples for each field the column may end up as ('' : unknown). */
  examples: Record<string, string[]>[];
}

export interface ShardProfile {
  format: typeof PROFILE_FORMAT;
  schemaVersion: number;
  generator: { name: string; version: string };
  /** `fingerprint`: SHA-256 of the size and the first and last 64 KiB; `mtime` is informative (copies on other hosts differ). */
  file: { name: string; size: number; mtime: string; fingerprint: string };
  today: string;
  mode: 'sample' | 'full';
  /** The range asked, where its first row began, where its last row ended and the newlines between. */
  range: { start: number; end: number; first: number; stop: number; newlines: number; alignment: Alignment };
  head: HeadSummary;
  /** Data rows of the range (the header is not one). */
  rows: number;
  /** Malformed rows, lines counted from the range's first row (1-based). */
  malformed: { rows: number; lines: number[]; unclosed?: number };
  /** base64 HyperLogLog registers of the key column. */
  registers?: string;
  full?: { nonEmpty: number[]; valid: Record<string, number>[]; minors: number; minorsTested: number; latin1: number; minorRegisters: string };
  /** `headDistinct`: distinct values among each column's first TESTED non-empty head values (columns without hashes). */
  sample?: { seen: number; latin1: number; utf8: number; headDistinct: number[]; head: SampleFeatures; reservoir: SampleFeatures };
}

/** The file's identity: size and a hash of its first and last 64 KiB; and the sample hash key's source (its first 64 KiB). */
export function fileIdentity(path: string): { size: number; mtime: string; fingerprint: string; head: Buffer } {
  const fd = openSync(path, 'r');
  try {
    const st = fstatSync(fd);
    const head = Buffer.alloc(Math.min(IDENTITY_BYTES, st.size));
    readSync(fd, head, 0, head.length, 0);
    const tail = Buffer.alloc(Math.min(IDENTITY_BYTES, st.size));
    readSync(fd, tail, 0, tail.length, st.size - tail.length);
    const fingerprint = createHash('sha256').update(`breach file identity v1 ${st.size}\n`).update(head).update(tail).digest('hex');
    return { size: st.size, mtime: st.mtime.toISOString(), fingerprint: `sha256:${fingerprint}`, head };
  } finally {
    closeSync(fd);
  }
}

/**
 * Fields a column's examples may be masked for: those classify can give it (its header's, the
 * head's, and the types values alone prove), never others, so a profile shows no example a
 * single scan could not print (an address mask keeps a word, which a CURP column must not show).
 */
function exampleFields(v: ColumnVerdict): string[] {
  const alone = Object.values(TYPES).filter((t) => t.alone !== undefined).map((t) => t.field);
  return [...new Set(['', ...alone, 'full_name', 'given_name', 'surname', v.field ?? '', v.headerField ?? ''])];
}

export function headSummary(info: HeadInfo): HeadSummary {
  return {
    encoding: info.encoding, delimiter: info.delimiter, hasHeader: info.hasHeader, names: info.names, labels: info.labels.map((l) => l ?? null), verdicts: info.verdicts,
    distinctShares: info.distinctShares, keyColumn: info.keyColumn,
    examples: info.verdicts.map((v, i) => {
      // Equal values mask alike: each is masked once per field (a column of two values is not walked 2,000 times).
      const values = [...new Set(info.headRows.map((r) => r[i] ?? ''))];
      return Object.fromEntries(exampleFields(v).map((f) => [f, maskedExamples(values, f || null)]));
    }),
  };
}


export interface ShardMeta {
  name: string;
  identity: ReturnType<typeof fileIdentity>;
  today: string;
  version: string;
  start: number;
  end: number;
  first: number;
  alignment: Alignment;
}

/** The mergeable profile of a range from what its scan left in `out` (profile.ts RangeOut). */
export function shardProfile(info: HeadInfo, out: RangeOut, counted: { rows: number; malformed: { rows: number; lines: number[]; unclosedQuoteLine?: number } }, m: ShardMeta): ShardProfile {
  const { head: headBytes, ...id } = m.identity;
  const p: ShardProfile = {
    format: PROFILE_FORMAT, schemaVersion: PROFILE_VERSION, generator: { name: 'breach', version: m.version },
    file: { name: m.name, ...id }, today: m.today, mode: out.full ? 'full' : 'sample',
    range: { start: m.start, end: m.end, first: m.first, stop: out.stop, newlines: out.newlines, alignment: m.alignment },
    head: headSummary(info),
    rows: counted.rows,
    malformed: { rows: counted.malformed.rows, lines: counted.malformed.lines, ...(counted.malformed.unclosedQuoteLine !== undefined && { unclosed: counted.malformed.unclosedQuoteLine }) },
    ...(out.registers && { registers: b64(out.registers) }),
  };
  if (out.full) {
    const f = out.full;
    p.full = { nonEmpty: f.nonEmpty, valid: f.valid, minors: f.minors, minorsTested: f.minorsTested, latin1: f.latin1, minorRegisters: b64(f.minorRegisters ?? new Uint8Array(0)) };
  }
  if (out.sample) {
    const s = out.sample;
    const secret = secretOf(headBytes);
    const headValues = info.names.map((_, c) => s.head.map((r) => (r[c] ?? '').trim()).filter(Boolean));
    // Columns whose head holds fewer than TESTED values read later rows too: their values are tested and hashed everywhere.
    const short = headValues.map((v) => v.length < TESTED);
    const aged = info.verdicts.map(mayHoldBirthDates);
    const base = { width: info.names.length, keyColumn: info.keyColumn, today: m.today, secret, hashed: short, aged };
    p.sample = {
      seen: s.seen, latin1: s.latin1, utf8: s.utf8,
      headDistinct: headValues.map((v) => new Set(v.slice(0, TESTED)).size),
      head: rowFeatures(s.head, { ...base, tested: info.names.map(() => true) }),
      reservoir: rowFeatures(s.reservoir, { ...base, tested: short }),
    };
  }
  return p;
}

/** Whether the minors may be read from a column: its head, its header or its values say CURP or birth date. */
function mayHoldBirthDates(v: ColumnVerdict): boolean {
  const dates = ['curp', 'birth_date'];
  return dates.includes(v.field ?? '') || dates.includes(v.headerField ?? '') || v.candidates.some((c) => (c.type === 'curp' || c.type === 'date') && c.share >= 0.5);
}

// ---- Reading a profile back: the format and version first (their own messages), then the shape. ----

const nat = z.number().check(z.int(), z.nonnegative());
const features = z.object({ rows: nat, bits: z.array(z.string()), hashes: z.array(z.string()), ages: z.array(z.string()), keys: z.string() });
const shape = z.object({
  format: z.literal(PROFILE_FORMAT),
  schemaVersion: z.literal(PROFILE_VERSION),
  generator: z.object({ name: z.string(), version: z.string() }),
  file: z.object({ name: z.string(), size: nat, mtime: z.string(), fingerprint: z.string() }),
  today: z.string(),
  mode: z.enum(['sample', 'full']),
  range: z.object({ start: nat, end: nat, first: nat, stop: nat, newlines: nat, alignment: z.enum(['file-start', 'quote', 'assumed']) }),
  head: z.object({
    encoding: z.enum(['utf-8', 'utf-8-bom', 'windows-1252', 'mixed']), delimiter: z.string(), hasHeader: z.boolean(), names: z.array(z.string()), labels: z.array(z.nullable(z.string())),
    verdicts: z.array(z.looseObject({ field: z.nullable(z.string()), reason: z.string() })), distinctShares: z.array(z.number()), keyColumn: z.number().check(z.int()),
    examples: z.array(z.record(z.string(), z.array(z.string()))),
  }),
  rows: nat,
  malformed: z.object({ rows: nat, lines: z.array(nat), unclosed: z.optional(nat) }),
  registers: z.optional(z.string()),
  full: z.optional(z.object({ nonEmpty: z.array(nat), valid: z.array(z.record(z.string(), nat)), minors: nat, minorsTested: nat, latin1: nat, minorRegisters: z.string() })),
  sample: z.optional(z.object({ seen: nat, latin1: nat, utf8: nat, headDistinct: z.array(nat), head: features, reservoir: features })),
});

export type ProfileReadError = { code: 'profile-not-json' } | { code: 'profile-not-profile' } | { code: 'profile-version'; version: string } | { code: 'profile-damaged'; where: string };

/** A profile from its JSON text, or why it is not one. */
export function readShardProfile(text: string): ShardProfile | ProfileReadError {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { code: 'profile-not-json' };
  }
  const o = data as Record<string, unknown> | null;
  if (!o || typeof o !== 'object' || o.format !== PROFILE_FORMAT) return { code: 'profile-not-profile' };
  if (o.schemaVersion !== PROFILE_VERSION) return { code: 'profile-version', version: String(o.schemaVersion).slice(0, 20) };
  const r = shape.safeParse(data);
  if (!r.success) return { code: 'profile-damaged', where: r.error.issues[0]?.path.join('.') ?? '' };
  const p = r.data as unknown as ShardProfile;
  const width = p.head.names.length;
  if (p.head.verdicts.length !== width || p.head.labels.length !== width || p.head.examples.length !== width || (p.full && (p.full.nonEmpty.length !== width || p.full.valid.length !== width))) return { code: 'profile-damaged', where: 'head' };
  return p;
}
