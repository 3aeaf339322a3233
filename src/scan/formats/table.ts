// One table of a non-CSV dump (an SQL table, a JSON file, an Excel sheet), profiled row by row as
// its reader pushes rows: the same head phase, reservoir sample, key sketch and verdicts as the
// CSV path (profile.ts), without the CSV byte machine. Readers ask `wants()` at the start of each
// row; only wanted rows are decoded into cells, the others are just counted (and their key hashed).
import { ageOn, birthDateOf } from '../age.js';
import { classify, type Counts, headerField, TESTS, type TestKey, testsFor } from '../classify.js';
import { fmix32, HyperLogLog } from '../hll.js';
import { maskedExamples } from '../mask.js';
import { type FileProfile, HEAD_ROWS, judgeHead, KEY_SKETCHES, minorsFigures, minorsIn, profileColumns, RESERVOIR, rng, type HeadInfo } from '../profile.js';
import { headerCells, type HeaderCells, numberedColumns } from '../header-row.js';

export type TableFormat = NonNullable<FileProfile['format']>;

export const FNV = 0x811c9dc5;
const MAX_MALFORMED_LINES = 20;
const NON_ASCII = /[^\x00-\x7f]/;

/** Bytes left out of a key's hash, as in the CSV row machine (row-machine.ts). */
export function skippedByte(b: number): boolean {
  return b === 32 || b === 45 || b === 46 || b === 9 || b === 13 || b === 10 || b === 34;
}

/** FNV-1a step over one (not skipped) byte of a key, upper-casing ASCII letters. */
export function hashByte(h: number, b: number): number {
  return Math.imul(h ^ (b >= 97 && b <= 122 ? b - 32 : b), 16777619);
}

/** The key hash of a decoded cell (ASCII keys hash exactly as the CSV path hashes their bytes). */
export function hashText(s: string): { hash: number; len: number } {
  let h = FNV;
  let len = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if (skippedByte(c)) continue;
      h = hashByte(h, c);
    } else {
      for (const b of Buffer.from(s[i]!, 'utf8')) h = hashByte(h, b);
    }
    len++;
  }
  return { hash: h, len };
}

export interface TableOptions {
  today: string;
  full?: boolean;
  reservoir?: number;
  seed?: number;
}

export interface TableMeta {
  file: string;
  format: TableFormat;
  table?: string;
  sheet?: string;
  bytes: number;
  gzip: boolean;
}

interface FullTotals {
  nonEmpty: number[];
  valid: Record<string, number>[];
  types: TestKey[][];
  minorsColumn: number;
  minorsField: 'curp' | 'birth_date' | undefined;
  minors: number;
  minorsTested: number;
}

export class TableProfiler {
  /** Data rows pushed (counted or whole). */
  rows = 0;
  malformed = 0;
  malformedLines: number[] = [];
  /** Columns holding binary values (SQL blobs, BSON binary), with the line of the first one. */
  readonly binary = new Map<number, number>();
  latin1Rows = 0;
  utf8Rows = 0;
  names: string[];
  /** The label each column's classifier reads (undefined: none, or a name masked as a value). */
  private labels: (string | undefined)[];
  private head: string[][] = [];
  private info?: Pick<HeadInfo, 'verdicts' | 'distinctShares' | 'keyColumn'>;
  private readonly reservoir: string[][] = [];
  private readonly limit: number;
  private readonly random: () => number;
  private seen = 0;
  private slot = -1;
  private readonly hll = new HyperLogLog();
  /** With every value validated: the distinct keys of the minors' rows (minors per person). */
  private readonly minorsHll = new HyperLogLog();
  private totals?: FullTotals;

  /**
   * `names`: the column names the format gives: cells of the data (JSON keys, a sheet's first row),
   * masked when they look like values, or a schema's (SQL DDL); empty: from the first row's width.
   */
  constructor(names: string[] | HeaderCells, private readonly o: TableOptions, private readonly named = (Array.isArray(names) ? names : names.names).length > 0) {
    ({ names: this.names, labels: this.labels } = Array.isArray(names) ? headerCells(names) : names);
    this.limit = o.reservoir ?? RESERVOIR;
    this.random = rng(o.seed ?? 1);
  }

