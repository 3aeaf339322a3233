// npm run bench:scan — breach scan against baselines on one synthetic dump, in one run:
//   (a) a plain quote-aware newline count in Node over the file (the practical floor),
//   (b) csv-parse parsing every row,
//   (c) breach scan (default: exact row count, classification on a sample spread over the file),
//   (d) breach scan --full (every value validated, worker threads),
// and the peak memory of (c) and (d). Prints ratios; targets: c ≤ 2x a, b/d ≥ 4, peak < 256 MB.
// Then the same kind of data as a mysqldump and as JSON Lines (issue 9): default scan against the
// quote-aware newline count of the same file (targets ≤ 2.5x each) and peak memory (≤ 256 MB).
// And a Latin-1 export (issue 14: Windows-1252, `;`, CRLF, quoted addresses holding newlines):
// default scan against the quote-aware newline count of the same file (target ≤ 2x).
// Shards (issue 14 part 2): the same Latin-1 export scanned as BENCH_SCAN_SHARDS ranges (`--range
// --profile-out`, one after the other, then `scan merge`) against the whole-file scan, default and
// --full, each on one core (BREACH_SCAN_THREADS=1): the per-core rate (MB/s) the 6 TB estimate of
// docs/scale.md starts from, and what cutting a file into ranges costs.
// Then a generated mailbox (issue 14: mail with quoted-printable, base64, HTML, text and binary
// attachments, identifiers planted): default scan against the newline floor (target ≤ 3x), peak ≤ 256 MB.
// Sizes: BENCH_SCAN_MB (CSV), BENCH_SCAN_LATIN1_MB (BENCH_SCAN_SHARDS ranges, 0 skips them), BENCH_SCAN_SQL_MB, BENCH_SCAN_JSONL_MB, BENCH_SCAN_MAIL_MB (0 skips a part).
// Every run's CPU time (user + system) is recorded beside its wall time: on a shared machine the
// wall-clock ratios swing with the load, the CPU ratios much less. The end prints issue 14's four
// figures against their targets (wall and CPU), so a reader sees what is met and what is missed.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { dumpChunks, jsonChunks, latin1Chunks, sqlChunks } from './synth-dump.mjs';
import { mailChunks } from './synth-mail.mjs';

const MB = Number(process.env.BENCH_SCAN_MB ?? 520);
const LATIN1_MB = Number(process.env.BENCH_SCAN_LATIN1_MB ?? 580);
const SQL_MB = Number(process.env.BENCH_SCAN_SQL_MB ?? 500);
const JSONL_MB = Number(process.env.BENCH_SCAN_JSONL_MB ?? 500);
const MAIL_MB = Number(process.env.BENCH_SCAN_MAIL_MB ?? 500);
const RUNS = Number(process.env.BENCH_SCAN_RUNS ?? 3);
const SHARDS = Number(process.env.BENCH_SCAN_SHARDS ?? 4);
const dir = resolve('bench-tmp');
mkdirSync(dir, { recursive: true });
const dump = join(dir, `dump-${MB}mb.csv`);

/** Writes `file` from `chunks(rows)` unless it is there already at the right size. */
async function generate(file, mb, bytesPerRow, chunks) {
  if (existsSync(file) && statSync(file).size >= mb * 1e6) return;
  const rows = Math.ceil((mb * 1e6) / bytesPerRow);
  process.stderr.write(`generating ${file} (${rows.toLocaleString('en-US')} rows)...\n`);
  const w = createWriteStream(file);
  for (const chunk of chunks(rows)) if (!w.write(chunk)) await once(w, 'drain');
  w.end();
  await once(w, 'finish');
}
if (MB > 0) await generate(dump, MB, 215, (rows) => dumpChunks(rows, { chunkRows: 20000 }));
const size = MB > 0 ? statSync(dump).size : 0;
const floor = join(dir, 'floor-newlines.mjs');
writeFileSync(floor, `import { createReadStream } from 'node:fs';
let rows = 0, inQ = false;
for await (const buf of createReadStream(process.argv[2], { highWaterMark: 1 << 20 })) {
  for (let i = 0; i < buf.length; i++) { const b = buf[i]; if (b === 34) inQ = !inQ; else if (b === 10 && !inQ) rows++; }
}
if (!rows) process.exit(9);
`);
const csvparse = join(dir, 'csv-parse-stream.mjs');
writeFileSync(csvparse, `import { createReadStream } from 'node:fs';
import { parse } from '${resolve('node_modules/csv-parse/lib/index.js')}';
let rows = 0;
for await (const rec of createReadStream(process.argv[2]).pipe(parse({ relax_column_count: true }))) rows++;
if (!rows) process.exit(9);
`);

