// The wording of input diagnostics in both languages. Producers attach a key (an English code)
// and arguments; the English `message` they also carry stays the default and the contract's text.
import type { Lang } from '../i18n/index.js';
import { fill } from '../i18n/fill.js';

const en = {
  'read.ENOENT': 'cannot read the file: no such file',
  'read.EACCES': 'cannot read the file: permission denied',
  'read.EISDIR': 'cannot read the file: is a directory, not a file',
  'read.ENOTDIR': 'cannot read the file: a part of the path is not a directory',
  'read.ELOOP': 'cannot read the file: too many symbolic links (a loop?)',
  'read.ENAMETOOLONG': 'cannot read the file: the path is too long',
  'read.other': 'cannot read the file (system error {code})',
  'read.too-large': 'the file is larger than {mib} MiB: a description should be small (use `breach scan` for dumps)',
  'text.empty': 'must not be empty (invisible characters do not count)',
  'adjust.reason': 'must give the reason for the adjustment',
  'where.document': 'the document',
  'missing-key': 'missing required key `{key}` in {where}',
  'unknown-key': 'unknown key `{key}` in {where}{suggestion}; expected one of {known}',
  'invalid-type': '`{where}` must be {expected}, got {got}',
  'invalid-value': '`{where}` must be {values}, got {got}{suggestion}',
  'one-of': 'one of {values}',
  'custom': '`{where}`: {detail}',
  'did-you-mean': ' (did you mean {options}?)',
  'expected.object': 'a mapping',
  'expected.array': 'a list',
  'expected.string': 'text',
  'expected.boolean': 'true or false',
  'expected.number': 'a number',
  'expected.int': 'a whole number',
  'got.null': 'null',
  'got.list': 'a list',
  'got.mapping': 'a mapping',
  'got.text': '{value}',
  'got.other': '{type} {value}',
  'got.number': 'number {value}',
  'got.boolean': 'boolean {value}',
  'count.empty': 'is empty: give a whole number',
  'count.negative': 'must not be negative (got {value})',
  'count.whole': 'must be a whole number (got {value})',
  'count.format': 'must be a whole number such as 42000000, "42,000,000" or 4.2e7 (got {value})',
  'count.finite': 'must be a finite whole number',
  'count.large': 'is too large (more than 2^53 - 1)',
  'count.integer': 'must be a whole number',
  'date': 'must be a real date written YYYY-MM-DD (got {value})',
  'datetime': 'must be a date and time written YYYY-MM-DD HH:MM, local time in Mexico (got {value})',
  'unknown-field': 'unknown field type `{value}`{suggestion}; `breach fields` lists them',
  'confirmed-day': 'is on {date} but incident.discovered (the confirmation date) is {discovered}; they must agree',
  'branch-needed': 'a public controller needs `branch` (one of {values})',
  'branch-private': '`branch` applies to public controllers only; use `industry` for private ones',
  'industry-public': '`industry` applies to private controllers only',
  'on-behalf-of': '`on_behalf_of` describes the controller a processor works for: add `role: processor` or remove it',
  'not-description': 'expected a breach/v1 description: a mapping with `incident` and `datasets`',
  'file-empty': 'the file is empty: expected a breach/v1 description',
  'file-empty.help': 'the file is empty: expected a breach/v1 description (see `breach validate --help`)',
  'csv.empty': 'the file is empty: expected a header row (dataset, records, fields, sector, ...)',
  'csv.no-rows': 'the CSV has a header but no dataset rows',
  'csv.unknown-column': 'unknown column `{column}`{suggestion}',
  'csv.missing-column': 'missing required column `{column}` (Spanish: `{spanish}`)',
  'more-problems': 'breach: ... and {count} more problems',
  'syntax.yaml': 'invalid YAML: {detail}',
  'syntax.json': 'invalid JSON: {detail}',
  'yaml-tag': 'unsupported YAML tag `{tag}`: use plain text, numbers, lists and mappings',
  'csv.cells': 'row has {cells} cells but the header has {header}; check the delimiter ({delimiter}) and quoting',
  'csv.disagree': '`{column}` is "{value}" here but "{first}" on line {line}: rows of one incident{incident} must agree',
};

export type DiagKey = keyof typeof en;