  /** Key column once the head has been judged (-1: none yet, or none). */
  get keyColumn(): number {
    return this.info?.keyColumn ?? -1;
  }

  get width(): number {
    return this.names.length;
  }

  /** Asked once at the start of every row: hand it over whole (`addRow`) or only count it (`addCounted`)? */
  wants(): boolean {
    if (!this.info || this.o.full) { this.slot = -1; return true; }
    this.seen++;
    if (this.reservoir.length < this.limit) { this.slot = this.reservoir.length; return true; }
    const j = Math.floor(this.random() * this.seen);
    this.slot = j < this.limit ? j : -1;
    return this.slot >= 0;
  }

  /** A whole row (after `wants()` said yes). */
  addRow(cells: string[], line: number, latin1 = false): void {
    this.rows++;
    // Rows that are plain ASCII say nothing about the encoding.
    if (latin1) this.latin1Rows++;
    else if (cells.some((c) => NON_ASCII.test(c))) this.utf8Rows++;
    if (!this.names.length && cells.length) ({ names: this.names, labels: this.labels } = numberedColumns(cells.length));
    const ok = this.checkWidth(cells.length, line);
    if (!this.info) {
      this.head.push(cells);
      if (this.head.length >= HEAD_ROWS) this.judge();
      return;
    }
    if (ok) this.hashCell(cells[this.info.keyColumn]);
    if (this.slot >= 0) this.reservoir[this.slot] = cells;
    if (this.totals && ok) this.tally(cells);
  }

  /** A row only counted: its number of cells and its key cell's hash (len 0: empty key). */
  addCounted(cells: number, hash: number, keyLen: number, line: number): void {
    this.rows++;
    if (this.checkWidth(cells, line) && keyLen > 0) this.hll.add(fmix32(hash));
  }

  noteBinary(column: number, line: number): void {
    if (!this.binary.has(column)) this.binary.set(column, line);
  }

  private checkWidth(cells: number, line: number): boolean {
    if (!this.width || cells === this.width) return true;
    this.malformed++;
    if (this.malformedLines.length < MAX_MALFORMED_LINES) this.malformedLines.push(line);
    return false;
  }

  private hashCell(v: string | undefined): void {
    if (!v) return;
    const { hash, len } = hashText(v);
    if (len) this.hll.add(fmix32(hash));
  }

  /**
   * Names the classifier reads: a flattened JSON key is judged by its last part when that part
   * names a field (domicilio.cp is a postal code, not an address).
   */
  private headers(): (string | undefined)[] {
    return this.labels.map((n) => {
      if (n === undefined) return n;
      const leaf = n.slice(n.lastIndexOf('.') + 1);
      return leaf !== n && headerField(leaf) ? leaf : n;
    });
  }

  private judge(): void {
    const info = judgeHead(this.headers(), this.head, this.width);
    this.info = info;
    const rows = this.head;
    if (info.keyColumn >= 0) for (const r of rows) if (r.length === this.width) this.hashCell(r[info.keyColumn]);
    if (this.o.full) {
      const minorsColumn = info.verdicts.findIndex((v) => v.field === 'curp' && v.evidence !== 'header');
      const birthColumn = info.verdicts.findIndex((v) => v.field === 'birth_date' && v.evidence !== 'header');
      this.totals = {
        nonEmpty: new Array(this.width).fill(0),
        valid: this.names.map(() => ({})),
        // As the CSV --full path: each column tested as what the head found and what its header names.
        types: info.verdicts.map(testsFor),
        minorsColumn: minorsColumn >= 0 ? minorsColumn : birthColumn,
        minorsField: minorsColumn >= 0 ? 'curp' : birthColumn >= 0 ? 'birth_date' : undefined,
        minors: 0,
        minorsTested: 0,
      };
      for (const r of rows) if (r.length === this.width) this.tally(r);
    }
  }

