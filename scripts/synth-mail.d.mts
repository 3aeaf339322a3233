export class Truth {
  constructor(today: string);
  valid: Record<string, string[]>;
  failed: Record<string, number>;
  failedValues: string[];
  add(type: string, value: string, ok?: boolean): void;
  values(): string[];
  counts(): { types: Record<string, { occurrences: number; distinct: number; failedCheck: number }>; minors: number };
}
export function mailChunks(messages: number, opts?: { seed?: number; people?: number; badShare?: number; binaryKb?: number; minorShare?: number; truth?: Truth; chunkMessages?: number }): Generator<string>;
