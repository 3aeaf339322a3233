// The breach/v1 description schema (contract.md §2). zod/mini keeps start-up cheap; the JSON
// Schema in schema/input.schema.json is generated from this file.
import * as z from 'zod/mini';
import { AVAILABILITY, BRANCHES, CATEGORIES, CONFIDENTIALITY, GROUPS, INDUSTRIES, INTEGRITY, ROLES, SECTORS } from '../core/vocab.js';
import { resolveField, suggestFields } from '../fields/catalogue.js';
import { didYouMean } from '../util/suggest.js';
import { visibleLength } from '../util/sanitize.js';
import { parseCount } from './count.js';
import { isIsoDate, isLocalDateTime } from './date.js';

const MAX_TEXT = 2000;
/** The most datasets one incident holds, and so the longest list of a description. */
export const MAX_DATASETS = 100_000;

const count = z.union([z.number(), z.string()]).check((ctx) => {
  const r = parseCount(ctx.value);
  if (!r.ok) ctx.issues.push({ code: 'custom', message: r.message, input: ctx.value, params: { key: r.key, args: r.args } });
});

const isoDate = z.string().check((ctx) => {
  if (!isIsoDate(ctx.value)) ctx.issues.push({ code: 'custom', message: `must be a real date written YYYY-MM-DD (got "${ctx.value.slice(0, 30)}")`, input: ctx.value, params: { key: 'date', args: { value: `"${ctx.value.slice(0, 30)}"` } } });
});

const text = z.string().check(z.maxLength(MAX_TEXT, `is longer than ${MAX_TEXT} characters`));

/** Text that must show something: escapes, controls, invisible characters and spaces do not count. */
const visibleText = (min: number, key: 'text.empty' | 'adjust.reason', message: string) => text.check((ctx) => {
  if (visibleLength(ctx.value) < min) ctx.issues.push({ code: 'custom', message, input: ctx.value, params: { key } });
});

const fieldName = z.string().check((ctx) => {
  if (!resolveField(ctx.value)) {
    ctx.issues.push({ code: 'custom', message: `unknown field type \`${ctx.value.slice(0, 60)}\`${didYouMean(suggestFields(ctx.value))}; \`breach fields\` lists them`, input: ctx.value, params: { key: 'unknown-field', args: { value: ctx.value.slice(0, 60), suggestion: suggestFields(ctx.value).map((o) => `\`${o}\``).join(', ') } } });
  }
});

/** The controller a processor works for (`role: processor`), when it is known. */
export const onBehalfOfSchema = z.strictObject({
  name: z.optional(text),
  sector: z.enum(SECTORS),
  branch: z.optional(z.enum(BRANCHES)),
  state: z.optional(text),
  industry: z.optional(z.enum(INDUSTRIES)),
});

export const controllerSchema = z.extend(onBehalfOfSchema, {
  role: z.optional(z.enum(ROLES)),
  on_behalf_of: z.optional(onBehalfOfSchema),
});

export const circumstancesSchema = z.strictObject({
  confidentiality: z.optional(z.enum(CONFIDENTIALITY)),
  integrity: z.optional(z.enum(INTEGRITY)),
  availability: z.optional(z.enum(AVAILABILITY)),
  malicious: z.optional(z.boolean()),
  unintelligible: z.optional(z.boolean()),
  insider: z.optional(z.boolean()),
  deception: z.optional(z.boolean()),
});

export const datasetSchema = z.strictObject({
  name: visibleText(1, 'text.empty', 'must not be empty (invisible characters do not count)'),
  records: count,
  fields: z.array(fieldName).check(z.minLength(1, 'must list at least one field type'), z.maxLength(1000, 'lists more than 1000 field types')),
  notes: z.optional(text),
  unlocks: z.optional(z.enum(CATEGORIES)),
  adjust: z.optional(z.strictObject({ dpc: z.int().check(z.gte(-3), z.lte(3)), reason: visibleText(3, 'adjust.reason', 'must give the reason for the adjustment') })),
});

const localDateTime = z.string().check((ctx) => {
  if (!isLocalDateTime(ctx.value)) ctx.issues.push({ code: 'custom', message: `must be a date and time written YYYY-MM-DD HH:MM, local time in Mexico (got "${ctx.value.slice(0, 30)}")`, input: ctx.value, params: { key: 'datetime', args: { value: `"${ctx.value.slice(0, 30)}"` } } });
});

