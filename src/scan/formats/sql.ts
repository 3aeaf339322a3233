// SQL dumps, streamed: MySQL/MariaDB mysqldump (CREATE TABLE + extended INSERT ... VALUES, with
// backslash escapes) and PostgreSQL pg_dump (COPY ... FROM stdin blocks, INSERT statements). One
// dataset per table, column names from the DDL or the statement's column list.
//
// A byte machine walks the dump once. Statements other than INSERT/COPY are small and read byte
// by byte; inside VALUES, quoted strings are jumped over with native searches (indexOf), so most
// bytes are never touched in JavaScript. A row is decoded only when its table's profiler wants it
// (the head rows and the reservoir sample); the others are counted, their cells counted and their
// key cell hashed. Memory is bounded: statements are kept up to 256 KiB, sampled rows up to 1 MiB.
import { type FileProfile } from '../profile.js';
import { Problems } from './problems.js';
import { columnList, COPY, INSERT, parseCopyLine, parseCreate, parseTuple, type Tuple, unquoteName } from './sql-values.js';
import { FNV, hashByte, skippedByte, TableProfiler, type TableMeta, type TableOptions } from './table.js';
import { schemaColumns } from '../header-row.js';

const NL = 10;
const QUOTE = 39;
const BACKSLASH = 92;
const MAX_STATEMENT = 256 << 10;
const MAX_CAPTURE = 1 << 20;

const enum Mode { Statement, Tuples, Tuple, Copy, Skip }

interface Current {
  name: string;
  prof: TableProfiler;
}

export class SqlReader {
  readonly profiles: FileProfile[] = [];
  private mode = Mode.Statement;
  // Lines: counted lazily per chunk with native searches.
  private buf: Buffer = Buffer.alloc(0);
  private lineBase = 1;
  private lineCursor = 0;
  private lineCount = 0;
  private nextNl = -1;
  // Statement mode.
  private stmt: number[] = [];
  private stmtLine = 0;
  private sQuote = 0;
  private sEsc = false;
  private comment = 0; // 1: line comment, 2: block comment
  private prev = 0;
  private started = false;
  private depth = 0;
  // Tuple mode.
  private cell = 0;
  private tDepth = 0;
  private inStr = false;
  private esc = false;
  private quotePending = false;
  private hash = FNV;
  private keyLen = 0;
  private key = -1;
  private wanted = false;
  private captured: Buffer[] = [];
  private capturedLen = 0;
  private captureFrom = -1;
  private nextBs = -1;
  // COPY mode.
  private copyCarry: Buffer[] = [];
  private copyCarryLen = 0;
  private copyLine = 0;
  // Tables.
  private current: Current | undefined;
  private readonly declared = new Map<string, { columns: string[]; line: number }>();
  private readonly done = new Map<string, number>();
  private readonly seen = new Set<string>();
  private sawStatement = false;

  constructor(private readonly meta: Omit<TableMeta, 'table' | 'format'>, private readonly mysql: boolean, private readonly opts: TableOptions, readonly problems: Problems) {}

  get format(): 'mysql' | 'postgresql' {
    return this.mysql ? 'mysql' : 'postgresql';
  }

  private lineAt(pos: number): number {
    const buf = this.buf;
    while (this.lineCursor < pos) {
      if (this.nextNl < this.lineCursor) {
        this.nextNl = buf.indexOf(NL, this.lineCursor);
        if (this.nextNl === -1) this.nextNl = buf.length;
      }
      if (this.nextNl >= pos) { this.lineCursor = pos; break; }
      this.lineCount++;
      this.lineCursor = this.nextNl + 1;
    }
    return this.lineBase + this.lineCount;
  }

  feed(buf: Buffer): void {
    this.buf = buf;
    this.lineCursor = 0;
    this.lineCount = 0;
    this.nextNl = -1;
    this.nextBs = -1;
    const n = buf.length;
    let i = 0;
    if (this.mode === Mode.Tuple && this.wanted && this.captureFrom < 0) this.captureFrom = 0;
    while (i < n) {
      switch (this.mode) {
        case Mode.Statement: case Mode.Skip: i = this.statement(buf, i, n); break;
        case Mode.Tuples: i = this.tuples(buf, i, n); break;
        case Mode.Tuple: i = this.tuple(buf, i, n); break;
        case Mode.Copy: i = this.copy(buf, i, n); break;
      }
    }
    if (this.mode === Mode.Tuple && this.wanted && this.captureFrom >= 0) this.capture(buf.subarray(this.captureFrom, n));
    this.captureFrom = -1;
    this.lineBase = this.lineAt(n);
  }

