// Worker thread of `breach scan --full` (bundled as dist/scan-worker.cjs).
import { parentPort, workerData } from 'node:worker_threads';
import { type JobConfig, runJob } from './worker-job.js';

const cfg = workerData as JobConfig;
parentPort!.on('message', (m: { id: number; bytes: Uint8Array; skipFirstRow: boolean }) => {
  parentPort!.postMessage({ id: m.id, result: runJob(m.bytes, m.skipFirstRow, cfg) });
});
