// Deadlines as dates and times, computed from the confirmation date and time (local time in
// Mexico, as the officer writes it). Business days skip Saturdays and Sundays; public holidays
// are not modelled (the summary sheet says so).
import type { Assessment } from '../core/assessment.js';
import type { Obligation } from '../law/types.js';

const pad = (n: number) => String(n).padStart(2, '0');

function parse(local: string): Date {
  return new Date(`${local.replace(' ', 'T')}:00Z`);
}

function format(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export function addHours(local: string, hours: number): string {
  return format(new Date(parse(local).getTime() + hours * 3_600_000));
}

export function addBusinessDays(local: string, days: number): string {
  const d = parse(local);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return format(d);
}

export interface Start { at: string; assumed: boolean }

/** The confirmation time, or the start of the confirmation day when no time was given. */
export function startOf(a: Assessment): Start {
  const given = a.incident.response?.confirmedAt;
  return given ? { at: given, assumed: false } : { at: `${a.incident.discovered} 00:00`, assumed: true };
}

export interface ComputedDeadline {
  /** Date and time the obligation is due, when the rule sets hours. */
  due?: string;
  /** Good-practice date and time where the law says "without delay" but a former rule set hours. */
  recommended?: string;
  milestones: { code: string; due: string; businessDays?: number; hours?: number }[];
}

export function computeDeadline(o: Obligation, a: Assessment, start: Start): ComputedDeadline {
  const out: ComputedDeadline = { milestones: [] };
  if (o.deadline.hours !== null) out.due = addHours(start.at, o.deadline.hours);
  else if (o.code === 'notify-authority' && a.caveats.some((c) => c.code === 'former-72h')) out.recommended = addHours(start.at, 72);
  for (const m of o.deadline.milestones ?? []) {
    const due = m.businessDays !== undefined ? addBusinessDays(start.at, m.businessDays) : m.hours !== undefined ? addHours(start.at, m.hours) : undefined;
    if (due) out.milestones.push({ ...m, due });
  }
  return out;
}
