// Every path of a `scan` run → datasets and located problems. Many files are read by a pool of
// worker threads (one file each at a time, so the machine's cores share the work); one file, or
// --full (which already uses every core inside a file), is read on the main thread.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ExpansionError } from '../expansion.js';
import { type FileProfile, KEY_SKETCHES, type Progress, ScanError } from '../profile.js';
import type { ScanWhy } from './messages.js';
import type { FileJob } from './file-worker.js';
import { type Target, walk } from './folder.js';
import type { ScanProblem } from './problems.js';
import { readPath } from './read.js';
import type { TextFileProfile } from '../text/read-text.js';
import { SketchTotals, type TallySketches } from '../text/tally.js';
import { foldSketches } from '../text/summary.js';

declare const __dirname: string;

/**
 * Worker threads of the folder mode, at most. Each holds one file's sample (about 50 MB with its
 * isolate): three keep the whole run under the 256 MB that `scan` promises for any input.
 */
const MAX_THREADS = 3;

export interface ScanPathsOptions {
  today: string;
  full?: boolean;
  /** A progress callback for one file read on the main thread. */
  progress?: (label: string) => ((p: Progress) => void) | undefined;
  /** Called after a file with a progress bar is done. */
  progressDone?: () => void;
  /** Worker threads for many files (default: the machine's cores). 1: none. */
  threads?: number;
  /** The decompression-bomb guard's ratio (expansion.ts); 0 lifts it. */
  maxExpansion: number;
}

export interface ScanOutcome {
  profiles: FileProfile[];
  problems: ScanProblem[];
  /** Free-text files (mail, HTML, prose): identifiers in running text, totalled by text/summary.ts. */
  texts: TextFileProfile[];
  /** Their distinct-value sketches, merged as each file was read. */
  textTotals: SketchTotals;
}

interface FileResult {
  profiles: FileProfile[];
  problems: ScanProblem[];
  texts?: TextFileProfile[];
}

function failure(path: string, e: unknown): FileResult {
  const code = (e as NodeJS.ErrnoException).code;
  if (e instanceof ExpansionError) return { profiles: [], problems: [{ file: path, line: 1, col: 1, code: 'expansion', args: { limit: e.limit, mib: Math.floor(e.bytes / 1048576) } }] };
  if (e instanceof ScanError) return { profiles: [], problems: [{ file: path, line: e.line, col: 1, code: 'scan-failed', args: { why: e.why, ...(e.errno && { errno: e.errno }) } }] };
  // Any refusal of the system (no such file, a loop, a path too long, a device error) is the
  // file's problem, located and worded in the user's language (exit 2), not a bug.
  if (code) return { profiles: [], problems: [{ file: path, line: 1, col: 1, code: code === 'ESPIPE' ? 'file-stream' : code === 'ELOOP' ? 'path-loop' : 'file-unreadable', args: { errno: code } }] };
  throw e;
}

async function readOne(t: Target, o: ScanPathsOptions): Promise<FileResult> {
  const onProgress = o.progress?.(t.path);
  try {
    const r = await readPath(t.path, t.path, { today: o.today, ...(o.full && { full: true }), maxExpansion: o.maxExpansion, ...(onProgress && { onProgress }) }, t.inFolder);
    return { profiles: r.profiles, problems: r.problems.list, texts: r.texts };
  } catch (e) {
    return failure(t.path, e);
  } finally {
    if (onProgress) o.progressDone?.();
  }
}

function workerPath(): string {
  return process.env.BREACH_SCAN_FILE_WORKER ?? join(__dirname, 'scan-file-worker.cjs');
}

async function readPooled(targets: Target[], o: ScanPathsOptions, threads: number, totals: SketchTotals): Promise<FileResult[]> {
  const results: FileResult[] = new Array(targets.length);
  const workers = Array.from({ length: threads }, () => new Worker(workerPath(), { resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 } }));
  let next = 0;
  try {
    await Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
      let current = -1;
      const give = () => {
        if (next >= targets.length) { resolve(); return; }
        const id = next++;
        current = id;
        const job: FileJob = { id, path: targets[id]!.path, inFolder: targets[id]!.inFolder, today: o.today, maxExpansion: o.maxExpansion };
        w.postMessage(job);
      };
      w.on('message', (m: { id: number; profiles?: FileProfile[]; sketches?: (Uint8Array | null)[]; problems?: ScanProblem[]; texts?: TextFileProfile[]; textSketches?: (TallySketches | null)[]; error?: { scan: boolean; message: string; line: number; why?: ScanWhy; errno?: string; code?: string; expansion?: { limit: number; bytes: number } } }) => {
        const path = targets[m.id]!.path;
        if (m.error) {
          const e = m.error.expansion ? new ExpansionError(m.error.expansion.limit, m.error.expansion.bytes) : m.error.scan && m.error.why ? new ScanError(m.error.why, m.error.line, m.error.errno) : Object.assign(new Error(m.error.message), { code: m.error.code });
          try {
            results[m.id] = failure(path, e);
          } catch (err) {
            reject(err as Error);
            return;
          }
        } else {
          const profiles = m.profiles ?? [];
          profiles.forEach((p, i) => { const s = m.sketches?.[i]; if (s) KEY_SKETCHES.set(p, s); });
          const texts = m.texts ?? [];
          texts.forEach((t, i) => { const s = m.textSketches?.[i]; if (s) totals.add(s); });
          results[m.id] = { profiles, problems: m.problems ?? [], texts };
        }
        give();
      });
      // A worker that dies (out of memory on a pathological file) loses that file only: it is
      // listed, and the other workers read the rest.
      w.on('error', (e) => {
        if (current >= 0 && !results[current]) results[current] = { profiles: [], problems: [{ file: targets[current]!.path, line: 1, col: 1, code: 'scan-failed', args: { reason: `cannot read the file: ${(e as Error).message.split('\n')[0]}` } }] };
        resolve();
      });
      give();
    })));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

export async function scanPaths(paths: string[], o: ScanPathsOptions): Promise<ScanOutcome> {
  const { targets, problems: walkProblems } = walk(paths);
  const problems: ScanProblem[] = walkProblems.flatMap((p) => p.list);
  const threads = Math.min(o.threads ?? (Number(process.env.BREACH_SCAN_THREADS) || Math.min(availableParallelism(), MAX_THREADS)), targets.length);
  let results: FileResult[];
  const textTotals = new SketchTotals();
  if (threads > 1 && !o.full && existsSync(workerPath())) results = await readPooled(targets, o, threads, textTotals);
  else {
    results = [];
    for (const t of targets) {
      const r = await readOne(t, o);
      foldSketches(r.texts ?? [], textTotals);
      results.push(r);
    }
  }
  // Files a dead worker never reached are read here.
  for (let i = 0; i < targets.length; i++) if (!results[i]) { results[i] = await readOne(targets[i]!, o); foldSketches(results[i]!.texts ?? [], textTotals); }
  const profiles: FileProfile[] = [];
  const texts: TextFileProfile[] = [];
  for (const r of results) {
    profiles.push(...r.profiles);
    problems.push(...r.problems);
    texts.push(...(r.texts ?? []));
  }
  return { profiles, problems, texts, textTotals };
}
