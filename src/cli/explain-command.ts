import type { Lang } from '../i18n/index.js';
import { InputError } from '../input/diagnostic.js';
import { parseVector, scoreParts, VectorError } from '../severity/vector.js';
import { EXIT, reportFailure } from './errors.js';
import { langOf } from './shared.js';
import { printText } from './terminal.js';

export function runExplain(vector: string, opts: { json?: boolean; lang?: Lang }): number {
  try {
    let parts;
    try {
      parts = parseVector(vector);
    } catch (e) {
      if (e instanceof VectorError) throw new InputError([{ file: '<vector>', line: 1, col: e.col, message: e.message, key: e.key, args: e.args }]);
      throw e;
    }
    const s = scoreParts(parts);
    if (opts.json) {
      printText('out', `${JSON.stringify({ schemaVersion: 1, vector: vector.trim(), parts, enisa: { score: s.enisa, level: s.enisaLevel }, score: s.score, level: s.level }, null, 2)}\n`, 'json');
      return EXIT.ok;
    }
    const { t } = langOf(opts);
    const cb = parts.c + parts.i + parts.a + parts.m;
    const lines = [
      `${t('ui.vector')}: ${vector.trim()}`,
      `  DPC ${parts.dpc}  (${t('category.simple')} 1 · ${t('category.behavioural')} 2 · ${t('category.financial')} 3 · ${t('category.sensitive')} 4)`,
      `  EI  ${parts.ei}  (0.25 · 0.5 · 0.75 · 1)`,
      `  CB  ${cb} = C ${parts.c} (${t('rule.CB-C')}) + I ${parts.i} (${t('rule.CB-I')}) + A ${parts.a} (${t('rule.CB-A')}) + M ${parts.m} (${t('rule.CB-M')})`,
      `  V   ${parts.v}  (${t('rule.V-VOLUME')})`,
      ...(parts.floor ? [`  F   ${t(`level.${parts.floor}`)}  (${t('rule.FLOOR-SENSITIVE')})`] : []),
      '',
      `${t('ui.enisa')} = DPC × EI + CB = ${parts.dpc} × ${parts.ei} + ${cb} = ${s.enisa}  → ${t(`level.${s.enisaLevel}`)}`,
      `SE-MX = ${t('ui.enisa')} + V = ${s.enisa} + ${parts.v} = ${s.score}  → ${t(`level.${s.level}`)}${parts.floor ? ` (${t('ui.floor')}: ${t(`level.${parts.floor}`)})` : ''}`,
    ];
    printText('out', `${lines.join('\n')}\n`);
    return EXIT.ok;
  } catch (e) {
    return reportFailure(e);
  }
}
