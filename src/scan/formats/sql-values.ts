// Decoding of SQL pieces that `scan` needs whole: one VALUES tuple of a sampled row, a COPY line,
// the column names of a CREATE TABLE. Rows not sampled never come here (sql.ts only counts them).

const utf8 = new TextDecoder('utf-8', { fatal: true });
const win1252 = new TextDecoder('windows-1252');

export interface Tuple {
  cells: string[];
  /** Cells holding binary data (blobs, hex literals): their value is replaced by ''. */
  binary: number[];
  latin1: boolean;
}

const MYSQL_ESCAPES: Record<string, string> = { '0': '\0', b: '\b', n: '\n', r: '\r', t: '\t', Z: '\x1a' };
/** C0 controls that text does not hold (NUL to BS, SO to US): a cell with them is a binary blob. */
const BINARY = /[\x00-\x08\x0e-\x1f]/;

function decode(bytes: Uint8Array): { text: string; latin1: boolean } {
  try {
    return { text: utf8.decode(bytes), latin1: false };
  } catch {
    return { text: win1252.decode(bytes), latin1: true };
  }
}

const isWs = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** Cells of one tuple's bytes (between its parentheses). `mysql`: backslash escapes apply. */
export function parseTuple(bytes: Uint8Array, mysql: boolean): Tuple {
  const { text: s, latin1 } = decode(bytes);
  const cells: string[] = [];
  const binary: number[] = [];
  const n = s.length;
  let i = 0;
  for (;;) {
    while (i < n && isWs(s.charCodeAt(i))) i++;
    let value = '';
    let bin = false;
    let c = s.charCodeAt(i);
    // A charset introducer (_binary, _utf8mb4) before a string.
    if (c === 95) {
      const m = /^_(\w+)\s*'/.exec(s.slice(i, i + 40));
      if (m) { bin = m[1]!.toLowerCase() === 'binary'; i += m[0].length - 1; c = 39; }
    }
    if (c === 39 || ((c === 69 || c === 101) && s.charCodeAt(i + 1) === 39)) {
      const escapes = mysql || c !== 39;
      if (c !== 39) i++;
      i++;
      let from = i;
      let out = '';
      for (;;) {
        const q = s.indexOf("'", i);
        const b = escapes ? s.indexOf('\\', i) : -1;
        if (b !== -1 && (q === -1 || b < q)) {
          out += s.slice(from, b);
          const e = s[b + 1] ?? '';
          out += MYSQL_ESCAPES[e] ?? e;
          i = from = b + 2;
          continue;
        }
        if (q === -1) { out += s.slice(from); i = n; break; }
        if (s.charCodeAt(q + 1) === 39) { out += s.slice(from, q + 1); i = from = q + 2; continue; }
        out += s.slice(from, q);
        i = q + 1;
        break;
      }
      if (!bin) {
        value = out;
        if (BINARY.test(value)) bin = true;
      }
    } else {
      let end = s.indexOf(',', i);
      if (end === -1) end = n;
      const p = s.indexOf('(', i);
      if (p !== -1 && p < end) end = p;
      const word = s.slice(i, end).trim();
      i = end;
      // Hex and bit literals (mysqldump --hex-blob): binary. NULL, DEFAULT: empty.
      if (/^(0x[0-9a-f]*|x'|b')/i.test(word)) bin = true;
      else if (!/^(null|default)$/i.test(word)) value = word;
    }
    // Anything up to the next top-level comma (a ::cast, a function's arguments) is skipped.
    if (s.charCodeAt(i) !== 44) {
      let depth = 0;
      while (i < n) {
        const b = s.charCodeAt(i);
        if (b === 39) {
          i++;
          while (i < n) {
            const d = s.charCodeAt(i);
            if (mysql && d === 92) { i += 2; continue; }
            if (d === 39) { if (s.charCodeAt(i + 1) === 39) { i += 2; continue; } i++; break; }
            i++;
          }
          continue;
        }
        if (b === 40) depth++;
        else if (b === 41) depth--;
        else if (b === 44 && depth <= 0) break;
        i++;
      }
    }
    if (bin) binary.push(cells.length);
    cells.push(bin ? '' : value);
    if (i >= n) break;
    i++;
  }
  return { cells, binary, latin1 };
}

