// One path → its datasets: sniffs the content, then hands it to the reader of its kind (CSV keeps
// its own byte machine, profile.ts / full.ts). Problems are collected, never thrown, except when
// a file named on the command line cannot be read at all (ScanError, as before).
import { scanFileFull } from '../full.js';
import { type FileProfile, type Progress, ScanError, scanFile, streamError } from '../profile.js';
import { openSource } from '../source.js';
import { ExpansionError } from '../expansion.js';
import { readJson } from './json.js';
import { Problems } from './problems.js';
import { type Kind, sniff } from './sniff.js';
import { readSql } from './sql.js';
import type { TableOptions } from './table.js';
import { readXlsx } from './xlsx.js';
import { readTextFile, type TextFileProfile, type TextFormat } from '../text/read-text.js';

export interface ReadOptions extends TableOptions {
  /** The decompression-bomb guard's ratio for gzip and workbook parts (expansion.ts); 0 lifts it. */
  maxExpansion: number;
  onProgress?: (p: Progress) => void;
}

export interface ReadResult {
  profiles: FileProfile[];
  /** Free-text files (mail, HTML, prose, JSON that is not a table): identifiers found in running text. */
  texts: TextFileProfile[];
  problems: Problems;
  kind: Kind;
}

/**
 * Reads one file. `inFolder`: found while walking a folder, where what is not a dump (binary,
 * unknown) is listed and skipped; a file named by the user is read as CSV when nothing else fits,
 * so its problems are the CSV reader's located errors.
 */
export async function readPath(path: string, label: string, opts: ReadOptions, inFolder = false): Promise<ReadResult> {
  const problems = new Problems(label);
  const { kind, gzip, archive } = await sniff(path);
  const texts: TextFileProfile[] = [];
  const done = (profiles: FileProfile[]) => ({ profiles, problems, kind, texts });
  const text = async (format: TextFormat) => {
    let n = 0;
    const onChunk = opts.onProgress && ((bytes: number, total: number) => { if (++n % 32 === 0) opts.onProgress!({ bytes, total, rows: 0 }); });
    try {
      texts.push(await readTextFile(path, label, format, { today: opts.today, maxExpansion: opts.maxExpansion, ...(onChunk && { onChunk }) }, problems));
    } catch (e) {
      if (e instanceof ScanError || e instanceof ExpansionError) throw e;
      problems.add('scan-failed', 1, { reason: streamError(e).message });
    }
    return done([]);
  };
  switch (kind) {
    case 'binary':
      if (inFolder) { problems.add('folder-unknown', 1); return done([]); }
      return done([await csv(path, label, opts)]);
    case 'csv':
      return done([await csv(path, label, opts)]);
    case 'mail': case 'mbox': case 'html': case 'text': return text(kind);
    case 'archive': problems.add('archive-not-opened', 1, { archive: archive ?? 'zip' }); return done([]);
    case 'xlsx-gzip': problems.add('xlsx-gzip', 1); return done([]);
    case 'xlsx-encrypted': problems.add('xlsx-encrypted', 1); return done([]);
    case 'xlsx-legacy': problems.add('xlsx-legacy', 1); return done([]);
    case 'xlsx': return done(await readXlsx(path, label, opts, problems));
    default: {
      const src = openSource(path, opts.maxExpansion);
      const meta = { file: label, bytes: src.size, gzip };
      let n = 0;
      const onChunk = opts.onProgress && (() => { if (++n % 32 === 0) opts.onProgress!({ bytes: src.readBytes(), total: src.size, rows: 0 }); });
      try {
        const profiles = kind === 'mysql' || kind === 'postgresql'
          ? await readSql(src.chunks, meta, kind === 'mysql', opts, problems, onChunk)
          : await readJson(src.chunks, meta, kind === 'jsonl', opts, problems, onChunk);
        // JSON of any other shape (no records: one nested document, arrays of strings): its text is scanned.
        if (!profiles.length && (kind === 'json' || kind === 'jsonl')) {
          problems.list.length = 0;
          return text('json');
        }
        return done(profiles);
      } catch (e) {
        if (e instanceof ScanError || e instanceof ExpansionError) throw e;
        const err = streamError(e);
        problems.add('scan-failed', 1, { reason: err.message });
        return done([]);
      }
    }
  }
}

async function csv(path: string, label: string, opts: ReadOptions): Promise<FileProfile> {
  const o = { today: opts.today, maxExpansion: opts.maxExpansion, ...(opts.onProgress && { onProgress: opts.onProgress }) };
  const p = opts.full ? await scanFileFull(path, label, o) : await scanFile(path, label, o);
  p.format = 'csv';
  return p;
}