  private tally(cells: string[]): void {
    const t = this.totals!;
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c]!.trim();
      if (!v) continue;
      t.nonEmpty[c]!++;
      for (const type of t.types[c]!) if (TESTS[type](v)) t.valid[c]![type] = (t.valid[c]![type] ?? 0) + 1;
    }
    if (t.minorsField) {
      const raw = cells[t.minorsColumn]?.trim();
      const b = raw ? birthDateOf(raw, t.minorsField) : undefined;
      if (b) {
        t.minorsTested++;
        if (ageOn(b, this.o.today) < 18) {
          t.minors++;
          const key = this.info!.keyColumn >= 0 ? cells[this.info!.keyColumn] : undefined;
          if (key) {
            const { hash, len } = hashText(key);
            if (len) this.minorsHll.add(fmix32(hash));
          }
        }
      }
    }
  }

  /** The dataset's profile; the table's rows are released. */
  finish(meta: TableMeta): FileProfile {
    if (!this.info) this.judge();
    const info = this.info!;
    const headers = this.headers();
    const binary = (i: number) => this.binary.has(i);
    let columns: FileProfile['columns'];
    const sample = [...this.head, ...this.reservoir];
    if (this.totals) {
      const t = this.totals;
      columns = this.names.map((name, i) => {
        const valid = Object.fromEntries(t.types[i]!.map((k) => [k, t.valid[i]![k] ?? 0])) as Counts;
        const head = info.verdicts[i]!;
        const verdict = head.reason === 'header' ? head : classify(headers[i], t.nonEmpty[i]!, valid, Math.round(info.distinctShares[i]! * t.nonEmpty[i]!));
        return { index: i, name, ...verdict, examples: binary(i) ? [] : maskedExamples(this.head.map((r) => r[i] ?? ''), verdict.field), nonEmpty: t.nonEmpty[i]! };
      });
    } else {
      columns = profileColumns({ names: this.names, labels: headers }, sample).map((c) => ({ ...c, ...(binary(c.index) && { examples: [] }) }));
    }
    const profile: FileProfile = {
      file: meta.file,
      format: meta.format,
      ...(meta.table !== undefined && { table: meta.table }),
      ...(meta.sheet !== undefined && { sheet: meta.sheet }),
      bytes: meta.bytes,
      gzip: meta.gzip,
      encoding: this.latin1Rows && this.utf8Rows ? 'mixed' : this.latin1Rows ? 'windows-1252' : 'utf-8',
      delimiter: '',
      hasHeader: this.named,
      rows: this.rows,
      malformed: { rows: this.malformed, lines: this.malformedLines },
      columns,
      sample: { rows: this.totals ? this.rows : sample.length, mode: this.totals ? 'full' : 'sample' },
    };
    if (info.keyColumn >= 0) {
      profile.key = { column: info.keyColumn, field: info.verdicts[info.keyColumn]!.field!, distinct: Math.min(this.hll.estimate(), this.rows) };
      KEY_SKETCHES.set(profile, this.hll.registers);
    }
    // Minors per distinct person where a key exists (the share over the sample's distinct keys),
    // else per row; with every value validated the row count is exact.
    const minors = minorsIn(columns, sample, this.o.today, profile.key?.column);
    const t = this.totals;
    if (t?.minorsField && t.minorsTested) {
      // As the CSV --full path: per person, the distinct keys among the minors' rows.
      const rowShare = Math.round((t.minors / t.minorsTested) * 10000) / 10000;
      const people = profile.key ? Math.min(this.minorsHll.estimate(), profile.key.distinct, t.minors) : undefined;
      profile.minors = people !== undefined && profile.key
        ? { field: t.minorsField, share: profile.key.distinct ? Math.round((people / profile.key.distinct) * 10000) / 10000 : 0, estimate: people, tested: t.minorsTested, unit: 'people', rows: t.minors }
        : { field: t.minorsField, share: rowShare, estimate: t.minors, tested: t.minorsTested, unit: 'rows', rows: t.minors };
    } else if (minors) profile.minors = minorsFigures(minors, profile.key, profile.rows);
    this.head = [];
    this.reservoir.length = 0;
    return profile;
  }
}
