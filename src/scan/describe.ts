// A scanned dump → a breach/v1 description that `breach assess` accepts without edits.
import { stringify } from 'yaml';
import type { FileProfile } from './profile.js';

export interface DescribeOptions {
  sector: 'public' | 'private';
  branch?: string;
  state?: string;
  industry?: string;
  controller?: string;
  title?: string;
  discovered: string;
  today: string;
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
        p.minors ? `${(p.minors.share * 100).toFixed(2)} % minors by ${p.minors.field}` : undefined,
        p.columns.some((c) => !c.field) ? `${p.columns.filter((c) => !c.field).length} column(s) not classified` : undefined,
      ].filter(Boolean).join('; '),
    })),
  };
  const header = [
    '# Written by `breach scan --describe`: what the dump holds, detected from its columns.',
    '# Review it: circumstances default to unknown recipients; add malice, groups and dates you know.',
  ].join('\n');
  return `${header}\n${stringify(doc, { lineWidth: 0 })}`;
}