/** What the officer supplies for the drafts of `breach notify` (all optional; missing items become placeholders). */
export const responseSchema = z.strictObject({
  confirmed_at: z.optional(localDateTime),
  /** Where the letters are issued (city and state), for the date line. */
  place: z.optional(text),
  /** A neutral account of what happened, for the people affected (never the internal title). */
  public_summary: z.optional(text),
  /** How the people affected are told: one by one (default) or by a public notice when individual notice is disproportionate. */
  channel: z.optional(z.enum(['individual', 'public-notice'])),
  /** Name and position of the person each letter is addressed to ("Mtra. ..., Titular de ..."). */
  addressee: z.optional(z.strictObject({ authority: z.optional(text), regulator: z.optional(text), controller: z.optional(text) })),
  /** When the breach happened (the breach log's "fecha en que ocurrió"), as far as known. */
  occurred_at: z.optional(localDateTime),
  identified_at: z.optional(localDateTime),
  investigation_started_at: z.optional(localDateTime),
  nature: z.optional(text),
  cause: z.optional(text),
  circumstances: z.optional(text),
  systems: z.optional(text),
  consequences: z.optional(text),
  actions: z.optional(z.array(text).check(z.maxLength(100, 'lists more than 100 actions'))),
  contact: z.optional(z.strictObject({ channel: z.optional(text), email: z.optional(text), phone: z.optional(text), url: z.optional(text), address: z.optional(text) })),
  officer: z.optional(z.strictObject({ name: text, role: z.optional(text), email: z.optional(text), phone: z.optional(text) })),
});

export const descriptionSchema = z.strictObject({
  format: z.optional(z.literal('breach/v1')),
  incident: z.strictObject({
    title: z.optional(text),
    discovered: z.optional(isoDate),
    controller: controllerSchema,
    circumstances: z.optional(circumstancesSchema),
    subjects: z.optional(z.strictObject({
      count: z.optional(count),
      groups: z.optional(z.array(z.enum(GROUPS))),
    })),
  }),
  datasets: z.array(datasetSchema).check(z.minLength(1, 'must list at least one dataset'), z.maxLength(MAX_DATASETS, `lists more than ${MAX_DATASETS} datasets`)),
  response: z.optional(responseSchema),
}).check((ctx) => {
  const confirmed = ctx.value.response?.confirmed_at;
  const discovered = ctx.value.incident.discovered;
  if (confirmed && discovered && confirmed.slice(0, 10) !== discovered) {
    ctx.issues.push({ code: 'custom', message: `is on ${confirmed.slice(0, 10)} but incident.discovered (the confirmation date) is ${discovered}; they must agree`, params: { key: 'confirmed-day', args: { date: confirmed.slice(0, 10), discovered } }, input: confirmed, path: ['response', 'confirmed_at'] });
  }
  const c = ctx.value.incident.controller;
  if (c.sector === 'public' && !c.branch) {
    ctx.issues.push({ code: 'custom', message: `a public controller needs \`branch\` (one of ${BRANCHES.join(', ')})`, params: { key: 'branch-needed', args: { values: BRANCHES.join(', ') } }, input: c, path: ['incident', 'controller'] });
  }
  if (c.sector === 'private' && c.branch) {
    ctx.issues.push({ code: 'custom', message: '`branch` applies to public controllers only; use `industry` for private ones', params: { key: 'branch-private' }, input: c, path: ['incident', 'controller', 'branch'] });
  }
  if (c.sector === 'public' && c.industry) {
    ctx.issues.push({ code: 'custom', message: '`industry` applies to private controllers only', params: { key: 'industry-public' }, input: c, path: ['incident', 'controller', 'industry'] });
  }
  const o = c.on_behalf_of;
  if (o && c.role !== 'processor') {
    ctx.issues.push({ code: 'custom', message: '`on_behalf_of` describes the controller a processor works for: add `role: processor` or remove it', params: { key: 'on-behalf-of' }, input: o, path: ['incident', 'controller', 'on_behalf_of'] });
  }
  if (o?.sector === 'public' && !o.branch) {
    ctx.issues.push({ code: 'custom', message: `a public controller needs \`branch\` (one of ${BRANCHES.join(', ')})`, params: { key: 'branch-needed', args: { values: BRANCHES.join(', ') } }, input: o, path: ['incident', 'controller', 'on_behalf_of'] });
  }
  if (o?.sector === 'private' && o.branch) {
    ctx.issues.push({ code: 'custom', message: '`branch` applies to public controllers only; use `industry` for private ones', params: { key: 'branch-private' }, input: o, path: ['incident', 'controller', 'on_behalf_of', 'branch'] });
  }
});

export type Description = z.infer<typeof descriptionSchema>;
