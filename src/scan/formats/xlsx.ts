// Excel .xlsx workbooks: one dataset per sheet. The zip is read by zip.ts; each sheet's XML is
// streamed and cut at </row>, so a sheet of millions of rows is never held whole. Shared strings
// (one table per workbook) are read first; dates are told by their cell style and turned into
// YYYY-MM-DD. Written here rather than taken from a package: the registry's `xlsx` is an old
// release with advisories, and the streaming readers pull in many dependencies for what is a
// small, well-specified job (ECMA-376 part 1, §18.3 sheets, §18.4 shared strings, §18.8 styles).
import { datasetName, looksLikeHeader, numberedColumns } from '../header-row.js';
import type { FileProfile } from '../profile.js';
import type { Problems } from './problems.js';
import { FNV, hashText, TableProfiler, type TableOptions } from './table.js';
import { entryStream, entryText, listZip, type ZipEntry, ZipError } from './zip.js';
import { ExpansionError } from '../expansion.js';
import { statSync } from 'node:fs';

const MAX_ROW_XML = 16 << 20;
const HEADER_PROBE = 21;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function xmlText(s: string): string {
  const t = s.includes('&') ? s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => (e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e] ?? m)) : s;
  return t.includes('_x') ? t.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : t;
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? xmlText(m[2] ?? m[3] ?? '') : undefined;
}

/** The text of an element's <t> runs (rich text holds several). */
function runs(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?t>/g)) out += m[1];
  return xmlText(out);
}

export function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)) out.push(m[1] ? runs(m[1].replace(/<(?:\w+:)?rPh[\s\S]*?<\/(?:\w+:)?rPh>/g, '')) : '');
  return out;
}

const BUILTIN_DATES = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);

/** Which cell styles (indexes into cellXfs) show a date. */
export function dateStyles(xml: string): Set<number> {
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\s[^>]*>/g)) {
    const id = Number(attr(m[0], 'numFmtId'));
    custom.set(id, attr(m[0], 'formatCode') ?? '');
  }
  const isDate = (id: number) => {
    if (BUILTIN_DATES.has(id)) return true;
    const code = custom.get(id);
    if (!code) return false;
    const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
    return /[dy]/i.test(bare) && !/^general$/i.test(bare);
  };
  const out = new Set<number>();
  const xfs = /<(?:\w+:)?cellXfs[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml);
  if (!xfs) return out;
  let i = 0;
  for (const m of xfs[1]!.matchAll(/<(?:\w+:)?xf\s[^>]*>/g)) {
    if (isDate(Number(attr(m[0], 'numFmtId') ?? 0))) out.add(i);
    i++;
  }
  return out;
}

/** An Excel serial day as YYYY-MM-DD (1900 system, with its phantom 29 February 1900; or 1904). */
export function serialDate(serial: number, date1904: boolean): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return undefined;
  const days = Math.floor(serial) + (date1904 ? 1462 : 0);
  const ms = Date.UTC(1899, 11, 30) + (days < 61 && !date1904 ? days + 1 : days) * 86400000;
  return new Date(ms).toISOString().slice(0, 10);
}

function colIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

interface Ctx { strings: string[]; dates: Set<number>; date1904: boolean }

