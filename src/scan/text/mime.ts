// What a MIME part is, from its header block: its type, transfer encoding, charset, boundary,
// and whether it is text breach reads (bodies, text attachments) or binary it skips. Also the
// decoding of RFC 2047 encoded words in header fields.

export type PartKind = 'multipart' | 'message' | 'text' | 'html' | 'binary' | 'archive';
export type TransferEncoding = 'plain' | 'qp' | 'base64';

export interface PartInfo {
  kind: PartKind;
  encoding: TransferEncoding;
  /** Lower case, canonical: utf-8, windows-1252, utf-16le, utf-16be, ascii, or as declared. */
  charset: string;
  boundary?: string;
  /** A multipart without a boundary parameter (broken MIME): read as text. */
  noBoundary?: boolean;
  /** Named as an attachment (Content-Disposition: attachment, or a file name). */
  attachment: boolean;
  /** The header fields that may hold personal data (From, To, Subject...), unfolded, encoded words decoded. */
  personal: string;
}

/** Header fields whose values are people's data; Received, Message-ID, DKIM and the like are not. */
const PERSONAL = new Set(['from', 'to', 'cc', 'bcc', 'reply-to', 'sender', 'subject', 'delivered-to', 'x-original-to', 'return-path', 'comments', 'keywords', 'disposition-notification-to']);
const TEXT_TYPES = /^(?:text\/|message\/(?:delivery-status|disposition-notification)|application\/(?:json|xml|csv|x-csv|sql|x-sql|javascript|x-yaml|yaml|ld\+json|x-ndjson|rtf)\b)/;
const TEXT_NAME = /\.(?:txt|csv|tsv|log|json|jsonl|ndjson|xml|html?|eml|md|sql|ya?ml|ini|cfg|rtf|vcf|ics)$/i;
const ARCHIVE_TYPE = /^application\/(?:zip|x-zip|x-zip-compressed|gzip|x-gzip|x-tar|x-gtar|x-7z-compressed|x-rar|x-rar-compressed|vnd\.rar|x-bzip2|x-xz)\b/;
const ARCHIVE_NAME = /\.(?:zip|gz|tgz|tar|7z|rar|bz2|xz)$/i;

const WANTED = new Set(['content-type', 'content-transfer-encoding', 'content-disposition']);

/**
 * Header block → the unfolded fields breach reads (name lower case: the Content-* fields and the
 * personal ones); Received, DKIM and the like are skipped without being unfolded. Repeated fields
 * are joined.
 */
export function headerFields(block: string): Map<string, string> {
  const fields = new Map<string, string>();
  let name = '';
  let value = '';
  const flush = () => {
    if (name) fields.set(name, fields.has(name) ? `${fields.get(name)}\n${value.trim()}` : value.trim());
    name = '';
  };
  let p = 0;
  while (p < block.length) {
    let e = block.indexOf('\n', p);
    if (e === -1) e = block.length;
    const c0 = block.charCodeAt(p);
    if (c0 === 32 || c0 === 9) {
      if (name) value += ` ${block.slice(p, e).trim()}`;
    } else {
      flush();
      const colon = block.indexOf(':', p);
      if (colon > p && colon < e) {
        const n = block.slice(p, colon).trim().toLowerCase();
        if (WANTED.has(n) || PERSONAL.has(n)) { name = n; value = block.slice(colon + 1, e); }
      }
    }
    p = e + 1;
  }
  flush();
  return fields;
}

/** A parameter of a structured field (boundary="x", charset=utf-8, filename*=...). */
const PARAMS = new Map<string, RegExp>();
function param(value: string, name: string): string | undefined {
  if (!value.includes('=')) return undefined;
  let re = PARAMS.get(name);
  if (!re) PARAMS.set(name, (re = new RegExp(`(?:^|;)\\s*${name}\\*?\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]+))`, 'i')));
  const m = re.exec(value);
  if (!m) return undefined;
  const v = m[1] ?? m[2] ?? '';
  return v.replace(/^[\w-]*'[\w-]*'/, '');
}

export function canonicalCharset(c: string | undefined): string {
  const s = (c ?? '').toLowerCase().replace(/^["']|["']$/g, '');
  if (!s) return 'ascii';
  if (s === 'utf8' || s === 'utf-8') return 'utf-8';
  if (s === 'us-ascii' || s === 'ascii') return 'ascii';
  if (/^(?:iso-?8859-(?:1|15)|latin-?1|windows-1252|cp1252|l1)$/.test(s)) return 'windows-1252';
  if (s === 'utf-16' || s === 'utf-16le' || s === 'unicode') return 'utf-16le';
  if (s === 'utf-16be') return 'utf-16be';
  return s.slice(0, 30);
}

/** Reads a part's header block. `parentDigest`: the default type inside multipart/digest is message/rfc822. */
export function partInfo(block: string, parentDigest = false): PartInfo {
  const f = headerFields(block);
  const ct = f.get('content-type') ?? (parentDigest ? 'message/rfc822' : 'text/plain');
  const type = ct.split(';')[0]!.trim().toLowerCase();
  const cte = (f.get('content-transfer-encoding') ?? '').trim().toLowerCase();
  const encoding: TransferEncoding = cte === 'base64' ? 'base64' : cte === 'quoted-printable' ? 'qp' : 'plain';
  const disposition = f.get('content-disposition') ?? '';
  const name = param(disposition, 'filename') ?? param(ct, 'name') ?? '';
  const attachment = /^\s*attachment/i.test(disposition) || name !== '';
  const personal = [...f].filter(([k]) => PERSONAL.has(k)).map(([, v]) => decodeWords(v)).join('\n');
  const charset = canonicalCharset(param(ct, 'charset'));
  const base = { encoding, charset, attachment, personal };
  if (type.startsWith('multipart/')) {
    const boundary = param(ct, 'boundary');
    if (boundary && boundary.length <= 200) return { ...base, kind: 'multipart', boundary };
    return { ...base, kind: 'text', noBoundary: true };
  }
  if (type === 'message/rfc822' || type === 'message/global') return { ...base, kind: encoding === 'plain' ? 'message' : 'text' };
  if (ARCHIVE_TYPE.test(type) || ARCHIVE_NAME.test(name)) return { ...base, kind: 'archive' };
  if (type === 'text/html' || type === 'application/xhtml+xml' || /\.html?$/i.test(name)) return { ...base, kind: 'html' };
  if (TEXT_TYPES.test(type) || TEXT_NAME.test(name)) return { ...base, kind: 'text' };
  return { ...base, kind: 'binary' };
}

/** RFC 2047 encoded words (=?utf-8?B?...?=, =?iso-8859-1?Q?...?=) → their bytes, read as Latin-1. */
export function decodeWords(v: string): string {
  if (!v.includes('=?')) return v;
  return v.replace(/=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=(?:\s+(?==\?))?/g, (_all, _cs: string, enc: string, text: string) => {
    if (enc === 'B' || enc === 'b') return Buffer.from(text, 'base64').toString('latin1');
    return text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  });
}
