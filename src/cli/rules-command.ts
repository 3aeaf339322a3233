import { basisList, fmtNumber, unitText } from '../report/view.js';
import { PRIVATE_SUPERVISOR } from '../law/due.js';
import type { Translator } from '../i18n/index.js';
import { longDate } from '../util/long-date.js';
import { wrap } from '../util/wrap.js';
import { LAWS, lawStatusAt, lawsInForce, NOT_MODELLED, OBLIGATION_FAMILIES, PENALTY_FAMILIES, PENALTY_UNIT, versionAt } from '../law/rules.js';
import { FIELDS, isLegallySensitive, isPossiblySensitive } from '../fields/catalogue.js';
import type { Lang } from '../i18n/index.js';
import { EXIT, reportFailure } from './errors.js';
import { dateOption, langOf, today } from './shared.js';
import { printText } from './terminal.js';

interface Scope { sector?: string; role?: string; industry?: string; controller_sector?: string }

/** The rules in force on a date, as data (also what `--json` prints). */
export function rulesAt(date: string) {
  const rule = <E extends object>(family: string, scope: Scope, v: { valid_from: string; valid_to?: string; status: string; checked_on: string; applies?: boolean; reason?: string; basis?: { law: string; article?: string; dof?: string }[] }, extra: E) => ({
    family, scope, applies: v.applies !== false, ...(v.reason && { reason: v.reason }),
    validFrom: v.valid_from, ...(v.valid_to && { validTo: v.valid_to }), status: v.status, checkedOn: v.checked_on, basis: v.basis ?? [], ...extra,
  });
  const obligations = OBLIGATION_FAMILIES.flatMap((f) => {
    const v = versionAt(f.versions, date);
    return v ? [rule(f.family, f.scope, v, { code: f.code, trigger: f.trigger, statutory: v.statutory ?? true, ...(v.authority && { authority: v.authority }), ...(v.deadline && { deadline: v.deadline }) })] : [];
  });
  const penalties = PENALTY_FAMILIES.flatMap((f) => {
    const v = versionAt(f.versions, date);
    return v ? [rule(f.family, f.scope, v, { ranges: v.ranges ?? [], notes: v.notes ?? [], ...(v.liability && { liability: v.liability }), ...(v.party_liability && { partyLiability: v.party_liability }) })] : [];
  });
  const unit = versionAt(PENALTY_UNIT.versions, date);
  const supervisor = versionAt(PRIVATE_SUPERVISOR, date);
  return {
    asOf: date,
    ...(supervisor && { supervisor: { code: supervisor.code, status: supervisor.status, basis: supervisor.basis } }),
    laws: lawsInForce(date).map((id) => ({ id, ...LAWS[id]!, status: lawStatusAt(LAWS[id]!, date) })),
    obligations,
    penalties,
    penaltyUnit: unit ?? null,
    sensitiveData: FIELDS.filter((f) => isLegallySensitive(f, date)).map((f) => f.id),
    possiblySensitive: FIELDS.filter((f) => isPossiblySensitive(f, date)).map((f) => f.id),
    bySector: Object.fromEntries((['private', 'public'] as const).map((s) => [s, {
      sensitive: FIELDS.filter((f) => isLegallySensitive(f, date, s)).map((f) => f.id),
      possiblySensitive: FIELDS.filter((f) => isPossiblySensitive(f, date, s)).map((f) => f.id),
    }])),
    notModelled: NOT_MODELLED,
  };
}

type Rules = ReturnType<typeof rulesAt>;
type RuleEntry = Rules['obligations'][number];

