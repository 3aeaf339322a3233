// The drafts `breach notify` writes, as a pure document model: one document per obligation that
// applies, one section per item the law requires (the obligation's content codes, from data/law),
// and a placeholder wherever the officer has not supplied what the law asks for.
import type { Assessment } from '../core/assessment.js';
import { fieldById } from '../fields/catalogue.js';
import type { Obligation } from '../law/types.js';
import { basisText, caveatTexts, deadlineText, recipientText } from '../report/view.js';
import type { Translator } from '../i18n/index.js';
import { cleanText } from '../util/sanitize.js';
import { computeDeadline, startOf } from './deadlines.js';
import { notifyEn, notifyEs, type NotifyKey } from './messages.js';
import { recommendationsFor } from './recommendations.js';

export type Block =
  | { kind: 'p'; text: string; generated?: boolean }
  | { kind: 'list'; items: string[]; generated?: boolean; checklist?: boolean }
  | { kind: 'missing'; code: string; text: string }
  | { kind: 'table'; head: string[]; rows: string[][] };

export interface Section { code: string; heading: string; blocks: Block[] }

export interface DraftDocument {
  /** Stable id, also the file name: summary, notice-data-subjects, notice-authority, ... */
  id: string;
  title: string;
  meta: [string, string][];
  sections: Section[];
}

export interface Drafts { documents: DraftDocument[]; missing: { document: string; code: string; text: string }[] }

const DOC_FOR: Record<string, string> = {
  'notify-data-subjects': 'notice-data-subjects',
  'notify-authority': 'notice-authority',
  'notify-controller': 'notice-controller',
  'log-breach': 'breach-log',
  'root-cause-analysis': 'root-cause',
};

