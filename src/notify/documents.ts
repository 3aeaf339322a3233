// The drafts `breach notify` writes, as a pure document model: one document per obligation that
// applies, one section per item the law requires (the obligation's content codes, from data/law),
// and a placeholder wherever the officer has not supplied what the law asks for.
import type { Assessment } from '../core/assessment.js';
import type { Obligation } from '../law/types.js';
import { basisList, caveatText, lawCite, caveatTexts, deadlineText, reasonTexts, recipientText } from '../report/view.js';
import type { Translator } from '../i18n/index.js';
import { cleanText } from '../util/sanitize.js';
import { decisionRecordBasis } from './decision-record.js';
import { longDate, longDateTime } from '../util/long-date.js';
import { contract } from '../i18n/index.js';
import { hasLoss } from '../law/significance.js';
import { notifyEn, notifyEs, type NotifyKey } from './messages.js';
import { recommendationsFor } from './recommendations.js';
import { basisSentence, joinAnd, type Letter, type Line, stateBodyName } from './letter.js';
import { fieldLabel } from '../report/view.js';
import { fill } from '../i18n/fill.js';

export type Block =
  | { kind: 'p'; text: string; generated?: boolean }
  | { kind: 'list'; items: string[]; generated?: boolean; checklist?: boolean; /** program messages whose `code spans` are set as code */ code?: boolean }
  | { kind: 'missing'; code: string; text: string }
  | { kind: 'table'; head: string[]; rows: string[][]; /** the column that holds file names, linked in HTML and Markdown */ link?: number };

export interface Section { code: string; heading: string; blocks: Block[] }

export interface DraftDocument {
  /** Stable id, also the file name: summary, notice-data-subjects, notice-authority, ... */
  id: string;
  title: string;
  meta: [string, string][];
  /** Notices are letters: date line, reference, addressee, salutation, closing and signature. */
  letter?: Letter;
  /** For an index of drafts: who receives the document and when it is due, in words. */
  recipient?: string;
  due?: string;
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

/** Caveat codes that say breach models no obligations here (the law may still require some). */
const NOT_MODELLED_REASONS = new Set(['public-law-not-in-force', 'private-law-not-in-force', 'rule-gap']);

/** Milestones owed to the customers, not to the regulator. */
const TO_CUSTOMERS = (code: string) => code.endsWith('-customers');

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];

const WHO: Record<string, string> = { 'public-notice': 'public', 'notice-data-subjects': 'data-subjects', 'notice-authority': 'authority', 'notice-controller': 'controller', 'notice-regulator': 'regulator' };

export interface DraftOptions {
  /** The date the letters are issued (YYYY-MM-DD): decides who receives a notice when an authority has ceased. */
  issued?: string;
}