function timed(args) {
  const t = process.hrtime.bigint();
  // `ONE_THREAD` first: --full on one worker thread.
  const env = args[0] === ONE_THREAD ? ['env', 'BREACH_SCAN_THREADS=1'] : [];
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', ...env, process.execPath, ...args.slice(env.length ? 1 : 0)], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const [kb, user, sys] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { ms, mb: kb / 1024, cpu: (user + sys) * 1000 };
}
const ONE_THREAD = '(one thread)';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const min = (xs) => Math.min(...xs);
/** Another build's bin/breach.cjs (BENCH_SCAN_BASELINE) timed in the same run, for before/after ratios. */
const BASE = process.env.BENCH_SCAN_BASELINE;
/** --full on one worker thread too (BENCH_SCAN_ONE_THREAD=1): per-core efficiency on a shared machine. */
const ONE = process.env.BENCH_SCAN_ONE_THREAD === '1';

const cmds = {
  floor: [floor, dump],
  csvParse: [csvparse, dump],
  scan: ['bin/breach.cjs', 'scan', dump, '--json', '--no-progress'],
  full: ['bin/breach.cjs', 'scan', dump, '--full', '--json', '--no-progress'],
  ...(ONE && { full1: [ONE_THREAD, 'bin/breach.cjs', 'scan', dump, '--full', '--json', '--no-progress'] }),
  ...(BASE && { scanBase: [BASE, 'scan', dump, '--json', '--no-progress'], fullBase: [BASE, 'scan', dump, '--full', '--json', '--no-progress'] }),
  ...(BASE && ONE && { full1Base: [ONE_THREAD, BASE, 'scan', dump, '--full', '--json', '--no-progress'] }),
};
/** Issue 14's figures, printed together at the end: [label, wall ratio, CPU ratio, target, met?]. */
const summary = [];
/** Peak memory of every breach run, per part, for the summary's memory line. */
const peaks = [];
const fmt = (x) => `${x.toFixed(2)}x`;
if (MB > 0) {
  const res = Object.fromEntries(Object.keys(cmds).map((k) => [k, { ms: [], mb: [], cpu: [] }]));
  timed(cmds.floor); // warm the page cache
  for (let i = 0; i < RUNS; i++) {
    for (const [k, args] of Object.entries(cmds)) {
      if (k === 'csvParse' && i > 0 && process.env.BENCH_SCAN_CSVPARSE_ONCE !== '0') continue; // slowest by far: once is enough
      const r = timed(args);
      for (const x of ['ms', 'mb', 'cpu']) res[k][x].push(r[x]);
    }
  }
  const m = Object.fromEntries(Object.entries(res).map(([k, v]) => [k, { ms: median(v.ms), min: min(v.ms), mb: Math.max(...v.mb), cpu: median(v.cpu) }]));
  const line = (k) => `${k.padEnd(9)} ${(m[k].ms / 1000).toFixed(2)} s (min ${(m[k].min / 1000).toFixed(2)} s)  ${(size / 1e6 / (m[k].ms / 1000)).toFixed(0)} MB/s  CPU ${(m[k].cpu / 1000).toFixed(2)} s  peak ${m[k].mb.toFixed(0)} MB`;
  console.log(`dump ${(size / 1e6).toFixed(0)} MB, node ${process.version}, ${RUNS} runs (median, min; CPU = user + system)`);
  for (const k of Object.keys(m)) console.log(line(k));
  const r1 = m.scan.ms / m.floor.ms;
  const r2 = m.csvParse.ms / m.full.ms;
  const cpu = (a, b) => m[a].cpu / m[b].cpu;
  const mins = (a, b) => `min/min ${(m[a].min / m[b].min).toFixed(2)}x`;
  console.log(`default scan / newline floor: ${r1.toFixed(2)}x, ${mins('scan', 'floor')}, CPU ${fmt(cpu('scan', 'floor'))} (target ≤ 2x: ${r1 <= 2 ? 'met' : 'MISSED'})`);
  console.log(`csv-parse / scan --full:      ${r2.toFixed(2)}x faster, ${mins('csvParse', 'full')}, CPU ${fmt(cpu('csvParse', 'full'))} (target ≥ 4x: ${r2 >= 4 ? 'met' : 'MISSED'})`);
  if (m.full1) console.log(`csv-parse / --full on 1 thread: ${(m.csvParse.ms / m.full1.ms).toFixed(2)}x faster, ${mins('csvParse', 'full1')}, CPU ${fmt(cpu('csvParse', 'full1'))}`);
  if (m.scanBase) console.log(`baseline: default scan / floor ${(m.scanBase.ms / m.floor.ms).toFixed(2)}x (CPU ${fmt(cpu('scanBase', 'floor'))}), csv-parse / --full ${(m.csvParse.ms / m.fullBase.ms).toFixed(2)}x (CPU ${fmt(cpu('csvParse', 'fullBase'))})${m.full1Base ? `, on 1 thread ${(m.csvParse.ms / m.full1Base.ms).toFixed(2)}x (CPU ${fmt(cpu('csvParse', 'full1Base'))})` : ''}`);
  if (m.scanBase) console.log(`after / before: default scan ${fmt(m.scan.ms / m.scanBase.ms)} (CPU ${fmt(cpu('scan', 'scanBase'))}), --full ${fmt(m.full.ms / m.fullBase.ms)} (CPU ${fmt(cpu('full', 'fullBase'))})${m.full1Base ? `, --full on 1 thread ${fmt(m.full1.ms / m.full1Base.ms)} (CPU ${fmt(cpu('full1', 'full1Base'))})` : ''}`);
  console.log(`peak memory: scan ${m.scan.mb.toFixed(0)} MB, --full ${m.full.mb.toFixed(0)} MB (target < 256 MB: ${Math.max(m.scan.mb, m.full.mb) < 256 ? 'met' : 'MISSED'})`);
  summary.push([`csv-parse / --full, ${(size / 1e6).toFixed(0)} MB UTF-8 dump (x faster)`, r2, cpu('csvParse', 'full'), '≥ 4x', r2 >= 4]);
  if (m.full1) summary.push(['  the same, --full on one worker thread', m.csvParse.ms / m.full1.ms, cpu('csvParse', 'full1'), '(per core)', null]);
  peaks.push(['default scan', m.scan.mb], ['--full', m.full.mb]);
}

