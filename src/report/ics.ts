// --format ics: one calendar event per obligation that has a due date, with a reminder a day
// before (RFC 5545: CRLF line ends, lines folded at 75 octets, TEXT escaped, UID and DTSTAMP).
// Times are UTC (the due dates carry their offset), so every calendar shows them rightly.
// Hand-written: the format needs ~60 lines here, less than a dependency would cost to vet.
import { createHash } from 'node:crypto';
import type { Assessment } from '../core/assessment.js';
import { dueOf } from './summary.js';
import { basisList, deadlineText, recipientText, type ReportContext, userText } from './view.js';

const CRLF = '\r\n';

/** TEXT values: backslash, semicolon, comma and newlines escaped (RFC 5545 §3.3.11). */
export function icsText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line into lines of at most 75 octets, never inside a UTF-8 character (§3.1). */
export function fold(line: string): string {
  const bytes = Buffer.byteLength(line);
  if (bytes <= 75) return line;
  const out: string[] = [];
  let cur = '';
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    if (size + n > limit) {
      out.push(cur);
      cur = '';
      size = 0;
      limit = 74; // continuation lines start with a space
    }
    cur += ch;
    size += n;
  }
  out.push(cur);
  return out.join(`${CRLF} `);
}


function utcStamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export interface IcsContext extends ReportContext { now?: Date }

export function* render(assessments: Iterable<Assessment>, ctx: IcsContext): Generator<string> {
  const { t } = ctx;
  const stamp = utcStamp(ctx.now ?? new Date());
  const line = (s: string) => `${fold(s)}${CRLF}`;
  yield ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:-//breach//breach ${ctx.version}//${ctx.lang.toUpperCase()}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${icsText(t('ui.report.title'))}`].map(line).join('');
  for (const a of assessments) {
    let out = '';
    for (const o of a.obligations) {
      // `deadline.due` (ISO 8601 with offset, from the law engine), else the first milestone.
      const due = dueOf(o);
      if (!due || Number.isNaN(Date.parse(due))) continue;
      const title = userText(a.incident.title, t('ui.untitled'));
      const uid = createHash('sha256').update(`${a.source}\u0000${o.code}\u0000${due}`).digest('hex').slice(0, 32);
      const description = t('ics.description', { deadline: deadlineText(o, t), recipient: recipientText(o, t), basis: basisList(o.basis, ctx.lang), source: userText(a.source), version: ctx.version });
      const summary = t('ics.summary', { obligation: t(`obligation.${o.code}`), title });
      out += [
        'BEGIN:VEVENT',
        `UID:${uid}@breach.invalid`,
        `DTSTAMP:${stamp}`,
        `DTSTART:${utcStamp(new Date(due))}`,
        'DURATION:PT1H',
        `SUMMARY:${icsText(summary)}`,
        `DESCRIPTION:${icsText(description)}`,
        `CATEGORIES:${icsText(o.code)}`,
        'TRANSP:TRANSPARENT',
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        'TRIGGER:-PT24H',
        `DESCRIPTION:${icsText(summary)}`,
        'END:VALARM',
        'END:VEVENT',
      ].map(line).join('');
    }
    if (out) yield out;
  }
  yield line('END:VCALENDAR');
}
