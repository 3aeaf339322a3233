// Bytes → text for descriptions: UTF-8 (with or without BOM); Latin-1/Windows-1252 when the bytes
// are not valid UTF-8, so Spanish accents survive; UTF-16 with a BOM. NUL bytes mean binary.
const utf8 = new TextDecoder('utf-8', { fatal: true });

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; message: string; key: 'binary' };

export function decodeText(buf: Uint8Array): Decoded {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le' };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(buf.subarray(2)), encoding: 'utf-16be' };
  let start = 0;
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) start = 3;
  const body = buf.subarray(start);
  if (body.includes(0)) return { ok: false, message: 'the file contains NUL bytes: it looks binary, not a text description', key: 'binary' };
  try {
    return { ok: true, text: utf8.decode(body), encoding: start ? 'utf-8-bom' : 'utf-8' };
  } catch {
    return { ok: true, text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252' };
  }
}
