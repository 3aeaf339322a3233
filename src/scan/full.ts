// `breach scan --full`: every value of every column validated, on all cores. The main thread runs
// the row machine (exact counts, malformed rows, distinct people) and cuts the stream at row
// boundaries; worker threads decode and validate the blocks. Memory stays bounded: at most
// 2 blocks per worker are in flight.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { classify, type ValueType, TYPES } from './classify.js';
import { HyperLogLog } from './hll.js';
import { mask } from './mask.js';
import { type FileProfile, openDump, type ScanOptions, streamError } from './profile.js';
import { RowMachine } from './row-machine.js';
import type { JobConfig, JobResult } from './worker-job.js';
import { cleanText } from '../util/sanitize.js';

const ALONE = (Object.keys(TYPES) as ValueType[]).filter((t) => TYPES[t].alone !== undefined);
const MAX_CARRY = 64 << 20;

declare const __dirname: string;

function workerPath(): string {
  return process.env.BREACH_SCAN_WORKER ?? join(__dirname, 'scan-worker.cjs');
}

export async function scanFileFull(path: string, label: string, opts: ScanOptions): Promise<FileProfile> {
  const { src, it, headChunks, done, info } = await openDump(path);
  const minorsCol = info.verdicts.findIndex((v) => v.field === 'curp' && v.evidence !== 'header');
  const birthCol = info.verdicts.findIndex((v) => v.field === 'birth_date' && v.evidence !== 'header');
  const cfg: JobConfig = {
    delimiter: info.delimiter,
    width: info.width,
    types: info.verdicts.map((v) => [...new Set([...(v.valueType ? [v.valueType] : []), ...ALONE])]),
    minors: minorsCol >= 0 ? { column: minorsCol, field: 'curp' } : birthCol >= 0 ? { column: birthCol, field: 'birth_date' } : null,
    today: opts.today,
  };
  const count = Math.max(1, availableParallelism());
  const workers = Array.from({ length: count }, () => new Worker(workerPath(), { workerData: cfg }));
  const totals: JobResult = { nonEmpty: new Array(info.width).fill(0), valid: info.names.map(() => ({})), minors: 0, minorsTested: 0, latin1Rows: 0 };
  const waiting = new Map<number, () => void>();
  let failure: Error | undefined;
  for (const w of workers) {
    w.on('message', (m: { id: number; result: JobResult }) => {
      const r = m.result;
      r.nonEmpty.forEach((n, i) => { totals.nonEmpty[i]! += n; });
      r.valid.forEach((v, i) => { for (const [k, n] of Object.entries(v)) totals.valid[i]![k] = (totals.valid[i]![k] ?? 0) + n; });
      totals.minors += r.minors;
      totals.minorsTested += r.minorsTested;
      totals.latin1Rows += r.latin1Rows;
      waiting.get(m.id)?.();
      waiting.delete(m.id);
    });
    w.on('error', (e) => { failure = e; for (const f of waiting.values()) f(); });
  }
  let nextId = 0;
  const inflight: Promise<void>[] = [];
  const send = async (bytes: Buffer, skipFirstRow: boolean) => {
    if (!bytes.length) return;
    const id = nextId++;
    const copy = new Uint8Array(bytes.length);
    copy.set(bytes);
    const p = new Promise<void>((resolve) => waiting.set(id, resolve));
    workers[id % count]!.postMessage({ id, bytes: copy, skipFirstRow }, [copy.buffer]);
    inflight.push(p);
    if (inflight.length >= 2 * count) await inflight.shift();
  };
  const hll = new HyperLogLog();
  const machine = new RowMachine({ delimiter: info.delimiter.charCodeAt(0), expectedCells: info.width, keyColumn: info.keyColumn, headerRows: info.hasHeader ? 1 : 0, hll, wantRow: () => false, onRow: () => undefined });
  let carry: Buffer = Buffer.alloc(0);
  let first = info.hasHeader;
  const feed = async (chunk: Buffer) => {
    machine.feed(chunk);
    const end = machine.lastRowEnd;
    if (end < 0) {
      carry = carry.length + chunk.length > MAX_CARRY ? Buffer.alloc(0) : Buffer.concat([carry, chunk]);
      return;
    }
    await send(carry.length ? Buffer.concat([carry, chunk.subarray(0, end)]) : chunk.subarray(0, end), first);
    first = false;
    carry = Buffer.from(chunk.subarray(end));
  };
  try {
    for (const c of headChunks) await feed(c);
    if (!done) {
      let n = 0;
      for (;;) {
        const r = await it.next();
        if (r.done) break;
        await feed(r.value);
        if (++n % 32 === 0) opts.onProgress?.({ bytes: src.readBytes(), total: src.size, rows: machine.rows });
      }
    }
    machine.end();
    await send(carry, first);
    await Promise.all(inflight);
  } catch (e) {
    throw streamError(e);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  if (failure) throw failure;
  opts.onProgress?.({ bytes: src.readBytes(), total: src.size, rows: machine.rows });
  const rows = Math.max(0, machine.rows - (info.hasHeader ? 1 : 0));
  const columns = info.names.map((name, i) => {
    const valid = Object.fromEntries((Object.keys(TYPES) as ValueType[]).map((t) => [t, totals.valid[i]![t] ?? 0])) as Record<ValueType, number>;
    const verdict = classify(info.hasHeader ? name : undefined, totals.nonEmpty[i]!, valid, Math.round(info.distinctShares[i]! * totals.nonEmpty[i]!));
    const examples: string[] = [];
    for (const r of info.headRows) {
      if (examples.length >= 3) break;
      const m = mask(cleanText(r[i] ?? ''), verdict.field);
      if (m && !examples.includes(m)) examples.push(m);
    }
    return { index: i, name, ...verdict, examples, nonEmpty: totals.nonEmpty[i]! };
  });
  const profile: FileProfile = {
    file: label, bytes: src.size, gzip: src.gzip, encoding: totals.latin1Rows && info.encoding !== 'windows-1252' ? 'mixed' : info.encoding,
    delimiter: info.delimiter, hasHeader: info.hasHeader, rows,
    malformed: { rows: machine.malformed, lines: machine.malformedLines, ...(machine.unclosedQuoteLine !== undefined && { unclosedQuoteLine: machine.unclosedQuoteLine }) },
    columns, sample: { rows, mode: 'full' },
  };
  if (info.keyColumn >= 0) profile.key = { column: info.keyColumn, field: info.verdicts[info.keyColumn]!.field!, distinct: Math.min(hll.estimate(), rows) };
  if (cfg.minors && totals.minorsTested) {
    const share = Math.round((totals.minors / totals.minorsTested) * 10000) / 10000;
    profile.minors = { field: cfg.minors.field, share, estimate: totals.minors, tested: totals.minorsTested };
  }
  return profile;
}
