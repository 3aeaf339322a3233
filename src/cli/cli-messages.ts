// Usage errors and run messages of the command line, in both languages (keys are English codes).
import type { Lang } from '../i18n/index.js';
import { fill } from '../i18n/fill.js';

const en = {
  'internal': 'breach: internal error: {message} (this is a bug; run again with --debug for the stack)',
  'date-option': '{name} must be a real date written YYYY-MM-DD (got "{value}")',
  'stdin-once': 'stdin (-) can be read only once',
  'max-expansion': '--max-expansion must be a whole number of times, 0 to lift the guard (got "{value}")',
  'validate.ok.one': '{file}: ok (1 dataset)',
  'validate.ok.many': '{file}: ok ({count} datasets)',
  'output.is-input': '{option} {target} is one of the input files; choose another path',
  'output.no-dir': '{option} {target}: the directory {dir} does not exist',
  'output.is-dir': '{option} {target} is a directory',
  'output.exists': '{option} {target} already exists; add --force to replace it',
  'output.empty': '{option} needs a name (- writes to standard output)',
  'output.dangling': '{option} {target} is a symbolic link to nothing; add --force to replace the link itself (its target is never written)',
  'output.bad-path': '{option} {target}: {reason}',
  'output.cannot-write': 'cannot write {option} {target}: {reason}; nothing was written',
  'stdout.cannot-write': 'breach: cannot write to standard output: {reason}',
  'reason.ENOSPC': 'no space left on the device',
  'reason.EDQUOT': 'the disk quota is exhausted',
  'reason.EFBIG': 'the file is too large for the device',
  'reason.EACCES': 'permission denied',
  'reason.EPERM': 'operation not permitted',
  'reason.EROFS': 'the file system is read-only',
  'reason.EIO': 'input/output error on the device',
  'reason.ENOTDIR': 'a part of the path is not a directory',
  'reason.ELOOP': 'too many symbolic links (a loop?)',
  'reason.ENAMETOOLONG': 'the path is too long',
  'reason.ENOENT': 'no such file or directory',
  'reason.EISDIR': 'is a directory',
  'reason.EXDEV': 'the target is on another device',
  'reason.other': 'system error {code}',
  'out-dir.not-dir': '--out-dir {dir} is not a directory',
  'out-dir.clash': '--out-dir {dir} already holds {files}; add --force to replace them (nothing was written)',
  'describe.sector': '--describe needs --sector public|private (and --branch for a public body): breach does not guess who the controller is',
  'describe.branch': '--describe with --sector public needs --branch ({branches})',
  'draft-incomplete': 'breach: draft incomplete: {source}: {document}: {text}',
};

export type CliKey = keyof typeof en;

const es: Record<CliKey, string> = {
  'internal': 'breach: error interno: {message} (es una falla del programa; ejecute de nuevo con --debug para ver la pila)',
  'date-option': '{name} debe ser una fecha real escrita AAAA-MM-DD (se recibió "{value}")',
  'stdin-once': 'la entrada estándar (-) sólo puede leerse una vez',
  'max-expansion': '--max-expansion debe ser un número entero de veces, 0 para quitar la protección (se recibió "{value}")',
  'validate.ok.one': '{file}: correcto (1 conjunto de datos)',
  'validate.ok.many': '{file}: correcto ({count} conjuntos de datos)',
  'output.is-input': '{option} {target} es uno de los archivos de entrada; elija otra ruta',
  'output.no-dir': '{option} {target}: el directorio {dir} no existe',
  'output.is-dir': '{option} {target} es un directorio',
  'output.exists': '{option} {target} ya existe; agregue --force para reemplazarlo',
  'output.empty': '{option} necesita un nombre (- escribe en la salida estándar)',
  'output.dangling': '{option} {target} es un enlace simbólico que no apunta a nada; agregue --force para reemplazar el enlace mismo (nunca se escribe en su destino)',
  'output.bad-path': '{option} {target}: {reason}',
  'output.cannot-write': 'no se pudo escribir {option} {target}: {reason}; no se escribió nada',
  'stdout.cannot-write': 'breach: no se puede escribir en la salida estándar: {reason}',
  'reason.ENOSPC': 'no queda espacio en el dispositivo',
  'reason.EDQUOT': 'se agotó la cuota de disco',
  'reason.EFBIG': 'el archivo es demasiado grande para el dispositivo',
  'reason.EACCES': 'permiso denegado',
  'reason.EPERM': 'operación no permitida',
  'reason.EROFS': 'el sistema de archivos es de sólo lectura',
  'reason.EIO': 'error de entrada/salida en el dispositivo',
  'reason.ENOTDIR': 'una parte de la ruta no es un directorio',
  'reason.ELOOP': 'demasiados enlaces simbólicos (¿un ciclo?)',
  'reason.ENAMETOOLONG': 'la ruta es demasiado larga',
  'reason.ENOENT': 'no existe el archivo o directorio',
  'reason.EISDIR': 'es un directorio',
  'reason.EXDEV': 'el destino está en otro dispositivo',
  'reason.other': 'error del sistema {code}',
  'out-dir.not-dir': '--out-dir {dir} no es un directorio',
  'out-dir.clash': '--out-dir {dir} ya contiene {files}; agregue --force para reemplazarlos (no se escribió nada)',
  'describe.sector': '--describe necesita --sector public|private (y --branch para un sujeto obligado público): breach no adivina quién es el responsable',
  'describe.branch': '--describe con --sector public necesita --branch ({branches})',
  'draft-incomplete': 'breach: borrador incompleto: {source}: {document}: {text}',
};

export const CLI_MESSAGES = { en, es } as const;

export function cliText(key: CliKey, args: Record<string, string | number>, lang: Lang): string {
  return fill(CLI_MESSAGES[lang][key], args);
}

/** Why the system refused a file operation, in words (the errno code only when there is no sentence for it). */
export function reasonText(code: string | undefined, lang: Lang): string {
  const key = `reason.${code ?? ''}`;
  return key in en ? cliText(key as CliKey, {}, lang) : cliText('reason.other', { code: code || '?' }, lang);
}
