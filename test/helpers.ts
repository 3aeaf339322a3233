import { readFileSync } from 'node:fs';
import { assess } from '../src/core/assess.js';
import type { Assessment } from '../src/core/assessment.js';
import { InputError } from '../src/input/diagnostic.js';
import { loadIncidents } from '../src/input/load.js';

export const TODAY = '2026-11-21';

/** Loads a description from text (YAML by default) and assesses every incident in it. */
export function assessText(text: string, opts: { format?: 'yaml' | 'json' | 'csv'; asOf?: string; file?: string } = {}): Assessment[] {
  const incidents = loadIncidents(new TextEncoder().encode(text), opts.file ?? 'test.yaml', opts.format ?? 'yaml', TODAY);
  return incidents.map((i) => assess(i.incident, i.source, opts.asOf ? { asOf: opts.asOf } : {}));
}

/** The diagnostics a text produces, formatted as the CLI prints them. */
export function problems(text: string, format: 'yaml' | 'json' | 'csv' = 'yaml', file = 'in.yaml'): string[] {
  try {
    loadIncidents(typeof text === 'string' ? new TextEncoder().encode(text) : text, file, format, TODAY);
  } catch (e) {
    if (e instanceof InputError) return e.diagnostics.map((d) => `${d.file}:${d.line}:${d.col}: ${d.message}`);
    throw e;
  }
  return [];
}

export function problemsBytes(bytes: Uint8Array, format: 'yaml' | 'json' | 'csv', file: string): string[] {
  try {
    loadIncidents(bytes, file, format, TODAY);
  } catch (e) {
    if (e instanceof InputError) return e.diagnostics.map((d) => `${d.file}:${d.line}:${d.col}: ${d.message}`);
    throw e;
  }
  return [];
}

export function fixture(path: string): string {
  return readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
}

/** Every substring of `n` characters of the raw values found in `text` (what a scan must never print). */
export function leaks(text: string, raws: Iterable<string>, n = 6): string[] {
  const found = new Set<string>();
  for (const raw of raws) for (let i = 0; i + n <= raw.length; i++) if (text.includes(raw.slice(i, i + n))) found.add(raw.slice(i, i + n));
  return [...found];
}
