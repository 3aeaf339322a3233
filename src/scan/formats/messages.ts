// Sentences for the problems and labels of `scan`'s format readers, in Spanish and English. The
// core reports codes and arguments (problems.ts); only the command line turns them into text.
import type { Lang } from '../../i18n/index.js';
import type { ProblemCode, ScanProblem } from './problems.js';
import { fill } from '../../i18n/fill.js';
import { TEXT_PROBLEMS } from '../text/messages.js';

type Table = Record<ProblemCode | Label, string>;
type Label = 'label-table' | 'label-sheet' | 'label-format' | 'label-problems' | 'label-people' | 'label-skipped';

const en: Table = {
  'sql-truncated': 'the dump ends inside a statement begun on line {from}{tableSuffix}: truncated? The rows before it are counted',
  'sql-copy-truncated': 'the dump ends inside the COPY block begun on line {from}{tableSuffix} (no "\\." line): truncated? The rows before it are counted',
  'sql-table-empty': 'table "{table}" is created but no rows are inserted: not a dataset',
  'sql-no-rows': 'no INSERT or COPY rows in this SQL dump: nothing to profile',
  'sql-syntax': 'unexpected text between the rows of an INSERT into "{table}": the rest of that statement is skipped',
  'sql-binary': 'column "{column}" of "{table}" holds binary data (a blob): not classified, never printed',
  'sql-table-resumed': 'rows of table "{table}" resume here after other tables: profiled as a separate dataset',
  'json-invalid-line': 'not a JSON object: this record is skipped (check quoting and braces)',
  'json-invalid-lines': '{count} records in all are not JSON objects and were skipped (the first 20 are listed)',
  'json-truncated': 'the JSON array never closes: the file is truncated? The records before the end are counted',
  'json-not-records': 'the JSON holds values that are not objects: only objects (records) are profiled',
  'json-no-rows': 'no JSON records (objects) to profile',
  'json-late-keys': '{count} key(s) first appear after the first {rows} records: not profiled as columns',
  'xlsx-encrypted': 'the workbook is encrypted (password-protected): open it in Excel and save a copy without a password, then scan the copy',
  'xlsx-legacy': 'a legacy Excel 97-2003 workbook (.xls) is not read: save it as .xlsx or export each sheet as CSV',
  'xlsx-corrupt': 'the workbook is corrupt or not an Excel .xlsx file (its zip directory or workbook part cannot be read)',
  'xlsx-sheet-corrupt': 'sheet "{sheet}" is corrupt or cut short from here: the rows before it are counted',
  'xlsx-sheet-empty': 'sheet "{sheet}" holds no rows',
  'xlsx-gzip': 'a gzipped workbook cannot be read in a stream: gunzip it first',
  'xlsx-no-rows': 'the workbook has no sheet with rows',
  'xlsx-zip64': 'the workbook is a ZIP64 archive (over 4 GiB): export its sheets as CSV',
  'xlsx-too-large': 'the workbook\'s shared strings exceed 64 MiB, more than scan keeps in memory: export its sheets as CSV',
  'folder-loop': 'symbolic link loop: this folder is already being scanned, so it is skipped',
  'folder-unreadable': 'cannot read this folder or file ({reason}): skipped',
  'folder-unknown': 'not a format scan reads (CSV, SQL dump, JSON, .xlsx, mail, text, HTML): skipped',
  'folder-empty': 'no file here that scan reads',
  'path-loop': 'too many symbolic links (a loop?): cannot read this path',
  'file-unreadable': 'cannot read the file: {reason}',
  'file-stream': 'a pipe or a device, not a file: scan reads a dump more than once, so save it to a file first (for example `cat > dump.csv`)',
  'scan-failed': '{reason}',
  'expansion': 'decompresses to more than {limit} times its compressed size ({mib} MiB decompressed): a decompression bomb? Not read further; `--max-expansion N` raises the limit, `--max-expansion 0` lifts it',
  'label-table': 'table',
  'label-sheet': 'sheet',
  'label-format': 'format',
  'label-problems': 'problems',
  'label-people': 'distinct people across datasets ≈ {count} (by {field}, {datasets} datasets)',
  'label-skipped': 'skipped',
  ...TEXT_PROBLEMS.en,
};

