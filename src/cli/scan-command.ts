// breach scan: profiles raw dumps without ever printing a raw value from them.
import Table from 'cli-table3';
import { basename } from 'node:path';
import { BRANCHES } from '../core/vocab.js';
import { InputError } from '../input/diagnostic.js';
import { describe } from '../scan/describe.js';
import { DEFAULT_MAX_EXPANSION } from '../scan/expansion.js';
import type { ColumnProfile, FileProfile, Progress } from '../scan/profile.js';
import { joinExamples } from '../scan/mask.js';
import { reviewProfile } from '../scan/review.js';
import { numberedName } from '../scan/header-row.js';
import { detectLang, type Lang, translator, type Translator } from '../i18n/index.js';
import { problemText, scanText } from '../scan/formats/messages.js';
import { peopleAcross, type PeopleAcross } from '../scan/formats/people.js';
import { scanPaths } from '../scan/formats/scan-paths.js';
import type { ScanProblem } from '../scan/formats/problems.js';
import type { TextFileProfile } from '../scan/text/read-text.js';
import type { SketchTotals } from '../scan/text/tally.js';
import { mergeScanned, runRange } from './scan-range-command.js';
import { cleanText } from '../util/sanitize.js';
import { fieldLabel, fmtNumber } from '../report/view.js';
import { summarize } from '../scan/text/summary.js';
import { renderTextMarkdown, renderTextTable, textDatasets } from '../scan/text/render.js';
import { EXIT, reportFailure, usage, UsageError } from './errors.js';
import { checkTarget, isStdout, writeAtomic } from './io.js';
import { printLines, progressClear, progressLine, writeStdout } from './terminal.js';
import { dateOption, today } from './shared.js';

export interface ScanCommandOptions {
  /** --range START:END, --profile-out FILE, --plan N (shards; see runRange), --allow-different-files (scan merge). */
  range?: string; profileOut?: string; plan?: string; allowDifferentFiles?: boolean;
  json?: boolean; full?: boolean; describe?: string; force?: boolean; sector?: 'public' | 'private'; branch?: string; state?: string;
  industry?: string; controller?: string; title?: string; discovered?: string; progress?: boolean; quiet?: boolean;
  lang?: Lang; trustValues?: boolean; format?: 'table' | 'json' | 'markdown'; maxExpansion?: string;
}

const FORMAT_NAMES: Record<NonNullable<FileProfile['format']>, string> = { csv: 'CSV', mysql: 'MySQL dump', postgresql: 'PostgreSQL dump', jsonl: 'JSON Lines', json: 'JSON', xlsx: 'Excel' };

/** "dump.sql: table afiliados", "libro.xlsx: sheet Hoja1", or the file alone. */
export function datasetLabel(p: FileProfile, lang: Lang): string {
  const file = cleanText(p.file);
  if (p.table !== undefined) return `${file}: ${scanText(lang, 'label-table')} ${cleanText(p.table)}`;
  if (p.sheet !== undefined) return `${file}: ${scanText(lang, 'label-sheet')} ${cleanText(p.sheet)}`;
  return file;
}

function progressBar(label: string, t: Translator, lang: Lang): ((p: Progress) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  const start = Date.now();
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (now - last < 150 && p.bytes < p.total) return;
    last = now;
    const share = p.total ? Math.min(1, p.bytes / p.total) : 0;
    const width = 24;
    const bar = '#'.repeat(Math.round(share * width)).padEnd(width, '.');
    const mbs = p.bytes / 1048576 / Math.max(0.001, (now - start) / 1000);
    progressLine(`${label.slice(0, 20)} [${bar}] ${t('scan.progress', { done: (p.bytes / 1048576).toFixed(0), total: (p.total / 1048576).toFixed(0), rows: fmtNumber(p.rows, lang), speed: mbs.toFixed(0) })} `);
  };
}

/** A column's name for people: a column without a header is numbered in the report's language. */
function columnName(c: ColumnProfile, t: Translator): string {
  return c.name === numberedName(c.index) ? t('scan.columnN', { n: c.index + 1 }) : c.name;
}

