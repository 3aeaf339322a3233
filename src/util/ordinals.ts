// Spanish ordinal words as Mexican decrees number their transitory articles ("Primero", "Quinto"),
// and their English counterparts for English text (a Spanish ordinal reads as a foreign word there).
const ES = ['primero', 'segundo', 'tercero', 'cuarto', 'quinto', 'sexto', 'séptimo', 'octavo', 'noveno', 'décimo'];
const EN = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth', 'Ninth', 'Tenth'];
const TENS_ES = ['', 'décimo', 'vigésimo', 'trigésimo'];
const TENS_EN = ['', 'Tenth', 'Twentieth', 'Thirtieth'];
const TEENS_EN = ['Eleventh', 'Twelfth', 'Thirteenth', 'Fourteenth', 'Fifteenth', 'Sixteenth', 'Seventeenth', 'Eighteenth', 'Nineteenth'];

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** "quinto" → 5, "décimo primero" / "decimoprimero" → 11, "vigésimo" → 20; undefined when not an ordinal word. */
export function spanishOrdinal(word: string): number | undefined {
  const w = fold(word).replace(/^(decimo|vigesimo|trigesimo)\s*/, '$1 ').trim();
  const units = ES.map(fold);
  const tens = TENS_ES.map(fold);
  const [a, b] = w.split(' ');
  if (b === undefined) {
    const u = units.indexOf(a!);
    if (u >= 0) return u + 1;
    const t = tens.indexOf(a!);
    return t > 0 ? t * 10 : undefined;
  }
  const t = tens.indexOf(a!);
  const u = units.indexOf(b);
  return t > 0 && u >= 0 && u < 9 ? t * 10 + u + 1 : undefined;
}

/** 5 → "Fifth", 11 → "Eleventh", 24 → "Twenty-fourth". */
export function englishOrdinal(n: number): string {
  if (n >= 1 && n <= 10) return EN[n - 1]!;
  if (n > 10 && n < 20) return TEENS_EN[n - 11]!;
  const t = Math.floor(n / 10);
  const u = n % 10;
  if (t < TENS_EN.length && u === 0) return TENS_EN[t]!;
  if (t < TENS_EN.length) return `${['', '', 'Twenty', 'Thirty'][t]}-${EN[u - 1]!.toLowerCase()}`;
  return String(n);
}

/** A transitory article's number for English text: Spanish ordinal words become English ones. */
export function ordinalForEnglish(item: string): string {
  const n = spanishOrdinal(item);
  return n === undefined ? item : englishOrdinal(n);
}
