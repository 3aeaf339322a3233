// The parts of an official letter (oficio) around the body of a notice: date line, reference,
// subject, addressee, salutation, closing and signature block; and the legal basis in words.
import { LAWS, GUARANTORS } from '../law/rules.js';
import type { Basis } from '../law/types.js';
import { spanishOrdinal, ordinalForEnglish } from '../util/ordinals.js';
import { longDate } from '../util/long-date.js';

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

/** "a, b y c" / "a, b and c"; Spanish "e" before a word that starts with the sound i ("CURP e historial crediticio"). */
export function joinAnd(list: string[], lang: 'es' | 'en'): string {
  if (list.length < 2) return list[0] ?? '';
  const last = list[list.length - 1]!;
  const and = lang === 'en' ? 'and' : /^h?i(?![aeiouáéíóú])/.test(last) ? 'e' : 'y';
  return `${list.slice(0, -1).join(', ')} ${and} ${last}`;
}

/** One group of an article citation: "3-II, 3-XXVI" → "el artículo 3, fracciones II y XXVI"; "transitorios 4, 19" → "los artículos transitorios 4 y 19". */
function articleGroup(group: string, lang: 'es' | 'en'): string {
  if (/^transitorios$/i.test(group.trim())) return lang === 'es' ? 'los artículos transitorios' : 'the transitory articles';
  const trans = /^transitorios?\s+(.+)$/i.exec(group);
  if (trans) {
    const list = trans[1]!.split(/,\s*/);
    const many = list.length > 1;
    // Decrees number transitory articles by words ("Quinto"): "el artículo quinto transitorio",
    // "the Fifth transitory article"; by figures: "los artículos transitorios 4 y 19".
    if (list.every((x) => spanishOrdinal(x) !== undefined)) {
      if (lang === 'es') return `${many ? 'los artículos' : 'el artículo'} ${joinAnd(list.map((x) => x.toLowerCase()), lang)} ${many ? 'transitorios' : 'transitorio'}`;
      return `the ${joinAnd(list.map(ordinalForEnglish), lang)} ${many ? 'transitory articles' : 'transitory article'}`;
    }
    if (lang === 'es') return `${many ? 'los artículos transitorios' : 'el artículo transitorio'} ${joinAnd(list, lang)}`;
    return `${many ? 'transitory articles' : 'transitory article'} ${joinAnd(list, lang)}`;
  }
  const arts: { num: string; fracs: string[] }[] = [];
  for (const item of group.split(/,\s*/)) {
    const m = /^(\d+(?:\s*bis)?)(?:-([IVXLC]+))?$/.exec(item);
    const num = m ? m[1]! : item;
    let a = arts.find((x) => x.num === num);
    if (!a) arts.push((a = { num, fracs: [] }));
    if (m?.[2]) a.fracs.push(m[2]);
  }
  const text = arts.map((a) => (a.fracs.length
    ? `${a.num}, ${lang === 'es' ? (a.fracs.length > 1 ? 'fracciones' : 'fracción') : (a.fracs.length > 1 ? 'sections' : 'section')} ${joinAnd(a.fracs, lang)}`
    : a.num));
  if (lang === 'es') return `${arts.length > 1 ? 'los artículos' : 'el artículo'} ${joinAnd(text, lang)}`;
  return `${arts.length > 1 ? 'articles' : 'article'} ${joinAnd(text, lang)}`;
}

/** "40, 41" → "los artículos 40 y 41"; "59-IV" → "el artículo 59, fracción IV"; groups split by ";". */
function articles(article: string, lang: 'es' | 'en'): string {
  const groups = article.split(/;\s*/).filter(Boolean).map((g) => articleGroup(g, lang));
  if (groups.length < 2) return groups[0] ?? '';
  // A comma before the last "y" only where a list of fractions would otherwise run into it.
  const before = groups.slice(0, -1);
  const comma = groups.length > 2 || /(fracci|section)/.test(before[before.length - 1]!) ? ',' : '';
  return `${before.join(', ')}${comma} ${lang === 'es' ? 'y' : 'and'} ${groups[groups.length - 1]}`;
}

/** "el artículo 40 de la Ley General de ... y el artículo 66 de los Lineamientos ..." (citations of one law merged). */
export function basisSentence(basis: readonly Basis[], lang: 'es' | 'en'): string {
  const byLaw: { code: string; name: string; articles: string[] }[] = [];
  for (const b of basis) {
    let e = byLaw.find((x) => x.code === b.law);
    if (!e) byLaw.push((e = { code: b.law, name: lawName(b.law), articles: [] }));
    if (b.article) e.articles.push(b.article);
  }
  // Two versions of one law (the 2017 and the 2025 LGPDPPSO) are told apart by their publication.
  const shared = new Set(byLaw.filter((e) => byLaw.some((x) => x !== e && x.name === e.name)).map((e) => e.code));
  for (const e of byLaw) {
    const dof = LAWS[e.code]?.dof;
    if (dof && shared.has(e.code)) e.name += lang === 'es' ? ` publicada en el Diario Oficial de la Federación el ${longDate(dof, lang)}` : ` published in the Diario Oficial de la Federación on ${longDate(dof, lang)}`;
  }
  const parts = byLaw.map(({ name, articles: list }) => {
    const arts = list.length ? articles(list.join('; '), lang) : '';
    if (lang === 'es') {
      const art = lawArticle(name);
      const of = art === 'el' ? `del ${name}` : `de ${art} ${name}`;
      return arts ? `${arts}${/(fracción|fracciones) [IVXLC ,y]+$/.test(arts) ? ', ' : ' '}${of}` : `${art} ${name}`;
    }
    return arts ? `${arts}${/sections? [IVXLC ,and]+$/.test(arts) ? ',' : ''} of the ${name}` : `the ${name}`;
  });
  // Spanish repeats the preposition before each law: "en el artículo 40 de la Ley ... y en el artículo 66 de los Lineamientos".
  if (lang === 'es' && parts.length > 1) return `${parts.slice(0, -1).join(', en ')} y en ${parts[parts.length - 1]}`;
  return joinAnd(parts, lang);
}

/** The full name of a state body from its acronym, where the data know it with certainty. */
export function stateBodyName(acronym: string): string | undefined {
  return GUARANTORS.states.find((g) => g.body === acronym)?.name;
}