/** A column's note as a sentence (codes in the core, words here). */
export function noteText(c: ColumnProfile, t: Translator, lang: Lang): string | undefined {
  const n = c.note;
  const label = (id: string | undefined) => (id ? fieldLabel(id, lang) : '');
  const pct = (x: number | undefined) => String(Math.round((x ?? 0) * 100));
  // 'columna 2 (nombre)'; a column without a header is only its number ('columna 2').
  const column = c.name === numberedName(c.index) ? String(c.index + 1) : `${c.index + 1} (${c.name})`;
  if (!n) {
    if (c.reason !== 'unknown' || !c.tested) return undefined;
    // Why unknown: no header, and the closest value type (the JSON has every share).
    const best = c.candidates[0];
    if (!best || best.share < 0.05) return t('scan.note.unknown', { column });
    if (best.knownNameShare !== undefined) return t('scan.note.unknown.name', { column, share: pct(best.share), known: pct(best.knownNameShare) });
    return t('scan.note.unknown.closest', { column, closest: label(best.field), share: pct(best.share) });
  }
  const args = { column, field: label(n.headerField), valueField: label(n.valueField), share: pct(n.share), shape: pct(n.shapeShare) };
  switch (n.code) {
    case 'header-kept': return t(n.checkDigit ? 'scan.note.header-kept.check' : 'scan.note.header-kept.shape', args);
    case 'header-overruled':
      if (n.valueField) return t('scan.note.header-overruled.to', args);
      return t(n.knownNameShare !== undefined && (n.share ?? 0) >= 0.5 ? 'scan.note.header-overruled.names' : 'scan.note.header-overruled.none', { ...args, known: pct(n.knownNameShare) });
    default: return t(`scan.note.${n.code}`, args);
  }
}

function render(p: FileProfile, t: Translator, lang: Lang): string {
  const n = (x: number) => x.toLocaleString(lang === 'es' ? 'es-MX' : 'en-US');
  const lines = [
    !p.format || p.format === 'csv'
      ? t('scan.summary', {
        file: cleanText(p.file), rows: n(p.rows), mib: (p.bytes / 1048576).toFixed(1), gzip: p.gzip ? ' gzip' : '', encoding: p.encoding, delimiter: JSON.stringify(p.delimiter),
        header: t(p.hasHeader ? 'scan.header' : 'scan.noHeader'), mode: p.sample.mode === 'full' ? t('scan.mode.full') : t('scan.mode.sample', { rows: n(p.sample.rows) }),
      })
      : t('scan.summary.table', {
        dataset: datasetLabel(p, lang), rows: n(p.rows), format: FORMAT_NAMES[p.format], mib: (p.bytes / 1048576).toFixed(1), gzip: p.gzip ? ' gzip' : '', encoding: p.encoding,
        mode: p.sample.mode === 'full' ? t('scan.mode.full') : t('scan.mode.sample', { rows: n(p.sample.rows) }),
      }),
  ];
  if (p.malformed.rows) lines.push(t('scan.malformed', { rows: p.malformed.rows, lines: `${p.malformed.lines.join(', ')}${p.malformed.rows > p.malformed.lines.length ? ', ...' : ''}` }));
  if (p.malformed.unclosedQuoteLine) lines.push(t('scan.unclosed', { line: p.malformed.unclosedQuoteLine }));
  const table = new Table({ head: ['#', t('scan.col.column'), t('scan.col.field'), t('scan.col.confidence'), t('scan.col.valid'), t('scan.col.examples')], colWidths: [4, 16, 15, 7, 9, 25], wordWrap: true, style: { head: [], border: [] } });
  for (const c of p.columns) table.push([String(c.index + 1), columnName(c, t), c.field ? fieldLabel(c.field, lang) : t('scan.unknown'), c.field ? c.confidence.toFixed(2) : '-', c.validShare === null ? '-' : `${Math.round(c.validShare * 100)}%`, joinExamples(c.examples)]);
  lines.push(table.toString());
  const label = (id: string) => fieldLabel(id, lang);
  if (p.key) lines.push(t('scan.people', { people: n(p.key.distinct), field: label(p.key.field) }));
  const m = p.minors;
  if (m) {
    const share = (m.share * 100).toFixed(2);
    lines.push(m.unit === 'people' && p.key
      ? t('scan.minors.people', { share, key: label(p.key.field), people: n(m.estimate), rows: n(m.rows), field: label(m.field), tested: n(m.tested) })
      : t('scan.minors.rows', { share, tested: n(m.tested), field: label(m.field), rows: n(m.rows) }));
  }
  const notes = p.columns.map((c) => noteText(c, t, lang)).filter((x): x is string => !!x);
  if (notes.length) lines.push(t('scan.notes'), ...notes.map((x) => cleanText(x)));
  return `${lines.join('\n')}\n`;
}

