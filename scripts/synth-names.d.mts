export const NAME_COLUMNS: [string, string | null][];
export function curpFor(given: string, s1: string, s2: string, y: number, m: number, d: number, r: () => number, bad?: boolean): string;
export function nameRows(people: number, opts?: { seed?: number; upper?: boolean; minorShare?: number; minorRepeat?: number }): { rows: string[][]; people: number; minors: number; minorRows: number };
export function nameCsv(rows: string[][], headers?: string[]): string;