/** Other formats: the default scan against the newline floor over the same file; returns the median ratios. */
function formatBench(label, file, target = 2.5) {
  const bytes = statSync(file).size;
  const floorArgs = [floor, file];
  const scanArgs = ['bin/breach.cjs', 'scan', file, '--json', '--no-progress'];
  const baseArgs = BASE && [BASE, 'scan', file, '--json', '--no-progress'];
  timed(floorArgs);
  const f = [];
  const s = [];
  const b = [];
  for (let i = 0; i < RUNS; i++) { f.push(timed(floorArgs)); s.push(timed(scanArgs)); if (baseArgs) b.push(timed(baseArgs)); }
  const med = (xs, k = 'ms') => median(xs.map((x) => x[k]));
  const fm = med(f);
  const sm = med(s);
  if (baseArgs) console.log(`${label} baseline scan / newline floor: ${(med(b) / fm).toFixed(2)}x, min/min ${(min(b.map((x) => x.ms)) / min(f.map((x) => x.ms))).toFixed(2)}x, CPU ${fmt(med(b, 'cpu') / med(f, 'cpu'))}; after / before ${fmt(sm / med(b))} (CPU ${fmt(med(s, 'cpu') / med(b, 'cpu'))})`);
  const peak = Math.max(...s.map((x) => x.mb));
  const ratio = sm / fm;
  const cpuRatio = med(s, 'cpu') / med(f, 'cpu');
  peaks.push([label.trim(), peak]);
  console.log(`${label} ${(bytes / 1e6).toFixed(0)} MB: newline floor ${(fm / 1000).toFixed(2)} s (CPU ${(med(f, 'cpu') / 1000).toFixed(2)} s), scan ${(sm / 1000).toFixed(2)} s (${(bytes / 1e6 / (sm / 1000)).toFixed(0)} MB/s, CPU ${(med(s, 'cpu') / 1000).toFixed(2)} s), peak ${peak.toFixed(0)} MB`);
  console.log(`${label} runs (scan / floor): ${s.map((x, i) => (x.ms / f[i].ms).toFixed(2)).join(', ')}; CPU ${s.map((x, i) => (x.cpu / f[i].cpu).toFixed(2)).join(', ')}`);
  console.log(`${label} default scan / newline floor: ${ratio.toFixed(2)}x, min/min ${(min(s.map((x) => x.ms)) / min(f.map((x) => x.ms))).toFixed(2)}x, CPU ${fmt(cpuRatio)} (target ≤ ${target}x: ${ratio <= target ? 'met' : 'MISSED'}); peak memory ${peak.toFixed(0)} MB (target ≤ 256 MB: ${peak <= 256 ? 'met' : 'MISSED'})`);
  return { ratio, cpuRatio, peak, bytes };
}

/**
 * The whole-file scan against the same file cut into SHARDS ranges and merged, in the same run, each
 * on one core (BREACH_SCAN_THREADS=1): CPU time, which a busy shared machine does not inflate, gives
 * the per-core rate.
 */
