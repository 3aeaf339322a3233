// JSON Lines and JSON arrays of objects, streamed: one dataset per file. Records are cut out of
// the byte stream (a line; an array element, found by a small byte machine that jumps over
// strings with native searches), never the whole file. The head records decide the columns (the
// union of their flattened keys, in order of appearance); afterwards only sampled records are
// parsed, the others are counted and their key cell found by a native search for its key.
import { decodeRow } from '../detect.js';
import { datasetName } from '../header-row.js';
import type { FileProfile } from '../profile.js';
import { BINARY_CELL, flatten, parseObject } from './json-record.js';
import type { Problems } from './problems.js';
import { FNV, hashByte, skippedByte, TableProfiler, type TableMeta, type TableOptions } from './table.js';
import { HEAD_ROWS } from '../profile.js';

const NL = 10;
const QUOTE = 34;
const BACKSLASH = 92;
const MAX_RECORD = 16 << 20;
const MAX_LISTED = 20;

/** Turns records (bytes of one JSON object each) into a profiled table. */
class RecordTable {
  private head: { cells: Map<string, string>; line: number; latin1: boolean }[] = [];
  private prof: TableProfiler | undefined;
  private index = new Map<string, number>();
  private keyPattern: Buffer | undefined | null;
  private invalid = 0;
  private lateKeys = new Set<string>();

  constructor(private readonly meta: TableMeta, private readonly opts: TableOptions, private readonly problems: Problems) {}

  record(bytes: Buffer, line: number): void {
    if (!this.prof) {
      const parsed = this.parse(bytes, line);
      if (!parsed) return;
      this.head.push({ ...parsed, line });
      if (this.head.length >= HEAD_ROWS) this.start();
      return;
    }
    const prof = this.prof;
    if (prof.wants() || this.keyPattern === null) {
      const parsed = this.parse(bytes, line);
      if (!parsed) return;
      this.add(parsed.cells, line, parsed.latin1);
      return;
    }
    // Counted only: is it an object at all, and what is its key?
    let a = 0;
    let z = bytes.length - 1;
    while (a <= z && (bytes[a] === 32 || bytes[a] === 9 || bytes[a] === 13)) a++;
    while (z >= a && (bytes[z] === 32 || bytes[z] === 9 || bytes[z] === 13)) z--;
    if (bytes[a] !== 123 || bytes[z] !== 125) { this.bad(line); return; }
    const { hash, len } = this.keyHash(bytes);
    prof.addCounted(prof.width, hash, len, line);
  }

  private parse(bytes: Buffer, line: number): { cells: Map<string, string>; latin1: boolean } | undefined {
    const d = decodeRow(bytes);
    try {
      return { cells: flatten(parseObject(d.text)), latin1: d.latin1 };
    } catch {
      this.bad(line);
      return undefined;
    }
  }

  /** The key of a root object whose array holds the records (masked if it looks like a person's value). */
  name(key: string): void {
    this.meta.table = datasetName(key);
  }

  tooLong(line: number): void {
    this.bad(line);
  }

  private bad(line: number): void {
    if (++this.invalid <= MAX_LISTED) this.problems.add('json-invalid-line', line);
  }

  private start(): void {
    const names: string[] = [];
    for (const r of this.head) for (const k of r.cells.keys()) if (!this.index.has(k)) { this.index.set(k, names.length); names.push(k); }
    this.prof = new TableProfiler(names, this.opts);
    for (const r of this.head) this.add(r.cells, r.line, r.latin1, true);
    this.head = [];
    this.keyPattern = undefined;
  }

  private add(cells: Map<string, string>, line: number, latin1: boolean, inHead = false): void {
    const prof = this.prof!;
    if (inHead) prof.wants();
    const row = new Array<string>(prof.width).fill('');
    for (const [k, v] of cells) {
      const i = this.index.get(k);
      if (i === undefined) { if (this.lateKeys.size < 1000) this.lateKeys.add(k); continue; }
      if (v === BINARY_CELL) prof.noteBinary(i, line);
      else row[i] = v;
    }
    prof.addRow(row, line, latin1);
    if (this.keyPattern === undefined && prof.keyColumn >= 0) this.keyPattern = this.pattern(prof.keyColumn);
  }

