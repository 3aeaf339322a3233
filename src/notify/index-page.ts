// The index of a portfolio's drafts: every incident, each document's file, recipient and due date.
import type { DraftDocument, Section } from './documents.js';
import { notifyEn, notifyEs } from './messages.js';

export interface IndexEntry { id: string; title: string; files: { doc: DraftDocument; name: string }[] }

/** A file-name prefix from an incident's id (INC-01), safe on every file system. */
export function filePrefix(id: string): string {
  const safe = id.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '').slice(0, 60);
  return safe || 'incident';
}

/** The index; `linked` when the drafts are files beside it (--out-dir), so that each file name opens its draft. */
export function indexDocument(entries: IndexEntry[], lang: 'es' | 'en', linked: boolean): DraftDocument {
  const m = lang === 'es' ? notifyEs : notifyEn;
  const sections: Section[] = [
    { code: 'index-lead', heading: '', blocks: [{ kind: 'p', text: m['index.lead'].replace('{count}', String(entries.length)) }] },
    ...entries.map((e) => ({
      code: 'index-incident',
      heading: `${e.id}: ${e.title}`,
      blocks: [{ kind: 'table' as const, head: [m['index.document'], m['index.file'], m['draft.recipient'], m['summary.due']], rows: e.files.map((f) => [f.doc.title, f.name, f.doc.recipient ?? '-', f.doc.due ?? '-']), ...(linked && { link: 1 }) }],
    })),
  ];
  return { id: 'index', title: m['doc.index'], meta: [], sections };
}
