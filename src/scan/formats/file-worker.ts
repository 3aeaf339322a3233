// A worker thread of the folder mode: reads whole files (one at a time) and posts their profiles
// back, with their key sketches (a WeakMap does not cross threads).
import { parentPort } from 'node:worker_threads';
import { KEY_SKETCHES, ScanError } from '../profile.js';
import { readPath } from './read.js';
import { ExpansionError } from '../expansion.js';
import { TEXT_SKETCHES } from '../text/read-text.js';

export interface FileJob {
  id: number;
  path: string;
  inFolder: boolean;
  today: string;
  maxExpansion: number;
}

parentPort?.on('message', async (job: FileJob) => {
  try {
    const r = await readPath(job.path, job.path, { today: job.today, maxExpansion: job.maxExpansion }, job.inFolder);
    parentPort!.postMessage({ id: job.id, profiles: r.profiles, sketches: r.profiles.map((p) => KEY_SKETCHES.get(p) ?? null), problems: r.problems.list, texts: r.texts, textSketches: r.texts.map((t) => TEXT_SKETCHES.get(t) ?? null) });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    parentPort!.postMessage({ id: job.id, error: { scan: e instanceof ScanError, message: err.message, line: e instanceof ScanError ? e.line : 1, ...(e instanceof ScanError && { why: e.why, errno: e.errno }), code: err.code, ...(e instanceof ExpansionError && { expansion: { limit: e.limit, bytes: e.bytes } }) } });
  }
});
