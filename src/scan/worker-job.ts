// What a --full worker does with one block of whole rows: find the cells, count, validate every
// value, hash the key column. Blocks come cut at row boundaries by the main thread.
//
// Speed (issue 14): rows are read as bytes and ASCII cells validated in place (block-rows.ts,
// byte-tests.ts); a column's tests run as one function that returns a bit per test
// (column-plan.ts), remembered per value within a block for columns that repeat values
// (statuses, categories, free-text placeholders), and counted in typed arrays (block-counter.ts).
import type { HyperLogLog } from './hll.js';
import { BlockCounter, type JobConfig, type JobResult } from './block-counter.js';
import { readBlock } from './block-rows.js';

export type { JobConfig, JobResult } from './block-counter.js';

export function runJob(bytes: Uint8Array, skipFirstRow: boolean, cfg: JobConfig, hll: HyperLogLog, minorsHll?: HyperLogLog): JobResult {
  const counter = new BlockCounter(cfg, hll, minorsHll);
  const newlines = readBlock(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), counter, skipFirstRow);
  return counter.finish(newlines);
}