  private statement(buf: Buffer, i: number, n: number): number {
    const skip = this.mode === Mode.Skip;
    for (; i < n; i++) {
      const b = buf[i]!;
      const prev = this.prev;
      this.prev = b;
      if (this.comment === 1) { if (b === NL) this.comment = 0; continue; }
      if (this.comment === 2) { if (b === 47 && prev === 42) { this.comment = 0; this.prev = 0; } continue; }
      if (this.sQuote) {
        if (this.sEsc) this.sEsc = false;
        else if (b === BACKSLASH && this.mysql && this.sQuote === QUOTE) this.sEsc = true;
        else if (b === this.sQuote) this.sQuote = 0;
        this.push(b);
        continue;
      }
      if (b === 45 && prev === 45) { this.comment = 1; this.stmt.pop(); if (!this.stmt.length) this.started = false; continue; }
      if (b === 42 && prev === 47) { this.comment = 2; this.stmt.pop(); if (!this.stmt.length) this.started = false; this.prev = 0; continue; }
      if (b === 35 && this.mysql && !this.started) { this.comment = 1; continue; }
      if (b === 59) {
        this.mode = Mode.Statement;
        if (!skip) this.endStatement(i);
        this.stmt = [];
        this.started = false;
        return i + 1;
      }
      if (b === QUOTE || b === 34 || b === 96) this.sQuote = b;
      else if (b === 40) {
        if (this.depth++ === 0 && !skip && this.tryInsert(i)) return i + 1;
      } else if (b === 41) this.depth--;
      if (!this.started) {
        if (b <= 32) continue;
        this.started = true;
        this.stmtLine = this.lineAt(i);
        this.sawStatement = true;
      }
      this.push(b);
    }
    return n;
  }

  private push(b: number): void {
    if (this.mode === Mode.Statement && this.stmt.length < MAX_STATEMENT) this.stmt.push(b);
  }

  private text(): string {
    return Buffer.from(this.stmt).toString('utf8');
  }

  /** At a top-level "(": does the statement so far read INSERT INTO t [(cols)] VALUES? Then its rows begin. */
  private tryInsert(i: number): boolean {
    const first = this.stmt.findIndex((c) => c > 32);
    if (first < 0 || !(this.stmt[first] === 73 || this.stmt[first] === 105 || this.stmt[first] === 82 || this.stmt[first] === 114)) return false;
    const m = INSERT.exec(this.text());
    if (!m) return false;
    this.startTable(unquoteName(m[1]!), columnList(m[2]), this.stmtLine);
    this.stmt = [];
    this.started = false;
    this.depth = 0;
    this.mode = Mode.Tuple;
    this.startTuple(i + 1);
    return true;
  }

  private endStatement(i: number): void {
    if (!this.started) return;
    const text = this.text();
    this.depth = 0;
    const create = parseCreate(text);
    if (create) {
      if (!this.declared.has(create.table)) this.declared.set(create.table, { columns: create.columns, line: this.stmtLine });
      return;
    }
    const copy = COPY.exec(text);
    if (copy) {
      this.startTable(unquoteName(copy[1]!), columnList(copy[2]), this.stmtLine);
      this.mode = Mode.Copy;
      this.copyLine = this.lineAt(i);
      // The data starts on the line after the statement.
      this.skipToLineEnd = true;
    }
  }

  private skipToLineEnd = false;

  private startTable(name: string, columns: string[], line: number): void {
    if (this.current?.name === name) return;
    this.finishCurrent();
    let label = name;
    const parts = this.done.get(name);
    if (parts) {
      label = `${name} (${parts + 1})`;
      this.problems.add('sql-table-resumed', line, { table: name });
    }
    this.done.set(name, (parts ?? 0) + 1);
    this.seen.add(name);
    const names = columns.length ? columns : this.declared.get(name)?.columns ?? [];
    // DDL names are the schema's, never a person's value: shown as written.
    this.current = { name: label, prof: new TableProfiler(schemaColumns(names), this.opts) };
  }

  private finishCurrent(): void {
    if (!this.current) return;
    const { prof, name } = this.current;
    this.current = undefined;
    for (const [col, line] of prof.binary) this.problems.add('sql-binary', line, { table: name, column: prof.names[col] ?? String(col + 1) });
    if (prof.rows) this.profiles.push(prof.finish({ ...this.meta, format: this.format, table: name }));
  }

  private startTuple(from: number): void {
    const prof = this.current!.prof;
    this.cell = 0;
    this.tDepth = 0;
    this.inStr = false;
    this.esc = false;
    this.quotePending = false;
    this.hash = FNV;
    this.keyLen = 0;
    this.wanted = prof.wants();
    this.key = this.wanted ? -1 : prof.keyColumn;
    this.captured = [];
    this.capturedLen = 0;
    this.captureFrom = this.wanted ? from : -1;
  }