const es: Table = {
  'sql-truncated': 'el volcado termina dentro de una sentencia iniciada en la línea {from}{tableSuffix}: ¿está truncado? Se cuentan las filas anteriores',
  'sql-copy-truncated': 'el volcado termina dentro del bloque COPY iniciado en la línea {from}{tableSuffix} (sin línea "\\."): ¿está truncado? Se cuentan las filas anteriores',
  'sql-table-empty': 'la tabla "{table}" se crea pero no se le insertan filas: no es un conjunto de datos',
  'sql-no-rows': 'este volcado SQL no tiene filas INSERT ni COPY: nada que perfilar',
  'sql-syntax': 'texto inesperado entre las filas de un INSERT en "{table}": se omite el resto de esa sentencia',
  'sql-binary': 'la columna "{column}" de "{table}" contiene datos binarios (un blob): no se clasifica ni se imprime',
  'sql-table-resumed': 'las filas de la tabla "{table}" continúan aquí después de otras tablas: se perfilan como otro conjunto de datos',
  'json-invalid-line': 'no es un objeto JSON: se omite este registro (revise comillas y llaves)',
  'json-invalid-lines': 'en total {count} registros no son objetos JSON y se omitieron (se listan los primeros 20)',
  'json-truncated': 'el arreglo JSON nunca se cierra: ¿el archivo está truncado? Se cuentan los registros anteriores',
  'json-not-records': 'el JSON contiene valores que no son objetos: solo se perfilan objetos (registros)',
  'json-no-rows': 'no hay registros JSON (objetos) que perfilar',
  'json-late-keys': '{count} clave(s) aparecen por primera vez después de los primeros {rows} registros: no se perfilan como columnas',
  'xlsx-encrypted': 'el libro está cifrado (protegido con contraseña): ábralo en Excel, guarde una copia sin contraseña y analice la copia',
  'xlsx-legacy': 'no se leen libros de Excel 97-2003 (.xls): guárdelo como .xlsx o exporte cada hoja a CSV',
  'xlsx-corrupt': 'el libro está dañado o no es un archivo .xlsx de Excel (no se puede leer su directorio zip o su parte workbook)',
  'xlsx-sheet-corrupt': 'la hoja "{sheet}" está dañada o cortada a partir de aquí: se cuentan las filas anteriores',
  'xlsx-sheet-empty': 'la hoja "{sheet}" no tiene filas',
  'xlsx-gzip': 'un libro comprimido con gzip no se puede leer en flujo: descomprímalo primero',
  'xlsx-no-rows': 'el libro no tiene ninguna hoja con filas',
  'xlsx-zip64': 'el libro es un archivo ZIP64 (más de 4 GiB): exporte sus hojas a CSV',
  'xlsx-too-large': 'las cadenas compartidas del libro pasan de 64 MiB, más de lo que scan guarda en memoria: exporte sus hojas a CSV',
  'folder-loop': 'ciclo de enlaces simbólicos: esta carpeta ya se está analizando, se omite',
  'folder-unreadable': 'no se puede leer esta carpeta o archivo ({reason}): se omite',
  'folder-unknown': 'no es un formato que scan lea (CSV, volcado SQL, JSON, .xlsx, correo, texto, HTML): se omite',
  'folder-empty': 'aquí no hay ningún archivo que scan lea',
  'path-loop': 'demasiados enlaces simbólicos (¿un ciclo?): no se puede leer esta ruta',
  'file-unreadable': 'no se puede leer el archivo: {reason}',
  'file-stream': 'es una tubería o un dispositivo, no un archivo: scan lee un volcado más de una vez, así que guárdelo primero en un archivo (por ejemplo `cat > volcado.csv`)',
  'scan-failed': '{reason}',
  'expansion': 'se descomprime a más de {limit} veces su tamaño comprimido ({mib} MiB descomprimidos): ¿una bomba de descompresión? No se sigue leyendo; `--max-expansion N` sube el límite, `--max-expansion 0` lo quita',
  'label-table': 'tabla',
  'label-sheet': 'hoja',
  'label-format': 'formato',
  'label-problems': 'problemas',
  'label-people': 'personas distintas entre conjuntos ≈ {count} (por {field}, {datasets} conjuntos)',
  'label-skipped': 'omitido',
  ...TEXT_PROBLEMS.es,
};

