// Due dates of obligations, from the confirmation (response.confirmed_at, else the `discovered`
// date) and the rule's term: hours counted from the calendar day of the confirmation (INAI's
// reading) or from its hour, business days on a dated holiday calendar, and the handover when the
// authority ceases before the term ends. Pure: the incident carries every date it reads.
import type { Incident } from '../core/incident.js';
import authoritiesRaw from '../../data/law/mx/authorities.yaml';
import { addBusinessDays, addDays, calendarInfo, type CalendarId, hasExtraDaysIn, mexicoOffset } from './calendar.js';
import type { Basis, Deadline, Handover, Obligation, Reason, Status } from './types.js';

export interface AuthorityInfo { code: string; name: string; valid_from?: string; valid_to?: string; successor: string; status: Status; checked_on: string; basis: Basis[] }
export const AUTHORITIES = (authoritiesRaw as { authorities: AuthorityInfo[] }).authorities;
/** Who supervised the private sector on a date (IFAI, INAI, SABG). */
export const PRIVATE_SUPERVISOR = (authoritiesRaw as { private_supervisor: { code: string; valid_from: string; valid_to?: string; status: Status; checked_on: string; basis: Basis[] }[] }).private_supervisor;

/** The local wall-clock start of the terms: "YYYY-MM-DD HH:MM" and whether the hour was assumed. */
export interface Start { date: string; time: string; assumed: boolean }

export function startOf(incident: Incident): Start {
  const at = incident.response?.confirmedAt;
  if (at) return { date: at.slice(0, 10), time: at.slice(11, 16), assumed: false };
  return { date: incident.discovered, time: '00:00', assumed: true };
}

/** A local date and time in central Mexico as ISO 8601 with its offset. */
export function isoLocal(date: string, time: string, seconds = '00'): string {
  const local = `${date}T${time}`;
  return `${local}:${seconds}${mexicoOffset(local)}`;
}

const endOfDay = (date: string) => isoLocal(date, '23:59', '59');

function addHoursLocal(date: string, time: string, hours: number): { date: string; time: string } {
  const d = new Date(`${date}T${time}:00Z`);
  d.setTime(d.getTime() + hours * 3_600_000);
  const s = d.toISOString();
  return { date: s.slice(0, 10), time: s.slice(11, 16) };
}

/** Who receives a notice addressed to `authority` after it ceased, for a body of `branch`. */
export type SuccessorLookup = (authority: string, onDate: string) => { code: string; name?: string; basis?: Basis[]; caveats?: Reason[] } | undefined;

/**
 * The obligation with its dates. `successor` names who takes over an authority that ceases before
 * the term ends. Obligations without a term come back unchanged (they are shared between incidents).
 */
export function withDueDates(o: Obligation, start: Start, successor: SuccessorLookup, caveats: Reason[]): Obligation {
  const d = o.deadline;
  const succession = successionOf(o, successor);
  if (d.hours === null && !d.milestones?.length && d.practiceHours === undefined) return succession ? { ...o, succession } : o;
  const deadline: Deadline = { ...d, from: isoLocal(start.date, start.time), ...(start.assumed && { fromAssumed: true }) };
  let last = '';
  if (d.hours !== null) {
    if (d.counting === 'calendar-day') {
      // The term runs from the calendar day of the confirmation: 72 hours end with its third day.
      const lastDay = addDays(start.date, Math.ceil(d.hours / 24) - 1);
      deadline.due = endOfDay(lastDay);
      last = lastDay;
      if (!start.assumed) {
        const byHours = addHoursLocal(start.date, start.time, d.hours);
        deadline.dueByHours = isoLocal(byHours.date, byHours.time);
        if (byHours.date > last) last = byHours.date;
        caveats.push({ code: 'deadline-calendar-day-reading', args: { hours: d.hours } });
      }
    } else {
      const due = addHoursLocal(start.date, start.time, d.hours);
      deadline.due = isoLocal(due.date, due.time);
      last = due.date;
    }
  }
  if (d.practiceHours !== undefined) {
    // Good practice follows the former rule's reading: from the calendar day of the confirmation.
    deadline.recommended = endOfDay(addDays(start.date, Math.ceil(d.practiceHours / 24) - 1));
  }
  if (d.milestones?.length) {
    deadline.milestones = d.milestones.map((m) => {
      if (m.businessDays !== undefined) {
        const cal: CalendarId = d.calendar ?? 'statutory';
        const day = addBusinessDays(start.date, m.businessDays, cal);
        const info = calendarInfo(cal, start.date, day);
        if (info.unpublished.length) caveats.push({ code: 'calendar-unpublished', args: { calendar: cal, years: info.unpublished.join(', ') } });
        // The CNBV's own non-working days (its holiday periods) may or may not extend the term: the
        // earlier date is the due date, and the later one is said.
        if (cal === 'cnbv' && hasExtraDaysIn('cnbv-procedural', start.date, day)) {
          const later = addBusinessDays(start.date, m.businessDays, 'cnbv-procedural');
          if (later !== day) caveats.push({ code: 'cnbv-procedural-days', args: { milestone: m.code, businessDays: m.businessDays, date: day, until: later } });
        }
        return { ...m, due: endOfDay(day) };
      }
      if (m.hours !== undefined) {
        const due = addHoursLocal(start.date, start.time, m.hours);
        return { ...m, due: isoLocal(due.date, due.time) };
      }
      return m;
    });
  }
  // The term runs past the day the authority ceased: the succession is also the term's handover.
  if (succession && last > succession.until) {
    deadline.handover = succession;
    caveats.push({ code: 'authority-handover', args: { authority: succession.authority, until: succession.until, successor: succession.successor, basis: succession.basis.map((b) => `${b.law}${b.article ? ` ${b.article}` : ''}`).join('; ') } });
    // What holds for the successor on the day it takes over (a suspension of its procedures, which body it is).
    caveats.push(...(successor(succession.authority, addDays(succession.until, 1))?.caveats ?? []));
  }
  if (start.assumed) caveats.push({ code: 'deadline-start-assumed', args: { date: start.date } });
  return { ...o, deadline, ...(succession && { succession }) };
}

/** An authority that has ceased (whatever the term): who took over, for a letter written after that day. */
function successionOf(o: Obligation, successor: SuccessorLookup): Handover | undefined {
  const gone = o.authority ? AUTHORITIES.find((x) => x.code === o.authority && x.valid_to) : undefined;
  if (!gone?.valid_to) return undefined;
  const next = successor(gone.code, addDays(gone.valid_to, 1));
  if (!next) return undefined;
  // The basis: why the authority ceased, and the rule that makes the successor competent.
  return { authority: gone.code, until: gone.valid_to, successor: next.code, ...(next.name && { successorName: next.name }), basis: [...gone.basis, ...(next.basis ?? [])], status: gone.status };
}
