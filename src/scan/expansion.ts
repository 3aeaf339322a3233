// The decompression-bomb guard of `scan`: a gzip stream or a workbook part that inflates far beyond
// its compressed bytes is refused, not read to the end (4 MiB of gzip made 4 GiB: 44 s, and --full
// was killed at 120 s). Real dumps compress 5 to 15 times; a bomb compresses up to about 1,000.

/**
 * Decompressed bytes allowed per compressed byte: Apache POI's ZipSecureFile refuses workbook parts
 * past the same ratio (its minimum inflate ratio, 0.01). `--max-expansion` changes it; 0 lifts it.
 */
export const DEFAULT_MAX_EXPANSION = 100;
/** The ratio is judged only after this much output: a small file's headers and trailers skew it. */
export const EXPANSION_GRACE = 4 << 20;

export class ExpansionError extends Error {
  readonly code = 'EXPANSION';
  constructor(readonly limit: number, readonly bytes: number) {
    super(`decompresses to more than ${limit} times its compressed size: a decompression bomb?`);
    this.name = 'ExpansionError';
  }
}

/**
 * Passes the chunks of a decompressed stream through, and throws an ExpansionError as soon as the
 * output passes `limit` times the compressed bytes read so far (`compressed` reads ahead of the
 * output, so the ratio is never overstated). `limit` 0 (or less): no guard.
 */
export function guardExpansion(chunks: AsyncIterable<Buffer>, compressed: () => number, limit: number): AsyncIterable<Buffer> {
  if (!(limit > 0)) return chunks;
  return (async function* guarded() {
    let out = 0;
    for await (const c of chunks) {
      out += c.length;
      if (out > EXPANSION_GRACE && out > limit * compressed()) throw new ExpansionError(limit, out);
      yield c;
    }
  })();
}
