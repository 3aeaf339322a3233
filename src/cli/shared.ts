import { isIsoDate } from '../input/date.js';
import { mexicoToday } from '../law/calendar.js';
import { detectLang, type Lang, translator, type Translator } from '../i18n/index.js';
import { UsageError } from './errors.js';

export function langOf(opts: { lang?: Lang }): { lang: Lang; t: Translator } {
  const lang = opts.lang ?? detectLang(process.env);
  return { lang, t: translator(lang) };
}

/** Validates a --as-of style date option. */
export function dateOption(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) throw new UsageError(`${name} must be a real date written YYYY-MM-DD (got "${value.slice(0, 30)}")`, 'date-option', { name, value: value.slice(0, 30) });
  return value;
}

/** Today's date; BREACH_TODAY (YYYY-MM-DD) pins it for reproducible runs and tests. */
export function today(): string {
  const pinned = process.env.BREACH_TODAY;
  return pinned && isIsoDate(pinned) ? pinned : mexicoToday();
}

export function out(s: string): void {
  process.stdout.write(s);
}
