// Issue 13, finding 1: hostile text in EVERY input position and file name, through every command
// and format, never reaches a person as an escape, a control, a bidi or zero-width character.
// The positions are generated from the zod schema (src/input/schema.ts) and the CSV column table
// (src/input/csv-columns.ts), so a field added later is covered without touching this file.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRAFT_FORMATS, OUTPUT_FORMATS } from '../src/core/vocab.js';
import { CSV_COLUMNS, type CsvColumn } from '../src/input/csv-columns.js';
import { loadIncidents } from '../src/input/load.js';
import { descriptionSchema } from '../src/input/schema.js';

// BREACH_BIN runs the suite against another build (it failed on the code before the fix).
const BIN = process.env.BREACH_BIN ?? new URL('../bin/breach.cjs', import.meta.url).pathname;
const TODAY = '2026-11-21';

/**
 * The marker: a zero-width character and a formula first (CSV), then CSI colour, OSC 0 (title),
 * OSC 8 (hyperlink), BEL, C1 CSI and OSC, bidi override and isolates, zero-width joiners, BOM,
 * backspace, DEL and a lone CR. "Zq" is visible, so we can tell the text reached the output.
 */
const MARK = '\u200b=Zq\x1b[5;38;5;196m\x1b]0;T\x07\x1b]8;;http://e.x/\x07L\x1b]8;;\x07\x9b2J\x9d0;t\x9c\u202e\u2066\u2069\u200d\u2060\ufeff\x08\x7f\rQz';
/** What must never be printed: escapes, C0 (but tab, newline, CRLF and a page break alone on its line), C1, bidi, zero-width. */
const FORBIDDEN = /[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]|\r(?!\n)|(?<!\n)\f|\f(?!\n)/;
/** Our own colours (chalk level 1, cli-table3): short SGR codes only; the marker's 256-colour blink is not one. */
const OUR_SGR = /\x1b\[\d{1,2}m/g;

type Path = (string | number)[];
interface Leaf { path: Path; kind: string }
interface ZodDef { type: string; shape?: Record<string, { _zod: { def: ZodDef } }>; innerType?: { _zod: { def: ZodDef } }; element?: { _zod: { def: ZodDef } } }

/** Every leaf of the schema (strings, enums, dates, counts, booleans, numbers) and every object, by path. */
function walk(def: ZodDef, path: Path, leaves: Leaf[], objects: Path[]): void {
  switch (def.type) {
    case 'optional': walk(def.innerType!._zod.def, path, leaves, objects); break;
    case 'object':
      objects.push(path);
      for (const [k, v] of Object.entries(def.shape!)) walk(v._zod.def, [...path, k], leaves, objects);
      break;
    case 'array': walk(def.element!._zod.def, [...path, 0], leaves, objects); break;
    default: leaves.push({ path, kind: def.type });
  }
}

const LEAVES: Leaf[] = [];
const OBJECTS: Path[] = [];
walk((descriptionSchema as unknown as { _zod: { def: ZodDef } })._zod.def, [], LEAVES, OBJECTS);

const response = {
  confirmed_at: '2025-06-02 10:00', identified_at: '2025-06-01 09:00', investigation_started_at: '2025-06-01 12:00', place: 'Guadalajara', public_summary: 'Resumen',
  channel: 'individual', addressee: { authority: 'A', regulator: 'R', controller: 'C' }, nature: 'N', cause: 'C', circumstances: 'C', systems: 'S', consequences: 'C',
  actions: ['A'], contact: { channel: 'C', email: 'a@b.mx', phone: '3312345678', url: 'https://e.mx', address: 'D' }, officer: { name: 'O', role: 'R', email: 'o@b.mx', phone: '3312345678' },
};
const dataset = { name: 'Afiliados', records: 100000, fields: ['health', 'curp'], notes: 'n', unlocks: 'financial', adjust: { dpc: 1, reason: 'porque sí' } };
/** Two valid bases: a public state body (the state caveats), a processor for one (on_behalf_of, the controller's letter). */
const BASES = [
  { format: 'breach/v1', incident: { title: 'T', discovered: '2025-06-02', controller: { name: 'N', sector: 'public', branch: 'state', state: 'Jalisco' }, circumstances: { confidentiality: 'unknown-recipients', malicious: true }, subjects: { count: 100000, groups: ['minors'] } }, datasets: [dataset], response },
  { incident: { title: 'T', discovered: '2025-06-02', controller: { name: 'N', sector: 'private', industry: 'health', state: 'Jalisco', role: 'processor', on_behalf_of: { name: 'P', sector: 'public', branch: 'state', state: 'Jalisco' } } }, datasets: [dataset], response },
];

const clone = <T>(x: T): T => structuredClone(x);
function setAt(doc: unknown, path: Path, value: unknown): void {
  let o = doc as Record<string | number, unknown>;
  path.forEach((k, i) => {
    if (i === path.length - 1) { o[k] = value; return; }
    o[k] ??= typeof path[i + 1] === 'number' ? [] : {};
    o = o[k] as Record<string | number, unknown>;
  });
}
const valid = (text: string, format: 'yaml' | 'json' | 'csv') => {
  try { loadIncidents(new TextEncoder().encode(text), `x.${format}`, format, TODAY); return true; } catch { return false; }
};
/** YAML with every non-ASCII character as an escape (raw C1 is not YAML); the JSON files keep them raw. */
const yamlText = (doc: unknown) => JSON.stringify(doc, null, 1).replace(/[^\x20-\x7e\n]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

// A file name with the marker in it (a name may hold anything but "/" and NUL).
const FMARK = MARK.replace(/\//g, '_');
const NAME = `fn${FMARK}`;
let dir = '';
let n = 0;
const validFiles: string[] = [];
const allFiles: string[] = [];
const put = (ext: string, text: string, isValid: boolean) => {
  const f = join(dir, `${NAME}-${++n}.${ext}`);
  writeFileSync(f, text);
  allFiles.push(f);
  if (isValid) validFiles.push(f);
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'breach-escapes-'));
  // Descriptions: every position that takes free text gets the marker at once (a valid file per
  // base, YAML and JSON); every other position (enums, dates, counts, field types, booleans) and
  // an unknown key in every mapping get a file each, whose diagnostics echo the marker.
  for (const base of BASES) expect(valid(JSON.stringify(base), 'json')).toBe(true);
  const invalid: unknown[] = [];
  const texts = BASES.map(clone);
  for (const leaf of LEAVES) {
    let taken = false;
    BASES.forEach((base, b) => {
      const doc = clone(base);
      setAt(doc, leaf.path, MARK);
      if (valid(JSON.stringify(doc), 'json')) { setAt(texts[b], leaf.path, MARK); taken = true; }
    });
    if (!taken) { const doc = clone(BASES[0]); setAt(doc, leaf.path, MARK); invalid.push(doc); }
  }
  for (const obj of OBJECTS) { const doc = clone(BASES[0]); setAt(doc, [...obj, `k${MARK}`], 1); invalid.push(doc); }
  for (const doc of texts) {
    expect(valid(JSON.stringify(doc), 'json')).toBe(true);
    put('yaml', yamlText(doc), true);
    put('json', JSON.stringify(doc), true);
  }
  invalid.forEach((doc, i) => put(i % 2 ? 'json' : 'yaml', i % 2 ? JSON.stringify(doc) : yamlText(doc), false));
  // CSV: the column table's every column, both header spellings; text columns together, the rest one file each.
  const columns = Object.keys(CSV_COLUMNS) as CsvColumn[];
  const row: Record<string, string> = { incident: 'INC-1', title: 'T', dataset: 'D', controller: 'N', sector: 'público', branch: 'state', state: 'Jalisco', records: '100000', fields: 'health;curp', discovered: '2025-06-02', confirmed_at: '2025-06-02 10:00', channel: 'individual', role: 'controller', groups: 'minors', confidentiality: 'unknown-recipients', malicious: 'sí' };
  const csv = (cells: Record<string, string>, spanish: boolean, extra = '') => {
    const head = columns.map((c) => CSV_COLUMNS[c][spanish ? CSV_COLUMNS[c].length - 1 : 0]!);
    return `${head.join(',')}${extra ? `,${extra}` : ''}\n${columns.map((c) => `"${cells[c] ?? ''}"`).join(',')}${extra ? ',y' : ''}\n`;
  };
  const base = Object.fromEntries(columns.map((c) => [c, row[c] ?? '']));
  expect(valid(csv(base, false), 'csv')).toBe(true);
  const textCells = { ...base };
  for (const c of columns) {
    const cells = { ...base, [c]: MARK };
    if (valid(csv(cells, false), 'csv')) textCells[c] = MARK;
    else put('csv', csv(cells, c.length % 2 === 0), false);
  }
  expect(valid(csv(textCells, true), 'csv')).toBe(true);
  put('csv', csv(textCells, true), true);
  put('csv', csv(textCells, false), true);
  put('csv', csv(base, false, `col${MARK}`), false);
});

afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

interface Run { args: string[]; out: string; err: string; code: number | null }
const runs: Run[] = [];
const run = (args: string[], env: Record<string, string> = {}): Run => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', BREACH_TODAY: TODAY, ...env }, timeout: 120_000, maxBuffer: 1 << 28 });
  const x = { args, out: r.stdout, err: r.stderr, code: r.status };
  runs.push(x);
  return x;
};
const show = (s: string) => JSON.stringify(s.slice(Math.max(0, (FORBIDDEN.exec(s)?.index ?? 0) - 60), (FORBIDDEN.exec(s)?.index ?? 0) + 40));
function clean(label: string, text: string, colour = false): void {
  let s = text;
  if (colour) {
    expect(s, label).not.toContain('\x1b[5;38;5;196m');
    s = s.replace(OUR_SGR, '');
  }
  expect(FORBIDDEN.test(s), `${label}: ${show(s)}`).toBe(false);
}
const written = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? written(join(d, e.name)) : [join(d, e.name)]));

describe('hostile text in every input position and file name', () => {
  it('the positions come from the schema and the CSV table, and the valid files carry the marker', () => {
    expect(LEAVES.length).toBeGreaterThan(50);
    expect(LEAVES.map((l) => l.path.join('.'))).toEqual(expect.arrayContaining(['incident.controller.state', 'datasets.0.name', 'response.officer.name', 'incident.controller.on_behalf_of.state']));
    expect(validFiles.length).toBe(6);
    expect(allFiles.length).toBeGreaterThan(validFiles.length + 30);
  });

  it.each([...OUTPUT_FORMATS])('assess --format %s', (format) => {
    const r = run(['assess', ...allFiles, '-f', format, '--detail']);
    expect(r.code).toBe(2);
    expect(r.out + r.err).toContain('Zq');
    clean(`assess ${format} stdout`, r.out);
    clean(`assess ${format} stderr`, r.err);
    if (format === 'json' || format === 'ndjson') expect(r.out).toMatch(/\\u202e/i);
    if (format === 'csv') for (const cell of r.out.split(/,|\n/)) expect(cell, 'formula').not.toMatch(/^"?[=+\-@]/);
  });

  it('assess in colour, --fail-on, and to a file', () => {
    const c = run(['assess', ...validFiles, '--fail-on', 'low'], { FORCE_COLOR: '1' });
    expect(c.code).toBe(1);
    expect(c.out).toContain('\x1b[');
    clean('colour', c.out, true);
    clean('fail-on', c.err);
    for (const format of OUTPUT_FORMATS) {
      const o = join(dir, `out${FMARK}.${format}`);
      expect(run(['assess', ...validFiles, '-f', format, '-o', o]).code).toBe(0);
      clean(`-o ${format}`, readFileSync(o, 'utf8'));
    }
  });

  it('validate, text and JSON', () => {
    for (const args of [[], ['-f', 'json']]) {
      const r = run(['validate', ...allFiles, ...args]);
      expect(r.code).toBe(2);
      expect(r.out + r.err).toContain('Zq');
      clean('validate stdout', r.out);
      clean('validate stderr', r.err);
    }
  });

  it.each([...DRAFT_FORMATS])('notify --format %s, to stdout and to --out-dir', (format) => {
    const r = run(['notify', ...validFiles, '-f', format]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Zq');
    clean(`notify ${format}`, r.out);
    clean(`notify ${format} stderr`, r.err);
    const out = join(dir, `drafts-${format}${FMARK}`);
    const w = run(['notify', ...validFiles, '-f', format, '--out-dir', out]);
    expect(w.code).toBe(0);
    clean('notify listing', w.out);
    for (const f of written(out)) clean(`notify file ${f}`, readFileSync(f, 'utf8'));
    const bad = run(['notify', ...allFiles, '-f', format]);
    expect(bad.code).toBe(2);
    clean('notify diagnostics', bad.err);
  });

  it('scan: a hostile file name, header and options; text, JSON and --describe', () => {
    const dump = join(dir, `dump${FMARK}.csv`);
    writeFileSync(dump, `nombre,curp,col${MARK}\n${Array.from({ length: 30 }, (_, i) => `Ana Pérez ${i},LOOA531113HTCPBN07,v${MARK}`).join('\n')}\n`);
    for (const args of [[], ['--json']]) {
      const r = run(['scan', dump, join(dir, `missing${FMARK}.csv`), ...args]);
      expect(r.code).toBe(0);
      clean('scan stdout', r.out);
      clean('scan stderr', r.err);
      if (args.length) expect(r.out).toMatch(/\\u202e/i);
    }
    const y = join(dir, `desc${FMARK}.yaml`);
    const d = run(['scan', dump, '--describe', y, '--sector', 'private', '--controller', MARK, '--title', MARK, '--state', MARK]);
    expect(d.code).toBe(0);
    clean('describe', readFileSync(y, 'utf8'));
    clean('describe stdout', d.out);
  });

  it.skipIf(spawnSync('script', ['--version']).status !== 0)('scan progress line on a terminal (a pseudo-terminal from script(1))', () => {
    const dump = join(dir, `bar${FMARK}.csv`);
    writeFileSync(dump, `nombre,curp\n${'Ana Pérez,LOOA531113HTCPBN07\n'.repeat(50)}`);
    const r = spawnSync('script', ['-qec', `"${process.execPath}" "${BIN}" scan "$DUMP" >/dev/null`, '/dev/null'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', BREACH_TODAY: TODAY, DUMP: dump }, timeout: 60_000 });
    expect(r.stdout).toContain('rows');
    expect(r.stdout).toContain('bar=Zq');
    // The line's own carriage returns and erase-line are breach's; nothing else may be there.
    clean('progress', r.stdout.replace(/\r\x1b\[K|\r/g, ''));
  });

  it('usage errors, rules, explain and fields echo hostile arguments cleaned', () => {
    for (const args of [
      ['assess', validFiles[0]!, `--bogus${MARK}`], ['assess', validFiles[0]!, '-f', MARK], ['fields', '--lang', MARK], ['rules', '--as-of', MARK],
      ['explain', MARK], ['explain', `SEMX:1/DPC:${MARK}`, '--json'], ['assess', validFiles[0]!, '-o', join(dir, `no${FMARK}`, 'x.md')],
      ['assess', validFiles[0]!, '-o', validFiles[0]!], [MARK],
    ]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      clean(`${args[0]} stdout`, r.out);
      clean(`${args[0]} stderr`, r.err);
    }
  });

  it('fields search and init templates with hostile text', () => {
    for (const args of [['fields', MARK], ['fields', MARK, '--json'], ['init', '--template', join(dir, `tpl${FMARK}.yaml`)], ['init', '--template', join(dir, `tpl${FMARK}.yaml`)], ['init', join(dir, `q${FMARK}.yaml`)]]) {
      const r = run(args);
      if (args[1] === MARK || args[1] === '--template') expect(r.out + r.err, args.join(' ')).toContain('Zq');
      clean(`${args.join(' ')} stdout`, r.out);
      clean(`${args.join(' ')} stderr`, r.err);
    }
  });

  it('a name made only of escapes is empty', () => {
    const f = join(dir, 'empty-name.yaml');
    writeFileSync(f, 'incident:\n  controller: { sector: private }\ndatasets: [{ name: "\\e[31m\\u200b\\u202e ", records: 1, fields: [email] }]\n');
    const r = run(['validate', f]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('`datasets[0].name`: must not be empty');
    expect(run(['validate', f, '--lang', 'es']).err).toContain('`datasets[0].name`: no debe estar vacío');
  });
});
