// The totals of the free-text files of one run: per identifier type, the occurrences, the
// distinct values across files (sketches merged, so a value in two files counts once), the files
// that hold it, masked examples; the minors among the distinct CURPs; mail parts read and skipped.
import { CHECKED, TEXT_TYPES, type TextType } from './find.js';
import { TEXT_SKETCHES, type TextFileProfile, type TextFormat } from './read-text.js';

/** Merges the sketches of `texts` still held (those not merged as they arrived) into `totals`, and drops them. */
export function foldSketches(texts: TextFileProfile[], totals: SketchTotals): void {
  for (const t of texts) {
    const s = TEXT_SKETCHES.get(t);
    if (s) { totals.add(s); TEXT_SKETCHES.delete(t); }
  }
}
import { SketchTotals } from './tally.js';

export interface TextTypeTotal {
  type: TextType;
  occurrences: number;
  /** Shaped like the type but failing its check digit (absent for types without one). */
  failedCheck?: number;
  distinct: number;
  distinctMethod: 'exact' | 'hyperloglog';
  files: number;
  /** The first files holding the type (sanitised when printed). */
  fileList: string[];
  examples: string[];
}

export interface TextSummary {
  files: number;
  bytes: number;
  formats: Partial<Record<TextFormat, number>>;
  mail?: { messages: number; attachedMessages: number; textParts: number; htmlParts: number; textAttachments: number; binarySkipped: number; archivesSkipped: number };
  encodings: string[];
  types: TextTypeTotal[];
  minors?: { curps: number; minors: number; share: number };
}

export const FAMILIES: Record<'identity' | 'contact' | 'financial', TextType[]> = {
  identity: ['curp', 'rfc', 'nss', 'ine_voter_key'],
  contact: ['email', 'phone', 'address', 'postal_code'],
  financial: ['clabe', 'card_number'],
};

const FILES_LISTED = 5;

/** The totals of `texts`; their sketches are merged into `totals` (already there for those merged as they arrived). */
export function summarize(texts: TextFileProfile[], totals = new SketchTotals()): TextSummary | undefined {
  if (!texts.length) return undefined;
  foldSketches(texts, totals);
  const formats: TextSummary['formats'] = {};
  const encodings = new Set<string>();
  let mail: TextSummary['mail'];
  const distinct = totals.types;
  const minors = totals.minors;
  const byType = new Map<TextType, TextTypeTotal>();
  for (const t of texts) {
    formats[t.format] = (formats[t.format] ?? 0) + 1;
    for (const e of t.encodings) encodings.add(e);
    if (t.mail) {
      mail ??= { messages: 0, attachedMessages: 0, textParts: 0, htmlParts: 0, textAttachments: 0, binarySkipped: 0, archivesSkipped: 0 };
      for (const k of Object.keys(mail) as (keyof typeof mail)[]) mail[k] += t.mail[k];
    }
    for (const type of TEXT_TYPES) {
      const f = t.found[type];
      if (!f) continue;
      let tot = byType.get(type);
      if (!tot) byType.set(type, (tot = { type, occurrences: 0, ...(CHECKED.has(type) && { failedCheck: 0 }), distinct: 0, distinctMethod: 'exact', files: 0, fileList: [], examples: [] }));
      tot.occurrences += f.occurrences;
      if (tot.failedCheck !== undefined) tot.failedCheck += f.failedCheck;
      if (f.occurrences > 0) {
        tot.files++;
        if (tot.fileList.length < FILES_LISTED) tot.fileList.push(t.file);
      }
      for (const e of f.examples) if (tot.examples.length < 3 && !tot.examples.includes(e)) tot.examples.push(e);
    }
  }
  const types = TEXT_TYPES.filter((t) => byType.has(t)).map((t) => {
    const tot = byType.get(t)!;
    const d = distinct.get(t);
    return { ...tot, distinct: Math.min(d?.count() ?? 0, tot.occurrences), distinctMethod: d && !d.exact ? 'hyperloglog' as const : 'exact' as const };
  });
  const curpCount = Math.min(distinct.get('curp')?.count() ?? 0, byType.get('curp')?.occurrences ?? 0);
  const minorCount = Math.min(minors.count(), curpCount);
  return {
    files: texts.length,
    bytes: texts.reduce((n, t) => n + t.bytes, 0),
    formats,
    ...(mail && { mail }),
    encodings: [...encodings].sort(),
    types,
    ...(curpCount > 0 && { minors: { curps: curpCount, minors: minorCount, share: Math.round((minorCount / curpCount) * 10000) / 10000 } }),
  };
}