const COPY_ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

/** Cells of one line of a PostgreSQL COPY block (tab-separated, \N null, backslash escapes). */
export function parseCopyLine(bytes: Uint8Array): Tuple {
  const { text, latin1 } = decode(bytes);
  const binary: number[] = [];
  const cells = text.split('\t').map((c, i) => {
    if (c === '\\N') return '';
    if (c.startsWith('\\\\x') && /^\\\\x[0-9a-f]*$/i.test(c)) { binary.push(i); return ''; }
    const v = c.includes('\\') ? c.replace(/\\([0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)/g, (_, e: string) => COPY_ESCAPES[e] ?? (/^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : e[0] === 'x' && e.length > 1 ? String.fromCharCode(parseInt(e.slice(1), 16)) : e)) : c;
    if (BINARY.test(v)) { binary.push(i); return ''; }
    return v;
  });
  return { cells, binary, latin1 };
}

const KEYWORDS = /^(primary|key|unique|index|constraint|foreign|fulltext|spatial|check|exclude|like|period)\b/i;

/** An identifier as written: `x`, "x", [x] or x; schema-qualified names keep their dots. */
export function unquoteName(s: string): string {
  const parts: string[] = [];
  for (const m of s.trim().matchAll(/`((?:[^`]|``)+)`|"((?:[^"]|"")+)"|\[([^\]]+)\]|([^.\s`"[]+)/g)) {
    parts.push(m[1]?.replace(/``/g, '`') ?? m[2]?.replace(/""/g, '"') ?? m[3] ?? m[4] ?? '');
  }
  return parts.join('.');
}

/** Splits at top-level commas, outside quotes and parentheses. */
export function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let q = '';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (q) { if (c === q) q = ''; else if (c === '\\' && q === "'") i++; continue; }
    if (c === "'" || c === '"' || c === '`') q = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) { parts.push(s.slice(start, i)); start = i + 1; }
  }
  parts.push(s.slice(start));
  return parts;
}

const NAME = String.raw`((?:[\`"][^\`"]+[\`"]|[\w$]+)(?:\s*\.\s*(?:[\`"][^\`"]+[\`"]|[\w$]+))?)`;
const CREATE = new RegExp(String.raw`^\s*CREATE\s+(?:(?:GLOBAL\s+|LOCAL\s+)?(?:TEMPORARY|TEMP|UNLOGGED)\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:ONLY\s+)?${NAME}\s*\(`, 'i');
export const INSERT = new RegExp(String.raw`^\s*(?:INSERT|REPLACE)\s+(?:(?:LOW_PRIORITY|DELAYED|HIGH_PRIORITY|IGNORE)\s+)*INTO\s+${NAME}\s*(\([^)]*\))?\s*VALUES\s*$`, 'i');
export const COPY = new RegExp(String.raw`^\s*COPY\s+${NAME}\s*(\([^)]*\))?\s+FROM\s+stdin`, 'i');

/** Column names of a parenthesised list: (a, "b", \`c\`). */
export function columnList(list: string | undefined): string[] {
  if (!list) return [];
  return splitTopLevel(list.trim().replace(/^\(|\)$/g, '')).map(unquoteName).filter(Boolean);
}

/** Table name and column names of a CREATE TABLE statement; undefined for any other statement. */
export function parseCreate(stmt: string): { table: string; columns: string[] } | undefined {
  const m = CREATE.exec(stmt);
  if (!m) return undefined;
  const open = m[0].length - 1;
  let depth = 0;
  let q = '';
  let close = -1;
  for (let i = open; i < stmt.length; i++) {
    const c = stmt[i]!;
    if (q) { if (c === q) q = ''; else if (c === '\\' && q === "'") i++; continue; }
    if (c === "'" || c === '"' || c === '`') q = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) { close = i; break; }
  }
  const body = stmt.slice(open + 1, close < 0 ? stmt.length : close);
  const columns: string[] = [];
  for (const def of splitTopLevel(body)) {
    const d = def.trim();
    if (!d || KEYWORDS.test(d)) continue;
    const name = /^([`"][^`"]+[`"]|[^\s]+)/.exec(d);
    if (name) columns.push(unquoteName(name[1]!));
  }
  return { table: unquoteName(m[1]!), columns };
}
