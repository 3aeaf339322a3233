import type { DiagArgs, DiagKey } from './messages.js';
/** Parses a record or people count: an integer >= 0, written as 42000000, "42,000,000", "42_000_000" or 4.2e7. */
export type CountResult = { ok: true; value: number } | { ok: false; message: string; key: DiagKey; args: DiagArgs };

const GROUPED = /^\d{1,3}(?:([,_])\d{3})?(?:\1\d{3})*$/;
const SCI = /^[+]?\d+(?:\.\d+)?e[+]?\d+$/i;

export function parseCount(input: unknown): CountResult {
  let value: number;
  if (typeof input === 'number') {
    value = input;
  } else if (typeof input === 'string') {
    const s = input.trim();
    if (s === '') return { ok: false, message: 'is empty: give a whole number', key: 'count.empty', args: {} };
    if (s.startsWith('-')) return { ok: false, message: `must not be negative (got "${s}")`, key: 'count.negative', args: { value: `"${s}"` } };
    if (GROUPED.test(s) || /^\d+$/.test(s)) value = Number(s.replace(/[,_]/g, ''));
    else if (SCI.test(s)) value = Number(s);
    else if (/^\d+[.,]\d+$/.test(s)) return { ok: false, message: `must be a whole number (got "${s}")`, key: 'count.whole', args: { value: `"${s}"` } };
    else return { ok: false, message: `must be a whole number such as 42000000, "42,000,000" or 4.2e7 (got "${clip(s)}")`, key: 'count.format', args: { value: `"${clip(s)}"` } };
  } else {
    return { ok: false, message: `must be a whole number (got ${describe(input)})`, key: 'count.whole', args: { value: describe(input) } };
  }
  if (!Number.isFinite(value)) return { ok: false, message: 'must be a finite whole number', key: 'count.finite', args: {} };
  if (value < 0) return { ok: false, message: `must not be negative (got ${value})`, key: 'count.negative', args: { value } };
  if (!Number.isInteger(value)) return { ok: false, message: `must be a whole number (got ${value})`, key: 'count.whole', args: { value } };
  if (value > Number.MAX_SAFE_INTEGER) return { ok: false, message: 'is too large (more than 2^53 - 1)', key: 'count.large', args: {} };
  return { ok: true, value };
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `"${clip(v)}"`;
  return `${typeof v} ${String(v)}`;
}
