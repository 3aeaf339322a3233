import Table from 'cli-table3';
import { FIELDS } from '../fields/catalogue.js';
import type { Lang } from '../i18n/index.js';
import { WEIGHTS } from '../severity/weights.js';
import { useColor } from './color.js';
import { EXIT } from './errors.js';
import { langOf } from './shared.js';
import { printText } from './terminal.js';

export function runFields(opts: { json?: boolean; lang?: Lang; color?: boolean }): number {
  if (opts.json) {
    printText('out', `${JSON.stringify({ schemaVersion: 1, fields: FIELDS }, null, 2)}\n`, 'json');
    return EXIT.ok;
  }
  const { lang, t } = langOf(opts);
  const color = useColor(opts, process.env, !!process.stdout.isTTY);
  const table = new Table({
    head: ['id', t('ui.field'), 'DPC', 'EI', t('ui.flags'), t('ui.aliases')],
    colWidths: [20, 18, 5, 5, 7, 18],
    wordWrap: true,
    style: { head: color ? ['cyan'] : [], border: color ? ['grey'] : [] },
  });
  for (const f of FIELDS) {
    const flags = [f.patrimonial && 'P', f.moral && 'M', f.sensitive?.length && 'S', f.possibly_sensitive === true && 'S?', f.official_id && 'ID'].filter(Boolean).join(' ');
    const aliases = (lang === 'es' ? [...f.aliases.es, ...f.aliases.en] : [...f.aliases.en, ...f.aliases.es]).filter((a) => a.length <= 16).slice(0, 3);
    table.push([f.id, `${f.label[lang]} (${t(`category.${f.category}`)})`, String(f.dpc ?? WEIGHTS.dpc.category_base[f.category]), String(f.ei ?? '-'), flags, aliases.join(', ')]);
  }
  printText('out', `${table.toString()}\n${t('ui.fields.legend')}\n`, color ? 'color' : 'text');
  return EXIT.ok;
}
