// Sentences of the free-text scan (mail, documents, logs) in Spanish and English: its problems
// (merged into the format readers' table, formats/messages.ts) and its report.
import type { Lang } from '../../i18n/index.js';
import { fill } from '../../i18n/fill.js';
import type { TextProblemCode } from './mail.js';

export type TextProblemKey = TextProblemCode | 'archive-not-opened';

export const TEXT_PROBLEMS: Record<Lang, Record<TextProblemKey, string>> = {
  en: {
    'mail-unclosed': 'broken MIME: a multipart begun here is never closed (its boundary line is missing); its parts up to the next message are read',
    'mail-no-boundary': 'broken MIME: a multipart part without a boundary parameter; its body is read as plain text',
    'mail-header-too-long': 'no blank line ends this header block within {kib} KiB: not a mail header; the rest is read as plain text',
    'mail-too-deep': 'multiparts nested more than {depth} deep: the deeper parts are read as plain text',
    'mail-charset-mismatch': 'a part says UTF-8 but holds other bytes (Latin-1?): read byte by byte; identifiers are ASCII and still found',
    'mail-truncated': 'the file ends inside a multipart begun here (no closing boundary): truncated? The parts before the end are read',
    'archive-not-opened': 'a {archive} archive: scan does not open archives (nested files, decompression bombs); extract it and scan the folder',
  },
  es: {
    'mail-unclosed': 'MIME dañado: un multipart iniciado aquí nunca se cierra (falta su línea de frontera); se leen sus partes hasta el siguiente mensaje',
    'mail-no-boundary': 'MIME dañado: una parte multipart sin parámetro boundary; su cuerpo se lee como texto simple',
    'mail-header-too-long': 'ninguna línea en blanco cierra este bloque de encabezados en {kib} KiB: no es un encabezado de correo; el resto se lee como texto simple',
    'mail-too-deep': 'multiparts anidados a más de {depth} niveles: las partes más profundas se leen como texto simple',
    'mail-charset-mismatch': 'una parte dice UTF-8 pero contiene otros bytes (¿Latin-1?): se lee byte por byte; los identificadores son ASCII y se encuentran igual',
    'mail-truncated': 'el archivo termina dentro de un multipart iniciado aquí (sin frontera de cierre): ¿truncado? Se leen las partes anteriores al final',
    'archive-not-opened': 'un archivo comprimido {archive}: scan no abre archivos comprimidos (archivos anidados, bombas de descompresión); extráigalo y analice la carpeta',
  },
};

type Key =
  | 'title' | 'files' | 'mail' | 'skipped' | 'archives' | 'col.type' | 'col.occurrences' | 'col.distinct' | 'col.failed' | 'col.files' | 'col.examples'
  | 'minors' | 'method.exact' | 'method.hll' | 'none' | 'held' | 'more' | 'encodings' | 'describe.note' | 'describe.left'
  | 'type.curp' | 'type.rfc' | 'type.nss' | 'type.ine_voter_key' | 'type.clabe' | 'type.card_number' | 'type.email' | 'type.phone' | 'type.address' | 'type.postal_code'
  | 'family.identity' | 'family.contact' | 'family.financial' | 'format.mail' | 'format.mbox' | 'format.html' | 'format.text' | 'format.json';

