// `breach scan --full`: every value of every column validated, on all cores. The main thread only
// reads and cuts the stream at row boundaries (the last newline outside quotes, found with native
// searches); worker threads decode, count, validate and hash. Memory stays bounded: at most two
// blocks per worker are in flight, and workers have heap limits.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { classify, type Counts, testsFor } from './classify.js';
import { HyperLogLog } from './hll.js';
import { maskedExamples } from './mask.js';
import { type FileProfile, fileEncoding, type FullCounts, type HeadInfo, KEY_SKETCHES, openDump, rangeChunks, type ScanOptions, streamError } from './profile.js';
import type { JobConfig, JobResult } from './worker-job.js';

const MAX_CARRY = 64 << 20;
const QUOTE = 34;
const NL = 10;

declare const __dirname: string;

function workerPath(): string {
  return process.env.BREACH_SCAN_WORKER ?? join(__dirname, 'scan-worker.cjs');
}

function countQuotes(buf: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let q = buf.indexOf(QUOTE, from); q !== -1 && q < to; q = buf.indexOf(QUOTE, q + 1)) n++;
  return n;
}

/**
 * Offset just past the first newline outside quotes at or after `from` in `buf`, given the quote
 * parity at its start (-1: none). Newlines and quotes are walked once each, in order (counting the
 * quotes before each newline from scratch searched past it to the next quote: quadratic on a
 * quoted cell over a megabyte of lines).
 */
export function boundaryAfter(buf: Buffer, from: number, startParity: number): number {
  let parity = (startParity + countQuotes(buf, 0, from)) & 1;
  let q = buf.indexOf(QUOTE, from);
  for (let nl = buf.indexOf(NL, from); nl !== -1; nl = buf.indexOf(NL, nl + 1)) {
    while (q !== -1 && q < nl) {
      parity ^= 1;
      q = buf.indexOf(QUOTE, q + 1);
    }
    if (parity === 0) return nl + 1;
  }
  return -1;
}

/** Offset just past the last newline outside quotes in `buf`, given the quote parity at its start (-1: none); walks back once. */
export function cutPoint(buf: Buffer, startParity: number): number {
  let parity = (startParity + countQuotes(buf, 0, buf.length)) & 1;
  let q = buf.lastIndexOf(QUOTE);
  for (let nl = buf.lastIndexOf(NL); nl !== -1; nl = nl > 0 ? buf.lastIndexOf(NL, nl - 1) : -1) {
    // The quotes after this newline, back to where the last step stopped, set the parity at it.
    while (q > nl) {
      parity ^= 1;
      q = q > 0 ? buf.lastIndexOf(QUOTE, q - 1) : -1;
    }
    if (parity === 0) return nl + 1;
  }
  return -1;
}

/** What --full counts for a file whose head was judged `info` (the same for a whole file and for each of its ranges). */
export function fullConfig(info: Pick<HeadInfo, 'delimiter' | 'verdicts' | 'keyColumn'>, today: string): JobConfig {
  const minorsCol = info.verdicts.findIndex((v) => v.field === 'curp' && v.evidence !== 'header');
  const birthCol = info.verdicts.findIndex((v) => v.field === 'birth_date' && v.evidence !== 'header');
  return {
    delimiter: info.delimiter,
    width: info.verdicts.length,
    // Each column is validated as what the head found it to be and as what its header names;
    // columns the head could not classify by their values are tested against every distinctive type.
    types: info.verdicts.map(testsFor),
    keyColumn: info.keyColumn,
    minors: minorsCol >= 0 ? { column: minorsCol, field: 'curp' } : birthCol >= 0 ? { column: birthCol, field: 'birth_date' } : null,
    today,
  };
}