/** A dataset's profile in Markdown: the summary line, then its columns as a table. */
function renderMarkdown(p: FileProfile, t: Translator, lang: Lang): string {
  const cell = (x: string) => cleanText(x).replace(/\|/g, '\\|');
  const first = render(p, t, lang).split('\n')[0]!;
  const out = [`## ${cell(first)}`, '', `| # | ${t('scan.col.column')} | ${t('scan.col.field')} | ${t('scan.col.confidence')} | ${t('scan.col.valid')} | ${t('scan.col.examples')} |`, '|---:|---|---|---:|---:|---|'];
  for (const c of p.columns) out.push(`| ${c.index + 1} | ${cell(columnName(c, t))} | ${c.field ? `${fieldLabel(c.field, lang)} (\`${c.field}\`)` : t('scan.unknown')} | ${c.field ? c.confidence.toFixed(2) : '-'} | ${c.validShare === null ? '-' : `${Math.round(c.validShare * 100)}%`} | ${c.examples.map((e) => `\`${cell(e).replace(/`/g, "'")}\``).join(' ')} |`);
  const notes = p.columns.map((c) => noteText(c, t, lang)).filter((x): x is string => !!x);
  if (notes.length) out.push('', ...notes.map((x) => `- ${cell(x.trim())}`));
  return `${out.join('\n')}\n\n`;
}

function peopleLine(p: PeopleAcross, lang: Lang): string {
  return scanText(lang, 'label-people', { count: fmtNumber(p.count, lang), field: fieldLabel(p.field, lang), datasets: p.datasets });
}

/** --max-expansion N: a whole number of times; 0 lifts the decompression-bomb guard. */
/** --max-expansion as a number; the guard's default when it is not given. */
function expansionOption(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_EXPANSION;
  if (!/^\d{1,9}$/.test(value)) throw usage('max-expansion', { value: value.slice(0, 30) });
  return Number(value);
}

/** What `scan` and `scan merge` print: the datasets' reports, the problems, the description. */
export interface Scanned {
  profiles: FileProfile[];
  problems: ScanProblem[];
  texts: TextFileProfile[];
  textTotals?: SketchTotals;
}

export interface ScanContext { lang: Lang; t: Translator; day: string; discovered: string; inputs: string[] }

function context(opts: ScanCommandOptions, inputs: string[]): ScanContext {
  const day = today();
  const lang = opts.lang ?? detectLang(process.env);
  const discovered = dateOption('--discovered', opts.discovered) ?? day;
  if (opts.describe && !opts.sector) throw new UsageError('--describe needs --sector public|private (and --branch for a public body): breach does not guess who the controller is', 'describe.sector');
  if (opts.describe && opts.sector === 'public' && !opts.branch) throw new UsageError(`--describe with --sector public needs --branch (${BRANCHES.join(', ')})`, 'describe.branch', { branches: BRANCHES.join(', ') });
  if (opts.describe && !isStdout('--describe', opts.describe)) checkTarget(opts.describe, { option: '--describe', force: !!opts.force, inputs });
  return { lang, t: translator(lang), day, discovered, inputs };
}

async function report(scanned: Scanned, opts: ScanCommandOptions, ctx: ScanContext): Promise<void> {
  const { lang, t, day, discovered, inputs } = ctx;
  // --describe - writes the description to stdout, in place of the report.
  const describeToStdout = opts.describe !== undefined && isStdout('--describe', opts.describe);
  const problems = scanned.problems;
  const profiles = scanned.profiles.map((p) => reviewProfile(p, { trustValues: !!opts.trustValues }));
  const diagnostics = problems.map((p) => ({ file: p.file, line: p.line, col: p.col, message: cleanText(problemText(lang, p)) }));
  // Nothing readable: the problems are the answer (exit 2). Otherwise they are listed and the scan goes on.
  const text = summarize(scanned.texts, scanned.textTotals);
  if (!profiles.length && !text) throw new InputError(diagnostics.length ? diagnostics : inputs.map((f) => ({ file: f, line: 1, col: 1, message: scanText(lang, 'folder-empty') })));
  printLines('err', diagnostics.map((d) => `${d.file}:${d.line}:${d.col}: ${d.message}`));
  const people = peopleAcross(profiles);
  if (opts.describe) {
    const doc = describe(profiles, { sector: opts.sector!, ...(text && { text: { ...textDatasets(text, lang, day), files: scanned.texts.map((x) => x.file) } }), ...(opts.branch && { branch: opts.branch }), ...(opts.state && { state: opts.state }), ...(opts.industry && { industry: opts.industry }), ...(opts.controller && { controller: opts.controller }), ...(opts.title && { title: opts.title }), discovered, today: day, t, noteText: (c) => noteText(c, t, lang), ...(people && { people }) });
    if (describeToStdout) await writeStdout([doc], 'text');
    else writeAtomic(opts.describe, [doc], 'text', { option: '--describe', force: !!opts.force, inputs });
  }
  if (opts.quiet || describeToStdout) return;
  const dropped = profiles.reduce((k, p) => k + p.columns.filter((c) => c.note?.code === 'dropped-trust-values').length, 0);
  const format = opts.json ? 'json' : opts.format ?? 'table';
  if (format === 'json') {
    const json = { schemaVersion: 1, ...(opts.trustValues && { trustValues: { dropped } }), files: profiles, ...(people && { people }), ...(text && { text: { ...text, byFile: scanned.texts } }), ...(problems.length && { problems: problems.map((p, i) => ({ file: p.file, line: p.line, col: p.col, code: p.code, message: diagnostics[i]!.message })) }) };
    await writeStdout([`${JSON.stringify(json, null, 2)}\n`], 'json');
  } else if (format === 'markdown') {
    await writeStdout([...profiles.map((p) => renderMarkdown(p, t, lang)), ...(people ? [`${peopleLine(people, lang)}\n\n`] : []), ...(text ? [renderTextMarkdown(text, lang, day)] : [])], 'text');
  } else {
    await writeStdout([...profiles.map((p) => render(p, t, lang)), ...(people ? [`${peopleLine(people, lang)}\n`] : []), ...(opts.trustValues ? [`${t('scan.trustValues', { count: dropped })}\n`] : []), ...(text ? [renderTextTable(text, lang, day)] : [])], 'text');
  }
}

export async function runScan(files: string[], opts: ScanCommandOptions): Promise<number> {
  try {
    const ctx = context(opts, files);
    if (opts.range !== undefined || opts.profileOut !== undefined || opts.plan !== undefined) return await runRange(files, opts, ctx, (scanned) => report(scanned, opts, ctx));
    const quietBars = opts.progress === false || opts.quiet;
    const scanned = await scanPaths(files, {
      today: ctx.day,
      ...(opts.full && { full: true }),
      maxExpansion: expansionOption(opts.maxExpansion),
      progress: (label) => (quietBars ? undefined : progressBar(basename(label), ctx.t, ctx.lang)),
      progressDone: progressClear,
    });
    await report(scanned, opts, ctx);
    return EXIT.ok;
  } catch (e) {
    return reportFailure(e);
  }
}

/** `breach scan merge PROFILES...`: the report of the whole file from the profiles of its ranges. */
export async function runScanMerge(paths: string[], opts: ScanCommandOptions): Promise<number> {
  try {
    const ctx = context(opts, paths);
    await report(mergeScanned(paths, opts, ctx.lang), opts, ctx);
    return EXIT.ok;
  } catch (e) {
    return reportFailure(e);
  }
}
