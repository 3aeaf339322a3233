// The answers of `breach init` → a commented breach/v1 description that `breach assess` accepts as
// it is. Pure: no terminal, no files.
import { Document, isMap, isScalar, isSeq, type Node, Scalar } from 'yaml';
import { AVAILABILITY, BRANCHES, CONFIDENTIALITY, type Availability, type Branch, type Confidentiality, type Group, type Industry, INDUSTRIES, INTEGRITY, type Integrity, type Role, type Sector } from '../core/vocab.js';
import { fieldById } from '../fields/catalogue.js';
import { type Lang, translator } from '../i18n/index.js';
import { initText } from './messages.js';

export interface Party { name?: string; sector: Sector; branch?: Branch; state?: string; industry?: Industry }

export interface Answers {
  title: string;
  controller: Party & { name: string; role: Role; onBehalfOf?: Party };
  /** "YYYY-MM-DD HH:MM", local time in Mexico. */
  confirmedAt: string;
  circumstances: {
    confidentiality: Confidentiality; integrity: Integrity; availability: Availability;
    malicious: boolean; insider: boolean; deception: boolean; unintelligible: boolean;
  };
  datasets: { name: string; records: number; fields: string[] }[];
  /** Distinct people; absent: the sum of the records. */
  subjects?: number;
  groups: Group[];
}

const FACTS = ['malicious', 'insider', 'deception', 'unintelligible'] as const;

/** The description as data, in the key order of contract.md §2. */
export function descriptionOf(a: Answers): Record<string, unknown> {
  const party = (p: Party) => ({
    ...(p.name !== undefined && { name: p.name }),
    sector: p.sector,
    ...(p.branch && { branch: p.branch }),
    ...(p.state !== undefined && { state: p.state }),
    ...(p.industry && { industry: p.industry }),
  });
  const c = a.circumstances;
  return {
    format: 'breach/v1',
    incident: {
      title: a.title,
      discovered: a.confirmedAt.slice(0, 10),
      controller: { ...party(a.controller), role: a.controller.role, ...(a.controller.onBehalfOf && { on_behalf_of: party(a.controller.onBehalfOf) }) },
      circumstances: {
        confidentiality: c.confidentiality, integrity: c.integrity, availability: c.availability,
        ...Object.fromEntries(FACTS.map((f) => [f, c[f]])),
      },
      ...((a.subjects !== undefined || a.groups.length > 0) && {
        subjects: { ...(a.subjects !== undefined && { count: a.subjects }), ...(a.groups.length > 0 && { groups: a.groups }) },
      }),
    },
    datasets: a.datasets.map((d) => ({ name: d.name, records: d.records, fields: d.fields })),
    response: { confirmed_at: a.confirmedAt },
  };
}

/** The description as commented YAML: each code is followed by what it means, in `lang`. */
export function describeAnswers(a: Answers, o: { lang: Lang; today: string; file: string }): string {
  const m = initText(o.lang);
  const t = translator(o.lang);
  const doc = new Document(descriptionOf(a));
  const at = (path: (string | number)[]) => doc.getIn(path, true) as Node | undefined;
  const note = (path: (string | number)[], text: string) => {
    const n = at(path);
    if (n && (isScalar(n) || isMap(n) || isSeq(n))) n.comment = ` ${text}`;
  };
  const others = (all: readonly string[], chosen: string) => m('yaml.alternatives', { values: all.filter((v) => v !== chosen).join(', ') });

  const c = a.controller;
  note(['incident', 'discovered'], m('yaml.discovered'));
  note(['incident', 'controller', 'sector'], `${m(`sector.${c.sector}`)}`);
  if (c.branch) note(['incident', 'controller', 'branch'], `${t(`branch.${c.branch === 'political-party' && c.state ? 'political-party-local' : c.branch === 'autonomous' && c.state ? 'autonomous-local' : c.branch}`)}; ${others(BRANCHES, c.branch)}`);
  if (c.industry) note(['incident', 'controller', 'industry'], `${t(`industry.${c.industry}`)}; ${others(INDUSTRIES, c.industry)}`);
  note(['incident', 'controller', 'role'], m(`role.${c.role}`));
  const ci = a.circumstances;
  note(['incident', 'circumstances', 'confidentiality'], `${m('yaml.confidentiality')} — ${m(`confidentiality.${ci.confidentiality}`)}; ${others(CONFIDENTIALITY, ci.confidentiality)}`);
  note(['incident', 'circumstances', 'integrity'], `${m('yaml.integrity')} — ${m(`integrity.${ci.integrity}`)}; ${others(INTEGRITY, ci.integrity)}`);
  note(['incident', 'circumstances', 'availability'], `${m('yaml.availability')} — ${m(`availability.${ci.availability}`)}; ${others(AVAILABILITY, ci.availability)}`);
  for (const f of FACTS) note(['incident', 'circumstances', f], m(`yaml.${f}`));
  if (a.subjects !== undefined) note(['incident', 'subjects', 'count'], m('yaml.subjectsDefault'));
  const groups = at(['incident', 'subjects', 'groups']);
  if (isSeq(groups)) groups.commentBefore = ` ${m('yaml.groups')}: ${a.groups.map((g) => t(`group.${g}`)).join('; ')}`;
  a.datasets.forEach((d, i) => {
    note(['datasets', i, 'records'], m('yaml.records'));
    const fields = at(['datasets', i, 'fields']);
    if (!isSeq(fields)) return;
    fields.commentBefore = ` ${m('yaml.fields')}`;
    for (const item of fields.items) {
      if (item instanceof Scalar) {
        const f = fieldById(String(item.value));
        if (f) item.comment = ` ${f.label[o.lang]}`;
      }
    }
  });
  const response = at(['response']);
  if (isMap(response)) response.commentBefore = ` ${m('yaml.response')}`;
  note(['response', 'confirmed_at'], m('yaml.confirmedAt'));
  return `# ${m('yaml.header', { today: o.today, file: o.file })}\n${doc.toString({ lineWidth: 0 })}`;
}