export async function scanFileFull(path: string, label: string, opts: ScanOptions): Promise<FileProfile> {
  const opened = opts.opened ?? await openDump(path, opts.maxExpansion);
  const { info } = opened;
  const range = opts.range;
  const cfg = fullConfig(info, opts.today);
  // BREACH_SCAN_THREADS caps the workers (as for folders): the bench measures one core with it.
  const count = Math.max(1, Number(process.env.BREACH_SCAN_THREADS) || availableParallelism());
  const workers = Array.from({ length: count }, () => new Worker(workerPath(), { workerData: cfg, resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 } }));
  const results: JobResult[] = [];
  const minorsHll = new HyperLogLog();
  const waiting = new Map<number, (v: unknown) => void>();
  let failure: Error | undefined;
  let flushed = false;
  for (const w of workers) {
    w.on('message', (m: { id: number; result?: JobResult; registers?: Uint8Array; minorRegisters?: Uint8Array }) => {
      if (m.result) results[m.id] = m.result;
      if (m.minorRegisters) minorsHll.merge(m.minorRegisters);
      waiting.get(m.id)?.(m.registers);
      waiting.delete(m.id);
    });
    // A worker that fails (or exits before its flush is answered) fails the scan: every pending
    // answer is released, and no new question waits for an answer that cannot come.
    const fail = (e: Error) => {
      failure ??= e;
      for (const f of waiting.values()) f(undefined);
      waiting.clear();
    };
    w.on('error', fail);
    w.on('exit', (code) => { if (!flushed) fail(new Error(`a scan worker stopped (exit code ${code})`)); });
  }
  let nextId = 0;
  const inflight: Promise<unknown>[] = [];
  const ask = (w: Worker, msg: object, transfer: ArrayBuffer[] = []) => {
    const id = nextId++;
    const p = new Promise((resolve) => (failure ? resolve(undefined) : waiting.set(id, resolve)));
    w.postMessage({ id, ...msg }, transfer);
    return { id, p };
  };
  let jobs = 0;
  const send = async (parts: Uint8Array[], skipFirstRow: boolean) => {
    const len = parts.reduce((n, p) => n + p.length, 0);
    if (!len) return;
    const bytes = new Uint8Array(len);
    let off = 0;
    for (const p of parts) { bytes.set(p, off); off += p.length; }
    const { p } = ask(workers[jobs++ % count]!, { bytes, skipFirstRow }, [bytes.buffer]);
    inflight.push(p);
    if (inflight.length >= 2 * count) await inflight.shift();
  };
  const order: number[] = [];
  // The unfinished row's bytes, kept as parts and joined once when sent (joining at every chunk
  // copied a long row's bytes again and again and held two copies).
  let carry: Buffer[] = [];
  let carryLength = 0;
  let carryParity = 0;
  let first = info.hasHeader && (range?.first ?? 0) === 0;
  // A range ends at the first line boundary at or after its end (the row begun before it is read whole).
  let at = range?.first ?? 0;
  let stop = range && range.first >= range.end ? range.first : -1;
  const feed = async (whole: Buffer) => {
    let chunk = whole;
    if (range && at + chunk.length >= range.end) {
      const b = boundaryAfter(chunk, Math.max(0, range.end - 1 - at), carryParity);
      if (b >= 0) { chunk = chunk.subarray(0, b); stop = at + b; }
    }
    at += whole.length;
    const cut = cutPoint(chunk, carryParity);
    if (cut < 0) {
      if (carryLength + chunk.length <= MAX_CARRY) {
        carry.push(Buffer.from(chunk));
        carryLength += chunk.length;
      }
      carryParity = (carryParity + countQuotes(chunk, 0, chunk.length)) & 1;
      return;
    }
    order.push(nextId);
    await send([...carry, chunk.subarray(0, cut)], first);
    first = false;
    const rest = Buffer.from(chunk.subarray(cut));
    carry = [rest];
    carryLength = rest.length;
    carryParity = countQuotes(rest, 0, rest.length) & 1;
  };
  try {
    let n = 0;
    if (stop < 0) for await (const c of rangeChunks(opened, range)) {
      await feed(c);
      if (stop >= 0) break;
      if (++n % 32 === 0) opts.onProgress?.({ bytes: opened.src.readBytes(), total: opened.src.size, rows: results.reduce((s, x) => s + (x?.rows ?? 0), 0) });
    }
    if (carryLength) { order.push(nextId); await send(carry, first); }
    await Promise.all(inflight);
  } catch (e) {
    await Promise.all(workers.map((w) => w.terminate()));
    throw streamError(e);
  }
  const hll = new HyperLogLog();
  try {
    const flushes = workers.map((w) => ask(w, { flush: true }).p);
    for (const regs of await Promise.all(flushes)) if (regs) hll.merge(regs as Uint8Array);
    flushed = true;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  if (failure) throw failure;
  // Turn the blocks' local lines into file lines, in file order.
  const totals: FullCounts = { rows: 0, malformed: 0, lines: [], nonEmpty: new Array(info.width).fill(0) as number[], valid: info.names.map(() => ({})), minors: 0, minorsTested: 0, latin1: 0 };
  let lineBase = 0;
  for (const id of order) {
    const r = results[id];
    if (!r) continue;
    addCounts(totals, { ...r, lines: r.malformedLines, latin1: r.latin1Rows, ...(r.unclosedQuoteLine !== undefined && { unclosed: r.unclosedQuoteLine }) }, lineBase);
    lineBase += r.newlines;
  }
  const { src } = opened;
  opts.onProgress?.({ bytes: src.readBytes(), total: src.size, rows: totals.rows });
  if (range) Object.assign(range.out, { stop: stop >= 0 ? stop : src.size, newlines: lineBase, ...(info.keyColumn >= 0 && { registers: hll.registers }), full: { ...totals, minorRegisters: minorsHll.registers } });
  const head = { ...info, examples: (i: number, field: string | null) => maskedExamples(info.headRows.map((r) => r[i] ?? ''), field) };
  return fullProfile(head, totals, { file: label, bytes: src.size, gzip: src.gzip, today: opts.today }, hll, minorsHll);
}