export function buildDrafts(a: Assessment, lang: 'es' | 'en', t: Translator): Drafts {
  const table = lang === 'es' ? notifyEs : notifyEn;
  const n = (key: NotifyKey, args?: Record<string, string | number>) => (args ? table[key].replace(/\{(\w+)\}/g, (m, k: string) => (args[k] === undefined ? m : String(args[k]))) : table[key]);
  const num = (x: number) => x.toLocaleString(lang === 'es' ? 'es-MX' : 'en-US');
  const inc = a.incident;
  const r = inc.response;
  const controller = cleanText(inc.controller.name ?? (lang === 'es' ? 'el responsable' : 'the controller'));
  const missing: Drafts['missing'] = [];
  const start = startOf(a);

  const need = (doc: string, code: string, text: string): Block => {
    missing.push({ document: doc, code, text });
    return { kind: 'missing', code, text };
  };
  const actions = (doc: string, code: string): Block[] => (r?.actions.length ? [{ kind: 'list', items: r.actions.map((x) => cleanText(x)) }] : [need(doc, code, n(code === 'log-corrective-actions' ? 'missing.log-corrective-actions' : 'missing.corrective-actions'))]);
  const natureBlocks = (): Block[] => {
    if (r?.nature) return [{ kind: 'p', text: cleanText(r.nature) }];
    const c = inc.circumstances;
    const types = [
      c.confidentiality !== 'none' ? n(`nature.confidentiality.${c.confidentiality}` as NotifyKey) : undefined,
      c.integrity !== 'none' ? n(`nature.integrity.${c.integrity}` as NotifyKey) : undefined,
      c.availability !== 'none' ? n(`nature.availability.${c.availability}` as NotifyKey) : undefined,
    ].filter((x): x is string => !!x);
    const extra = [c.malicious && n('nature.malicious'), c.insider && n('nature.insider'), c.unintelligible && n('nature.unintelligible')].filter((x): x is string => !!x);
    return [{ kind: 'p', text: [n('nature.lead', { title: cleanText(inc.title ?? '-'), types: types.join('; ') || '-' }), ...extra].join(' '), generated: true }];
  };
  const dataRows = (): string[] => inc.datasets.map((d) => n('data.row', { dataset: cleanText(d.name), fields: d.fields.map((id) => fieldById(id)?.label[lang] ?? id).join(', '), records: num(d.records) }));
  const recs = recommendationsFor(inc);

  const sectionFor = (doc: string, code: string): Block[] => {
    switch (code) {
      case 'nature':
      case 'log-description':
        return natureBlocks();
      case 'data-compromised':
        return [{ kind: 'list', items: dataRows() }];
      case 'recommendations':
        return [{ kind: 'list', items: recs.map((x) => x.text[lang]) }];
      case 'corrective-actions':
      case 'log-corrective-actions':
        return actions(doc, code);
      case 'more-information': {
        const c = r?.contact;
        const items = c ? (['channel', 'email', 'phone', 'url', 'address'] as const).filter((k) => c[k]).map((k) => n(`contact.${k}`, { value: cleanText(c[k]!) })) : [];
        return items.length ? [{ kind: 'list', items }] : [need(doc, code, n('missing.more-information'))];
      }
      case 'identified-at':
        return r?.identifiedAt ? [{ kind: 'p', text: r.identifiedAt }] : [need(doc, code, n('missing.identified-at'))];
      case 'investigation-start':
        return r?.investigationStartedAt ? [{ kind: 'p', text: r.investigationStartedAt }] : [need(doc, code, n('missing.investigation-start'))];
      case 'people-categories':
        return [{ kind: 'list', items: [
          n('people.count', { count: num(a.subjects) }),
          inc.subjects.groups.length ? n('people.groups', { groups: inc.subjects.groups.map((g) => n(`group.${g}` as NotifyKey)).join(', ') }) : n('people.none'),
          ...dataRows(),
        ] }];
      case 'circumstances':
        return r?.circumstances ? [{ kind: 'p', text: cleanText(r.circumstances) }] : natureBlocks();
      case 'systems-compromised':
        return [r?.systems ? { kind: 'p', text: cleanText(r.systems) } : need(doc, code, n('missing.systems-compromised')), { kind: 'p', text: n('systems.data') }, { kind: 'list', items: dataRows() }];
      case 'consequences':
        return r?.consequences ? [{ kind: 'p', text: cleanText(r.consequences) }] : [{ kind: 'p', text: n('consequences.lead'), generated: true }, { kind: 'list', items: recs.map((x) => x.risk[lang]), generated: true }];
      case 'log-date':
        return [{ kind: 'p', text: r?.confirmedAt ?? inc.discovered }];
      case 'log-reason':
        return r?.cause ? [{ kind: 'p', text: cleanText(r.cause) }] : [need(doc, code, n('missing.log-reason'))];
      case 'rca-causes':
        return [...(r?.cause ? [{ kind: 'p' as const, text: n('rca.cause.given', { cause: cleanText(r.cause) }) }] : []), { kind: 'list', checklist: true, items: [n('rca.causes.1'), n('rca.causes.2'), n('rca.causes.3')] }];
      case 'rca-corrective':
        return [{ kind: 'list', checklist: true, items: [n('rca.corrective.1'), n('rca.corrective.2')] }];
      case 'rca-preventive':
        return [{ kind: 'list', checklist: true, items: [n('rca.preventive.1'), n('rca.preventive.2')] }];
      case 'rca-update-measures':
        return [{ kind: 'list', checklist: true, items: [n('rca.update.1'), n('rca.update.2')] }];
      default:
        return [{ kind: 'p', text: t(`content.${code}`) }];
    }
  };

  /** When it is due: a date and time where the rule sets hours, else what the rule says. */
  const dueText = (o: Obligation, d: ReturnType<typeof computeDeadline>): string => {
    if (d.due) return d.due;
    const base = o.deadline.code === 'immediate' || o.deadline.code === 'without-delay' ? n('summary.asap') : t(`deadline.${o.deadline.code}`);
    return d.recommended ? `${base}; ${n('summary.recommended', { at: d.recommended })}` : base;
  };
  const metaOf = (o: Obligation): [string, string][] => {
    const d = computeDeadline(o, a, start);
    const due = dueText(o, d);
    return [
      [n('draft.incident'), cleanText(inc.title ?? a.source)],
      [n('draft.from'), controller],
      [n('draft.recipient'), cleanText(recipientText(o, t))],
      [n('draft.deadline'), `${deadlineText(o, t)} (${n('summary.due')}: ${due})`],
      [n('draft.basis'), o.basis.map(basisText).join('; ')],
      [n('draft.date'), r?.confirmedAt ?? inc.discovered],
    ];
  };

  const documents: DraftDocument[] = [];
  for (const o of a.obligations) {
    const id = DOC_FOR[o.code];
    if (!id) continue;
    const sections: Section[] = [];
    if (id.startsWith('notice-')) {
      const who = id === 'notice-data-subjects' ? 'data-subjects' : id === 'notice-authority' ? 'authority' : 'controller';
      sections.push({ code: 'opening', heading: '', blocks: [
        { kind: 'p', text: n(`greeting.${who}` as NotifyKey, { recipient: cleanText(recipientText(o, t)) }) },
        { kind: 'p', text: n(`intro.${who}` as NotifyKey, { controller }) },
      ] });
    }
    for (const code of o.content) sections.push({ code, heading: n(`item.${code}` as NotifyKey), blocks: sectionFor(id, code) });
    if (id.startsWith('notice-')) {
      const off = r?.officer;
      sections.push({ code: 'signature', heading: n('draft.officer'), blocks: off
        ? [{ kind: 'p', text: [off.name, off.role, off.email, off.phone].filter(Boolean).map((x) => cleanText(x!)).join(' · ') }]
        : [need(id, 'officer', n('missing.officer'))] });
    }
    documents.push({ id, title: n(`doc.${id}` as NotifyKey), meta: metaOf(o), sections });
  }

  // The summary sheet: every obligation with its deadline as a date and time, and its basis.
  const rows = a.obligations.map((o) => {
    const d = computeDeadline(o, a, start);
    const due = [dueText(o, d), ...d.milestones.map((m) => `${t(`milestone.${m.code}`, { businessDays: m.businessDays, hours: m.hours })}: ${m.due}`)].join('; ');
    return [t(`obligation.${o.code}`), cleanText(recipientText(o, t)), due, o.basis.map(basisText).join('; ')];
  });
  if (start.assumed) missing.push({ document: 'summary', code: 'confirmed-at', text: n('missing.confirmed-at') });
  const summary: DraftDocument = {
    id: 'summary',
    title: n('doc.summary'),
    meta: [
      [n('draft.incident'), cleanText(inc.title ?? a.source)],
      [n('draft.from'), controller],
      [n('summary.confirmed'), start.assumed ? `${inc.discovered} (${n('summary.assumed')})` : start.at],
      [n('summary.law'), `${a.asOf}: ${a.law.laws.join(', ') || '-'}`],
      [n('summary.severity'), `${t(`level.${a.severity.level}`)} (${a.severity.score}; ${a.severity.vector})`],
    ],
    sections: [
      { code: 'obligations', heading: n('summary.obligations'), blocks: rows.length
        ? [{ kind: 'table', head: [n('summary.obligation'), n('draft.recipient'), n('summary.due'), n('draft.basis')], rows }, { kind: 'p', text: `${n('summary.timezone')} ${n('summary.holidays')}` }]
        : [{ kind: 'p', text: n('summary.none') }] },
      ...(missing.length ? [{ code: 'missing', heading: n('summary.missing'), blocks: [{ kind: 'list' as const, items: missing.map((m) => `${n(`doc.${m.document}` as NotifyKey)}: ${m.text}`) }] }] : []),
      { code: 'caveats', heading: n('summary.caveats'), blocks: [{ kind: 'list', items: caveatTexts(a, t) }] },
    ],
  };
  return { documents: [summary, ...documents], missing };
}

export { notifyEn, notifyEs };
