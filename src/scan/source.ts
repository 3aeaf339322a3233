// Opening a dump: plain or gzip (by its magic bytes), streamed in 1 MiB chunks, never whole.
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { guardExpansion } from './expansion.js';

export interface Source {
  chunks: AsyncIterable<Buffer>;
  /** Size on disk (compressed for gzip). */
  size: number;
  gzip: boolean;
  /** Bytes read from disk so far (compressed for gzip), for progress. */
  readBytes: () => number;
}

/**
 * `maxExpansion`: the decompression-bomb guard's ratio for gzip (expansion.ts); 0 lifts it.
 * `start`: the offset to read from (a byte range of a plain file; gzip cannot start mid-stream).
 */
export function openSource(path: string, maxExpansion: number, start = 0): Source {
  const st = statSync(path);
  if (st.isDirectory()) throw Object.assign(new Error('is a directory, not a file'), { code: 'EISDIR' });
  const fd = openSync(path, 'r');
  const magic = Buffer.alloc(2);
  const n = readSync(fd, magic, 0, 2, 0);
  closeSync(fd);
  const gzip = n === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  const raw = createReadStream(path, { highWaterMark: 1 << 20, start });
  let read = 0;
  raw.on('data', (c) => { read += (c as Buffer).length; });
  const chunks = gzip ? raw.pipe(createGunzip({ chunkSize: 1 << 20 })) : raw;
  if (gzip) raw.on('error', (e) => chunks.destroy(e));
  const readBytes = () => read;
  return { chunks: gzip ? guardExpansion(chunks, readBytes, maxExpansion) : chunks, size: st.size, gzip, readBytes };
}
