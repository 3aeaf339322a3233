// A scanned dump → a breach/v1 description that `breach assess` accepts without edits.
import { Document, isSeq, Scalar } from 'yaml';
import type { ColumnProfile, FileProfile } from './profile.js';

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
}

export function describe(profiles: FileProfile[], o: DescribeOptions): string {
  const groups = profiles.some((p) => (p.minors?.estimate ?? 0) > 0 || (p.minors && p.minors.share > 0)) ? ['minors'] : [];
  const single = profiles.length === 1 ? profiles[0] : undefined;
  const doc = {
    format: 'breach/v1',
    incident: {
      title: o.title ?? `Leaked ${profiles.map((p) => p.file.split('/').pop()).join(', ')}`,
      discovered: o.discovered,
      controller: {
        ...(o.controller && { name: o.controller }),
        sector: o.sector,
        ...(o.branch && { branch: o.branch }),
        ...(o.state && { state: o.state }),
        ...(o.industry && { industry: o.industry }),
      },
      circumstances: { confidentiality: 'unknown-recipients' },
      ...((single?.key || groups.length) && {
        subjects: {
          ...(single?.key && { count: single.key.distinct }),
          ...(groups.length && { groups }),
        },
      }),
    },
    datasets: profiles.map((p) => ({
      name: p.file.split('/').pop() ?? p.file,
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
    })),
  };
  const header = o.t ? o.t('scan.describe.header') : [
    '# Written by `breach scan --describe`: what the dump holds, detected from its columns.',
    '# Review it: circumstances default to unknown recipients; add malice, groups and dates you know.',
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
