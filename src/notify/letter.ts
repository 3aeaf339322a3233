// The parts of an official letter (oficio) around the body of a notice: date line, reference,
// subject, addressee, salutation, closing and signature block; and the legal basis in words.
import { LAWS, GUARANTORS } from '../law/rules.js';
import type { Basis } from '../law/types.js';

/** A run of text in a letter; `missing` marks a blank the officer must fill. */
export interface Line { text: string; missing?: boolean }

export interface Letter {
  /** The sender's name as a letterhead. */
  letterhead: string;
  /** "Ciudad de México, a 21 de noviembre de 2026." as runs (the place may be a blank). */
  dateline: Line[];
  /** "Oficio núm. ____" (public bodies) or "Referencia: ____"; absent for letters to people. */
  reference?: string;
  subject?: string;
  /** Addressee block: lines, each a run of text and blanks. */
  to: Line[][];
  salutation: string;
  closing: string[];
  /** Signature block, one entry per line, after a line to sign on. */
  signature: Line[];
}

/** The article that goes before a law's name in Spanish ("la Ley", "los Lineamientos"). */
function lawArticle(name: string): string {
  const first = name.split(' ')[0] ?? '';
  if (/^(Lineamientos|Criterios)$/.test(first)) return 'los';
  if (/^(Disposiciones|Reglas|Normas)$/.test(first)) return 'las';
  if (/^(Reglamento|Código|Acuerdo|Decreto|Estatuto)$/.test(first)) return 'el';
  return 'la';
}

/** A law's name as cited in a letter: the official name without the version year breach adds. */
export function lawName(code: string): string {
  const name = LAWS[code]?.name;
  return name ? name.replace(/\s*\(\d{4}\)$/, '') : code;
}

/** "40, 41" → "los artículos 40 y 41"; "59-IV" → "el artículo 59, fracción IV". */
function articles(article: string, lang: 'es' | 'en'): string {
  const list = article.split(/,\s*/).map((a) => {
    const m = /^(\d+(?:\s*bis)?)-([IVXLC]+)$/.exec(a);
    return m ? (lang === 'es' ? `${m[1]}, fracción ${m[2]}` : `${m[1]}, section ${m[2]}`) : a;
  });
  const and = lang === 'es' ? ' y ' : ' and ';
  const joined = list.length > 1 ? `${list.slice(0, -1).join(', ')}${and}${list[list.length - 1]}` : list[0] ?? '';
  if (lang === 'es') return `${list.length > 1 ? 'los artículos' : 'el artículo'} ${joined}`;
  return `${list.length > 1 ? 'articles' : 'article'} ${joined}`;
}

/** "el artículo 40 de la Ley General de ... y el artículo 66 de los Lineamientos ..." */
export function basisSentence(basis: readonly Basis[], lang: 'es' | 'en'): string {
  const parts = basis.map((b) => {
    const name = lawName(b.law);
    if (lang === 'es') {
      const art = lawArticle(name);
      const of = art === 'el' ? `del ${name}` : `de ${art} ${name}`;
      const arts = b.article ? articles(b.article, lang) : '';
      return arts ? `${arts}${/fracción [IVXLC]+$/.test(arts) ? ', ' : ' '}${of}` : `${art} ${name}`;
    }
    const arts = b.article ? articles(b.article, lang) : '';
    return arts ? `${arts}${/section [IVXLC]+$/.test(arts) ? ',' : ''} of the ${name}` : `the ${name}`;
  });
  const and = lang === 'es' ? ' y ' : ' and ';
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')}${and}${parts[parts.length - 1]}` : parts[0] ?? '';
}

/** The full name of a state body from its acronym, where the data know it with certainty. */
export function stateBodyName(acronym: string): string | undefined {
  return GUARANTORS.states.find((g) => g.body === acronym)?.name;
}