const es: Record<DiagKey, string> = {
  'read.ENOENT': 'no se puede leer el archivo: no existe',
  'read.EACCES': 'no se puede leer el archivo: permiso denegado',
  'read.EISDIR': 'no se puede leer el archivo: es un directorio, no un archivo',
  'read.ENOTDIR': 'no se puede leer el archivo: una parte de la ruta no es un directorio',
  'read.ELOOP': 'no se puede leer el archivo: demasiados enlaces simbólicos (¿un ciclo?)',
  'read.ENAMETOOLONG': 'no se puede leer el archivo: la ruta es demasiado larga',
  'read.other': 'no se puede leer el archivo (error del sistema {code})',
  'read.too-large': 'el archivo pasa de {mib} MiB: una descripción debe ser pequeña (use `breach scan` para volcados)',
  'text.empty': 'no debe estar vacío (los caracteres invisibles no cuentan)',
  'adjust.reason': 'debe dar el motivo del ajuste',
  'where.document': 'el documento',
  'missing-key': 'falta la clave obligatoria `{key}` en {where}',
  'unknown-key': 'clave desconocida `{key}` en {where}{suggestion}; se esperaba una de: {known}',
  'invalid-type': '`{where}` debe ser {expected}; se recibió {got}',
  'invalid-value': '`{where}` debe ser {values}; se recibió {got}{suggestion}',
  'one-of': 'uno de estos valores: {values}',
  'custom': '`{where}`: {detail}',
  'did-you-mean': ' (¿quiso decir {options}?)',
  'expected.object': 'un mapa de claves',
  'expected.array': 'una lista',
  'expected.string': 'texto',
  'expected.boolean': 'true o false',
  'expected.number': 'un número',
  'expected.int': 'un número entero',
  'got.null': 'null (vacío)',
  'got.list': 'una lista',
  'got.mapping': 'un mapa de claves',
  'got.text': '{value}',
  'got.other': '{type} {value}',
  'got.number': 'el número {value}',
  'got.boolean': 'el valor {value}',
  'count.empty': 'está vacío: escriba un número entero',
  'count.negative': 'no puede ser negativo (se recibió {value})',
  'count.whole': 'debe ser un número entero (se recibió {value})',
  'count.format': 'debe ser un número entero, como 42000000, "42,000,000" o 4.2e7 (se recibió {value})',
  'count.finite': 'debe ser un número entero finito',
  'count.large': 'es demasiado grande (más de 2^53 - 1)',
  'count.integer': 'debe ser un número entero',
  'date': 'debe ser una fecha real escrita AAAA-MM-DD (se recibió {value})',
  'datetime': 'debe ser una fecha y hora escrita AAAA-MM-DD HH:MM, hora local de México (se recibió {value})',
  'unknown-field': 'tipo de dato desconocido `{value}`{suggestion}; `breach fields` los muestra todos',
  'confirmed-day': 'es del {date}, pero incident.discovered (la fecha de confirmación) es {discovered}; deben coincidir',
  'branch-needed': 'un responsable público necesita `branch` (uno de: {values})',
  'branch-private': '`branch` sólo aplica a responsables públicos; para los privados use `industry`',
  'industry-public': '`industry` sólo aplica a responsables privados',
  'on-behalf-of': '`on_behalf_of` describe al responsable para el que trabaja un encargado: agregue `role: processor` o elimínelo',
  'not-description': 'se esperaba una descripción breach/v1: un mapa con `incident` y `datasets`',
  'file-empty': 'el archivo está vacío: se esperaba una descripción breach/v1',
  'file-empty.help': 'el archivo está vacío: se esperaba una descripción breach/v1 (vea `breach validate --help`)',
  'csv.empty': 'el archivo está vacío: se esperaba una fila de encabezados (dataset, records, fields, sector, ...)',
  'csv.no-rows': 'el CSV tiene encabezados pero ninguna fila de datos',
  'csv.unknown-column': 'columna desconocida `{column}`{suggestion}',
  'csv.missing-column': 'falta la columna obligatoria `{column}` (en español: `{spanish}`)',
  'more-problems': 'breach: ... y {count} problemas más',
  'syntax.yaml': 'YAML no válido: {detail}',
  'syntax.json': 'JSON no válido: {detail}',
  'yaml-tag': 'etiqueta YAML no admitida `{tag}`: use texto, números, listas y mapas simples',
  'csv.cells': 'la fila tiene {cells} celdas pero el encabezado tiene {header}; revise el delimitador ({delimiter}) y las comillas',
  'csv.disagree': '`{column}` es "{value}" aquí pero "{first}" en la línea {line}: las filas de un mismo incidente{incident} deben coincidir',
};

export const DIAG_MESSAGES = { en, es } as const;

export type DiagArgs = Record<string, string | number>;

/** A diagnostic's text in a language. Arguments named `suggestion` hold the options, `got` a described value. */
export function diagText(key: DiagKey, args: DiagArgs, lang: Lang): string {
  const table = DIAG_MESSAGES[lang];
  const resolved: DiagArgs = {};
  for (const [k, v] of Object.entries(args)) {
    if (k === 'suggestion') resolved[k] = v === '' ? '' : table['did-you-mean'].replace('{options}', String(v));
    else if (k === 'expected' && `expected.${v}` in table) resolved[k] = table[`expected.${v}` as DiagKey];
    else if (k === 'where' && v === '') resolved[k] = table['where.document'];
    else if (k === 'detailKey' || k === 'gotKind' || k === 'gotValue') continue;
    else resolved[k] = v;
  }
  if (args.gotKind) resolved.got = args.gotKind === 'text' || args.gotKind === 'other' ? String(args.gotValue) : table[`got.${args.gotKind}` as DiagKey].replace('{value}', String(args.gotValue));
  if (args.detailKey) {
    const { detailKey, ...rest } = args;
    resolved.detail = diagText(detailKey as DiagKey, rest, lang);
  }
  return fill(table[key], resolved);
}

/** The arguments that name a value in a diagnostic ("a list", "\"abc\"", "number 5") in any language. */
export function gotArgs(v: unknown): DiagArgs {
  if (v === null) return { gotKind: 'null' };
  if (Array.isArray(v)) return { gotKind: 'list' };
  if (typeof v === 'object') return { gotKind: 'mapping' };
  if (typeof v === 'string') return { gotKind: 'text', gotValue: `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"` };
  return typeof v === 'number' || typeof v === 'boolean' ? { gotKind: typeof v, gotValue: String(v) } : { gotKind: 'other', gotValue: `${typeof v} ${String(v)}` };
}
