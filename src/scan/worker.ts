// Worker thread of `breach scan --full` (bundled as dist/scan-worker.cjs).
import { parentPort, workerData } from 'node:worker_threads';
import { HyperLogLog } from './hll.js';
import { type JobConfig, runJob } from './worker-job.js';

const cfg = workerData as JobConfig;
const hll = new HyperLogLog();
/** Keys of the rows about minors: distinct minors, not rows. */
const minorsHll = new HyperLogLog();
parentPort!.on('message', (m: { id: number; bytes?: Uint8Array; skipFirstRow?: boolean; flush?: boolean }) => {
  if (m.flush) parentPort!.postMessage({ id: m.id, registers: hll.registers, minorRegisters: minorsHll.registers });
  else parentPort!.postMessage({ id: m.id, result: runJob(m.bytes!, !!m.skipFirstRow, cfg, hll, minorsHll) });
});
