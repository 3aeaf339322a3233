// The drafts `breach notify` writes, as a pure document model: one document per obligation that
// applies, one section per item the law requires (the obligation's content codes, from data/law),
// and a placeholder wherever the officer has not supplied what the law asks for.
import type { Assessment } from '../core/assessment.js';
import { fieldById } from '../fields/catalogue.js';
import type { Obligation } from '../law/types.js';
import { basisText, caveatText, caveatTexts, deadlineText, recipientText } from '../report/view.js';
import type { Translator } from '../i18n/index.js';
import { cleanText } from '../util/sanitize.js';
import { decisionRecordBasis } from './decision-record.js';
import { longDate, longDateTime } from '../util/long-date.js';
import { contract } from '../i18n/index.js';
import { hasLoss } from '../law/significance.js';
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
  'sector-report': 'notice-regulator',
};

const WHO: Record<string, string> = { 'notice-data-subjects': 'data-subjects', 'notice-authority': 'authority', 'notice-controller': 'controller', 'notice-regulator': 'regulator' };

export interface DraftOptions {
  /** The date the letters are issued (YYYY-MM-DD): decides who receives a notice when an authority has ceased. */
  issued?: string;
}

export function buildDrafts(a: Assessment, lang: 'es' | 'en', t: Translator, options: DraftOptions = {}): Drafts {
  const table = lang === 'es' ? notifyEs : notifyEn;
  const n = (key: NotifyKey, args?: Record<string, string | number>) => (args ? contract(table[key].replace(/\{(\w+)\}/g, (m, k: string) => (args[k] === undefined ? m : String(args[k]))), lang) : table[key]);
  const num = (x: number) => x.toLocaleString(lang === 'es' ? 'es-MX' : 'en-US');
  const inc = a.incident;
  const r = inc.response;
  const processor = inc.controller.role === 'processor';
  // A processor is never called the controller, even when its name is missing.
  const controller = cleanText(inc.controller.name ?? n(processor ? 'fallback.processor' : 'fallback.controller'));
  const missing: Drafts['missing'] = [];
  const when = (iso: string) => longDateTime(iso, lang);
  if (processor && inc.controller.name === undefined) missing.push({ document: 'summary', code: 'processor-name', text: n('missing.processor-name') });

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

  /** When it is due: the date and time the law engine computed, else what the rule says. */
  const dueText = (o: Obligation): string => {
    const d = o.deadline;
    const parts: string[] = [];
    if (d.due) parts.push(when(d.due));
    else parts.push(d.code === 'immediate' || d.code === 'without-delay' ? n('summary.asap') : t(`deadline.${d.code}`));
    if (d.dueByHours) parts.push(n('summary.byHours', { at: when(d.dueByHours) }));
    if (d.recommended) parts.push(n('summary.recommended', { at: when(d.recommended) }));
    if (d.handover) parts.push(n('summary.handover', { authority: t(`authority.${d.handover.authority}`), until: longDate(d.handover.until, lang), successor: t(`authority.${d.handover.successor}`) }));
    return parts.join('; ');
  };
  const milestoneText = (m: NonNullable<Obligation['deadline']['milestones']>[number]) => `${t(`milestone.${m.code}`, { businessDays: m.businessDays, hours: m.hours })}${m.due ? `: ${when(m.due)}` : ''}`;
  /** The addressee: after an authority ceased, the successor that took over its functions. */
  const handedOver = (o: Obligation) => !!o.deadline.handover && (options.issued === undefined || options.issued > o.deadline.handover.until);
  const addressee = (o: Obligation): string => {
    if (handedOver(o)) return t(`recipient.${o.deadline.handover!.successor}`);
    if (o.code === 'notify-controller' && inc.controller.onBehalfOf?.name) return cleanText(inc.controller.onBehalfOf.name);
    if (o.recipient.code === 'state-guarantor' && !o.recipient.name) return n('addressee.state-unknown');
    return recipientText(o, t);
  };
  // A state body whose guarantor ceased: the addressee is for the officer to establish.
  if (a.obligations.some((o) => o.code === 'notify-authority' && o.recipient.code === 'state-guarantor' && !o.recipient.name)) {
    missing.push({ document: 'notice-authority', code: 'addressee', text: n('missing.addressee') });
  }
  const fromLabel = processor ? n('draft.from.processor') : n('draft.from');
  const metaOf = (o: Obligation): [string, string][] => [
    [n('draft.incident'), cleanText(inc.title ?? a.source)],
    [fromLabel, controller],
    [n('draft.recipient'), cleanText(addressee(o))],
    [n('draft.deadline'), `${deadlineText(o, t)} (${n('summary.due')}: ${dueText(o)})`],
    [n('draft.basis'), [...o.basis, ...(handedOver(o) ? o.deadline.handover!.basis : [])].map(basisText).join('; ')],
    [n('draft.date'), r?.confirmedAt ? when(`${r.confirmedAt.replace(' ', 'T')}`) : longDate(inc.discovered, lang)],
  ];

  const documents: DraftDocument[] = [];
  for (const o of a.obligations) {
    const id = DOC_FOR[o.code];
    if (!id || (id === 'notice-regulator' && !o.content.length)) continue;
    const sections: Section[] = [];
    if (id.startsWith('notice-')) {
      const who = WHO[id]!;
      const intro = who === 'controller'
        ? (o.statutory ? n('intro.controller.statutory', { controller, basis: o.basis.map(basisText).join('; ') }) : n('intro.controller.contract', { controller }))
        : n(`intro.${who}` as NotifyKey, { controller });
      sections.push({ code: 'opening', heading: '', blocks: [
        { kind: 'p', text: n(`greeting.${who}` as NotifyKey, { recipient: cleanText(addressee(o)) }) },
        { kind: 'p', text: intro },
      ] });
    }
    for (const code of o.content) sections.push({ code, heading: n(`item.${code}` as NotifyKey), blocks: sectionFor(id, code) });
    if (id === 'notice-controller' && a.controllerObligations?.length) {
      sections.push({ code: 'controller-duties', heading: n('item.controller-duties'), blocks: [
        { kind: 'p', text: n('controller-duties.lead') },
        { kind: 'list', items: a.controllerObligations.map((x) => `${t(`obligation.${x.code}`)} (${cleanText(recipientText(x, t))}): ${dueText(x)}. ${x.basis.map(basisText).join('; ')}`) },
      ] });
    }
    if (id === 'notice-regulator') {
      const source = a.caveats.find((c) => c.code === 'cnbv-single-source');
      sections.push({ code: 'milestones', heading: n('item.milestones'), blocks: [
        { kind: 'list', items: [n('regulator.immediate'), ...(o.deadline.milestones ?? []).map(milestoneText)] },
        ...(source ? [{ kind: 'p' as const, text: caveatText(source, t), generated: true }] : []),
      ] });
    }
    if (id.startsWith('notice-')) {
      const off = r?.officer;
      sections.push({ code: 'signature', heading: n('draft.officer'), blocks: off
        ? [{ kind: 'p', text: [off.name, off.role, off.email, off.phone].filter(Boolean).map((x) => cleanText(x!)).join(' · ') }]
        : [need(id, 'officer', n('missing.officer'))] });
    }
    documents.push({ id, title: n(`doc.${id}` as NotifyKey), meta: metaOf(o), sections });
  }

  // Not significant (or neutralised): the record of the decision and the evidence behind it.
  const record = decisionRecordBasis(inc.controller.sector, a.asOf);
  if (!a.significantImpact.value && hasLoss(inc) && record) {
    const basis = record.basis.map(basisText).join('; ');
    const neutralised = a.significantImpact.reasons.some((x) => x.code === 'neutralised-unintelligible');
    documents.push({
      id: 'decision-record',
      title: n('doc.decision-record'),
      meta: [[n('draft.incident'), cleanText(inc.title ?? a.source)], [fromLabel, controller], [n('draft.basis'), basis], [n('draft.date'), longDate(inc.discovered, lang)]],
      sections: [
        { code: 'decision-facts', heading: n('item.decision-facts'), blocks: [...natureBlocks(), { kind: 'list', items: dataRows() }] },
        { code: 'decision-reasons', heading: n('item.decision-reasons'), blocks: [
          { kind: 'p', text: n('decision.lead', { authority: inc.controller.sector === 'public' ? n('decision.authority') : '' }) },
          { kind: 'list', items: a.significantImpact.reasons.map((x) => t(`reason.${x.code}`, x.args)), generated: true },
          { kind: 'p', text: n(record.statutory ? 'decision.basis.statutory' : 'decision.basis.practice', { basis }) },
        ] },
        { code: 'decision-evidence', heading: n('item.decision-evidence'), blocks: [{ kind: 'list', checklist: true, items: [
          ...(neutralised ? [n('decision.evidence.encryption'), n('decision.evidence.keys')] : []),
          n('decision.evidence.scope'), n('decision.evidence.review'),
        ] }] },
        { code: 'decision-who', heading: n('item.decision-who'), blocks: [need('decision-record', 'decision-who', n('missing.decision-who'))] },
      ],
    });
  }

  // The summary sheet: every obligation with its deadline as a date and time, and its basis.
  const row = (o: Obligation) => [t(`obligation.${o.code}`), cleanText(addressee(o)), [dueText(o), ...(o.deadline.milestones ?? []).map(milestoneText)].join('; '), o.basis.map(basisText).join('; ')];
  const rows = a.obligations.map(row);
  const ownerRows = (a.controllerObligations ?? []).map(row);
  const assumed = !r?.confirmedAt;
  if (assumed) missing.push({ document: 'summary', code: 'confirmed-at', text: n('missing.confirmed-at') });
  const summary: DraftDocument = {
    id: 'summary',
    title: n('doc.summary'),
    meta: [
      [n('draft.incident'), cleanText(inc.title ?? a.source)],
      [n('draft.from'), controller],
      [n('summary.confirmed'), assumed ? `${longDate(inc.discovered, lang)} (${n('summary.assumed')})` : when(r!.confirmedAt!.replace(' ', 'T'))],
      [n('summary.law'), `${a.asOf}: ${a.law.laws.join(', ') || '-'}`],
      [n('summary.severity'), `${t(`level.${a.severity.level}`)} (${a.severity.score}; ${a.severity.vector})`],
    ],
    sections: [
      { code: 'obligations', heading: n('summary.obligations'), blocks: rows.length
        ? [{ kind: 'table', head: [n('summary.obligation'), n('draft.recipient'), n('summary.due'), n('draft.basis')], rows }, { kind: 'p', text: `${n('summary.timezone')} ${n('summary.holidays')}` }]
        : [{ kind: 'p', text: n('summary.none') }] },
      ...(ownerRows.length ? [{ code: 'controller-obligations', heading: n('summary.controller'), blocks: [{ kind: 'table' as const, head: [n('summary.obligation'), n('draft.recipient'), n('summary.due'), n('draft.basis')], rows: ownerRows }] }] : []),
      ...(missing.length ? [{ code: 'missing', heading: n('summary.missing'), blocks: [{ kind: 'list' as const, items: missing.map((m) => `${n(`doc.${m.document}` as NotifyKey)}: ${m.text}`) }] }] : []),
      { code: 'caveats', heading: n('summary.caveats'), blocks: [{ kind: 'list', items: caveatTexts(a, t) }] },
    ],
  };
  return { documents: [summary, ...documents], missing };
}

export { notifyEn, notifyEs };