/** The cells of one <row> element's inner XML. */
export function rowCells(xml: string, ctx: Ctx): string[] {
  const cells: string[] = [];
  let next = 0;
  for (const m of xml.matchAll(/<(?:\w+:)?c(\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
    const tag = m[1] ?? '';
    const body = m[2] ?? '';
    const ref = attr(tag, 'r');
    const idx = ref ? colIndex(ref) : next;
    if (idx < 0 || idx > 16383) continue;
    next = idx + 1;
    const t = attr(tag, 't') ?? 'n';
    const v = /<(?:\w+:)?v(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?v>/.exec(body)?.[1];
    let value = '';
    if (t === 's') value = ctx.strings[Number(v)] ?? '';
    else if (t === 'inlineStr') value = runs(body);
    else if (t === 'str' || t === 'd') value = v === undefined ? '' : xmlText(v);
    else if (t === 'b') value = v === '1' ? 'TRUE' : v === '0' ? 'FALSE' : '';
    else if (t === 'n' && v !== undefined) {
      const s = Number(attr(tag, 's') ?? 0);
      value = ctx.dates.has(s) ? serialDate(Number(v), ctx.date1904) ?? v : v;
    }
    while (cells.length < idx) cells.push('');
    cells[idx] = value;
  }
  return cells;
}

/** Reads every sheet of a workbook. */
export async function readXlsx(path: string, label: string, opts: TableOptions & { maxExpansion: number }, problems: Problems): Promise<FileProfile[]> {
  let entries: ZipEntry[];
  try {
    entries = listZip(path);
  } catch (e) {
    problems.add(e instanceof ZipError && e.code === 'zip64' ? 'xlsx-zip64' : 'xlsx-corrupt', 1);
    return [];
  }
  const byName = new Map(entries.map((e) => [e.name.replace(/^\//, ''), e]));
  const wb = byName.get('xl/workbook.xml');
  if (!wb) { problems.add('xlsx-corrupt', 1); return []; }
  let ctx: Ctx;
  let sheets: { name: string; path: string }[];
  try {
    const wbXml = await entryText(path, wb, 16 << 20);
    const rels = byName.get('xl/_rels/workbook.xml.rels');
    const relXml = rels ? await entryText(path, rels, 16 << 20) : '';
    const targets = new Map<string, string>();
    for (const m of relXml.matchAll(/<(?:\w+:)?Relationship\s[^>]*>/g)) {
      const id = attr(m[0], 'Id');
      const target = attr(m[0], 'Target');
      if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/[^/]+\/\.\.\//g, '/'));
    }
    sheets = [...wbXml.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)].map((m, i) => {
      const rid = /\sr:id\s*=\s*"([^"]*)"/.exec(m[0])?.[1] ?? attr(m[0], 'id');
      return { name: attr(m[0], 'name') ?? `Sheet${i + 1}`, path: (rid && targets.get(rid)) ?? `xl/worksheets/sheet${i + 1}.xml` };
    });
    const ss = byName.get('xl/sharedStrings.xml');
    const st = byName.get('xl/styles.xml');
    ctx = {
      strings: ss ? sharedStrings(await entryText(path, ss)) : [],
      dates: st ? dateStyles(await entryText(path, st, 16 << 20)) : new Set(),
      date1904: /date1904\s*=\s*"(1|true)"/.test(wbXml),
    };
  } catch (e) {
    problems.add(e instanceof ZipError && e.code === 'too-large' ? 'xlsx-too-large' : 'xlsx-corrupt', 1);
    return [];
  }
  const bytes = statSync(path).size;
  const out: FileProfile[] = [];
  for (const sheet of sheets) {
    const entry = byName.get(sheet.path);
    // A sheet may be named after a person: shown masked then, as a header cell would be.
    const sheetName = datasetName(sheet.name);
    if (!entry) { problems.add('xlsx-sheet-corrupt', 1, { sheet: sheetName }); continue; }
    const p = await readSheet(path, entry, sheetName, ctx, opts, problems, { file: label, bytes });
    if (p) out.push(p);
  }
  if (!out.length && !problems.list.length) problems.add('xlsx-no-rows', 1);
  return out;
}

async function readSheet(path: string, entry: ZipEntry, name: string, ctx: Ctx, opts: TableOptions & { maxExpansion: number }, problems: Problems, meta: { file: string; bytes: number }): Promise<FileProfile | undefined> {
  const probe: { cells: string[]; line: number }[] = [];
  let prof: TableProfiler | undefined;
  let width = 0;
  let rowNo = 0;
  const start = () => {
    const first = probe[0]?.cells ?? [];
    const header = probe.length > 0 && looksLikeHeader(first, probe.slice(1).map((r) => r.cells));
    width = Math.max(first.length, ...probe.map((r) => r.cells.length));
    if (header) width = first.length;
    // A header's empty cells are numbered by headerCells; a sheet without one has numbered columns and no labels.
    prof = new TableProfiler(header ? first : numberedColumns(width), opts, header);
    for (const r of probe.slice(header ? 1 : 0)) add(r.cells, r.line);
    probe.length = 0;
  };
  const add = (cells: string[], line: number) => {
    const p = prof!;
    // Excel leaves out empty trailing cells: a short row is padded, a row with cells past the header is malformed.
    const over = cells.length > width && cells.slice(width).some((c) => c.trim());
    const row = over ? cells : cells.length === width ? cells : [...cells.slice(0, width), ...new Array(Math.max(0, width - cells.length)).fill('')];
    if (p.wants()) p.addRow(row, line);
    else {
      const k = p.keyColumn;
      const { hash, len } = k >= 0 ? hashText(row[k] ?? '') : { hash: FNV, len: 0 };
      p.addCounted(row.length, hash, len, line);
    }
  };
  const onRow = (tag: string, inner: string) => {
    rowNo = Number(attr(tag, 'r')) || rowNo + 1;
    const cells = rowCells(inner, ctx);
    if (!cells.some((c) => c.trim())) return;
    if (!prof) {
      probe.push({ cells, line: rowNo });
      if (probe.length >= HEADER_PROBE) start();
    } else add(cells, rowNo);
  };
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  try {
    for await (const chunk of entryStream(path, entry, opts.maxExpansion)) {
      carry += decoder.decode(chunk, { stream: true });
      let from = 0;
      const re = /<(?:\w+:)?row(\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
      for (let m = re.exec(carry); m; m = re.exec(carry)) {
        onRow(m[1] ?? '', m[2] ?? '');
        from = re.lastIndex;
      }
      carry = carry.slice(from);
      // Keep only from the last row that opened; what precedes it is markup between rows.
      const open = carry.search(/<(?:\w+:)?row[\s>]/);
      if (open > 0) carry = carry.slice(open);
      else if (open < 0 && carry.length > 1024) carry = carry.slice(-1024);
      if (carry.length > MAX_ROW_XML) throw new ZipError('corrupt', 'row too long');
    }
    if (/<(?:\w+:)?row[\s>]/.test(carry)) problems.add('xlsx-sheet-corrupt', rowNo + 1, { sheet: name });
  } catch (e) {
    if (e instanceof ExpansionError) throw e;
    problems.add('xlsx-sheet-corrupt', rowNo + 1, { sheet: name });
  }
  if (!prof && probe.length) start();
  if (!prof || !prof.rows) {
    problems.add('xlsx-sheet-empty', 1, { sheet: name });
    return undefined;
  }
  return prof.finish({ ...meta, gzip: false, format: 'xlsx', sheet: name });
}
