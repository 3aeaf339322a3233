// Dates for people, in each language's long form: "20 de marzo de 2025", "March 20, 2025".
// ISO dates stay in JSON and CSV; this is for sentences only.
const MONTHS = {
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
} as const;

/** "2025-03-20" → long form; "2025-03" → month and year; anything else comes back unchanged. */
export function longDate(iso: string, lang: 'es' | 'en'): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[lang][Number(m[2]) - 1];
  if (!month) return iso;
  if (!m[3]) return lang === 'es' ? `${month} de ${m[1]}` : `${month} ${m[1]}`;
  const day = Number(m[3]);
  return lang === 'es' ? `${day} de ${month} de ${m[1]}` : `${month} ${day}, ${m[1]}`;
}

/** "2025-03-22T23:59:59-06:00" → "22 de marzo de 2025, 23:59 (UTC-06:00)". */
export function longDateTime(iso: string, lang: 'es' | 'en'): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?([+-]\d{2}:\d{2}|Z)?$/.exec(iso);
  if (!m) return iso;
  const zone = m[3] ? ` (UTC${m[3] === 'Z' ? '' : m[3]})` : '';
  return `${longDate(m[1]!, lang)}, ${m[2]}${zone}`;
}