export function buildDrafts(a: Assessment, lang: 'es' | 'en', t: Translator, options: DraftOptions = {}): Drafts {
  const table = lang === 'es' ? notifyEs : notifyEn;
  const n = (key: NotifyKey, args?: Record<string, string | number>) => (args ? contract(fill(table[key], args), lang) : table[key]);
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
  const c = inc.circumstances;
  const breachTypes = (): string => [
    c.confidentiality !== 'none' ? n(`nature.confidentiality.${c.confidentiality}` as NotifyKey) : undefined,
    c.integrity !== 'none' ? n(`nature.integrity.${c.integrity}` as NotifyKey) : undefined,
    c.availability !== 'none' ? n(`nature.availability.${c.availability}` as NotifyKey) : undefined,
  ].filter((x): x is string => !!x).join('; ') || '-';
  const circumstanceFacts = (): string[] => [c.malicious && n('nature.malicious'), c.insider && n('nature.insider'), c.unintelligible && n('nature.unintelligible')].filter((x): x is string => !!x);
  /** The internal account (log, decision record): the incident's own title and what kind of breach it was. */
  const natureBlocks = (): Block[] => {
    if (r?.nature) return [{ kind: 'p', text: cleanText(r.nature) }];
    return [{ kind: 'p', text: [n('nature.lead', { title: cleanText(inc.title ?? '-'), types: breachTypes() }), ...circumstanceFacts()].join(' '), generated: true }];
  };
  /** What kind of breach it was, for a letter: never the internal title. */
  const natureLetter = (): Block[] => (r?.nature ? [{ kind: 'p', text: cleanText(r.nature) }] : [{ kind: 'p', text: n('nature.types', { types: breachTypes() }), generated: true }]);
  /** What happened, told to the people affected: the neutral summary the officer wrote, else a blank. */
  const publicSummary = (doc: string): Block[] => [
    r?.publicSummary ? { kind: 'p', text: cleanText(r.publicSummary) } : need(doc, 'public-summary', n('missing.public-summary')),
    { kind: 'p', text: n('nature.types.subjects', { types: breachTypes() }), generated: true },
  ];
  /** The data involved as people understand them: the field types by label, once each. */
  const dataLabels = (): string => joinAnd([...new Set(inc.datasets.flatMap((d) => d.fields))].map((id) => fieldLabel(id, lang)), lang);
  const dataRows = (): string[] => inc.datasets.map((d) => n(d.records === 1 ? 'data.row.one' : 'data.row', { dataset: cleanText(d.name), fields: joinAnd(d.fields.map((id) => fieldLabel(id, lang)), lang), records: num(d.records) }));
  // Datasets that hold different data: each person is told what the record holding them held, not the union
  // (4 million people must not read that their health data leaked because one record held someone's).
  const sameData = inc.datasets.every((d) => d.fields.join('|') === inc.datasets[0]!.fields.join('|'));
  const subjectsData = (doc: string): Block[] => (sameData
    ? [{ kind: 'p', text: n(doc === 'public-notice' ? 'data.public' : 'data.subjects', { fields: dataLabels() }) }]
    : [{ kind: 'p', text: n(doc === 'public-notice' ? 'data.public.by-dataset' : 'data.subjects.by-dataset') }, { kind: 'list', items: inc.datasets.map((d) => `${cleanText(d.name)}: ${joinAnd(d.fields.map((id) => fieldLabel(id, lang)), lang)}`) }]);
  const recs = recommendationsFor(inc);

  const sectionFor = (doc: string, code: string, codes: readonly string[] = []): Block[] => {
    switch (code) {
      case 'nature':
        return doc === 'notice-data-subjects' || doc === 'public-notice' ? publicSummary(doc) : natureLetter();
      case 'log-description':
        return natureBlocks();
      case 'data-compromised':
        return doc === 'notice-data-subjects' || doc === 'public-notice' ? subjectsData(doc) : [{ kind: 'list', items: dataRows() }];
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
        return r?.identifiedAt ? [{ kind: 'p', text: when(r.identifiedAt.replace(' ', 'T')) }] : [need(doc, code, n('missing.identified-at'))];
      case 'investigation-start':
        return r?.investigationStartedAt ? [{ kind: 'p', text: when(r.investigationStartedAt.replace(' ', 'T')) }] : [need(doc, code, n('missing.investigation-start'))];
      case 'people-categories':
        return [{ kind: 'list', items: [
          n('people.count', { count: num(a.subjects) }),
          inc.subjects.groups.length ? n('people.groups', { groups: joinAnd(inc.subjects.groups.map((g) => t(`group.${g}`)), lang) }) : n('people.none'),
          ...inc.datasets.map((d) => n(d.records === 1 ? 'people.row.one' : 'people.row', { dataset: cleanText(d.name), records: num(d.records) })),
        ] }];
      case 'circumstances':
        return [
          r?.circumstances ? { kind: 'p', text: cleanText(r.circumstances) } : need(doc, code, n('missing.circumstances')),
          ...(circumstanceFacts().length ? [{ kind: 'p' as const, text: circumstanceFacts().join(' '), generated: true }] : []),
        ];
      case 'systems-compromised':
        return [r?.systems ? { kind: 'p', text: cleanText(r.systems) } : need(doc, code, n('missing.systems-compromised')), ...(codes.includes('data-compromised')
          ? [{ kind: 'p' as const, text: n('systems.see', { section: ROMAN[codes.indexOf('data-compromised')]! }) }]
          : [{ kind: 'p' as const, text: n('systems.data') }, { kind: 'list' as const, items: dataRows() }])];
      case 'consequences':
        return r?.consequences ? [{ kind: 'p', text: cleanText(r.consequences) }] : [{ kind: 'p', text: n('consequences.lead') }, { kind: 'list', items: recs.map((x) => x.risk[lang]), generated: true }];
      case 'log-date':
        // Art. 33 asks when the breach happened: not the confirmation date, which comes later.
        return r?.occurredAt ? [{ kind: 'p', text: when(r.occurredAt.replace(' ', 'T')) }] : [need(doc, code, n('missing.log-date'))];
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
    else parts.push(d.code === 'immediate' || d.code === 'without-delay' ? n(`summary.${d.code}`) : t(`deadline.${d.code}`));
    // After the reform a state body's own law may set a term (caveat state-deadline-after-reform).
    if (o.recipient.code === 'state-guarantor' && d.code === 'without-delay') parts.push(n('summary.state-law'));
    if (d.dueByHours) parts.push(n('summary.byHours', { at: when(d.dueByHours) }));
    if (d.recommended) parts.push(n('summary.recommended', { at: when(d.recommended) }));
    if (d.handover) parts.push(n('summary.handover', { authority: t(`authority.${d.handover.authority}`), until: longDate(d.handover.until, lang), successor: t(`authority.${d.handover.successor}`) }));
    return parts.join('; ');
  };
  const milestoneText = (m: NonNullable<Obligation['deadline']['milestones']>[number]) => `${t(`milestone.${m.code}`, { businessDays: m.businessDays, hours: m.hours })}${m.due ? `: ${when(m.due)}` : ''}`;
  /** The addressee: after an authority ceased, the successor that took over its functions. */
  // The authority ceased before the letter is written (a term that ran past that day, or a late
  // letter): the successor receives it. Without an issue date, the handover of the term decides.
  const ceased = (o: Obligation) => (options.issued !== undefined ? o.succession ?? o.deadline.handover : o.deadline.handover);
  const handedOver = (o: Obligation) => { const h = ceased(o); return !!h && (options.issued === undefined || options.issued > h.until); };
  const addressee = (o: Obligation): string => {
    if (handedOver(o)) return t(`recipient.${ceased(o)!.successor}`);
    if (o.code === 'notify-controller' && inc.controller.onBehalfOf?.name) return cleanText(inc.controller.onBehalfOf.name);
    if (o.recipient.code === 'state-guarantor' && !o.recipient.name) return n('addressee.state-unknown');
    return recipientText(o, t);
  };
  // A state body whose guarantor ceased: the addressee is for the officer to establish.
  if (a.obligations.some((o) => o.code === 'notify-authority' && o.recipient.code === 'state-guarantor' && !o.recipient.name)) {
    missing.push({ document: 'notice-authority', code: 'state-guarantor', text: n('missing.state-guarantor') });
  }
  const fromLabel = processor ? n('draft.from.processor') : n('draft.from');
  const confirmedText = r?.confirmedAt ? when(r.confirmedAt.replace(' ', 'T')) : longDate(inc.discovered, lang);
  /** Internal lines of an entry that is not a letter (breach log, root-cause checklist). */
  const metaOf = (o: Obligation): [string, string][] => [
    [n('draft.incident'), cleanText(inc.title ?? a.source)],
    [fromLabel, controller],
    [n('draft.basis'), basisList([...o.basis, ...(handedOver(o) ? ceased(o)!.basis : [])], lang)],
    [n('draft.date'), confirmedText],
  ];

  /** Who a letter goes to, after a handover the successor: the institution's full name, or a blank for it. */
  const institution = (o: Obligation): Line[] => {
    const code = handedOver(o) ? ceased(o)!.successor : o.recipient.code;
    // A ceased state guarantor: the officer names the authority the state's law designates (listed once as missing).
    if (code === 'state-guarantor' && !o.recipient.name) return [{ text: n('addressee.state-unknown'), missing: true }];
    if (code === 'state-guarantor' && o.recipient.name) {
      const full = stateBodyName(o.recipient.name);
      return full ? [{ text: full }] : [{ text: `${cleanText(o.recipient.name)}: ` }, { text: n('missing.body-name'), missing: true }];
    }
    const key = `institution.${code}` as NotifyKey;
    if (table[key]) return [{ text: n(key) }];
    return [{ text: code === o.recipient.code ? cleanText(recipientText(o, t)) : t(`recipient.${code}`) }];
  };
  const blank = (doc: string, code: string, text: string): Line => {
    missing.push({ document: doc, code, text });
    return { text, missing: true };
  };
  const person = (id: string, who: string): Line => {
    const given = r?.addressee?.[who as 'authority' | 'regulator' | 'controller'];
    return given ? { text: cleanText(given) } : blank(id, 'addressee', n('missing.addressee', { field: who }));
  };
  /** The sender's name in a letter: a bracketed blank when the description does not give it. */
  const sender = inc.controller.name !== undefined ? controller : n(processor ? 'fallback.processor' : 'fallback.letter-controller');
  const letterFor = (id: string, o: Obligation): Letter => {
    const who = WHO[id]!;
    const place: Line = r?.place ? { text: cleanText(r.place) } : blank(id, 'place', n('missing.place'));
    const date: Line = options.issued ? { text: longDate(options.issued, lang) } : { text: n('missing.date'), missing: true };
    const to: Line[][] = who === 'data-subjects' || who === 'public'
      ? []
      : who === 'controller'
        ? [[person(id, who)], [inc.controller.onBehalfOf?.name ? { text: cleanText(inc.controller.onBehalfOf.name) } : blank(id, 'controller-name', n('missing.controller-name'))]]
        : [[person(id, who)], institution(o)];
    const off = r?.officer;
    const signature: Line[] = [
      off ? { text: cleanText(off.name) } : blank(id, 'officer', n('missing.officer')),
      ...(off?.role ? [{ text: cleanText(off.role) }] : off ? [blank(id, 'officer-role', n('missing.officer-role'))] : []),
      { text: processor ? n('signature.processor', { controller: sender }) : sender },
      ...[off?.email, off?.phone].filter((x): x is string => !!x).map((x) => ({ text: cleanText(x) })),
    ];
    return {
      letterhead: sender,
      dateline: table['letter.dateline'].split(/(\{place\}|\{date\})/).filter(Boolean).map((x) => (x === '{place}' ? place : x === '{date}' ? date : { text: x })),
      ...(who === 'data-subjects' || who === 'public' ? {} : { reference: n(inc.controller.sector === 'public' ? 'letter.reference.public' : 'letter.reference.private'), subject: n(`subject.${who}` as NotifyKey) }),
      to,
      salutation: n(`salutation.${who}` as NotifyKey),
      closing: [n(`closing.${who}` as NotifyKey), n('letter.regards')],
      signature,
    };
  };
  const kind = n(processor ? 'kind.processor' : inc.controller.sector === 'public' ? 'kind.public' : 'kind.private');
  const introOf = (id: string, o: Obligation): string => {
    const who = WHO[id]!;
    const args = { controller: sender, kind, basis: basisSentence([...o.basis, ...(handedOver(o) ? ceased(o)!.basis : [])], lang), confirmed: confirmedText };
    if (who === 'controller') return n(o.statutory ? 'intro.controller.statutory' : 'intro.controller.contract', args);
    return n(`intro.${who}` as NotifyKey, args);
  };

  const documents: DraftDocument[] = [];
  const letterDoc = (id: string, o: Obligation, codes: readonly string[]): DraftDocument => {
    const roman = id !== 'notice-data-subjects' && id !== 'public-notice';
    const sections: Section[] = [{ code: 'opening', heading: '', blocks: [{ kind: 'p', text: introOf(id, o) }] }];
    codes.forEach((code, k) => sections.push({ code, heading: roman ? `${ROMAN[k]}. ${n(`item.${code}` as NotifyKey)}` : n((id === 'public-notice' && table[`public-item.${code}` as NotifyKey] ? `public-item.${code}` : table[`people-item.${code}` as NotifyKey] ? `people-item.${code}` : `item.${code}`) as NotifyKey), blocks: sectionFor(id, code, codes) }));
    if (id === 'notice-controller' && a.controllerObligations?.length) {
      sections.push({ code: 'controller-duties', heading: `${ROMAN[codes.length]}. ${n('item.controller-duties')}`, blocks: [
        { kind: 'p', text: n('controller-duties.lead') },
        { kind: 'list', items: a.controllerObligations.map((x) => n(x.recipient.code === 'internal' ? 'controller-duties.internal' : x.recipient.code === 'data-subjects' ? 'controller-duties.subjects' : 'controller-duties.item', { obligation: t(`obligation.${x.code}`), recipient: cleanText(recipientText(x, t)), due: t(`deadline.${x.deadline.code}`), basis: basisSentence(x.basis, lang) })) },
      ] });
    }
    if (id === 'notice-regulator' && o.deadline.milestones?.length) {
      sections.push({ code: 'milestones', heading: `${ROMAN[sections.length - 1]}. ${n('item.milestones')}`, blocks: [
        { kind: 'p', text: n('regulator.commitment') },
        { kind: 'list', items: o.deadline.milestones.filter((m) => !TO_CUSTOMERS(m.code)).map(milestoneText) },
        // A milestone owed to the customers is no delivery to the regulator: said apart.
        ...o.deadline.milestones.filter((m) => TO_CUSTOMERS(m.code)).map((m) => ({ kind: 'p' as const, text: n('regulator.customers', { hours: m.hours ?? '', due: m.due ? when(m.due) : '' }) })),
      ] });
    }
    const source = id === 'notice-regulator' ? a.caveats.find((c) => c.code === 'cnbv-single-source') : undefined;
    const note = id === 'public-notice' ? n('public-notice.caveat') : source ? caveatText(source, t) : undefined;
    return { id, title: n(`doc.${id}` as NotifyKey), meta: note ? [[n('draft.note'), note]] : [], letter: letterFor(id, o), sections, recipient: cleanText(addressee(o)), due: dueText(o) };
  };
  for (const o of a.obligations) {
    const id = DOC_FOR[o.code];
    if (!id || (id === 'notice-regulator' && !o.content.length)) continue;
    if (id.startsWith('notice-')) {
      documents.push(letterDoc(id, o, o.content));
      // Mass notification: the same content as a public notice, when individual notice is disproportionate.
      if (id === 'notice-data-subjects' && r?.channel === 'public-notice') documents.push(letterDoc('public-notice', o, o.content));
      continue;
    }
    const sections: Section[] = o.content.map((code) => ({ code, heading: n(`item.${code}` as NotifyKey), blocks: sectionFor(id, code) }));
    documents.push({ id, title: n(`doc.${id}` as NotifyKey), meta: metaOf(o), sections, recipient: cleanText(addressee(o)), due: dueText(o) });
  }

  // Not significant (or neutralised): the record of the decision and the evidence behind it.
  const record = decisionRecordBasis(inc.controller.sector, a.asOf);
  if (!a.significantImpact.value && hasLoss(inc) && record) {
    const basis = basisList(record.basis, lang);
    const neutralised = a.significantImpact.reasons.some((x) => x.code === 'neutralised-unintelligible');
    documents.push({
      id: 'decision-record',
      title: n('doc.decision-record'),
      meta: [[n('draft.incident'), cleanText(inc.title ?? a.source)], [fromLabel, controller], [n('draft.basis'), basis], [n('draft.date'), longDate(inc.discovered, lang)]],
      sections: [
        { code: 'decision-facts', heading: n('item.decision-facts'), blocks: [...natureBlocks(), { kind: 'list', items: dataRows() }] },
        { code: 'decision-reasons', heading: n('item.decision-reasons'), blocks: [
          { kind: 'p', text: n('decision.lead', { authority: inc.controller.sector === 'public' ? n('decision.authority') : '' }) },
          { kind: 'list', items: reasonTexts(a, t), generated: true },
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
  const row = (o: Obligation) => [t(`obligation.${o.code}`), cleanText(addressee(o)), [dueText(o), ...(o.deadline.milestones ?? []).map(milestoneText)].join('; '), basisList(o.basis, lang)];
  const rows = a.obligations.map(row);
  const ownerRows = (a.controllerObligations ?? []).map(row);
  const assumed = !r?.confirmedAt;
  if (assumed) missing.push({ document: 'summary', code: 'confirmed-at', text: n('missing.confirmed-at') });
  const summary: DraftDocument = {
    id: 'summary',
    title: n('doc.summary'),
    meta: [
      [n('draft.incident'), inc.title ? cleanText(inc.title) : n('summary.untitled', { source: cleanText(a.source) })],
      [processor ? n('draft.from.processor') : n('draft.from'), controller],
      [n('summary.confirmed'), assumed ? `${longDate(inc.discovered, lang)} (${n('summary.assumed')})` : when(r!.confirmedAt!.replace(' ', 'T'))],
      [n('summary.law'), `${longDate(a.asOf, lang)}: ${a.law.laws.map((l) => lawCite(l, lang)).join(', ') || '-'}`],
      [n('summary.severity'), `${t(`level.${a.severity.level}`)} (${a.severity.score}; ${a.severity.vector})`],
    ],
    sections: [
      { code: 'obligations', heading: n('summary.obligations'), blocks: rows.length
        ? [{ kind: 'table', head: [n('summary.obligation'), n('draft.recipient'), n('summary.due'), n('draft.basis')], rows }, { kind: 'p', text: `${n('summary.timezone')} ${n([...a.obligations, ...(a.controllerObligations ?? [])].some((o) => o.deadline.calendar === 'cnbv') ? 'summary.holidays.cnbv' : 'summary.holidays')}` }]
        : [{ kind: 'p', text: n(a.caveats.some((c) => NOT_MODELLED_REASONS.has(c.code)) ? 'summary.not-modelled' : 'summary.none') }] },
      ...(ownerRows.length ? [{ code: 'controller-obligations', heading: n('summary.controller'), blocks: [{ kind: 'table' as const, head: [n('summary.obligation'), n('draft.recipient'), n('summary.due'), n('draft.basis')], rows: ownerRows }] }] : []),
      ...(missing.length ? [{ code: 'missing', heading: n('summary.missing'), blocks: [{ kind: 'list' as const, items: missing.map((m) => `${n(`doc.${m.document}` as NotifyKey)}: ${m.text}`) }] }] : []),
      { code: 'caveats', heading: n('summary.caveats'), blocks: [{ kind: 'list', code: true, items: [
        ...caveatTexts(a, t),
        // A letter written after the authority ceased, for a term that had ended before: say why it goes to the successor.
        ...a.obligations.filter((o) => options.issued !== undefined && o.succession && !o.deadline.handover && options.issued > o.succession.until)
          .map((o) => n('summary.ceased', { authority: t(`authority.${o.succession!.authority}`), until: longDate(o.succession!.until, lang), successor: t(`authority.${o.succession!.successor}`) })),
      ] }] },
    ],
  };
  return { documents: [summary, ...documents], missing };
}

export { notifyEn, notifyEs };
