// What a file is, by its content (after gunzip when gzipped), not by its name: the extension only
// separates an encrypted workbook from a legacy .xls, both OLE containers.
import { closeSync, openSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import { openSource } from '../source.js';
import { listZip } from './zip.js';
import { type ArchiveKind, archiveKind, type TextKind, textKind } from '../text/sniff-text.js';

export type Kind = 'csv' | 'mysql' | 'postgresql' | 'jsonl' | 'json' | 'xlsx' | 'xlsx-gzip' | 'xlsx-encrypted' | 'xlsx-legacy' | 'binary' | TextKind | 'archive';

const SNIFF = 64 << 10;
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const starts = (b: Buffer, sig: number[]) => sig.every((x, i) => b[i] === x);
const SQL_START = /^(?:\s+|--[^\n]*(?:\n|$)|#[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/;?)*(?:CREATE|INSERT|DROP|SET|LOCK|COPY|BEGIN|START|USE|ALTER|REPLACE|SELECT|COMMENT)\b/i;
const PG = /PostgreSQL database dump|standard_conforming_strings|FROM stdin;|pg_catalog\./;

/** The kind of a text head (decoded, BOM removed). */
export function kindOfText(text: string): Kind {
  const t = text.replace(/^\ufeff/, '');
  const first = /\S/.exec(t);
  if (first?.[0] === '[') return 'json';
  if (first?.[0] === '{') {
    // JSON Lines hold one object per line; a "{" alone on its line is a pretty-printed document,
    // and a single line whose first key holds an array of objects is an API's {"data": [...]}.
    const lines = t.slice(first.index).split('\n', 3).map((l) => l.trim()).filter(Boolean);
    if (lines[0] === '{') return 'json';
    if (lines.length >= 2 && lines[1]!.startsWith('{')) return 'jsonl';
    return /"\s*:\s*\[\s*\{/.test(lines[0]!) ? 'json' : 'jsonl';
  }
  if (/^-- (MySQL|MariaDB) dump/m.test(t.slice(0, 4096))) return 'mysql';
  if (SQL_START.test(t.slice(0, SNIFF))) return PG.test(t) ? 'postgresql' : 'mysql';
  return 'csv';
}

/** Reads up to 64 KiB of a file's content (gunzipped when gzipped) and tells what it is. */
export async function sniff(path: string): Promise<{ kind: Kind; gzip: boolean; archive?: ArchiveKind }> {
  const fd = openSync(path, 'r');
  const raw = Buffer.alloc(16);
  let n: number;
  try {
    n = readSync(fd, raw, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  const magic = raw.subarray(0, n);
  if (starts(magic, ZIP)) {
    const z = zipKind(path);
    return z === 'archive' ? { kind: 'archive', gzip: false, archive: 'zip' } : { kind: z, gzip: false };
  }
  if (starts(magic, CFB)) return { kind: cfbKind(path), gzip: false };
  const src = openSource(path, 0); // 64 KiB at most: no guard needed
  const parts: Buffer[] = [];
  let len = 0;
  const it = src.chunks[Symbol.asyncIterator]();
  try {
    while (len < SNIFF) {
      const r = await it.next();
      if (r.done) break;
      parts.push(r.value);
      len += r.value.length;
    }
  } catch {
    // A truncated gzip head: let the CSV reader report it, as it always has.
    return { kind: 'csv', gzip: src.gzip };
  } finally {
    await it.return?.();
  }
  const head = Buffer.concat(parts).subarray(0, SNIFF);
  if (src.gzip && starts(head, ZIP)) return { kind: 'xlsx-gzip', gzip: true };
  const archive = archiveKind(head, src.gzip);
  if (archive) return { kind: 'archive', gzip: src.gzip, archive };
  let nul = 0;
  for (let i = 0; i < Math.min(head.length, 4096); i++) if (head[i] === 0) nul++;
  if (nul > 0 && !(head[0] === 0xff && head[1] === 0xfe) && !(head[0] === 0xfe && head[1] === 0xff)) return { kind: 'binary', gzip: src.gzip };
  const text = head.toString('latin1');
  const kind = kindOfText(text);
  // Not a table, SQL or JSON: mail, HTML or prose may still be scanned for identifiers.
  return { kind: kind === 'csv' ? textKind(text.replace(/^\ufeff|^\xef\xbb\xbf/, ''), path) ?? 'csv' : kind, gzip: src.gzip };
}

/**
 * A zip: a workbook (or unreadable: the workbook reader says why), another Office document
 * (.docx, .pptx: binary to scan), or an archive of files.
 */
function zipKind(path: string): 'xlsx' | 'binary' | 'archive' {
  if (/\.xls[xm]$/i.test(path)) return 'xlsx';
  try {
    const names = listZip(path).map((e) => e.name);
    if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
    return names.includes('[Content_Types].xml') ? 'binary' : 'archive';
  } catch {
    return 'xlsx';
  }
}

/** An OLE container: an encrypted OOXML workbook holds an "EncryptedPackage" stream; otherwise a legacy .xls (or .doc). */
function cfbKind(path: string): Kind {
  const fd = openSync(path, 'r');
  const b = Buffer.alloc(1 << 20);
  let n: number;
  try {
    n = readSync(fd, b, 0, b.length, 0);
  } finally {
    closeSync(fd);
  }
  const text = b.subarray(0, n).toString('utf16le') + b.subarray(1, n).toString('utf16le');
  if (text.includes('EncryptedPackage') || text.includes('EncryptionInfo')) return 'xlsx-encrypted';
  return extname(path).toLowerCase() === '.xls' || text.includes('Workbook') ? 'xlsx-legacy' : 'binary';
}
