// Usage errors and run messages of the command line, in both languages (keys are English codes).
import type { Lang } from '../i18n/index.js';
import { fill } from '../i18n/fill.js';

const en = {
  'internal': 'breach: internal error: {message} (this is a bug; run again with --debug for the stack)',
  'date-option': '{name} must be a real date written YYYY-MM-DD (got "{value}")',
  'stdin-once': 'stdin (-) can be read only once',
  'output.is-input': '--output {target} is one of the input files; choose another path',
  'output.no-dir': '--output {target}: the directory {dir} does not exist',
  'output.is-dir': '--output {target} is a directory',
  'output.exists': '--output {target} already exists; add --force to replace it',
  'output.cannot-write': 'cannot write --output {target}: {reason}; nothing was written',
  'reason.ENOSPC': 'no space left on the device',
  'reason.EACCES': 'permission denied',
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
  'output.is-input': '--output {target} es uno de los archivos de entrada; elija otra ruta',
  'output.no-dir': '--output {target}: el directorio {dir} no existe',
  'output.is-dir': '--output {target} es un directorio',
  'output.exists': '--output {target} ya existe; agregue --force para reemplazarlo',
  'output.cannot-write': 'no se pudo escribir --output {target}: {reason}; no se escribió nada',
  'reason.ENOSPC': 'no queda espacio en el dispositivo',
  'reason.EACCES': 'permiso denegado',
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
