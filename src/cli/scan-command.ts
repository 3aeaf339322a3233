// breach scan: profiles raw dumps without ever printing a raw value from them.
import Table from 'cli-table3';
import { basename } from 'node:path';
import { BRANCHES } from '../core/vocab.js';
import { InputError } from '../input/diagnostic.js';
import { describe } from '../scan/describe.js';
import { type FileProfile, type Progress, ScanError, scanFile } from '../scan/profile.js';
import { scanFileFull } from '../scan/full.js';
import { cleanText } from '../util/sanitize.js';
import { EXIT, reportFailure, UsageError } from './errors.js';
import { writeAtomic, writeStdout } from './io.js';
import { dateOption, today } from './shared.js';

interface ScanCommandOptions {
  json?: boolean; full?: boolean; describe?: string; force?: boolean; sector?: 'public' | 'private'; branch?: string; state?: string;
  industry?: string; controller?: string; title?: string; discovered?: string; progress?: boolean; quiet?: boolean;
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

function render(p: FileProfile): string {
  const lines = [
    `${cleanText(p.file)}: ${p.rows.toLocaleString('en-US')} rows, ${(p.bytes / 1048576).toFixed(1)} MiB${p.gzip ? ' gzip' : ''}, ${p.encoding}, delimiter ${JSON.stringify(p.delimiter)}, ${p.hasHeader ? 'header' : 'no header'}; ${p.sample.mode === 'full' ? 'every value validated' : `${p.sample.rows.toLocaleString('en-US')} rows sampled`}`,
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

export async function runScan(files: string[], opts: ScanCommandOptions): Promise<number> {
  try {
    const day = today();
    const discovered = dateOption('--discovered', opts.discovered) ?? day;
    if (opts.describe && !opts.sector) throw new UsageError('--describe needs --sector public|private (and --branch for a public body): breach does not guess who the controller is', 'describe.sector');
    if (opts.describe && opts.sector === 'public' && !opts.branch) throw new UsageError(`--describe with --sector public needs --branch (${BRANCHES.join(', ')})`, 'describe.branch', { branches: BRANCHES.join(', ') });
    const profiles: FileProfile[] = [];
    const problems: InputError['diagnostics'] = [];
    for (const file of files) {
      const onProgress = opts.progress === false || opts.quiet ? undefined : progressBar(basename(file));
      try {
        profiles.push(opts.full ? await scanFileFull(file, file, { today: day, onProgress }) : await scanFile(file, file, { today: day, onProgress }));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (e instanceof ScanError) problems.push({ file, line: e.line, col: 1, message: e.message });
        else if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') problems.push({ file, line: 1, col: 1, message: `cannot read the file: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'is a directory, not a file'}` });
        else throw e;
      } finally {
        if (onProgress) process.stderr.write('\r\x1b[K');
      }
    }
    if (problems.length) throw new InputError(problems);
    if (opts.describe) {
      const text = describe(profiles, { sector: opts.sector!, ...(opts.branch && { branch: opts.branch }), ...(opts.state && { state: opts.state }), ...(opts.industry && { industry: opts.industry }), ...(opts.controller && { controller: opts.controller }), ...(opts.title && { title: opts.title }), discovered, today: day });
      writeAtomic(opts.describe, [text], !!opts.force, files);
    }
    if (!opts.quiet) {
      if (opts.json) await writeStdout([`${JSON.stringify({ schemaVersion: 1, files: profiles }, null, 2)}\n`]);
      else await writeStdout(profiles.map(render));
    }
    return EXIT.ok;
  } catch (e) {
    return reportFailure(e, process.argv.includes('--debug'), (s) => process.stderr.write(s));
  }
}
