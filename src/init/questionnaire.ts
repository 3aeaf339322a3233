// The questions of `breach init`, in order, with the real prompts (@inquirer): who holds the data,
// when the breach was confirmed, what happened in plain words, which data, how many, which groups.
import checkbox from '@inquirer/checkbox';
import select from '@inquirer/select';
import type { Context } from '@inquirer/type';
import { styleText } from 'node:util';
import guarantors from '../../data/law/mx/state-guarantors.yaml';
import { AVAILABILITY, BRANCHES, CONFIDENTIALITY, type Branch, GROUPS, type Group, INDUSTRIES, INTEGRITY, ROLES, SECTORS, type Sector } from '../core/vocab.js';
import { fieldById } from '../fields/catalogue.js';
import { searchFields } from '../fields/search.js';
import { type Lang, translator } from '../i18n/index.js';
import type { Answers, Party } from './describe.js';
import { checkCount, checkDateTime, checkOptionalCount, checkText, countOf } from './checks.js';
import { initText, type InitText } from './messages.js';
import { pickMany } from './prompts/pick-many.js';
import { textPrompt } from './prompts/text.js';

const STATES = (guarantors as { states: { state: string }[] }).states.map((s) => s.state);

export interface Asker {
  lang: Lang;
  m: InitText;
  context: Context;
  /** The key help of a list, in the interface language. */
  keys: (pairs: [string, string][]) => string;
}

export function asker(lang: Lang, context: Context): Asker {
  const m = initText(lang);
  const keys = (pairs: [string, string][]) => pairs.map(([k, action]) => (action ? `${styleText('bold', k)} ${styleText('dim', action)}` : styleText('dim', k))).join(styleText('dim', ' • '));
  return { lang, m, context, keys };
}

/** The words @inquirer's lists print in English, in the interface language. */
function listTheme(a: Asker, marking = false) {
  const words: Record<string, string> = { navigate: a.m('keys.navigate'), select: a.m(marking ? 'keys.toggle' : 'keys.select'), submit: a.m('keys.submit'), all: a.m('keys.all'), invert: a.m('keys.invert') };
  return { style: { keysHelpTip: (pairs: [string, string][]) => a.keys(pairs.map(([k, w]) => [k === 'space' ? a.m('keys.space') : k, words[w] ?? w])) } };
}

export async function choose<T extends string>(a: Asker, message: string, choices: { value: T; name: string }[], dflt?: T): Promise<T> {
  return select({ message, choices, ...(dflt !== undefined && { default: dflt }), pageSize: 10, theme: listTheme(a) }, a.context);
}

export async function yesNo(a: Asker, message: string, dflt: boolean): Promise<boolean> {
  const v = await choose(a, message, [{ value: 'yes', name: a.m('yes') }, { value: 'no', name: a.m('no') }], dflt ? 'yes' : 'no');
  return v === 'yes';
}

export async function ask(a: Asker, message: string, check: (v: string) => true | { ok: string } | string, dflt?: string): Promise<string> {
  const help = dflt ? a.keys([['tab', a.m('keys.default')], ['⏎', a.m('keys.submit')]]) : undefined;
  return textPrompt({ message, check, ...(dflt !== undefined && { default: dflt }), ...(help && { help }) }, a.context);
}

async function askParty(a: Asker, kind: 'controller' | 'owner'): Promise<Party & { name: string }> {
  const t = translator(a.lang);
  const q = (k: 'name' | 'sector' | 'branch') => a.m(`q.${kind}.${k}`);
  const name = await ask(a, q('name'), checkText(a.m));
  const sector = await choose<Sector>(a, q('sector'), SECTORS.map((s) => ({ value: s, name: a.m(`sector.${s}`) })));
  if (sector === 'private') {
    if (kind === 'owner') return { name, sector };
    const industry = await choose(a, a.m('q.controller.industry'), INDUSTRIES.map((i) => ({ value: i, name: t(`industry.${i}`) })), 'other');
    return { name, sector, industry };
  }
  const branch = await choose<Branch>(a, q('branch'), BRANCHES.map((b) => ({ value: b, name: b === 'political-party' ? a.m('choice.political-party') : t(`branch.${b}`) })));
  if (branch === 'state' || branch === 'municipal') {
    const state = await choose(a, a.m('q.controller.state'), STATES.map((s) => ({ value: s, name: s })));
    return { name, sector, branch, state };
  }
  if (branch === 'political-party') {
    const state = await choose(a, a.m('q.controller.stateParty'), [{ value: '', name: a.m('state.none') }, ...STATES.map((s) => ({ value: s, name: s }))]);
    return { name, sector, branch, ...(state && { state }) };
  }
  return { name, sector, branch };
}

