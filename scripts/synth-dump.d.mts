export const COLUMNS: [string, string | null][];
export function rng(seed: number): () => number;
export function makeRow(r: () => number, minorShare?: number): string[];
export function dumpChunks(rows: number, opts?: { seed?: number; delimiter?: string; minorShare?: number; chunkRows?: number }): Generator<string>;
export function rawValues(rows: number, opts?: { seed?: number; minorShare?: number }): string[][];
