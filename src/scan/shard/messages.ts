// Sentences of `scan --range`, `--profile-out`, `--plan` and `scan merge`, in Spanish and English.
// The core reports codes and arguments (scan-range.ts, shard-profile.ts, merge.ts); the command
// line words them here.
import type { Lang } from '../../i18n/index.js';
import { fill } from '../../i18n/fill.js';

const en = {
  'range-gzip': 'a gzip stream cannot be read from the middle: --range and --profile-out need the file uncompressed (gunzip it first), or scan it whole without them',
  'range-format': '--range and --profile-out read CSV, TSV and ;-separated files only, and this file is {kind}: scan it whole without them',
  'range-outside': 'range {range} is outside the file, which has {size} bytes: START must be below the size and END at most the size (breach scan FILE --plan N prints ranges that fit)',
  'range-syntax': '--range must be START:END, byte offsets with START below END (got "{value}")',
  'range-one-file': '--range, --profile-out and --plan take one file (got {count})',
  'range-describe': '--describe describes whole files: with --range or --profile-out, merge the profiles first (breach scan merge PROFILES --describe FILE)',
  'plan-count': '--plan must be a whole number of ranges from 1 to 100000 (got "{value}")',
  'profile-written': '{file}: bytes {range} (rows from byte {first} to {stop}): profile written to {out}',
  'profile-not-json': 'not JSON: a profile is what breach scan --profile-out writes',
  'profile-not-profile': 'not a breach scan profile (no "format": "breach/scan-profile"): profiles are what breach scan --profile-out writes',
  'profile-version': 'a scan profile of schema version {version}, and this breach reads version {expected}: make every profile with the same breach',
  'profile-damaged': 'the profile is damaged, was edited or was written by another breach (at {where}): write it again with this breach scan --profile-out',
  'merge-different-files': 'a profile of {file}, and {other} is one of {otherFile}: profiles of different files are merged only with --allow-different-files (each file is then one dataset)',
  'merge-modes': 'made with --full and {other} without it, or the reverse: scan every range the same way',
  'merge-days': 'made on another day than {other} ({day}, not {otherDay}): ages are counted on the scan date, so scan every range the same day (BREACH_TODAY pins it)',
  'merge-heads': 'the head of the file was judged otherwise than in {other} (another breach version?): scan every range with the same breach',
  'merge-gap': 'bytes {from} to {to} of {file} are in no profile: a range is missing (merge the profiles of every range; breach scan FILE --plan N lists them)',
  'merge-overlap': 'range {range} overlaps range {otherRange} of {other}: each byte must be in one range only (the same profile given twice?)',
  'merge-misaligned': 'range {range} began its rows at byte {first}, but the rows of the range before it end at byte {stop}: its start fell in a quoted field that could not be told from a row end, and rows would be counted twice or not at all. Scan {joined} as one range in place of these two, then merge again',
};

export type ShardKey = keyof typeof en;

const es: Record<ShardKey, string> = {
  'range-gzip': 'un flujo gzip no se puede leer desde la mitad: --range y --profile-out necesitan el archivo sin comprimir (descomprímalo primero con gunzip), o analícelo completo sin esas opciones',
  'range-format': '--range y --profile-out sólo leen archivos CSV, TSV y separados por ;, y este archivo es {kind}: analícelo completo sin esas opciones',
  'range-outside': 'el rango {range} queda fuera del archivo, que tiene {size} bytes: INICIO debe ser menor que el tamaño y FIN no mayor que él (breach scan ARCHIVO --plan N muestra rangos que caben)',
  'range-syntax': '--range debe ser INICIO:FIN, posiciones en bytes con INICIO menor que FIN (se recibió "{value}")',
  'range-one-file': '--range, --profile-out y --plan reciben un solo archivo (se recibieron {count})',
  'range-describe': '--describe describe archivos completos: con --range o --profile-out, combine primero los perfiles (breach scan merge PERFILES --describe ARCHIVO)',
  'plan-count': '--plan debe ser un número entero de rangos entre 1 y 100000 (se recibió "{value}")',
  'profile-written': '{file}: bytes {range} (filas del byte {first} al {stop}): perfil escrito en {out}',
  'profile-not-json': 'no es JSON: un perfil es lo que escribe breach scan --profile-out',
  'profile-not-profile': 'no es un perfil de breach scan (no tiene "format": "breach/scan-profile"): los perfiles son lo que escribe breach scan --profile-out',
  'profile-version': 'un perfil con versión de esquema {version}, y este breach lee la versión {expected}: genere todos los perfiles con el mismo breach',
  'profile-damaged': 'el perfil está dañado, fue editado o lo escribió otro breach (en {where}): escríbalo de nuevo con este breach scan --profile-out',
  'merge-different-files': 'un perfil de {file}, y {other} es de {otherFile}: los perfiles de archivos distintos sólo se combinan con --allow-different-files (cada archivo es entonces un conjunto de datos)',
  'merge-modes': 'se hizo con --full y {other} sin esa opción, o al revés: analice todos los rangos de la misma manera',
  'merge-days': 'se hizo en otro día que {other} ({day}, no {otherDay}): las edades se cuentan a la fecha del análisis, así que analice todos los rangos el mismo día (BREACH_TODAY la fija)',
  'merge-heads': 'el inicio del archivo se juzgó distinto que en {other} (¿otra versión de breach?): analice todos los rangos con el mismo breach',
  'merge-gap': 'los bytes {from} a {to} de {file} no están en ningún perfil: falta un rango (combine los perfiles de todos los rangos; breach scan ARCHIVO --plan N los enumera)',
  'merge-overlap': 'el rango {range} se traslapa con el rango {otherRange} de {other}: cada byte debe estar en un solo rango (¿el mismo perfil dos veces?)',
  'merge-misaligned': 'el rango {range} empezó sus filas en el byte {first}, pero las filas del rango anterior terminan en el byte {stop}: su inicio cayó en un campo entre comillas que no se pudo distinguir de un fin de fila, y habría filas contadas dos veces o ninguna. Analice {joined} como un solo rango en lugar de esos dos y vuelva a combinar',
};

export const SHARD_MESSAGES = { en, es } as const;

export function shardText(lang: Lang, key: ShardKey, args: Record<string, string | number> = {}): string {
  return fill(SHARD_MESSAGES[lang][key], args);
}
