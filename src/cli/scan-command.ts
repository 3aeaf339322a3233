// breach scan: profiles raw dumps without ever printing a raw value from them.
import Table from 'cli-table3';
import { basename } from 'node:path';
import { BRANCHES } from '../core/vocab.js';
import { InputError } from '../input/diagnostic.js';
import { describe } from '../scan/describe.js';
import { type ColumnProfile, type FileProfile, type Progress, ScanError, scanFile } from '../scan/profile.js';
import { reviewProfile } from '../scan/review.js';
import { fieldById } from '../fields/catalogue.js';
import { detectLang, type Lang, translator, type Translator } from '../i18n/index.js';
import { scanFileFull } from '../scan/full.js';
import { cleanText } from '../util/sanitize.js';
import { EXIT, reportFailure, UsageError } from './errors.js';
import { writeAtomic, writeStdout } from './io.js';
import { dateOption, today } from './shared.js';

interface ScanCommandOptions {
  json?: boolean; full?: boolean; describe?: string; force?: boolean; sector?: 'public' | 'private'; branch?: string; state?: string;
  industry?: string; controller?: string; title?: string; discovered?: string; progress?: boolean; quiet?: boolean;
  lang?: Lang; trustValues?: boolean;
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

/** A column's note as a sentence (codes in the core, words here). */
export function noteText(c: ColumnProfile, t: Translator, lang: Lang): string | undefined {
  const n = c.note;
  const label = (id: string | undefined) => (id ? fieldById(id)?.label[lang] ?? id : '');
  const pct = (x: number | undefined) => String(Math.round((x ?? 0) * 100));
  const column = `${c.index + 1} (${c.name})`;
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
    t('scan.summary', {
      file: cleanText(p.file), rows: n(p.rows), mib: (p.bytes / 1048576).toFixed(1), gzip: p.gzip ? ' gzip' : '', encoding: p.encoding, delimiter: JSON.stringify(p.delimiter),
      header: t(p.hasHeader ? 'scan.header' : 'scan.noHeader'), mode: p.sample.mode === 'full' ? t('scan.mode.full') : t('scan.mode.sample', { rows: n(p.sample.rows) }),
    }),
  ];
  if (p.malformed.rows) lines.push(t('scan.malformed', { rows: p.malformed.rows, lines: `${p.malformed.lines.join(', ')}${p.malformed.rows > p.malformed.lines.length ? ', ...' : ''}` }));
  if (p.malformed.unclosedQuoteLine) lines.push(t('scan.unclosed', { line: p.malformed.unclosedQuoteLine }));
  const table = new Table({ head: ['#', t('scan.col.column'), t('scan.col.field'), t('scan.col.confidence'), t('scan.col.valid'), t('scan.col.examples')], colWidths: [4, 16, 15, 7, 9, 25], wordWrap: true, style: { head: [], border: [] } });
  for (const c of p.columns) table.push([String(c.index + 1), c.name, c.field ?? t('scan.unknown'), c.field ? c.confidence.toFixed(2) : '-', c.validShare === null ? '-' : `${Math.round(c.validShare * 100)}%`, c.examples.join(' ')]);
  lines.push(table.toString());
  const label = (id: string) => fieldById(id)?.label[lang] ?? id;
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

export async function runScan(files: string[], opts: ScanCommandOptions): Promise<number> {
  try {
    const day = today();
    const lang = opts.lang ?? detectLang(process.env);
    const t = translator(lang);
    const discovered = dateOption('--discovered', opts.discovered) ?? day;
    if (opts.describe && !opts.sector) throw new UsageError('--describe needs --sector public|private (and --branch for a public body): breach does not guess who the controller is');
    if (opts.describe && opts.sector === 'public' && !opts.branch) throw new UsageError(`--describe with --sector public needs --branch (${BRANCHES.join(', ')})`);
    const profiles: FileProfile[] = [];
    const problems: InputError['diagnostics'] = [];
    for (const file of files) {
      const onProgress = opts.progress === false || opts.quiet ? undefined : progressBar(basename(file));
      try {
        const p = opts.full ? await scanFileFull(file, file, { today: day, onProgress }) : await scanFile(file, file, { today: day, onProgress });
        profiles.push(reviewProfile(p, { trustValues: !!opts.trustValues }));
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
      const text = describe(profiles, { sector: opts.sector!, ...(opts.branch && { branch: opts.branch }), ...(opts.state && { state: opts.state }), ...(opts.industry && { industry: opts.industry }), ...(opts.controller && { controller: opts.controller }), ...(opts.title && { title: opts.title }), discovered, today: day, t, noteText: (c) => noteText(c, t, lang) });
      writeAtomic(opts.describe, [text], !!opts.force, files);
    }
    if (!opts.quiet) {
      const dropped = profiles.reduce((k, p) => k + p.columns.filter((c) => c.note?.code === 'dropped-trust-values').length, 0);
      if (opts.json) await writeStdout([`${JSON.stringify({ schemaVersion: 1, ...(opts.trustValues && { trustValues: { dropped } }), files: profiles }, null, 2)}\n`]);
      else await writeStdout([...profiles.map((p) => render(p, t, lang)), ...(opts.trustValues ? [`${t('scan.trustValues', { count: dropped })}\n`] : [])]);
    }
    return EXIT.ok;
  } catch (e) {
    return reportFailure(e, process.argv.includes('--debug'), (s) => process.stderr.write(s));
  }
}
