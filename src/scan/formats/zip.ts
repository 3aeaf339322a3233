// The little of ZIP that an .xlsx needs: the central directory, and each entry as a stream
// (stored or deflated, inflated with node:zlib). No dependency, no whole-file read.
import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { createInflateRaw } from 'node:zlib';
import { guardExpansion } from '../expansion.js';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  encrypted: boolean;
}

export class ZipError extends Error {
  constructor(readonly code: 'corrupt' | 'zip64' | 'encrypted' | 'too-large', message: string) {
    super(message);
  }
}

function readAt(fd: number, pos: number, len: number): Buffer {
  const b = Buffer.alloc(len);
  const n = readSync(fd, b, 0, len, pos);
  return b.subarray(0, n);
}

/** The entries of a zip file, from its central directory. */
export function listZip(path: string): ZipEntry[] {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const tailLen = Math.min(size, 65557);
    const tail = readAt(fd, size - tailLen, tailLen);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) if (tail.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
    if (eocd < 0) throw new ZipError('corrupt', 'no end of central directory');
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new ZipError('zip64', 'zip64');
    if (cdOffset + cdSize > size || cdSize > 64 << 20) throw new ZipError('corrupt', 'central directory out of bounds');
    const cd = readAt(fd, cdOffset, cdSize);
    const entries: ZipEntry[] = [];
    let p = 0;
    for (let k = 0; k < count; k++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw new ZipError('corrupt', 'bad central directory entry');
      const flags = cd.readUInt16LE(p + 8);
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      entries.push({
        name: cd.subarray(p + 46, p + 46 + nameLen).toString('utf8'),
        method: cd.readUInt16LE(p + 10),
        compressedSize: cd.readUInt32LE(p + 20),
        size: cd.readUInt32LE(p + 24),
        localOffset: cd.readUInt32LE(p + 42),
        encrypted: (flags & 1) === 1,
      });
      p += 46 + nameLen + extraLen + commentLen;
    }
    return entries;
  } finally {
    closeSync(fd);
  }
}

/** An entry's uncompressed bytes, streamed; `maxExpansion`: the decompression-bomb guard (expansion.ts), 0 none. */
export function entryStream(path: string, e: ZipEntry, maxExpansion = 0): AsyncIterable<Buffer> {
  if (e.encrypted) throw new ZipError('encrypted', 'encrypted entry');
  if (e.method !== 0 && e.method !== 8) throw new ZipError('corrupt', `compression method ${e.method}`);
  const fd = openSync(path, 'r');
  let local: Buffer;
  try {
    local = readAt(fd, e.localOffset, 30);
  } finally {
    closeSync(fd);
  }
  if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50) throw new ZipError('corrupt', 'bad local header');
  const start = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (e.compressedSize === 0) return (async function* () {})();
  const raw = createReadStream(path, { start, end: start + e.compressedSize - 1, highWaterMark: 1 << 20 });
  if (e.method === 0) return raw as AsyncIterable<Buffer>;
  const inflate = createInflateRaw({ chunkSize: 1 << 20 });
  raw.on('error', (err) => inflate.destroy(err));
  let read = 0;
  raw.on('data', (c) => { read += (c as Buffer).length; });
  return guardExpansion(raw.pipe(inflate) as AsyncIterable<Buffer>, () => read, maxExpansion);
}

/** A small entry whole, as text (capped: workbook parts, not sheets). */
export async function entryText(path: string, e: ZipEntry, cap = 64 << 20): Promise<string> {
  const parts: Buffer[] = [];
  let len = 0;
  for await (const c of entryStream(path, e)) {
    len += c.length;
    if (len > cap) throw new ZipError('too-large', 'part too large');
    parts.push(c);
  }
  return Buffer.concat(parts).toString('utf8');
}
