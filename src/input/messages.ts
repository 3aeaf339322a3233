// The wording of input diagnostics in both languages. Producers attach a key (an English code)
// and arguments; the English `message` they also carry stays the default and the contract's text.
import type { Lang } from '../i18n/index.js';
import { fill } from '../i18n/fill.js';

const en = {
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
  'csv.syntax': 'invalid CSV: {detail}',
  'csv.quote-open': 'a quoted cell is never closed: check the quotes (\"...\") up to this line',
  'csv.quote-closing': 'a closing quote is followed by other text: write a quote inside a quoted cell as \"\"',
  'csv.record-size': 'a row is longer than 1 MiB: check the quotes (a quote left open swallows the rows after it)',
  'csv.other': 'the text cannot be read as CSV',
  'csv.repeated-column': 'column `{column}` repeats column {first} (both mean `{meaning}`)',
  'binary': 'the file contains NUL bytes: it looks binary, not a text description',
  'yaml.quote': 'a quoted text has no closing quote',
  'yaml.no-value': 'a key is not followed by its value: write `key: value`',
  'yaml.flow-map-comma': 'a comma or colon is missing between the items of a `{ }` mapping',
  'yaml.flow-seq-comma': 'a comma is missing between the items of a `[ ]` list',
  'yaml.colon-space': 'a space is missing after `:`',
  'yaml.comment-space': 'a comment (`#`) must be separated from the text before it by a space',
  'yaml.dash': 'a list item is missing its `-`',
  'yaml.flow-end': 'a list or mapping opened on this line must be indented and closed with `{close}`',
  'yaml.compact-nested': 'a mapping cannot be nested on the same line as its key: put it on the next line, indented',
  'yaml.key-text': 'keys must be text',
  'yaml.plain-start': 'a value cannot start with `{char}` unless it is quoted',
  'yaml.alias': 'a badly written alias or anchor (`*` or `&`)',
  'yaml.directive': 'a badly written directive (a line starting with `%`)',
  'yaml.escape': 'an invalid escape sequence (`\\`) inside double quotes',
  'yaml.indent': 'the indentation is wrong: items of one list or mapping must start in the same column',
  'yaml.anchor-order': 'anchors and tags must come after the `-` or `?` indicator',
  'yaml.block-key': 'a list or mapping cannot be used as a key',
  'yaml.block-in-flow': 'an indented list or mapping cannot appear inside `[ ]` or `{ }`',
  'yaml.duplicate': 'the key is repeated in the same mapping',
  'yaml.long-key': 'a key is longer than 1,024 characters',
  'yaml.missing-char': 'a separator or closing character is missing',
  'yaml.multiline-key': 'a key must be on one line (is a `:` missing on the line before?)',
  'yaml.anchors': 'a value can have only one anchor (`&`)',
  'yaml.docs': 'several documents where one was expected',
  'yaml.tags': 'a value can have only one tag (`!`)',
  'yaml.resources': 'the document is too large or too deeply nested to read',
  'yaml.tab': 'tabs cannot be used to indent: use spaces',
  'yaml.tag': 'an unknown or misused tag (`!`)',
  'yaml.unexpected': 'an unexpected character or item here',
  'yaml.other': 'the text cannot be read as YAML',
  'yaml.aliases': 'too many aliases: at most {max} per document',
  'yaml.deep': 'the document is nested too deeply',
  'json.several': 'a JSON file holds one description; use a YAML stream (---) for several',
};

export type DiagKey = keyof typeof en;

const es: Record<DiagKey, string> = {
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
  'csv.syntax': 'CSV no válido: {detail}',
  'csv.quote-open': 'una celda entre comillas nunca se cierra: revise las comillas (\"...\") hasta esta línea',
  'csv.quote-closing': 'a una comilla de cierre le sigue otro texto: dentro de una celda entre comillas, escriba la comilla como \"\"',
  'csv.record-size': 'una fila ocupa más de 1 MiB: revise las comillas (una comilla abierta se traga las filas siguientes)',
  'csv.other': 'el texto no se puede leer como CSV',
  'csv.repeated-column': 'la columna `{column}` repite la columna {first} (ambas significan `{meaning}`)',
  'binary': 'el archivo contiene bytes NUL: parece binario, no una descripción en texto',
  'yaml.quote': 'un texto entre comillas no tiene comilla de cierre',
  'yaml.no-value': 'a una clave no le sigue su valor: escriba `clave: valor`',
  'yaml.flow-map-comma': 'falta una coma o dos puntos entre los elementos de un mapa `{ }`',
  'yaml.flow-seq-comma': 'falta una coma entre los elementos de una lista `[ ]`',
  'yaml.colon-space': 'falta un espacio después de `:`',
  'yaml.comment-space': 'un comentario (`#`) debe ir separado por un espacio del texto anterior',
  'yaml.dash': 'a un elemento de la lista le falta su `-`',
  'yaml.flow-end': 'una lista o un mapa abierto en esta línea debe ir sangrado y cerrarse con `{close}`',
  'yaml.compact-nested': 'no se puede anidar un mapa en la misma línea que su clave: póngalo en la línea siguiente, sangrado',
  'yaml.key-text': 'las claves deben ser texto',
  'yaml.plain-start': 'un valor no puede empezar con `{char}` si no va entre comillas',
  'yaml.alias': 'un alias o ancla (`*` o `&`) mal escrito',
  'yaml.directive': 'una directiva (línea que empieza con `%`) mal escrita',
  'yaml.escape': 'una secuencia de escape (`\\`) no válida dentro de comillas dobles',
  'yaml.indent': 'la sangría es incorrecta: los elementos de una misma lista o mapa deben empezar en la misma columna',
  'yaml.anchor-order': 'las anclas y etiquetas deben ir después del indicador `-` o `?`',
  'yaml.block-key': 'una lista o un mapa no puede usarse como clave',
  'yaml.block-in-flow': 'una lista o un mapa sangrado no puede aparecer dentro de `[ ]` o `{ }`',
  'yaml.duplicate': 'la clave está repetida en el mismo mapa',
  'yaml.long-key': 'una clave tiene más de 1,024 caracteres',
  'yaml.missing-char': 'falta un separador o un carácter de cierre',
  'yaml.multiline-key': 'una clave debe estar en una sola línea (¿falta `:` en la línea anterior?)',
  'yaml.anchors': 'un valor sólo puede tener un ancla (`&`)',
  'yaml.docs': 'hay varios documentos donde se esperaba uno',
  'yaml.tags': 'un valor sólo puede tener una etiqueta (`!`)',
  'yaml.resources': 'el documento es demasiado grande o está anidado demasiado a fondo para leerlo',
  'yaml.tab': 'no se pueden usar tabuladores para sangrar: use espacios',
  'yaml.tag': 'una etiqueta (`!`) desconocida o mal usada',
  'yaml.unexpected': 'un carácter o elemento inesperado en este lugar',
  'yaml.other': 'el texto no se puede leer como YAML',
  'yaml.aliases': 'demasiados alias: como máximo {max} por documento',
  'yaml.deep': 'el documento está anidado demasiado a fondo',
  'json.several': 'un archivo JSON contiene una sola descripción; para varias use un flujo YAML (---)',
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
