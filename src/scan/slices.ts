// Strings from a Buffer's bytes without toString()'s argument checks: --full slices the cells
// without a byte test, millions of times.
/** Buffer's own slicers (what toString(encoding, start, end) calls after checking its arguments). */
type Slicers = Buffer & { latin1Slice(s: number, e: number): string; utf8Slice(s: number, e: number): string };
const FAST = typeof (Buffer.prototype as Partial<Slicers>).latin1Slice === 'function' && typeof (Buffer.prototype as Partial<Slicers>).utf8Slice === 'function';

/** The ASCII bytes b[s..e) of a Buffer as a string (a byte is its character code). */
export function latin1(b: Uint8Array, s: number, e: number): string {
  return FAST ? (b as Slicers).latin1Slice(s, e) : (b as Buffer).toString('latin1', s, e);
}

/** The UTF-8 bytes b[s..e) of a Buffer as a string. */
export function utf8(b: Uint8Array, s: number, e: number): string {
  return FAST ? (b as Slicers).utf8Slice(s, e) : (b as Buffer).toString('utf8', s, e);
}