  private capture(part: Buffer): void {
    if (this.capturedLen < 0) return;
    if (this.capturedLen + part.length > MAX_CAPTURE) { this.captured = []; this.capturedLen = -1; return; }
    this.captured.push(Buffer.from(part));
    this.capturedLen += part.length;
  }

  private endTuple(end: number): void {
    const prof = this.current!.prof;
    const line = this.lineAt(end);
    if (this.wanted) {
      // A tuple whole in this chunk is parsed where it lies; one cut by chunks was copied piece by piece.
      if (this.captureFrom >= 0 && !this.captured.length && this.capturedLen === 0) {
        this.addTuple(parseTuple(this.buf.subarray(this.captureFrom, end), this.mysql), line);
        this.captureFrom = -1;
        return;
      }
      if (this.captureFrom >= 0) this.capture(this.buf.subarray(this.captureFrom, end));
      this.captureFrom = -1;
      if (this.capturedLen >= 0) {
        this.addTuple(parseTuple(this.captured.length === 1 ? this.captured[0]! : Buffer.concat(this.captured), this.mysql), line);
      } else {
        prof.addCounted(this.cell + 1, FNV, 0, line);
      }
      this.captured = [];
    } else {
      prof.addCounted(this.cell + 1, this.hash, this.keyLen, line);
    }
  }

  private addTuple(t: Tuple, line: number): void {
    const prof = this.current!.prof;
    prof.addRow(t.cells, line, t.latin1);
    for (const c of t.binary) prof.noteBinary(c, line);
  }

  /** Between tuples: "(" opens one, "," separates, ";" ends the statement. */
  private tuples(buf: Buffer, i: number, n: number): number {
    for (; i < n; i++) {
      const b = buf[i]!;
      if (b === 32 || b === NL || b === 13 || b === 9 || b === 44) continue;
      if (b === 40) { this.mode = Mode.Tuple; this.startTuple(i + 1); return i + 1; }
      if (b === 59) { this.mode = Mode.Statement; this.stmt = []; this.started = false; return i + 1; }
      // ON DUPLICATE KEY UPDATE ... and the like: the rest of the statement is not data.
      if (!((b >= 65 && b <= 90) || (b >= 97 && b <= 122))) this.problems.add('sql-syntax', this.lineAt(i), { table: this.current?.name ?? '' });
      this.mode = Mode.Skip;
      this.stmt = [];
      this.started = true;
      return i;
    }
    return n;
  }

  /** Inside a tuple: counts cells, jumps over strings, hashes the key cell. */
  private tuple(buf: Buffer, i: number, n: number): number {
    const key = this.key;
    const mysql = this.mysql;
    let cell = this.cell;
    let hash = this.hash;
    let keyLen = this.keyLen;
    while (i < n) {
      if (this.inStr) {
        if (this.esc) {
          this.esc = false;
          if (cell === key && !skippedByte(buf[i]!)) { hash = hashByte(hash, buf[i]!); keyLen++; }
          i++;
          continue;
        }
        if (this.quotePending) {
          this.quotePending = false;
          if (buf[i] === QUOTE) { i++; continue; }
          this.inStr = false;
          continue;
        }
        if (cell === key) {
          const b = buf[i]!;
          if (b === BACKSLASH && mysql) { this.esc = true; i++; continue; }
          if (b === QUOTE) {
            if (i + 1 === n) { this.quotePending = true; i++; continue; }
            if (buf[i + 1] === QUOTE) { i += 2; continue; }
            this.inStr = false;
            i++;
            continue;
          }
          if (!skippedByte(b)) { hash = hashByte(hash, b); keyLen++; }
          i++;
          continue;
        }
        const q = buf.indexOf(QUOTE, i);
        const qEnd = q === -1 ? n : q;
        if (mysql) {
          if (this.nextBs < i) {
            this.nextBs = buf.indexOf(BACKSLASH, i);
            if (this.nextBs === -1) this.nextBs = n;
          }
          if (this.nextBs < qEnd) {
            if (this.nextBs + 1 >= n) { this.esc = true; i = n; } else i = this.nextBs + 2;
            continue;
          }
        }
        if (q === -1) { i = n; continue; }
        if (q + 1 === n) { this.quotePending = true; i = n; continue; }
        if (buf[q + 1] === QUOTE) { i = q + 2; continue; }
        this.inStr = false;
        i = q + 1;
        continue;
      }
      const b = buf[i]!;
      if (b === QUOTE) { this.inStr = true; i++; continue; }
      if (b === 44 && this.tDepth === 0) { cell++; i++; continue; }
      if (b === 40) { this.tDepth++; i++; continue; }
      if (b === 41) {
        if (this.tDepth === 0) {
          this.cell = cell; this.hash = hash; this.keyLen = keyLen;
          this.endTuple(i);
          this.mode = Mode.Tuples;
          return i + 1;
        }
        this.tDepth--;
        i++;
        continue;
      }
      if (cell === key && !skippedByte(b)) { hash = hashByte(hash, b); keyLen++; }
      i++;
    }
    this.cell = cell;
    this.hash = hash;
    this.keyLen = keyLen;
    return n;
  }