const en: Record<Key, string> = {
  title: 'Free text ({files} files, {mib} MiB): identifiers found in running text',
  files: '{files} files: {formats}',
  mail: '  mail: {messages} messages ({attached} attached), {text} text parts, {html} HTML parts, {attachments} text attachments read',
  skipped: '  skipped: {binary} binary attachments (not text: images, PDF, Office files...)',
  archives: '  not opened: {archives} attached archives (zip, gzip...): extract them and scan the folder',
  'col.type': 'type',
  'col.occurrences': 'found',
  'col.distinct': 'distinct',
  'col.failed': 'bad check digit',
  'col.files': 'files',
  'col.examples': 'examples (masked)',
  minors: '  minors: {share} % of the {curps} distinct valid CURPs ({minors}) are of people under 18 on {today}',
  'method.exact': 'distinct values counted exactly',
  'method.hll': 'distinct values estimated with HyperLogLog (about 1 % error) where marked ≈',
  none: '  no identifier found in the text',
  held: '  {type} in: {files}',
  more: '{count} more',
  encodings: '  encodings: {encodings}',
  'describe.note': 'breach scan, {today}: {type} found in running text of {files} file(s): {occurrences} occurrences, {distinct} distinct ({method}){failed}',
  'describe.left': 'records = distinct values of the most frequent type of the family',
  'type.curp': 'CURP',
  'type.rfc': 'RFC',
  'type.nss': 'NSS (IMSS)',
  'type.ine_voter_key': 'INE voter key',
  'type.clabe': 'CLABE',
  'type.card_number': 'card number',
  'type.email': 'e-mail address',
  'type.phone': 'phone number',
  'type.address': 'postal address',
  'type.postal_code': 'postal code',
  'family.identity': 'identifiers in free text',
  'family.contact': 'contact data in free text',
  'family.financial': 'financial data in free text',
  'format.mail': 'e-mail',
  'format.mbox': 'mbox',
  'format.html': 'HTML',
  'format.text': 'text',
  'format.json': 'JSON (as text)',
};

const es: Record<Key, string> = {
  title: 'Texto libre ({files} archivos, {mib} MiB): identificadores hallados en texto corrido',
  files: '{files} archivos: {formats}',
  mail: '  correo: {messages} mensajes ({attached} adjuntos), {text} partes de texto, {html} partes HTML, {attachments} adjuntos de texto leídos',
  skipped: '  omitidos: {binary} adjuntos binarios (no son texto: imágenes, PDF, archivos de Office...)',
  archives: '  sin abrir: {archives} archivos comprimidos adjuntos (zip, gzip...): extráigalos y analice la carpeta',
  'col.type': 'tipo',
  'col.occurrences': 'hallados',
  'col.distinct': 'distintos',
  'col.failed': 'dígito verificador erróneo',
  'col.files': 'archivos',
  'col.examples': 'ejemplos (enmascarados)',
  minors: '  menores: {share} % de las {curps} CURP válidas distintas ({minors}) son de personas menores de 18 años al {today}',
  'method.exact': 'valores distintos contados con exactitud',
  'method.hll': 'valores distintos estimados con HyperLogLog (alrededor de 1 % de error) donde se marca ≈',
  none: '  no se halló ningún identificador en el texto',
  held: '  {type} en: {files}',
  more: '{count} más',
  encodings: '  codificaciones: {encodings}',
  'describe.note': 'breach scan, {today}: {type} hallado en texto corrido de {files} archivo(s): {occurrences} apariciones, {distinct} distintos ({method}){failed}',
  'describe.left': 'registros = valores distintos del tipo más frecuente de la familia',
  'type.curp': 'CURP',
  'type.rfc': 'RFC',
  'type.nss': 'NSS (IMSS)',
  'type.ine_voter_key': 'clave de elector del INE',
  'type.clabe': 'CLABE',
  'type.card_number': 'número de tarjeta',
  'type.email': 'correo electrónico',
  'type.phone': 'número de teléfono',
  'type.address': 'domicilio',
  'type.postal_code': 'código postal',
  'family.identity': 'identificadores en texto libre',
  'family.contact': 'datos de contacto en texto libre',
  'family.financial': 'datos financieros en texto libre',
  'format.mail': 'correo',
  'format.mbox': 'mbox',
  'format.html': 'HTML',
  'format.text': 'texto',
  'format.json': 'JSON (como texto)',
};

export const TEXT_MESSAGES: Record<Lang, Record<Key, string>> = { en, es };

export function textText(lang: Lang, key: Key, args: Record<string, string | number> = {}): string {
  return fill(TEXT_MESSAGES[lang][key], args);
}
