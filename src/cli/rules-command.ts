import { basisText } from '../report/view.js';
import { LAWS, lawsInForce, NOT_MODELLED, OBLIGATION_FAMILIES, PENALTY_FAMILIES, PENALTY_UNIT, versionAt } from '../law/rules.js';
import { FIELDS, isLegallySensitive, isPossiblySensitive } from '../fields/catalogue.js';
import type { Lang } from '../i18n/index.js';
import { EXIT, reportFailure } from './errors.js';
import { dateOption, langOf, out, today } from './shared.js';

/** The rules in force on a date, as data (also what `--json` prints). */
export function rulesAt(date: string) {
  const rule = <E extends object>(family: string, scope: object, v: { valid_from: string; valid_to?: string; status: string; checked_on: string; applies?: boolean; reason?: string; basis?: { law: string; article?: string; dof?: string }[] }, extra: E) => ({
    family, scope, applies: v.applies !== false, ...(v.reason && { reason: v.reason }),
    validFrom: v.valid_from, ...(v.valid_to && { validTo: v.valid_to }), status: v.status, checkedOn: v.checked_on, basis: v.basis ?? [], ...extra,
  });
  const obligations = OBLIGATION_FAMILIES.flatMap((f) => {
    const v = versionAt(f.versions, date);
    return v ? [rule(f.family, f.scope, v, { code: f.code, trigger: f.trigger, ...(v.authority && { authority: v.authority }), ...(v.deadline && { deadline: v.deadline }) })] : [];
  });
  const penalties = PENALTY_FAMILIES.flatMap((f) => {
    const v = versionAt(f.versions, date);
    return v ? [rule(f.family, f.scope, v, { ranges: v.ranges ?? [] })] : [];
  });
  const unit = versionAt(PENALTY_UNIT.versions, date);
  return {
    asOf: date,
    laws: lawsInForce(date).map((id) => ({ id, ...LAWS[id] })),
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

export function runRules(opts: { asOf?: string; json?: boolean; lang?: Lang }): number {
  try {
    const date = dateOption('--as-of', opts.asOf) ?? today();
    const r = rulesAt(date);
    if (opts.json) {
      out(`${JSON.stringify({ schemaVersion: 1, ...r }, null, 2)}\n`);
      return EXIT.ok;
    }
    const { t } = langOf(opts);
    const lines: string[] = [`${t('ui.asOf')}: ${date}`, '', `${t('ui.laws')}:`];
    for (const l of r.laws) lines.push(`  ${l.id}: ${l.name}${l.dof ? ` (DOF ${l.dof})` : ''} [${t(`status.${l.status}`)}]`);
    lines.push('', `${t('ui.obligations')}:`);
    for (const o of r.obligations) {
      const scope = Object.entries(o.scope).map(([k, v]) => `${k}=${v}`).join(', ');
      lines.push(`  ${o.family} (${scope})`);
      if (o.applies) lines.push(`    ${o.code}: ${t(`obligation.${o.code}`)}`);
      else lines.push(`    ${t('ui.none')}: ${t(`caveat.${o.reason}`)}`);
      if ('authority' in o && o.authority) lines.push(`    authority: ${Object.entries(o.authority).map(([b, a]) => `${b} → ${a}`).join('; ')}`);
      lines.push(`    ${t('ui.basis')}: ${o.basis.map(basisText).join('; ') || '-'}`);
      lines.push(`    ${o.validFrom} .. ${o.validTo ?? '…'} · ${t(`status.${o.status}`)} · checked ${o.checkedOn}`);
    }
    lines.push('', `${t('ui.penalties')}:`);
    for (const p of r.penalties) {
      lines.push(`  ${p.family}: ${p.applies ? p.ranges.map((x) => `${t(`penalty.${x.code}`)} ${x.min}–${x.max}`).join('; ') : t(`caveat.${p.reason}`)}`);
      lines.push(`    ${p.validFrom} .. ${p.validTo ?? '…'} · ${t(`status.${p.status}`)}`);
    }
    if (r.penaltyUnit) lines.push(`  ${t('ui.unit')}: ${r.penaltyUnit.unit} ${r.penaltyUnit.value ?? '(not yet published)'} MXN · ${t(`status.${r.penaltyUnit.status}`)}`);
    lines.push('', `sensitive (legal list): ${r.sensitiveData.join(', ')}`, `possibly sensitive: ${r.possiblySensitive.join(', ')}`, '', 'not modelled:');
    for (const n of r.notModelled) lines.push(`  - ${t(`notModelled.${n}`)}`);
    out(`${lines.join('\n')}\n`);
    return EXIT.ok;
  } catch (e) {
    return reportFailure(e, process.argv.includes('--debug'), (s) => process.stderr.write(s));
  }
}