/** Adds the counts of a block (or a range) whose first line is line `lineBase + 1` of the whole. */
export function addCounts(totals: FullCounts, r: Omit<FullCounts, 'minorRegisters'>, lineBase: number): void {
  totals.rows += r.rows;
  totals.malformed += r.malformed;
  for (const l of r.lines) if (totals.lines.length < 20) totals.lines.push(lineBase + l);
  if (r.unclosed !== undefined) totals.unclosed = lineBase + r.unclosed;
  r.nonEmpty.forEach((x, i) => { totals.nonEmpty[i]! += x; });
  r.valid.forEach((v, i) => { for (const [k, x] of Object.entries(v)) totals.valid[i]![k] = (totals.valid[i]![k] ?? 0) + x; });
  totals.minors += r.minors;
  totals.minorsTested += r.minorsTested;
  totals.latin1 += r.latin1;
}

/** What a --full profile is made from: the head's judgement and its masked examples for a field. */
export type FullHead = Pick<HeadInfo, 'names' | 'labels' | 'verdicts' | 'hasHeader' | 'distinctShares' | 'encoding' | 'delimiter' | 'keyColumn'> & { examples: (column: number, field: string | null) => string[] };

/** The profile of a file every value of which was counted (one scan, or the merge of its ranges). */
export function fullProfile(info: FullHead, totals: FullCounts, meta: { file: string; bytes: number; gzip: boolean; today: string }, hll: HyperLogLog, minorsHll: HyperLogLog): FileProfile {
  const cfg = fullConfig(info, meta.today);
  const columns = info.names.map((name, i) => {
    // Only the counters this column kept: an untested shape is absent from the evidence, not 0 %.
    const valid = Object.fromEntries(cfg.types[i]!.map((t) => [t, totals.valid[i]![t] ?? 0])) as Counts;
    const head = info.verdicts[i]!;
    // Header-only columns keep the head's verdict; others are judged on every value.
    const verdict = head.reason === 'header' ? head : classify(info.labels[i], totals.nonEmpty[i]!, valid, Math.round(info.distinctShares[i]! * totals.nonEmpty[i]!));
    return { index: i, name, ...verdict, examples: info.examples(i, verdict.field), nonEmpty: totals.nonEmpty[i]! };
  });
  const unclosed = totals.unclosed;
  const profile: FileProfile = {
    file: meta.file, bytes: meta.bytes, gzip: meta.gzip, encoding: fileEncoding(info.encoding, totals.latin1, 0),
    delimiter: info.delimiter, hasHeader: info.hasHeader, rows: totals.rows,
    malformed: { rows: totals.malformed, lines: totals.lines, ...(unclosed !== undefined && { unclosedQuoteLine: unclosed }) },
    columns, sample: { rows: totals.rows, mode: 'full' },
  };
  if (info.keyColumn >= 0) {
    profile.key = { column: info.keyColumn, field: info.verdicts[info.keyColumn]!.field!, distinct: Math.min(hll.estimate(), totals.rows) };
    KEY_SKETCHES.set(profile, hll.registers);
  }
  if (cfg.minors && totals.minorsTested) {
    const rowShare = Math.round((totals.minors / totals.minorsTested) * 10000) / 10000;
    // Per person when a key exists: distinct keys among the minors' rows (HyperLogLog), see Minors.
    const people = profile.key ? Math.min(minorsHll.estimate(), profile.key.distinct) : undefined;
    profile.minors = people !== undefined && profile.key
      ? { field: cfg.minors.field, share: profile.key.distinct ? Math.round((people / profile.key.distinct) * 10000) / 10000 : 0, estimate: people, tested: totals.minorsTested, unit: 'people', rows: totals.minors }
      : { field: cfg.minors.field, share: rowShare, estimate: totals.minors, tested: totals.minorsTested, unit: 'rows', rows: totals.minors };
  }
  return profile;
}