/** `breach rules` for people: by sector, in the language's words, with dates in long form. */
export function rulesText(r: Rules, t: Translator): string {
  const lang = t.lang ?? 'en';
  const d = (x: string) => longDate(x, lang);
  const para = (text: string, indent: string, hang = '  ') => wrap(text, 100, indent, hang);
  const out: string[] = [t('rules.title', { date: d(r.asOf) }), ''];
  const applying = r.obligations.filter((o) => o.applies);
  if (!r.laws.length && !applying.length) {
    out.push(...para(t('rules.noBreachLaw'), '', ''), '');
  } else {
    out.push(`${t('rules.laws')}:`);
    for (const l of r.laws) out.push(...para(`- ${l.id}: ${l.name}${l.dof ? ` (DOF ${d(l.dof)})` : ''} [${t(`status.${l.status}`)}]`, '  '));
    if (r.supervisor) out.push('', t('rules.supervisor', { authority: t(`recipient.${r.supervisor.code}`) }));
    const dated = (o: RuleEntry) => [t('rules.since', { from: d(o.validFrom) }), ...(o.validTo ? [t('rules.until', { to: d(o.validTo) })] : []), t(`status.${o.status}`), t('rules.checked', { date: d(o.checkedOn) })].join(', ');
    const entry = (o: RuleEntry) => {
      const lines: string[] = [];
      if (!o.applies) {
        lines.push(...para(`- ${t(`obligation.${o.code}`)}: ${t('rules.doesNotApply', { reason: t(`caveat.${o.reason}`) })}`, '    '));
        return lines;
      }
      const dl = o.deadline && 'code' in o.deadline && typeof o.deadline.code === 'string' ? t(`deadline.${o.deadline.code}`) : undefined;
      lines.push(...para(`- ${t(`obligation.${o.code}`)}${o.statutory ? '' : ` (${t('rules.contractual')})`}${dl ? `; ${t('rules.deadline', { deadline: dl })}` : ''}`, '    '));
      if (o.authority) {
        lines.push(`      ${t('rules.authority')}`);
        const table = o.deadline && !('code' in o.deadline && typeof o.deadline.code === 'string') ? o.deadline as Record<string, { code: string; valid_from?: string }> : undefined;
        for (const [branch, authority] of Object.entries(o.authority)) {
          const rule = table ? (table[authority] && (!table[authority].valid_from || table[authority].valid_from <= r.asOf) ? table[authority] : table[branch] ?? table.default) : undefined;
          const ruleBasis = (rule as { basis?: { law: string; article?: string; dof?: string }[] } | undefined)?.basis;
          lines.push(...para(`${t(`branch.${branch}`)}: ${t(`recipient.${authority}`)}${rule ? ` (${t('rules.deadline', { deadline: t(`deadline.${rule.code}`) })}${ruleBasis ? `; ${basisList(ruleBasis, lang)}` : ''})` : ''}`, '        '));
        }
      }
      lines.push(...para(`${t('ui.basis')}: ${basisList(o.basis, lang) || '-'}`, '      '));
      lines.push(...para(dated(o), '      '));
      return lines;
    };
    for (const sector of ['private', 'public'] as const) {
      const mine = r.obligations.filter((o) => o.scope.sector === sector || (!o.scope.sector && o.scope.controller_sector === sector));
      out.push('', `${t(`rules.${sector}`)}:`);
      if (!r.laws.some((l) => l.sector === sector)) {
        out.push(`  ${t('rules.notInForce')}`);
        continue;
      }
      const groups: [string, RuleEntry[]][] = [
        [t('rules.controller'), mine.filter((o) => (!o.scope.role || o.scope.role === 'controller') && !o.scope.industry)],
        [t('rules.processor'), mine.filter((o) => o.scope.role === 'processor')],
      ];
      for (const [label, list] of groups) {
        if (!list.length) continue;
        out.push(`  ${label}:`);
        for (const o of list) out.push(...entry(o));
      }
      for (const o of mine.filter((x) => x.scope.industry)) {
        out.push(`  ${t('rules.industry', { industry: t(`industry.${o.scope.industry}`) })}:`);
        out.push(...entry(o));
      }
      const pens = r.penalties.filter((p) => (p.scope.sector ?? p.scope.controller_sector) === sector && p.applies);
      if (pens.length) {
        out.push(`  ${t('rules.penalties')}:`);
        for (const p of pens) {
          const who = p.scope.role === 'processor' ? t('rules.processor') : p.ranges.length && p.ranges.every((x) => x.kind === 'coercive') ? t('rules.coerciveWho') : t('rules.controller');
          const ranges = p.ranges.map((x) => `${t(`penalty.${x.code}`)}${x.kind === 'coercive' ? ` (${t('ui.coercive')})` : ''}: ${t('rules.unitRange', { min: fmtNumber(x.min, lang), max: fmtNumber(x.max, lang), unit: unitText(r.penaltyUnit?.unit ?? 'UMA', t, 'short') })}`).join('; ');
          out.push(...para(`- ${who}: ${ranges || t('rules.noFines')}`, '    '));
          for (const l of [...(p.liability ?? []), ...(p.partyLiability ?? [])]) out.push(...para(`${t(`liability.${l.code}`)} (${basisList(l.basis, lang)})`, '      '));
          for (const note of p.notes) out.push(...para(t(`note.${note}`), '      '));
        }
      }
    }
    const u = r.penaltyUnit;
    if (u) out.push('', u.value === null ? t('rules.penaltyUnitMissing', { unit: t(`unit.${u.unit}`) }) : t('rules.penaltyUnit', { unit: t(`unit.${u.unit}`), value: fmtNumber(u.value, lang), status: t(`status.${u.status}`) }));
    const label = (ids: string[]) => ids.map((id) => FIELDS.find((f) => f.id === id)?.label[lang] ?? id).join(', ') || t('rules.none');
    out.push('', `${t('rules.sensitive')}:`);
    for (const sector of ['private', 'public'] as const) if (r.laws.some((l) => l.sector === sector)) out.push(...para(`${t(`rules.${sector}`)}: ${label(r.bySector[sector]!.sensitive)}`, '  '));
    out.push(`${t('rules.possibly')}:`);
    for (const sector of ['private', 'public'] as const) if (r.laws.some((l) => l.sector === sector)) out.push(...para(`${t(`rules.${sector}`)}: ${label(r.bySector[sector]!.possiblySensitive)}`, '  '));
  }
  out.push('', `${t('rules.notModelled')}:`);
  for (const n of r.notModelled) out.push(...para(`- ${t(`notModelled.${n}`)}`, ''));
  return `${out.join('\n')}\n`;
}

export function runRules(opts: { asOf?: string; json?: boolean; lang?: Lang }): number {
  try {
    const date = dateOption('--as-of', opts.asOf) ?? today();
    const r = rulesAt(date);
    if (opts.json) {
      printText('out', `${JSON.stringify({ schemaVersion: 1, ...r }, null, 2)}\n`, 'json');
      return EXIT.ok;
    }
    const { t } = langOf(opts);
    printText('out', rulesText(r, t));
    return EXIT.ok;
  } catch (e) {
    return reportFailure(e);
  }
}
