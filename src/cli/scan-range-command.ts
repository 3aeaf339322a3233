// `scan --range`, `--profile-out`, `--plan` and `scan merge`: the command-line side of shards
// (src/scan/shard/). Parses, checks, calls the core, writes the profile; the report itself is
// scan-command.ts's, so a range and a merge print what any scan prints.
import { statSync } from 'node:fs';
import { InputError } from '../input/diagnostic.js';
import type { Lang } from '../i18n/index.js';
import { sniff } from '../scan/formats/sniff.js';
import { mergeProfiles, type MergeInput } from '../scan/shard/merge.js';
import { shardText } from '../scan/shard/messages.js';
import { type ByteRange, parseRange, planRanges } from '../scan/shard/range.js';
import { scanRange, type RangeProblem } from '../scan/shard/scan-range.js';
import { PROFILE_VERSION, readShardProfile } from '../scan/shard/shard-profile.js';
import { cleanText } from '../util/sanitize.js';
import { UsageError } from './errors.js';
import { checkTarget, isStdout, readInput, writeAtomic } from './io.js';
import type { ScanCommandOptions, ScanContext, Scanned } from './scan-command.js';
import { printLines, writeStdout } from './terminal.js';

const MAX_PLAN = 100000;

function rangeProblem(file: string, p: RangeProblem, lang: Lang): InputError {
  const message = p.code === 'range-format' ? shardText(lang, p.code, { kind: p.kind }) : p.code === 'range-outside' ? shardText(lang, p.code, { range: p.range, size: p.size }) : shardText(lang, p.code);
  return new InputError([{ file, line: 1, col: 1, message }]);
}

async function plan(file: string, value: string, lang: Lang): Promise<void> {
  const n = /^\d{1,6}$/.test(value.trim()) ? Number(value) : 0;
  if (n < 1 || n > MAX_PLAN) throw new UsageError(shardText(lang, 'plan-count', { value: cleanText(value).slice(0, 20) }));
  const { kind, gzip } = await sniff(file);
  if (gzip) throw rangeProblem(file, { code: 'range-gzip' }, lang);
  if (kind !== 'csv') throw rangeProblem(file, { code: 'range-format', kind }, lang);
  await writeStdout(planRanges(statSync(file).size, n).map((r) => `${r.start}:${r.end}\n`), 'text');
}

/** One range of one file (or the whole file) → its mergeable profile, or without --profile-out its own report. */
export async function runRange(files: string[], opts: ScanCommandOptions, ctx: ScanContext, report: (s: Scanned) => Promise<void>): Promise<number> {
  const { lang } = ctx;
  if (files.length !== 1) throw new UsageError(shardText(lang, 'range-one-file', { count: files.length }));
  const file = files[0]!;
  if (opts.plan !== undefined) {
    await plan(file, opts.plan, lang);
    return 0;
  }
  let range: ByteRange | undefined;
  if (opts.range !== undefined) {
    range = parseRange(opts.range);
    if (!range) throw new UsageError(shardText(lang, 'range-syntax', { value: cleanText(opts.range).slice(0, 40) }));
  }
  if (opts.describe) throw new UsageError(shardText(lang, 'range-describe'));
  const out = opts.profileOut;
  const toStdout = out !== undefined && isStdout('--profile-out', out);
  if (out !== undefined && !toStdout) checkTarget(out, { option: '--profile-out', force: !!opts.force, inputs: files });
  const r = await scanRange(file, file, range, { today: ctx.day, version: __BREACH_VERSION__, report: out === undefined, ...(opts.full && { full: true }) });
  if ('problem' in r) throw rangeProblem(file, r.problem, lang);
  if (out !== undefined) {
    const json = `${JSON.stringify(r.shard)}\n`;
    if (toStdout) {
      await writeStdout([json], 'json');
      return 0;
    }
    writeAtomic(out, [json], 'json', { option: '--profile-out', force: !!opts.force, inputs: files });
    const g = r.shard.range;
    if (!opts.quiet) printLines('err', [shardText(lang, 'profile-written', { file: cleanText(file), range: `${g.start}:${g.end}`, first: g.first, stop: g.stop, out: cleanText(out) })]);
    return 0;
  }
  // A range alone: what its rows hold (its sample also holds the file's first rows, as every scan's).
  await report({ profiles: [r.profile], problems: [], texts: [] });
  return 0;
}

/** Reads and merges the profiles; every unreadable or unmergeable one is a located problem (exit 2). */
export function mergeScanned(paths: string[], opts: ScanCommandOptions, lang: Lang): Scanned {
  const inputs: MergeInput[] = [];
  const bad: { file: string; line: number; col: number; message: string }[] = [];
  for (const path of paths) {
    const read = () => readShardProfile(Buffer.from(readInput(path)).toString('utf8'));
    const p = read();
    if ('code' in p) {
      bad.push({ file: path, line: 1, col: 1, message: shardText(lang, p.code, p.code === 'profile-version' ? { version: p.version, expected: PROFILE_VERSION } : p.code === 'profile-damaged' ? { where: p.where } : {}) });
      continue;
    }
    // Only the first range's head rows are read, and each range's sample when the merge draws from it
    // (read again then): a merge of hundreds of ranges holds one sample at a time.
    const sample = p.sample;
    if (sample) {
      const drop = (f: typeof sample.head) => ({ ...f, bits: [], hashes: [], ages: [], keys: '' });
      p.sample = { ...sample, reservoir: drop(sample.reservoir), head: p.range.start === 0 ? sample.head : drop(sample.head) };
    }
    inputs.push({ path, profile: p, ...(sample && { reservoir: () => { const again = read(); if ('code' in again || !again.sample) throw new Error('the profile changed'); return again.sample.reservoir; } }) });
  }
  if (bad.length) throw new InputError(bad);
  const merged = mergeProfiles(inputs, { allowDifferentFiles: !!opts.allowDifferentFiles });
  if (merged.problems.length) throw new InputError(merged.problems.map((p) => ({ file: p.path, line: 1, col: 1, message: cleanText(shardText(lang, p.code, p.args)) })));
  return { profiles: merged.profiles, problems: [], texts: [] };
}