/** Asks every question and returns the answers; `now` is "YYYY-MM-DD HH:MM" in Mexico. */
export async function askAnswers(a: Asker, now: string): Promise<Answers> {
  const m = a.m;
  const t = translator(a.lang);
  const controller = await askParty(a, 'controller');
  const role = await choose(a, m('q.controller.role'), ROLES.map((r) => ({ value: r, name: m(`role.${r}`) })), 'controller');
  const onBehalfOf = role === 'processor' ? await askParty(a, 'owner') : undefined;
  const title = await ask(a, m('q.title'), checkText(m), m('q.title.default', { name: controller.name }));
  const confirmedAt = await ask(a, m('q.confirmedAt'), checkDateTime(m, a.lang, now), now);
  const confidentiality = await choose(a, m('q.confidentiality'), [...CONFIDENTIALITY].reverse().map((c) => ({ value: c, name: m(`confidentiality.${c}`) })), 'unknown-recipients');
  const integrity = await choose(a, m('q.integrity'), INTEGRITY.map((c) => ({ value: c, name: m(`integrity.${c}`) })), 'none');
  const availability = await choose(a, m('q.availability'), AVAILABILITY.map((c) => ({ value: c, name: m(`availability.${c}`) })), 'none');
  const facts = await checkbox({
    message: m('q.facts'),
    choices: (['malicious', 'insider', 'deception', 'unintelligible'] as const).map((f) => ({ value: f, name: m(`fact.${f}`) })),
    theme: listTheme(a, true),
  }, a.context);

  const datasets: Answers['datasets'] = [];
  do {
    const n = datasets.length + 1;
    const name = await ask(a, m('q.dataset.name'), checkText(m), m('q.dataset.name.default', { n }));
    const fields = await pickMany({
      message: m('q.fields'),
      search: (query) => searchFields(query).map(({ field, matched }) => ({
        value: field.id,
        name: `${field.label[a.lang]} (${field.id})`,
        ...(query.trim() && matched !== field.id && matched !== field.label[a.lang] && { hint: `← ${matched}` }),
      })),
      nameOf: (id) => fieldById(id)?.label[a.lang] ?? id,
      validate: (values) => values.length > 0 || m('check.fields'),
      texts: {
        noMatch: (query) => m('fields.noMatch', { query }),
        none: m('fields.none'),
        marked: (count, list) => m('fields.marked', { count, list }),
        help: a.keys([[m('keys.type'), ''], ['↑↓', m('keys.navigate')], ['tab', m('keys.mark')], ['⏎', m('keys.submit')]]),
      },
    }, a.context);
    const records = countOf(await ask(a, m('q.records'), checkCount(m, a.lang)))!;
    datasets.push({ name, records, fields });
  } while (await yesNo(a, m('q.moreDatasets'), false));

  const total = datasets.reduce((s, d) => s + d.records, 0);
  const subjectsText = await ask(a, m('q.subjects', { total: total.toLocaleString(a.lang === 'es' ? 'es-MX' : 'en-US') }), checkOptionalCount(m, a.lang));
  const groups = await checkbox<Group>({ message: m('q.groups'), choices: GROUPS.map((g) => ({ value: g, name: t(`group.${g}`) })), theme: listTheme(a, true) }, a.context);

  return {
    title,
    controller: { ...controller, role, ...(onBehalfOf && { onBehalfOf }) },
    confirmedAt: confirmedAt.replace('T', ' '),
    circumstances: {
      confidentiality, integrity, availability,
      malicious: facts.includes('malicious'), insider: facts.includes('insider'), deception: facts.includes('deception'), unintelligible: facts.includes('unintelligible'),
    },
    datasets,
    ...(subjectsText.trim() && { subjects: countOf(subjectsText)! }),
    groups,
  };
}
