import Table from 'cli-table3';
import { FIELDS } from '../fields/catalogue.js';
import type { Lang } from '../i18n/index.js';
import { useColor } from './color.js';
import { EXIT } from './errors.js';
import { langOf, out } from './shared.js';

export function runFields(opts: { json?: boolean; lang?: Lang; color?: boolean }): number {
  if (opts.json) {
    out(`${JSON.stringify({ schemaVersion: 1, fields: FIELDS }, null, 2)}\n`);
    return EXIT.ok;
  }
  const { lang, t } = langOf(opts);
  const color = useColor(opts, process.env, !!process.stdout.isTTY);
  const table = new Table({
    head: ['id', t('ui.fields'), 'DPC', 'EI', 'flags', 'aliases'],
    colWidths: [22, 20, 5, 6, 10, 17],
    wordWrap: true,
    style: { head: color ? ['cyan'] : [], border: color ? ['grey'] : [] },
  });
  for (const f of FIELDS) {
    const flags = [f.patrimonial && 'P', f.moral && 'M', f.sensitive?.length && 'S', f.possibly_sensitive && 'S?', f.official_id && 'ID'].filter(Boolean).join(' ');
    table.push([f.id, `${f.label[lang]} (${t(`category.${f.category}`)})`, String(f.dpc ?? ''), String(f.ei ?? ''), flags, [...f.aliases.es, ...f.aliases.en].slice(0, 4).join(', ')]);
  }
  out(`${table.toString()}\nP = ${lang === 'es' ? 'patrimonial' : 'patrimonial'}, M = ${lang === 'es' ? 'moral' : 'moral'}, S = ${lang === 'es' ? 'sensible (lista legal, con fechas)' : 'sensitive (legal list, dated)'}, S? = ${lang === 'es' ? 'posiblemente sensible' : 'possibly sensitive'}, ID = ${lang === 'es' ? 'identificador oficial' : 'official identifier'}. \`breach fields --json\` ${lang === 'es' ? 'da todo (alias, fundamento, fechas)' : 'gives everything (aliases, basis, dates)'}.\n`);
  return EXIT.ok;
}
