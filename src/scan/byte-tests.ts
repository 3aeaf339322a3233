// Tests on a cell's ASCII bytes, for scan --full (block-rows.ts): each gives what its string test
// in TESTS gives on the same characters. Keys without a byte version are tested as strings.
import type { TestKey } from './classify.js';
import { latin1 } from './slices.js';
import { curpBirthDate, normId } from './validators.js';

/** A test on the ASCII bytes b[s..e) of one cell: not empty, no byte under 33 at either end. */
export type ByteTest = (b: Uint8Array, s: number, e: number) => boolean;
export const BYTE_TESTS: Partial<Record<TestKey, ByteTest>> = {};

/** The birth date of a valid CURP given as ASCII bytes: curpBirthDate(normId(text)). */
export function curpBirthBytes(b: Uint8Array, s: number, e: number): { y: number; m: number; d: number } | undefined {
  return curpBirthDate(normId(latin1(b, s, e)));
}
