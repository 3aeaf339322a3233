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
import { type FileProfile, KEY_SKETCHES, openDump, type ScanOptions, streamError } from './profile.js';
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

/** Offset just past the last newline outside quotes in `buf`, given the quote parity at its start (-1: none). */
export function cutPoint(buf: Buffer, startParity: number): number {
  const endParity = (startParity + countQuotes(buf, 0, buf.length)) & 1;
  let parity = endParity;
  let upper = buf.length;
  for (let nl = buf.lastIndexOf(NL); nl !== -1; nl = nl > 0 ? buf.lastIndexOf(NL, nl - 1) : -1) {
    parity ^= countQuotes(buf, nl + 1, upper) & 1;
    if (parity === 0) return nl + 1;
    upper = nl + 1;
  }
  return -1;
}

export async function scanFileFull(path: string, label: string, opts: ScanOptions): Promise<FileProfile> {
  const { src, it, headChunks, done, info } = await openDump(path, opts.maxExpansion);
  const minorsCol = info.verdicts.findIndex((v) => v.field === 'curp' && v.evidence !== 'header');
  const birthCol = info.verdicts.findIndex((v) => v.field === 'birth_date' && v.evidence !== 'header');
  const cfg: JobConfig = {
    delimiter: info.delimiter,
    width: info.width,
    // Each column is validated as what the head found it to be and as what its header names;
    // columns the head could not classify by their values are tested against every distinctive type.
    types: info.verdicts.map(testsFor),
    keyColumn: info.keyColumn,
    minors: minorsCol >= 0 ? { column: minorsCol, field: 'curp' } : birthCol >= 0 ? { column: birthCol, field: 'birth_date' } : null,
    today: opts.today,
  };
  // BREACH_SCAN_THREADS caps the workers (as for folders): the bench measures one core with it.
  const count = Math.max(1, Number(process.env.BREACH_SCAN_THREADS) || availableParallelism());
  const workers = Array.from({ length: count }, () => new Worker(workerPath(), { workerData: cfg, resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 } }));
  const results: JobResult[] = [];
  const minorsHll = new HyperLogLog();
  const waiting = new Map<number, (v: unknown) => void>();
  let failure: Error | undefined;
  for (const w of workers) {
    w.on('message', (m: { id: number; result?: JobResult; registers?: Uint8Array; minorRegisters?: Uint8Array }) => {
      if (m.result) results[m.id] = m.result;
      if (m.minorRegisters) minorsHll.merge(m.minorRegisters);
      waiting.get(m.id)?.(m.registers);
      waiting.delete(m.id);
    });
    w.on('error', (e) => { failure = e; for (const f of waiting.values()) f(undefined); });
  }
  let nextId = 0;
  const inflight: Promise<unknown>[] = [];
  const ask = (w: Worker, msg: object, transfer: ArrayBuffer[] = []) => {
    const id = nextId++;
    const p = new Promise((resolve) => waiting.set(id, resolve));
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
  let carry: Buffer = Buffer.alloc(0);
  let carryParity = 0;
  let first = info.hasHeader;
  const feed = async (chunk: Buffer) => {
    const cut = cutPoint(chunk, carryParity);
    if (cut < 0) {
      carry = carry.length + chunk.length > MAX_CARRY ? carry : Buffer.concat([carry, chunk]);
      carryParity = (carryParity + countQuotes(chunk, 0, chunk.length)) & 1;
      return;
    }
    order.push(nextId);
    await send([carry, chunk.subarray(0, cut)], first);
    first = false;
    carry = Buffer.from(chunk.subarray(cut));
    carryParity = countQuotes(carry, 0, carry.length) & 1;
  };
  try {
    for (const c of headChunks) await feed(c);
    if (!done) {
      let n = 0;
      for (;;) {
        const r = await it.next();
        if (r.done) break;
        await feed(r.value);
        if (++n % 32 === 0) opts.onProgress?.({ bytes: src.readBytes(), total: src.size, rows: results.reduce((s, x) => s + (x?.rows ?? 0), 0) });
      }
    }
    if (carry.length) { order.push(nextId); await send([carry], first); }
    await Promise.all(inflight);
  } catch (e) {
    await Promise.all(workers.map((w) => w.terminate()));
    throw streamError(e);
  }
  const hll = new HyperLogLog();
  try {
    const flushes = workers.map((w) => ask(w, { flush: true }).p);
    for (const regs of await Promise.all(flushes)) if (regs) hll.merge(regs as Uint8Array);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  if (failure) throw failure;
  // Turn the blocks' local lines into file lines, in file order.
  const totals = { rows: 0, malformed: 0, lines: [] as number[], nonEmpty: new Array(info.width).fill(0) as number[], valid: info.names.map(() => ({}) as Record<string, number>), minors: 0, minorsTested: 0, latin1: 0 };
  let unclosed: number | undefined;
  let lineBase = 0;
  for (const id of order) {
    const r = results[id];
    if (!r) continue;
    totals.rows += r.rows;
    totals.malformed += r.malformed;
    for (const l of r.malformedLines) if (totals.lines.length < 20) totals.lines.push(lineBase + l);
    if (r.unclosedQuoteLine !== undefined) unclosed = lineBase + r.unclosedQuoteLine;
    r.nonEmpty.forEach((x, i) => { totals.nonEmpty[i]! += x; });
    r.valid.forEach((v, i) => { for (const [k, x] of Object.entries(v)) totals.valid[i]![k] = (totals.valid[i]![k] ?? 0) + x; });
    totals.minors += r.minors;
    totals.minorsTested += r.minorsTested;
    totals.latin1 += r.latin1Rows;
    lineBase += r.newlines;
  }
  opts.onProgress?.({ bytes: src.readBytes(), total: src.size, rows: totals.rows });
  const columns = info.names.map((name, i) => {
    // Only the counters this column kept: an untested shape is absent from the evidence, not 0 %.
    const valid = Object.fromEntries(cfg.types[i]!.map((t) => [t, totals.valid[i]![t] ?? 0])) as Counts;
    const head = info.verdicts[i]!;
    // Header-only columns keep the head's verdict; others are judged on every value.
    const verdict = head.reason === 'header' ? head : classify(info.labels[i], totals.nonEmpty[i]!, valid, Math.round(info.distinctShares[i]! * totals.nonEmpty[i]!));
    return { index: i, name, ...verdict, examples: maskedExamples(info.headRows.map((r) => r[i] ?? ''), verdict.field), nonEmpty: totals.nonEmpty[i]! };
  });
  const profile: FileProfile = {
    file: label, bytes: src.size, gzip: src.gzip, encoding: info.encoding === 'mixed' || (totals.latin1 && info.encoding !== 'windows-1252') ? 'mixed' : info.encoding,
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