  /** A COPY block: one row per line, up to "\." on a line of its own. */
  private copy(buf: Buffer, i: number, n: number): number {
    if (this.skipToLineEnd) {
      const nl = buf.indexOf(NL, i);
      if (nl === -1) return n;
      this.skipToLineEnd = false;
      i = nl + 1;
    }
    const prof = this.current!.prof;
    while (i < n) {
      const nl = buf.indexOf(NL, i);
      if (nl === -1) {
        if (this.copyCarryLen >= 0 && this.copyCarryLen + n - i <= MAX_CAPTURE) { this.copyCarry.push(Buffer.from(buf.subarray(i, n))); this.copyCarryLen += n - i; } else this.copyCarryLen = -1;
        if (!this.copyCarry.length) this.copyLine = this.lineAt(i);
        return n;
      }
      let line: Buffer = buf.subarray(i, nl);
      const lineNo = this.copyCarry.length ? this.copyLine : this.lineAt(i);
      if (this.copyCarry.length || this.copyCarryLen < 0) {
        line = this.copyCarryLen < 0 ? Buffer.alloc(0) : Buffer.concat([...this.copyCarry, line]);
        this.copyCarry = [];
        this.copyCarryLen = 0;
      }
      i = nl + 1;
      let end = line.length;
      if (end && line[end - 1] === 13) end--;
      if (end === 2 && line[0] === BACKSLASH && line[1] === 46) {
        this.mode = Mode.Statement;
        this.stmt = [];
        this.started = false;
        return i;
      }
      if (prof.wants()) {
        this.addTuple(parseCopyLine(line.subarray(0, end)), lineNo);
      } else {
        const key = prof.keyColumn;
        let cells = 1;
        let from = 0;
        let hash = FNV;
        let keyLen = 0;
        for (let t = line.indexOf(9); t !== -1 && t < end; t = line.indexOf(9, t + 1)) {
          if (cells - 1 === key) ({ hash, keyLen } = hashRange(line, from, t));
          cells++;
          from = t + 1;
        }
        if (cells - 1 === key) ({ hash, keyLen } = hashRange(line, from, end));
        if (keyLen === 2 && line[from] === BACKSLASH) keyLen = 0;
        prof.addCounted(cells, hash, keyLen, lineNo);
      }
    }
    return n;
  }

  /** Ends the dump: what was cut short is reported, every table becomes a profile. */
  end(): FileProfile[] {
    const lineEnd = this.lineBase;
    if (this.mode === Mode.Tuple || this.mode === Mode.Tuples) this.problems.add('sql-truncated', lineEnd, { table: this.current?.name ?? '', from: this.stmtLine });
    else if (this.mode === Mode.Copy) this.problems.add('sql-copy-truncated', lineEnd, { table: this.current?.name ?? '', from: this.copyLine });
    else if (this.mode === Mode.Statement && this.started && this.comment === 0) this.problems.add('sql-truncated', lineEnd, { table: '', from: this.stmtLine });
    this.finishCurrent();
    for (const [table, d] of this.declared) if (!this.seen.has(table)) this.problems.add('sql-table-empty', d.line, { table });
    if (!this.profiles.length) this.problems.add('sql-no-rows', 1, {});
    return this.profiles;
  }

  get statements(): boolean {
    return this.sawStatement;
  }
}

function hashRange(b: Buffer, from: number, to: number): { hash: number; keyLen: number } {
  let hash = FNV;
  let keyLen = 0;
  for (let k = from; k < to; k++) {
    const c = b[k]!;
    if (!skippedByte(c)) { hash = hashByte(hash, c); keyLen++; }
  }
  return { hash, keyLen };
}

/** Reads a whole SQL dump from its chunks. */
export async function readSql(chunks: AsyncIterable<Buffer>, meta: Omit<TableMeta, 'table' | 'format'>, mysql: boolean, opts: TableOptions, problems: Problems, onChunk?: () => void): Promise<FileProfile[]> {
  const r = new SqlReader(meta, mysql, opts, problems);
  for await (const c of chunks) {
    r.feed(c);
    onChunk?.();
  }
  return r.end();
}