const TABLES: Record<Lang, Table> = { en, es };

export function scanText(lang: Lang, key: ProblemCode | Label, args: Record<string, string | number> = {}): string {
  return fill(TABLES[lang][key], args);
}

/** Why a path could not be read, by its system code (never the bare code in a sentence). */
const ERRNO: Record<Lang, Record<string, string>> = {
  en: { ENOENT: 'no such file', EISDIR: 'is a directory, not a file', EACCES: 'permission denied', dangling: 'a symbolic link to nothing', ENOTDIR: 'a part of the path is not a directory', ENAMETOOLONG: 'the path is too long', EIO: 'input/output error', other: 'system error {code}' },
  es: { ENOENT: 'no existe', EISDIR: 'es un directorio, no un archivo', EACCES: 'permiso denegado', dangling: 'un enlace simbólico que no apunta a nada', ENOTDIR: 'una parte de la ruta no es un directorio', ENAMETOOLONG: 'la ruta es demasiado larga', EIO: 'error de entrada/salida', other: 'error del sistema {code}' },
};

/** Why a file cannot be scanned at all (ScanError's code; `unreadable` is worded as `file-unreadable`). */
export type ScanWhy = 'utf16' | 'binary' | 'no-rows' | 'long-lines' | 'empty' | 'gzip-corrupt' | 'unreadable';

const SCAN_WHY: Record<Lang, Record<Exclude<ScanWhy, 'unreadable'>, string>> = {
  en: {
    utf16: 'UTF-16 dumps are not supported: convert to UTF-8 first (iconv -f UTF-16 -t UTF-8)',
    binary: 'the file contains NUL bytes: it is binary, not a CSV dump',
    'no-rows': 'the file holds no rows',
    'long-lines': 'no complete row in the first 1 MiB: the lines are too long for a CSV dump',
    empty: 'the file is empty',
    'gzip-corrupt': 'the gzip stream is truncated or corrupt',
  },
  es: {
    utf16: 'no se leen volcados en UTF-16: conviértalo antes a UTF-8 (iconv -f UTF-16 -t UTF-8)',
    binary: 'el archivo contiene bytes NUL: es binario, no un volcado CSV',
    'no-rows': 'el archivo no contiene filas',
    'long-lines': 'no hay una fila completa en el primer MiB: las líneas son demasiado largas para un volcado CSV',
    empty: 'el archivo está vacío',
    'gzip-corrupt': 'el flujo gzip está truncado o dañado',
  },
};

/** Why a path could not be read, by its system code (never the bare code in a sentence). */
function errnoText(lang: Lang, errno: string): string {
  return ERRNO[lang][errno] ?? fill(ERRNO[lang].other!, { code: errno });
}

/** A ScanError's reason in a language (the core keeps the English one as its message). */
export function scanWhyText(lang: Lang, why: ScanWhy, errno = 'EIO'): string {
  return why === 'unreadable' ? scanText(lang, 'file-unreadable', { reason: errnoText(lang, errno) }) : SCAN_WHY[lang][why];
}

/** One problem as its sentence. */
export function problemText(lang: Lang, p: ScanProblem): string {
  const args = { ...p.args };
  if (typeof args.errno === 'string') args.reason = errnoText(lang, args.errno);
  if (typeof args.why === 'string') args.reason = scanWhyText(lang, args.why as ScanWhy, typeof args.errno === 'string' ? args.errno : undefined);
  const table = args.table;
  args.tableSuffix = table ? (lang === 'es' ? ` (tabla "${table}")` : ` (table "${table}")`) : '';
  return scanText(lang, p.code, args);
}
