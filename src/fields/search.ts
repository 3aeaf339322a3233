// Searching the field catalogue by words, as a person types them: Spanish or English, any case,
// with or without accents, ids, labels and aliases alike. Used by `breach fields QUERY` and by the
// data question of `breach init`.
import { FIELDS, type FieldType } from './catalogue.js';
import { normalizeName } from '../util/normalize.js';

/** Lowercase, accents and ñ folded, every run of other characters (and camelCase) a space. */
export function foldWords(raw: string): string {
  return normalizeName(raw).replace(/_/g, ' ');
}

export interface FieldMatch {
  field: FieldType;
  /** The id, label or alias the query matched best, as written in the catalogue. */
  matched: string;
  /** Lower is better: 0 whole name, 1 name starts with the query, 2 a word starts with each query word, 3 substring. */
  rank: number;
}

interface Entry { field: FieldType; names: { text: string; folded: string }[] }
let entries: Entry[] | undefined;

function catalogue(): Entry[] {
  entries ??= FIELDS.map((field) => ({
    field,
    names: [field.id, field.label.es, field.label.en, ...field.aliases.es, ...field.aliases.en].map((text) => ({ text, folded: foldWords(text) })),
  }));
  return entries;
}

function rankName(folded: string, q: string, words: string[]): number | undefined {
  if (folded === q) return 0;
  if (folded.startsWith(q)) return 1;
  const own = folded.split(' ');
  if (words.every((w) => own.some((o) => o.startsWith(w)))) return 2;
  if (folded.replace(/ /g, '').includes(q.replace(/ /g, ''))) return 3;
  return undefined;
}

/**
 * The field types whose id, label or alias matches `query`, best first (then in catalogue
 * order). An empty query matches every field, in catalogue order.
 */
export function searchFields(query: string): FieldMatch[] {
  const q = foldWords(query);
  if (!q) return catalogue().map((e) => ({ field: e.field, matched: e.field.id, rank: 0 }));
  const words = q.split(' ');
  const found: (FieldMatch & { order: number })[] = [];
  catalogue().forEach((e, order) => {
    let best: { rank: number; matched: string } | undefined;
    for (const n of e.names) {
      const rank = rankName(n.folded, q, words);
      if (rank !== undefined && (!best || rank < best.rank)) best = { rank, matched: n.text };
    }
    if (best) found.push({ field: e.field, ...best, order });
  });
  return found.sort((a, b) => a.rank - b.rank || a.order - b.order).map(({ field, matched, rank }) => ({ field, matched, rank }));
}
