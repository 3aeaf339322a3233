// breach scan: profiles raw dumps without ever printing a raw value from them.
import Table from 'cli-table3';
import { basename } from 'node:path';
import { BRANCHES } from '../core/vocab.js';
import { InputError } from '../input/diagnostic.js';
import { describe } from '../scan/describe.js';
import type { FileProfile, Progress } from '../scan/profile.js';
import { problemText, scanText } from '../scan/formats/messages.js';
import { peopleAcross, type PeopleAcross } from '../scan/formats/people.js';
import { scanPaths } from '../scan/formats/scan-paths.js';
import { detectLang, type Lang } from '../i18n/index.js';
import { cleanText } from '../util/sanitize.js';
import { EXIT, reportFailure, UsageError } from './errors.js';
import { writeAtomic, writeStdout } from './io.js';
import { dateOption, today } from './shared.js';

interface ScanCommandOptions {
  json?: boolean; full?: boolean; describe?: string; force?: boolean; sector?: 'public' | 'private'; branch?: string; state?: string;
  industry?: string; controller?: string; title?: string; discovered?: string; progress?: boolean; quiet?: boolean; lang?: Lang;
}

const FORMAT_NAMES: Record<NonNullable<FileProfile['format']>, string> = { csv: 'CSV', mysql: 'MySQL dump', postgresql: 'PostgreSQL dump', jsonl: 'JSON Lines', json: 'JSON', xlsx: 'Excel' };

/** "dump.sql: table afiliados", "libro.xlsx: sheet Hoja1", or the file alone. */
export function datasetLabel(p: FileProfile, lang: Lang): string {
  const file = cleanText(p.file);
  if (p.table !== undefined) return `${file}: ${scanText(lang, 'label-table')} ${cleanText(p.table)}`;
  if (p.sheet !== undefined) return `${file}: ${scanText(lang, 'label-sheet')} ${cleanText(p.sheet)}`;
  return file;
}

function progressBar(label: string): ((p: Progress) => void) | undefined {
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
    process.stderr.write(`\r${label.slice(0, 20)} [${bar}] ${(p.bytes / 1048576).toFixed(0)}/${(p.total / 1048576).toFixed(0)} MiB, ${p.rows.toLocaleString('en-US')} rows, ${mbs.toFixed(0)} MiB/s `);
  };
}

function render(p: FileProfile, lang: Lang): string {
  const lines = !p.format || p.format === 'csv' ? [
    `${cleanText(p.file)}: ${p.rows.toLocaleString('en-US')} rows, ${(p.bytes / 1048576).toFixed(1)} MiB${p.gzip ? ' gzip' : ''}, ${p.encoding}, delimiter ${JSON.stringify(p.delimiter)}, ${p.hasHeader ? 'header' : 'no header'}; ${p.sample.mode === 'full' ? 'every value validated' : `${p.sample.rows.toLocaleString('en-US')} rows sampled`}`,
  ] : [
    `${datasetLabel(p, lang)}: ${p.rows.toLocaleString('en-US')} rows, ${FORMAT_NAMES[p.format]}, ${(p.bytes / 1048576).toFixed(1)} MiB${p.gzip ? ' gzip' : ''}, ${p.encoding}; ${p.sample.mode === 'full' ? 'every value validated' : `${p.sample.rows.toLocaleString('en-US')} rows sampled`}`,
  ];
  if (p.malformed.rows) lines.push(`  malformed rows: ${p.malformed.rows} (lines ${p.malformed.lines.join(', ')}${p.malformed.rows > p.malformed.lines.length ? ', ...' : ''})`);
  if (p.malformed.unclosedQuoteLine) lines.push(`  a quote opened on line ${p.malformed.unclosedQuoteLine} never closes`);
  const t = new Table({ head: ['#', 'column', 'field', 'conf.', 'valid', 'examples (masked)'], colWidths: [4, 16, 15, 7, 7, 25], wordWrap: true, style: { head: [], border: [] } });
  for (const c of p.columns) t.push([String(c.index + 1), c.name, c.field ?? 'unknown', c.field ? c.confidence.toFixed(2) : '-', c.validShare === null ? '-' : `${Math.round(c.validShare * 100)}%`, c.examples.join(' ')]);
  lines.push(t.toString());
  if (p.key) lines.push(`  distinct people ≈ ${p.key.distinct.toLocaleString('en-US')} (by ${p.key.field}, HyperLogLog)`);
  if (p.minors) lines.push(`  minors: ${(p.minors.share * 100).toFixed(2)} % of ${p.minors.tested.toLocaleString('en-US')} ${p.minors.field} values checked ≈ ${p.minors.estimate.toLocaleString('en-US')} people`);
  return `${lines.join('\n')}\n`;
}

function peopleLine(p: PeopleAcross, lang: Lang): string {
  return scanText(lang, 'label-people', { count: p.count.toLocaleString('en-US'), field: p.field, datasets: p.datasets });
}

export async function runScan(files: string[], opts: ScanCommandOptions): Promise<number> {
  try {
    const day = today();
    const discovered = dateOption('--discovered', opts.discovered) ?? day;
    if (opts.describe && !opts.sector) throw new UsageError('--describe needs --sector public|private (and --branch for a public body): breach does not guess who the controller is');
    if (opts.describe && opts.sector === 'public' && !opts.branch) throw new UsageError(`--describe with --sector public needs --branch (${BRANCHES.join(', ')})`);
    const lang = opts.lang ?? detectLang(process.env);
    const quietBars = opts.progress === false || opts.quiet;
    const { profiles, problems } = await scanPaths(files, {
      today: day,
      ...(opts.full && { full: true }),
      progress: (label) => (quietBars ? undefined : progressBar(basename(label))),
      progressDone: () => process.stderr.write('\r\x1b[K'),
    });
    const diagnostics = problems.map((p) => ({ file: p.file, line: p.line, col: p.col, message: cleanText(problemText(lang, p)) }));
    // Nothing readable: the problems are the answer (exit 2). Otherwise they are listed and the scan goes on.
    if (!profiles.length) throw new InputError(diagnostics.length ? diagnostics : files.map((f) => ({ file: f, line: 1, col: 1, message: scanText(lang, 'folder-empty') })));
    if (diagnostics.length) process.stderr.write(`${diagnostics.map((d) => `${d.file}:${d.line}:${d.col}: ${d.message}`).join('\n')}\n`);
    const people = peopleAcross(profiles);
    if (opts.describe) {
      const text = describe(profiles, { sector: opts.sector!, ...(opts.branch && { branch: opts.branch }), ...(opts.state && { state: opts.state }), ...(opts.industry && { industry: opts.industry }), ...(opts.controller && { controller: opts.controller }), ...(opts.title && { title: opts.title }), discovered, today: day, ...(people && { people }) });
      writeAtomic(opts.describe, [text], !!opts.force, files);
    }
    if (!opts.quiet) {
      if (opts.json) {
        const json = { schemaVersion: 1, files: profiles, ...(people && { people }), ...(problems.length && { problems: problems.map((p, i) => ({ file: p.file, line: p.line, col: p.col, code: p.code, message: diagnostics[i]!.message })) }) };
        await writeStdout([`${JSON.stringify(json, null, 2)}\n`]);
      } else await writeStdout([...profiles.map((p) => render(p, lang)), ...(people ? [`${peopleLine(people, lang)}\n`] : [])]);
    }
    return EXIT.ok;
  } catch (e) {
    return reportFailure(e, process.argv.includes('--debug'), (s) => process.stderr.write(s));
  }
}
