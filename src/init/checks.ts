// The checks `breach init` runs on each answer as it is typed. Pure: each returns true, what the
// answer was read as ({ ok }), or what is wrong with it, in the interface language.
import { parseCount } from '../input/count.js';
import { isLocalDateTime } from '../input/date.js';
import { diagText } from '../input/messages.js';
import type { Lang } from '../i18n/index.js';
import { longDate } from '../util/long-date.js';
import type { InitText } from './messages.js';

/** As the breach/v1 schema: longer texts are refused there too. */
const MAX_TEXT = 2000;

export type CheckResult = true | { ok: string } | string;

export function checkText(m: InitText, required = true): (v: string) => CheckResult {
  return (v) => {
    const s = v.trim();
    if (!s) return required ? m('check.required') : true;
    if (s.length > MAX_TEXT) return m('check.tooLong', { max: MAX_TEXT });
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/.test(s)) return m('check.control');
    return true;
  };
}

/** "YYYY-MM-DD HH:MM" (or with a T), a real date and time, not after `now` ("YYYY-MM-DD HH:MM"). */
export function checkDateTime(m: InitText, lang: Lang, now: string): (v: string) => CheckResult {
  return (v) => {
    const s = v.trim().replace('T', ' ');
    if (!isLocalDateTime(s)) return m('check.dateTime', { example: now });
    if (s > now) return m('check.future', { today: longDate(now.slice(0, 10), lang) });
    return { ok: m('ok.dateTime', { long: `${longDate(s.slice(0, 10), lang)}, ${s.slice(11)}` }) };
  };
}

/** A whole number of records, at least 1, written as 1200, "1,200", 1_200 or 1.2e3. */
export function countOf(v: string): number | undefined {
  const r = parseCount(v.trim());
  return r.ok ? r.value : undefined;
}

export function checkCount(m: InitText, lang: Lang): (v: string) => CheckResult {
  return (v) => {
    const r = parseCount(v.trim());
    if (!r.ok) return capital(diagText(r.key, r.args, lang));
    if (r.value === 0) return m('check.zero');
    return { ok: m('ok.count', { count: r.value.toLocaleString(lang === 'es' ? 'es-MX' : 'en-US') }) };
  };
}

/** Blank (not known), or a whole number of people. */
export function checkOptionalCount(m: InitText, lang: Lang): (v: string) => CheckResult {
  const count = checkCount(m, lang);
  return (v) => (v.trim() === '' ? true : count(v));
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
