// Business days in Mexico: Saturdays, Sundays and the non-working days of data/law/mx/holidays.yaml
// (statutory days of LFT art. 74; the CNBV's closing days for banking deadlines). Pure: dates are
// YYYY-MM-DD strings and every computation is done in UTC arithmetic on calendar days.
import raw from '../../data/law/mx/holidays.yaml';
import type { Basis, Status } from './types.js';

interface DayRule { month: number; day: number }
interface CalendarData {
  status: Status;
  checked_on: string;
  basis: Basis[];
  valid_from?: string;
  extends?: string;
  fixed?: DayRule[];
  mondays?: { month: number; nth: number }[];
  transmission?: { from?: string; until?: string; month: number; day: number; years: number[] }[];
  easter?: number[];
  extra?: string[];
  published?: number[];
}

export type CalendarId = 'statutory' | 'cnbv' | 'cnbv-procedural';
const DATA = raw as Record<CalendarId, CalendarData>;

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm). */
export function easter(y: number): string {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(y, month, day);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function nthMonday(y: number, month: number, nth: number): string {
  const first = new Date(Date.UTC(y, month - 1, 1)).getUTCDay();
  const offset = (8 - first) % 7; // days from the 1st to the first Monday
  return iso(y, month, 1 + offset + (nth - 1) * 7);
}

const cache = new Map<string, Set<string>>();

/** The non-working weekdays and weekend holidays of `year` in a calendar. */
export function holidays(id: CalendarId, year: number): Set<string> {
  const key = `${id}|${year}`;
  let set = cache.get(key);
  if (set) return set;
  set = new Set<string>();
  const c = DATA[id];
  if (c.extends) for (const d of holidays(c.extends as CalendarId, year)) set.add(d);
  for (const f of c.fixed ?? []) set.add(iso(year, f.month, f.day));
  for (const m of c.mondays ?? []) set.add(nthMonday(year, m.month, m.nth));
  for (const t of c.transmission ?? []) {
    const d = iso(year, t.month, t.day);
    if (t.years.includes(year) && (!t.from || d >= t.from) && (!t.until || d <= t.until)) set.add(d);
  }
  for (const off of c.easter ?? []) set.add(addDays(easter(year), off));
  for (const d of c.extra ?? []) if (d.startsWith(`${year}-`)) set.add(d);
  cache.set(key, set);
  return set;
}

/** Whether a calendar's own listed days (`extra`) fall in (from, to]: a cheap test before counting on it. */
export function hasExtraDaysIn(id: CalendarId, from: string, to: string): boolean {
  return (DATA[id].extra ?? []).some((d) => d > from && d <= to);
}

export function isBusinessDay(date: string, id: CalendarId): boolean {
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  return wd !== 0 && wd !== 6 && !holidays(id, Number(date.slice(0, 4))).has(date);
}

/** Pure date functions a portfolio calls with the same arguments thousands of times: remembered (bounded). */
function remembered<A extends unknown[]>(f: (...args: A) => string, limit = 20000): (...args: A) => string {
  const seen = new Map<string, string>();
  return (...args) => {
    const key = args.join('|');
    let v = seen.get(key);
    if (v === undefined) {
      if (seen.size >= limit) seen.clear();
      seen.set(key, (v = f(...args)));
    }
    return v;
  };
}

/** The day on which a term of `days` business days counted from `date` ends (the day itself is not counted). */
export const addBusinessDays = remembered(businessDaysAfter);

function businessDaysAfter(date: string, days: number, id: CalendarId): string {
  // Whole days as numbers: a weekday is arithmetic, and only weekdays are looked up as dates.
  const DAY = 86_400_000;
  let t = Date.parse(`${date}T00:00:00Z`);
  let d = date;
  let left = days;
  while (left > 0) {
    t += DAY;
    const wd = (Math.floor(t / DAY) + 4) % 7; // 1970-01-01 was a Thursday
    if (wd === 0 || wd === 6) continue;
    d = new Date(t).toISOString().slice(0, 10);
    if (!holidays(id, Number(d.slice(0, 4))).has(d)) left--;
  }
  return days > 0 ? d : date;
}

/** What a report must say about the calendar used between two dates: its status and whether the years were published. */
export function calendarInfo(id: CalendarId, from: string, to: string): { status: Status; basis: Basis[]; unpublished: number[] } {
  const c = DATA[id];
  const years: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) years.push(y);
  const published = c.published ?? [];
  const base = c.extends ? DATA[c.extends as CalendarId] : undefined;
  return {
    status: c.status,
    basis: [...(base?.basis ?? []), ...c.basis],
    unpublished: c.published ? years.filter((y) => !published.includes(y)) : [],
  };
}

/**
 * The UTC offset of central Mexico (America/Mexico_City) at a local date and time, as "-06:00".
 * Daylight saving (-05:00) ran from 02:00 on the first Sunday of April to 02:00 on the last Sunday
 * of October from 1996 to 2022 (in 2001, first Sunday of May to last Sunday of September); the
 * Ley de los Husos Horarios ended it on 2022-10-30. The hour 01:00-01:59 that repeats when it ends
 * is read as its first (daylight) occurrence, the earlier instant. Computed by rule (Intl is slow);
 * test/report.test.ts checks the rule against Intl's time-zone history day by day.
 */
export function mexicoOffset(local: string): string {
  const y = Number(local.slice(0, 4));
  if (y < 1996 || y > 2022) return '-06:00';
  const [start, end] = y === 2001 ? [nthSunday(y, 5, 1), lastSunday(y, 9)] : [nthSunday(y, 4, 1), lastSunday(y, 10)];
  const t = local.slice(0, 16).replace(' ', 'T');
  return t >= `${start}T02:00` && t < `${end}T02:00` ? '-05:00' : '-06:00';
}

/** Today's date in central Mexico (not UTC's: at 19:00 in Mexico City, UTC is already tomorrow). */
export function mexicoToday(now: Date = new Date()): string {
  const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000).toISOString().slice(0, 16);
  const standard = at(-6);
  return (mexicoOffset(standard) === '-05:00' ? at(-5) : standard).slice(0, 10);
}

function nthSunday(y: number, month: number, nth: number): string {
  const first = new Date(Date.UTC(y, month - 1, 1)).getUTCDay();
  return iso(y, month, 1 + ((7 - first) % 7) + (nth - 1) * 7);
}

function lastSunday(y: number, month: number): string {
  const last = new Date(Date.UTC(y, month, 0));
  return iso(y, month, last.getUTCDate() - last.getUTCDay());
}

/** The offset from Intl's time-zone data (the reference the rule above is tested against). */
export function intlOffset(local: string): string {
  return computeOffset(local);
}

function computeOffset(local: string): string {
  // Mexico City kept daylight saving time until 2022-10-30 (first Sunday of April to the last
  // Sunday of October); Intl knows the history.
  const guess = new Date(`${local}:00Z`);
  const fmt = offsetFormat ??= new Intl.DateTimeFormat('en-US', { timeZone: 'America/Mexico_City', timeZoneName: 'longOffset' });
  const name = fmt.formatToParts(new Date(guess.getTime() + 6 * 3_600_000)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT-06:00';
  const m = /GMT([+-]\d{2}):?(\d{2})?/.exec(name);
  return m ? `${m[1]}:${m[2] ?? '00'}` : '-06:00';
}
let offsetFormat: Intl.DateTimeFormat | undefined;
