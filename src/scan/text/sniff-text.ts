// Which files are free text rather than a table: mail (one message or an mbox), HTML, and text
// whose lines do not share a delimiter count (prose, logs). Archives are named so that the user
// hears what to do with them. Called by formats/sniff.ts when nothing more specific fitted.
import { extname } from 'node:path';

export type TextKind = 'mail' | 'mbox' | 'html' | 'text';
export type ArchiveKind = 'zip' | 'tar' | '7z' | 'rar' | 'gzip';

const MAIL_HEADERS = new Set(['from', 'to', 'cc', 'subject', 'date', 'message-id', 'received', 'mime-version', 'return-path', 'delivered-to', 'content-type', 'reply-to', 'x-mailer', 'sender', 'in-reply-to', 'references', 'dkim-signature', 'x-original-to', 'thread-topic', 'x-ms-exchange-organization-authas']);
const TABLE_EXT = new Set(['.csv', '.tsv', '.psv', '.tab']);
const TEXT_EXT = new Set(['.log', '.eml', '.mbox', '.mbx', '.html', '.htm', '.md', '.text']);

/** The known mail headers in the header block that starts `text` (up to its blank line). */
function mailHeaders(lines: string[]): number {
  const seen = new Set<string>();
  for (const l of lines) {
    if (l === '' || l === '\r') break;
    if (/^[ \t]/.test(l)) continue;
    const m = /^([A-Za-z][A-Za-z0-9-]*):/.exec(l);
    if (!m) return 0;
    const name = m[1]!.toLowerCase();
    if (MAIL_HEADERS.has(name)) seen.add(name);
  }
  return seen.size;
}

/** Whether the lines share one delimiter count (a table), as a CSV reader would need. */
function tabular(lines: string[]): boolean {
  const rows = lines.filter((l) => l.trim()).slice(0, 60);
  if (rows.length < 2) return false;
  for (const d of [',', ';', '\t', '|']) {
    const counts = rows.map((l) => l.replace(/"[^"]*"/g, '').split(d).length - 1);
    const first = counts[0]!;
    if (first >= 1 && counts.filter((c) => c === first).length >= Math.ceil(rows.length * 0.9)) return true;
  }
  return false;
}

/** The text kind of a head (Latin-1 view, BOM removed), or undefined to keep reading it as a table. */
export function textKind(head: string, path: string): TextKind | undefined {
  const ext = extname(path.replace(/\.gz$/i, '')).toLowerCase();
  if (TABLE_EXT.has(ext)) return undefined;
  const lines = head.slice(0, 64 << 10).split('\n').slice(0, 200);
  if (/^From \S+ /.test(lines[0] ?? '') && mailHeaders(lines.slice(1)) >= 2) return 'mbox';
  if (mailHeaders(lines) >= 2) return 'mail';
  const start = head.replace(/^\s+/, '').slice(0, 4096);
  if (start.startsWith('<') && /<(?:!doctype html|html|head|body|div|p|table|meta|span|br)\b/i.test(head.slice(0, 64 << 10))) return 'html';
  if (ext === '.html' || ext === '.htm') return 'html';
  if (TEXT_EXT.has(ext)) return 'text';
  return tabular(lines.slice(0, -1).length ? lines.slice(0, -1) : lines) ? undefined : 'text';
}

/** An archive (after gunzip when gzipped): scan does not open archives. */
export function archiveKind(head: Buffer, gzip: boolean): ArchiveKind | undefined {
  if (head.length > 262 && head.toString('latin1', 257, 262) === 'ustar') return 'tar';
  if (head[0] === 0x37 && head[1] === 0x7a && head[2] === 0xbc && head[3] === 0xaf) return '7z';
  if (head.toString('latin1', 0, 6) === 'Rar!\x1a\x07') return 'rar';
  if (gzip && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (gzip && head[0] === 0x50 && head[1] === 0x4b) return 'zip';
  return undefined;
}
