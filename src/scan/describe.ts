// A scanned dump → a breach/v1 description that `breach assess` accepts without edits.
import { Document, isSeq, Scalar } from 'yaml';
import type { ColumnProfile, FileProfile } from './profile.js';
import type { PeopleAcross } from './formats/people.js';
import { cleanText } from '../util/sanitize.js';
import type { TextDataset } from './text/render.js';

export interface DescribeOptions {
  sector: 'public' | 'private';
  branch?: string;
  state?: string;
  industry?: string;
  controller?: string;
  title?: string;
  discovered: string;
  today: string;
  /** Words a column's note in the YAML comments (absent: no comments). */
  noteText?: (c: ColumnProfile) => string | undefined;
  t?: (key: string, args?: Record<string, string | number | undefined>) => string;
  /** Distinct people across datasets that share a key (formats/people.ts). */
  people?: PeopleAcross;
  /** Datasets found in free text (mail, documents: text/render.ts), one per type family. */
  text?: { datasets: TextDataset[]; minors: boolean; files: string[] };
}

/** A dataset's name: the file, and the table or sheet when the file holds several. */
function datasetName(p: FileProfile): string {
  const file = cleanText(p.file.split('/').pop() ?? p.file);
  return p.table !== undefined ? `${file}: ${cleanText(p.table)}` : p.sheet !== undefined ? `${file}: ${cleanText(p.sheet)}` : file;
}

export function describe(all: FileProfile[], o: DescribeOptions): string {
  // A dataset with no column classified says nothing about the leak (a lookup table, a log): left
  // out, and named in a comment, unless nothing else is left.
  const classified = all.filter((p) => p.columns.some((c) => c.field));
  const textSets = o.text?.datasets ?? [];
  const profiles = classified.length || textSets.length ? classified : all;
  const left = all.filter((p) => !profiles.includes(p));
  const groups = profiles.some((p) => (p.minors?.estimate ?? 0) > 0 || (p.minors && p.minors.share > 0)) || o.text?.minors ? ['minors'] : [];
  const single = profiles.length === 1 ? profiles[0] : undefined;
  const count = textSets.length ? undefined : single?.key ? single.key.distinct : o.people?.complete ? o.people.count : undefined;
  const doc = {
    format: 'breach/v1',
    incident: {
      title: o.title ?? `Leaked ${[...new Set([...profiles.map((p) => p.file), ...(o.text?.files ?? [])].map((f) => cleanText(f.split('/').pop() ?? f)))].join(', ').slice(0, 200)}`,
      discovered: o.discovered,
      controller: {
        ...(o.controller && { name: o.controller }),
        sector: o.sector,
        ...(o.branch && { branch: o.branch }),
        ...(o.state && { state: o.state }),
        ...(o.industry && { industry: o.industry }),
      },
      circumstances: { confidentiality: 'unknown-recipients' },
      ...((count !== undefined || groups.length) && {
        subjects: {
          ...(count !== undefined && { count }),
          ...(groups.length && { groups }),
        },
      }),
    },
    datasets: profiles.map((p) => ({
      name: datasetName(p),
      records: p.rows,
      fields: [...new Set(p.columns.filter((c) => c.field).map((c) => c.field!))],
      notes: [
        `breach scan, ${o.today}: ${p.rows} rows (${p.sample.mode === 'full' ? 'every value validated' : `${p.sample.rows} sampled`})`,
        p.key ? `about ${p.key.distinct} distinct people by ${p.key.field}` : undefined,
        p.minors ? (p.minors.unit === 'people'
          ? `about ${p.minors.estimate} minors (${(p.minors.share * 100).toFixed(2)} % of the distinct people; birth date from ${p.minors.field})`
          : `${(p.minors.share * 100).toFixed(2)} % of rows (about ${p.minors.rows}) are about minors by ${p.minors.field} (no key column: rows, not people)`) : undefined,
        p.columns.some((c) => !c.field) ? `${p.columns.filter((c) => !c.field).length} column(s) not classified` : undefined,
      ].filter(Boolean).join('; '),
    })).concat(textSets),
  };
  const header = [
    ...(o.t ? [o.t('scan.describe.header')] : [
      '# Written by `breach scan --describe`: what the dump holds, detected from its columns.',
      '# Review it: circumstances default to unknown recipients; add malice, groups and dates you know.',
    ]),
    ...(left.length ? [`# Left out, no column classified: ${left.map((p) => cleanText(datasetName(p))).join(', ').slice(0, 500)}.`] : []),
    ...(o.people ? [`# Distinct people across ${o.people.datasets} datasets by ${o.people.field}: about ${o.people.count}${o.people.complete ? '' : ' (datasets without that key are not counted: subjects.count left out)'}.`] : []),
  ].join('\n');
  const yaml = new Document(doc);
  if (o.noteText && o.t) {
    // Why a field is listed although its values fail it, or why a column the header names is not:
    // a comment a reviewer sees next to the dataset's fields (never silent).
    profiles.forEach((p, i) => {
      const fields = yaml.getIn(['datasets', i, 'fields'], true);
      if (!isSeq(fields)) return;
      const above: string[] = [];
      for (const c of p.columns) {
        const text = c.note && o.noteText!(c)?.trim();
        if (!text) continue;
        if (c.note!.code === 'header-kept' && c.field) {
          const item = fields.items.find((x) => x instanceof Scalar && x.value === c.field);
          if (item instanceof Scalar) item.comment = ` ${o.t!('scan.describe.kept', { note: text })}`;
        } else if (c.note!.code === 'header-overruled' && !c.field) above.push(o.t!('scan.describe.overruled', { note: text }));
        else if (c.note!.code === 'dropped-trust-values') above.push(o.t!('scan.describe.dropped', { note: text }));
      }
      if (above.length) fields.commentBefore = above.map((l) => ` ${l}`).join('\n');
    });
  }
  return `${header}\n${yaml.toString({ lineWidth: 0 })}`;
}