  /** The bytes `"leaf"` of the key column, when no other column ends with the same leaf (else null: parse every record). */
  private pattern(column: number): Buffer | null {
    const names = this.prof!.names;
    const leaf = (n: string) => n.slice(n.lastIndexOf('.') + 1);
    const l = leaf(names[column]!);
    if (names.filter((n) => leaf(n) === l).length > 1 || /["\\]/.test(l)) return null;
    return Buffer.from(`"${l}"`);
  }

  private keyHash(b: Buffer): { hash: number; len: number } {
    const pat = this.keyPattern;
    if (!pat) return { hash: FNV, len: 0 };
    let k = b.indexOf(pat);
    while (k !== -1) {
      let i = k + pat.length;
      while (b[i] === 32 || b[i] === 9) i++;
      if (b[i] === 58) {
        i++;
        while (b[i] === 32 || b[i] === 9) i++;
        let hash = FNV;
        let len = 0;
        if (b[i] === QUOTE) {
          for (i++; i < b.length && b[i] !== QUOTE; i++) {
            if (b[i] === BACKSLASH) i++;
            else if (!skippedByte(b[i]!)) { hash = hashByte(hash, b[i]!); len++; }
          }
        } else if (b[i] !== 123 && b[i] !== 91) {
          for (; i < b.length && b[i] !== 44 && b[i] !== 125 && b[i] !== 93; i++) if (!skippedByte(b[i]!)) { hash = hashByte(hash, b[i]!); len++; }
          if (len === 4 && b.subarray(i - 4, i).toString('latin1') === 'null') len = 0;
        }
        return { hash, len };
      }
      k = b.indexOf(pat, k + 1);
    }
    return { hash: FNV, len: 0 };
  }

  finish(): FileProfile | undefined {
    if (!this.prof && this.head.length) this.start();
    if (this.invalid > MAX_LISTED) this.problems.add('json-invalid-lines', 1, { count: this.invalid });
    if (this.lateKeys.size) this.problems.add('json-late-keys', 1, { count: this.lateKeys.size, rows: HEAD_ROWS });
    if (!this.prof || !this.prof.rows) return undefined;
    for (const [col, line] of this.prof.binary) this.problems.add('sql-binary', line, { table: this.meta.file.split('/').pop() ?? '', column: this.prof.names[col] ?? String(col + 1) });
    return this.prof.finish(this.meta);
  }
}

/** Lines → records. */
class LineSplitter {
  private carry: Buffer[] = [];
  private carryLen = 0;
  private line = 1;
  private carryLine = 1;

  constructor(private readonly table: RecordTable, private readonly problems: Problems) {}

  feed(buf: Buffer): void {
    let i = 0;
    const n = buf.length;
    while (i < n) {
      const nl = buf.indexOf(NL, i);
      if (nl === -1) {
        if (!this.carry.length) this.carryLine = this.line;
        if (this.carryLen >= 0 && this.carryLen + n - i <= MAX_RECORD) { this.carry.push(Buffer.from(buf.subarray(i))); this.carryLen += n - i; } else { this.carry = []; this.carryLen = -1; }
        return;
      }
      if (this.carry.length || this.carryLen < 0) {
        const line = this.carryLine;
        if (this.carryLen >= 0) this.one(Buffer.concat([...this.carry, buf.subarray(i, nl)]), line);
        else this.table.tooLong(line);
        this.carry = [];
        this.carryLen = 0;
      } else {
        this.one(buf.subarray(i, nl), this.line);
      }
      this.line++;
      i = nl + 1;
    }
  }

  private one(b: Buffer, line: number): void {
    let k = 0;
    while (k < b.length && (b[k] === 32 || b[k] === 9 || b[k] === 13)) k++;
    if (k < b.length) this.table.record(b, line);
  }

  end(): void {
    if (this.carryLen < 0) this.table.tooLong(this.carryLine);
    else if (this.carry.length) this.one(Buffer.concat(this.carry), this.carryLine);
  }
}

/**
 * A JSON array of objects → records, with a byte machine that tracks depth and strings. The
 * array may be the document (mongoexport --jsonArray) or the first array value of a root object
 * (an API's {"data": [...]}), whose key then names the dataset.
 */
class ArraySplitter {
  private depth = 0;
  private inStr = false;
  private esc = false;
  private started = false;
  /** Depth inside the records' array (-1: not in it yet). */
  private base = -1;
  private keyFrom = -1;
  private lastKey = '';
  private afterColon = false;
  private found = false;
  private line = 1;
  private recLine = 1;
  private parts: Buffer[] = [];
  private partsLen = 0;
  private from = -1;
  private nonObjects = 0;
  private nextBs = -1;
  private closed = false;

  constructor(private readonly table: RecordTable, private readonly problems: Problems) {}

  feed(buf: Buffer): void {
    if (this.closed) return;
    const n = buf.length;
    let i = 0;
    this.nextBs = -1;
    this.keyFrom = -1;
    if (this.from >= 0 || this.partsLen > 0) this.from = 0;
    while (i < n) {
      if (this.inStr) {
        if (this.esc) { this.esc = false; i++; continue; }
        const q = buf.indexOf(QUOTE, i);
        if (this.nextBs < i && this.nextBs !== n) { this.nextBs = buf.indexOf(BACKSLASH, i); if (this.nextBs === -1) this.nextBs = n; }
        const qEnd = q === -1 ? n : q;
        if (this.nextBs < qEnd) {
          this.countLines(buf, i, this.nextBs);
          if (this.nextBs + 1 >= n) { this.esc = true; i = n; } else i = this.nextBs + 2;
          continue;
        }
        this.countLines(buf, i, qEnd);
        if (q === -1) { i = n; continue; }
        this.inStr = false;
        // A key of the root object, read whole when it lies in this chunk: it may name the records.
        if (this.keyFrom >= 0) { this.lastKey = buf.toString('utf8', this.keyFrom, Math.min(q, this.keyFrom + 200)); this.keyFrom = -1; }
        i = q + 1;
        continue;
      }
      const b = buf[i]!;
      if (b === QUOTE) {
        this.inStr = true;
        if (this.base < 0 && this.depth === 1 && !this.afterColon) { this.keyFrom = i + 1; this.lastKey = ''; }
        i++;
        continue;
      }
      if (b === NL) { this.line++; i++; continue; }
      if (b === 123 || b === 91) {
        if (!this.started) {
          this.started = true;
          this.depth = 1;
          if (b === 91) this.base = 1;
          i++;
          continue;
        }
        if (this.depth === this.base) {
          if (b === 123) { this.from = i; this.recLine = this.line; this.found = true; } else this.nonObject();
        } else if (this.base < 0 && this.depth === 1 && b === 91) {
          this.base = 2;
          this.table.name(this.lastKey);
        }
        this.depth++;
        i++;
        continue;
      }
      if (b === 125 || b === 93) {
        this.depth--;
        if (this.depth === this.base && b === 125 && this.from >= 0) {
          const last = buf.subarray(this.from, i + 1);
          if (this.partsLen < 0) this.table.tooLong(this.recLine);
          else this.table.record(this.parts.length ? Buffer.concat([...this.parts, last]) : last, this.recLine);
          this.parts = [];
          this.partsLen = 0;
          this.from = -1;
        } else if (this.base === 2 && this.depth === 1 && !this.found) {
          // An array of a root object that held no object (tags, ids): the records are further on.
          this.base = -1;
          this.nonObjects = 0;
          this.afterColon = false;
        } else if (this.depth === 0 || (this.base > 0 && this.depth === this.base - 1)) {
          // The records' array (or the document) is over; what follows is not read.
          this.closed = true;
          return;
        }
        i++;
        continue;
      }
      if (this.depth === 1 && this.base < 0) {
        if (b === 58) this.afterColon = true;
        else if (b === 44) this.afterColon = false;
      }
      if (this.depth === this.base && b > 32 && b !== 44 && !(this.base === 2 && !this.found)) this.nonObject();
      i++;
    }
    if (this.from >= 0) this.take(buf.subarray(this.from, n));
  }

  private countLines(buf: Buffer, from: number, to: number): void {
    for (let k = buf.indexOf(NL, from); k !== -1 && k < to; k = buf.indexOf(NL, k + 1)) this.line++;
  }

  private nonObject(): void {
    if (this.nonObjects++ === 0) this.problems.add('json-not-records', this.line);
  }

  private take(part: Buffer): void {
    if (this.partsLen < 0) return;
    if (this.partsLen + part.length > MAX_RECORD) { this.parts = []; this.partsLen = -1; return; }
    this.parts.push(Buffer.from(part));
    this.partsLen += part.length;
  }

  end(): void {
    if (this.base < 0) this.problems.add('json-not-records', 1);
    else if (this.started && !this.closed) this.problems.add('json-truncated', this.line);
  }
}

export async function readJson(chunks: AsyncIterable<Buffer>, meta: Omit<TableMeta, 'format'>, lines: boolean, opts: TableOptions, problems: Problems, onChunk?: () => void): Promise<FileProfile[]> {
  const table = new RecordTable({ ...meta, format: lines ? 'jsonl' : 'json' }, opts, problems);
  const splitter = lines ? new LineSplitter(table, problems) : new ArraySplitter(table, problems);
  let first = true;
  for await (const c of chunks) {
    // A UTF-8 byte order mark is not part of the first record.
    splitter.feed(first && c[0] === 0xef && c[1] === 0xbb && c[2] === 0xbf ? c.subarray(3) : c);
    first = false;
    onChunk?.();
  }
  splitter.end();
  const p = table.finish();
  if (!p) problems.add('json-no-rows', 1);
  return p ? [p] : [];
}