const timedOneCore = (args) => timed([ONE_THREAD, ...args]);
function shardBench(file) {
  const bytes = statSync(file).size;
  const ranges = spawnSync(process.execPath, ['bin/breach.cjs', 'scan', file, '--plan', String(SHARDS)], { encoding: 'utf8' }).stdout.trim().split('\n');
  const profiles = ranges.map((_, i) => join(dir, `shard-${i}.json`));
  const sum = (xs) => xs.reduce((a, b) => ({ ms: a.ms + b.ms, cpu: a.cpu + b.cpu }), { ms: 0, cpu: 0 });
  for (const mode of [[], ['--full']]) {
    const whole = [];
    const sharded = [];
    const merges = [];
    for (let i = 0; i < RUNS; i++) {
      whole.push(timedOneCore(['bin/breach.cjs', 'scan', file, ...mode, '--json', '--no-progress']));
      const parts = ranges.map((r, k) => timedOneCore(['bin/breach.cjs', 'scan', file, ...mode, '--range', r, '--profile-out', profiles[k], '--force', '-q']));
      const merge = timedOneCore(['bin/breach.cjs', 'scan', 'merge', ...profiles, '--json']);
      sharded.push(sum([...parts, merge]));
      merges.push(merge);
    }
    const med = (xs, k) => median(xs.map((x) => x[k]));
    const rate = (ms) => (bytes / 1e6 / (ms / 1000)).toFixed(0);
    const [w, sh, wc, shc] = [med(whole, 'ms'), med(sharded, 'ms'), med(whole, 'cpu'), med(sharded, 'cpu')];
    console.log(`shards ${mode.length ? '--full ' : 'default'} ${(bytes / 1e6).toFixed(0)} MB, one core: whole ${(w / 1000).toFixed(2)} s wall, ${(wc / 1000).toFixed(2)} s CPU (${rate(wc)} MB per CPU-second); ${SHARDS} ranges + merge ${(sh / 1000).toFixed(2)} s wall, ${(shc / 1000).toFixed(2)} s CPU (${rate(shc)} MB per CPU-second; merge ${(med(merges, 'cpu') / 1000).toFixed(2)} s CPU): ${(shc / wc).toFixed(2)}x the whole scan's CPU, so each range costs ${((shc - wc) / SHARDS / 1000).toFixed(2)} CPU-seconds beyond its bytes`);
  }
}

if (LATIN1_MB > 0) {
  const file = join(dir, `latin1-${LATIN1_MB}mb.csv`);
  await generate(file, LATIN1_MB, 232, (rows) => latin1Chunks(rows, { chunkRows: 20000 }));
  const r = formatBench('Latin-1 ;  ', file, 2);
  summary.push([`Latin-1 default scan / newline count, ${(r.bytes / 1e6).toFixed(0)} MB`, r.ratio, r.cpuRatio, '≤ 2x', r.ratio <= 2]);
  if (SHARDS > 0) shardBench(file);
}
if (SQL_MB > 0) {
  const file = join(dir, `dump-${SQL_MB}mb.sql`);
  await generate(file, SQL_MB, 240, (rows) => sqlChunks(rows, { perInsert: 2000 }));
  formatBench('mysqldump  ', file);
}
if (JSONL_MB > 0) {
  const file = join(dir, `dump-${JSONL_MB}mb.jsonl`);
  await generate(file, JSONL_MB, 470, (rows) => jsonChunks(rows, { chunkRows: 20000 }));
  formatBench('JSON Lines ', file);
}
if (MAIL_MB > 0) {
  const file = join(dir, `mail-${MAIL_MB}mb.mbox`);
  // About 19 KB a message: prose in quoted-printable, HTML in base64, CSV and PDF attachments.
  await generate(file, MAIL_MB, 18700, (messages) => mailChunks(messages, { people: 50000 }));
  const r = formatBench('mailbox    ', file, 3);
  summary.push([`mailbox default scan / newline count, ${(r.bytes / 1e6).toFixed(0)} MB`, r.ratio, r.cpuRatio, '≤ 3x', r.ratio <= 3]);
}
if (peaks.length) {
  const top = Math.max(...peaks.map(([, mb]) => mb));
  summary.push(['peak memory, the highest of every scan above', top, null, '≤ 256 MB', top <= 256]);
  summary.push([`  (${peaks.map(([k, mb]) => `${k} ${mb.toFixed(0)}`).join(', ')} MB)`, null, null, '', null]);
}
if (summary.length) {
  // Memory is in MB, the others are ratios; a CPU ratio is the same figure in user + system time.
  console.log('\nissue 14 figures (median of the runs; wall clock, then CPU time):');
  for (const [label, wall, cpuRatio, target, met] of summary) {
    if (wall === null) { console.log(`  ${label}`); continue; }
    const value = target.includes('MB') ? `${wall.toFixed(0)} MB` : `${fmt(wall)}${cpuRatio !== null ? `  (CPU ${fmt(cpuRatio)})` : ''}`;
    console.log(`  ${label.padEnd(52)} ${value.padEnd(22)} target ${target.padEnd(10)} ${met === null ? '' : met ? 'met' : 'MISSED'}`);
  }
}
