// Every text of `breach --help` and of the command-line parser's errors, in both languages.
// Keys are English codes; commander's own words (Usage:, error: unknown option ...) are mapped here.
import type { Lang } from '../i18n/index.js';

const en = {
  'program.description': 'Data-breach impact estimator for Mexico: severity, obligations, deadlines.',
  'program.debug': 'print stacks of internal errors',
  'program.afterError': '(run `breach --help` for usage)',
  'program.examples': `
Examples:
  breach assess incident.yaml                      severity, obligations, deadlines
  breach assess breaches/*.yaml --fail-on high -q  CI gate: exit 1 at high or above
  breach assess portfolio.csv -f markdown --lang es -o informe.md
  breach init                                       questions on a terminal → incident.yaml
  breach scan dump.csv.gz --describe incident.yaml --sector private
  breach notify incident.yaml -f html --out-dir avisos
  breach rules --as-of 2025-03-21

Exit codes: 0 ok, 1 --fail-on reached or --strict drafts incomplete, 2 bad usage or input, 3 bug.`,
  'opt.lang': 'language of human-readable text (default from LC_ALL/LC_MESSAGES/LANG)',
  'opt.version': 'output the version number',
  'opt.help': 'display help for command',
  'cmd.help': 'display help for command',
  'assess.description': 'assess one or more descriptions (YAML, JSON or CSV; - for stdin)',
  'arg.files': 'description files',
  'opt.format': 'output format',
  'opt.failOn': 'exit 1 when an incident reaches this level',
  'opt.asOf': 'apply the law in force on this date (YYYY-MM-DD)',
  'opt.output': 'write the report to a file (atomically; - is stdout)',
  'opt.force.output': 'let --output replace an existing file',
  'opt.inputFormat': 'input format (needed for stdin)',
  'opt.quiet.assess': 'no output on success; only the exit code',
  'opt.quiet': 'no output on success',
  'opt.noColor': 'no colours',
  'validate.description': 'check descriptions only; no assessment',
  'fields.description': 'list the field-type catalogue, or search it (breach fields salario)',
  'arg.fieldsQuery': 'words to search for in ids, names and aliases, Spanish or English (accents and case ignored)',
  'opt.json.fields': 'as JSON, every alias included',
  'opt.wide': 'every alias, not only the first few',
  'opt.json': 'as JSON',
  'rules.description': 'list the legal rules in force on a date, with citations',
  'opt.asOf.rules': 'date (YYYY-MM-DD); default today',
  'notify.description': 'draft the notices, breach-log entry and checklist the assessment requires (nothing is sent)',
  'arg.files.notify': 'description files (an optional `response:` block supplies what the drafts need)',
  'opt.format.draft': 'draft format',
  'opt.lang.notify': 'language of the drafts (default: es, for Mexican recipients)',
  'opt.outDir': 'write one file per document into this directory (all or none)',
  'opt.force.outDir': 'let --out-dir replace existing files',
  'opt.strict': 'exit 1 when a legally required item is missing from the description',
  'scan.description': 'profile raw leaked files (CSV/TSV, SQL dumps, JSON Lines/arrays, .xlsx; mail .eml/.mbox, HTML, text and logs; folders; optionally .gz) into a description; never prints a raw value',
  'arg.dumps': 'files or folders to profile: one dataset per file, SQL table or sheet',
  'opt.json.scan': 'the profile as JSON',
  'opt.format.scan': 'output: table (default), json (as --json) or markdown',
  'opt.full': 'validate every value of every column, on all cores',
  'opt.maxExpansion': 'refuse a gzip file or workbook sheet that decompresses to more than N times its compressed size, a decompression bomb (default 100; 0 lifts the guard)',
  'opt.describe': 'write a breach/v1 description of the dumps (atomically; - writes it to stdout in place of the report)',
  'opt.force.describe': 'let --describe replace an existing file',
  'opt.force.scan': 'let --describe or --profile-out replace an existing file',
  'opt.sector': 'controller sector, for --describe',
  'opt.branch': 'public branch, for --describe',
  'opt.state': 'federal entity, for --describe',
  'opt.industry': 'private industry, for --describe',
  'opt.controller': 'controller name, for --describe',
  'opt.title': 'incident title, for --describe',
  'opt.discovered': 'confirmation date, for --describe (default today)',
  'opt.noProgress': 'no progress bar',
  'opt.detail': 'table/markdown: details of every incident even above --detail-threshold',
  'opt.detailThreshold': 'table/markdown: above this many incidents, show the overview and the worst incidents only (default 20)',
  'opt.bail': 'stop at the first invalid file (default: report it and assess the others)',
  'opt.skipInvalid': 'assess the valid incidents of a file whose other incidents or CSV rows are invalid (still exit 2)',
  'opt.format.validate': 'output format: text, or json (diagnostics as data)',
  'opt.bail.validate': 'stop at the first invalid file',
  'opt.skipInvalid.validate': 'count the valid incidents of a partly invalid file',
  'opt.trustValues': 'classify by values only: columns typed by their header alone are dropped (and listed)',
  'opt.range': 'scan only the rows that start in this byte range of one CSV/TSV file (START:END; the header is read from the file\'s start)',
  'opt.profileOut': 'write a mergeable profile of the file or range (JSON: counts, HyperLogLog registers, sample features; never a value)',
  'opt.plan': 'print N byte ranges (START:END, one a line) that cover the file, for --range',
  'scanMerge.description': 'combine the profiles of a file\'s ranges (scan --range A:B --profile-out F) into the report of the whole file',
  'arg.profiles': 'profiles written by scan --profile-out, every range of the file',
  'opt.allowDifferentFiles': 'merge profiles of different files too (each file is one dataset)',
  'init.description': 'ask a few questions on a terminal and write a description to assess (or print a template)',
  'arg.initFile': 'the description to write (default incident.yaml); with --template, where to write the template (default: stdout)',
  'opt.template': 'print a commented template instead of asking: yaml (default) or csv (every column of a portfolio)',
  'opt.force.init': 'replace the file if it exists, without asking',
  'opt.quiet.init': 'with --template csv: no column guide on stderr',
  'explain.description': 'recompute and explain a severity vector',
  'arg.vector': 'e.g. SEMX:1/DPC:3/EI:1/C:0.5/I:0/A:0/M:0.5/V:0.75',
  'title.Usage:': 'Usage:',
  'title.Options:': 'Options:',
  'title.Commands:': 'Commands:',
  'title.Arguments:': 'Arguments:',
  'title.Global Options:': 'Global Options:',
  'info.choices': 'choices',
  'info.default': 'default',
  'err.unknownOption': "error: unknown option '{0}'",
  'err.missingArgument': "error: missing required argument '{0}'",
  'err.optionArgumentMissing': "error: option '{0}' argument missing",
  'err.tooManyArguments': 'error: too many arguments{0}. Expected {1} argument(s) but got {2}.',
  'err.unknownCommand': "error: unknown command '{0}'",
  'err.invalidChoice': "error: option '{0}' argument '{1}' is invalid. Allowed choices are {2}.",
  'err.didYouMean': '(Did you mean {0}?)',
};

export type HelpKey = keyof typeof en;

const es: Record<HelpKey, string> = {
  'program.description': 'Estimador del impacto de vulneraciones de datos personales en México: gravedad, obligaciones y plazos.',
  'program.debug': 'muestra la pila de los errores internos',
  'program.afterError': '(ejecute `breach --help` para ver el uso)',
  'program.examples': `
Ejemplos:
  breach assess incidente.yaml                     gravedad, obligaciones y plazos
  breach assess vulneraciones/*.yaml --fail-on high -q  control en CI: sale con 1 desde gravedad alta
  breach assess portafolio.csv -f markdown --lang es -o informe.md
  breach init                                      preguntas en la terminal → incidente.yaml
  breach scan volcado.csv.gz --describe incidente.yaml --sector private
  breach notify incidente.yaml -f html --out-dir avisos
  breach rules --as-of 2025-03-21

Códigos de salida: 0 correcto, 1 se alcanzó --fail-on o faltan datos en los borradores con --strict,
2 uso o entrada incorrectos, 3 falla interna del programa.`,
  'opt.lang': 'idioma de los textos para personas (por omisión, el de LC_ALL/LC_MESSAGES/LANG)',
  'opt.version': 'muestra el número de versión',
  'opt.help': 'muestra la ayuda del comando',
  'cmd.help': 'muestra la ayuda de un comando',
  'assess.description': 'evalúa una o varias descripciones (YAML, JSON o CSV; - para la entrada estándar)',
  'arg.files': 'archivos de descripción',
  'opt.format': 'formato de salida',
  'opt.failOn': 'sale con 1 cuando un incidente alcanza este nivel',
  'opt.asOf': 'aplica la ley vigente en esta fecha (AAAA-MM-DD)',
  'opt.output': 'escribe el informe en un archivo (de forma atómica; - es la salida estándar)',
  'opt.force.output': 'permite que --output reemplace un archivo existente',
  'opt.inputFormat': 'formato de entrada (necesario con la entrada estándar)',
  'opt.quiet.assess': 'sin salida si todo va bien; sólo el código de salida',
  'opt.quiet': 'sin salida si todo va bien',
  'opt.noColor': 'sin colores',
  'validate.description': 'sólo revisa las descripciones, sin evaluarlas',
  'fields.description': 'muestra el catálogo de tipos de dato, o busca en él (breach fields salario)',
  'arg.fieldsQuery': 'palabras por buscar en los identificadores, nombres y alias, en español o inglés (sin importar acentos ni mayúsculas)',
  'opt.json.fields': 'en JSON, con todos los alias',
  'opt.wide': 'todos los alias, no sólo los primeros',
  'opt.json': 'en JSON',
  'rules.description': 'muestra las reglas legales vigentes en una fecha, con su fundamento',
  'opt.asOf.rules': 'fecha (AAAA-MM-DD); por omisión, hoy',
  'notify.description': 'redacta los avisos, el registro en la bitácora y la lista de verificación que exige la evaluación (no envía nada)',
  'arg.files.notify': 'archivos de descripción (un bloque `response:` opcional aporta lo que necesitan los borradores)',
  'opt.format.draft': 'formato de los borradores',
  'opt.lang.notify': 'idioma de los borradores (por omisión, es: los destinatarios son mexicanos)',
  'opt.outDir': 'escribe un archivo por documento en este directorio (todos o ninguno)',
  'opt.force.outDir': 'permite que --out-dir reemplace archivos existentes',
  'opt.strict': 'sale con 1 cuando falta en la descripción un dato que la ley exige',
  'scan.description': 'perfila archivos filtrados (CSV/TSV, volcados SQL, JSON Lines o arreglos JSON, .xlsx; correo .eml/.mbox, HTML, texto y bitácoras; carpetas; opcionalmente .gz) y los convierte en una descripción; nunca muestra un valor original',
  'arg.dumps': 'archivos o carpetas por perfilar: un conjunto de datos por archivo, tabla SQL u hoja',
  'opt.json.scan': 'el perfil en JSON',
  'opt.format.scan': 'salida: table (predeterminada), json (como --json) o markdown',
  'opt.full': 'valida cada valor de cada columna, con todos los núcleos',
  'opt.maxExpansion': 'rechaza un archivo gzip o una hoja de libro que se descomprime a más de N veces su tamaño comprimido, una bomba de descompresión (por omisión 100; 0 quita la protección)',
  'opt.describe': 'escribe una descripción breach/v1 de los archivos (de forma atómica; - la escribe en la salida estándar en lugar del informe)',
  'opt.force.describe': 'permite que --describe reemplace un archivo existente',
  'opt.force.scan': 'permite que --describe o --profile-out reemplacen un archivo existente',
  'opt.sector': 'sector del responsable, para --describe',
  'opt.branch': 'poder u orden de gobierno del sujeto obligado, para --describe',
  'opt.state': 'entidad federativa, para --describe',
  'opt.industry': 'giro del responsable privado, para --describe',
  'opt.controller': 'nombre del responsable, para --describe',
  'opt.title': 'título del incidente, para --describe',
  'opt.discovered': 'fecha de confirmación, para --describe (por omisión, hoy)',
  'opt.noProgress': 'sin barra de avance',
  'opt.detail': 'table/markdown: el detalle de cada incidente aunque pasen de --detail-threshold',
  'opt.detailThreshold': 'table/markdown: con más incidentes que este número, sólo el panorama y los incidentes más graves (por omisión, 20)',
  'opt.bail': 'se detiene en el primer archivo no válido (por omisión: lo informa y evalúa los demás)',
  'opt.skipInvalid': 'evalúa los incidentes válidos de un archivo con otros incidentes o filas CSV no válidos (sale igual con 2)',
  'opt.format.validate': 'formato de salida: text, o json (los diagnósticos como datos)',
  'opt.bail.validate': 'se detiene en el primer archivo no válido',
  'opt.skipInvalid.validate': 'cuenta los incidentes válidos de un archivo parcialmente no válido',
  'opt.trustValues': 'clasifica sólo por los valores: se descartan (y se listan) las columnas tipificadas sólo por su encabezado',
  'opt.range': 'analiza sólo las filas que empiezan en este rango de bytes de un archivo CSV/TSV (INICIO:FIN; el encabezado se lee del inicio del archivo)',
  'opt.profileOut': 'escribe un perfil combinable del archivo o del rango (JSON: conteos, registros HyperLogLog, rasgos de la muestra; nunca un valor)',
  'opt.plan': 'muestra N rangos de bytes (INICIO:FIN, uno por línea) que cubren el archivo, para --range',
  'scanMerge.description': 'combina los perfiles de los rangos de un archivo (scan --range A:B --profile-out F) en el informe del archivo completo',
  'arg.profiles': 'perfiles escritos por scan --profile-out, todos los rangos del archivo',
  'opt.allowDifferentFiles': 'combina también perfiles de archivos distintos (cada archivo es un conjunto de datos)',
  'init.description': 'hace unas preguntas en la terminal y escribe una descripción para evaluar (o imprime una plantilla)',
  'arg.initFile': 'la descripción por escribir (por omisión, incidente.yaml); con --template, dónde escribir la plantilla (por omisión, la salida estándar)',
  'opt.template': 'imprime una plantilla comentada en vez de preguntar: yaml (por omisión) o csv (todas las columnas de un portafolio)',
  'opt.force.init': 'reemplaza el archivo si ya existe, sin preguntar',
  'opt.quiet.init': 'con --template csv: sin la guía de columnas en stderr',
  'explain.description': 'recalcula y explica un vector de gravedad',
  'arg.vector': 'por ejemplo, SEMX:1/DPC:3/EI:1/C:0.5/I:0/A:0/M:0.5/V:0.75',
  'title.Usage:': 'Uso:',
  'title.Options:': 'Opciones:',
  'title.Commands:': 'Comandos:',
  'title.Arguments:': 'Argumentos:',
  'title.Global Options:': 'Opciones globales:',
  'info.choices': 'valores',
  'info.default': 'por omisión',
  'err.unknownOption': "error: opción desconocida '{0}'",
  'err.missingArgument': "error: falta el argumento obligatorio '{0}'",
  'err.optionArgumentMissing': "error: falta el valor de la opción '{0}'",
  'err.tooManyArguments': 'error: demasiados argumentos{0}: se esperaban {1} y se recibieron {2}.',
  'err.unknownCommand': "error: comando desconocido '{0}'",
  'err.invalidChoice': "error: el valor '{1}' de la opción '{0}' no es válido. Valores permitidos: {2}.",
  'err.didYouMean': '(¿Quiso decir {0}?)',
};

export const HELP = { en, es } as const;

export function helpText(lang: Lang): (key: HelpKey, ...args: string[]) => string {
  return (key, ...args) => HELP[lang][key].replace(/\{(\d)\}/g, (m, i: string) => args[Number(i)] ?? m);
}

/** Names of arguments and option values as Spanish help shows them (`<file...>` → `<archivo...>`). */
const PLACEHOLDERS_ES: Record<string, string> = {
  file: 'archivo', query: 'palabras', dump: 'volcado', format: 'formato', lang: 'idioma', level: 'nivel', date: 'fecha', dir: 'carpeta',
  'out.yaml': 'salida.yaml', branch: 'rama', state: 'estado', industry: 'giro', name: 'nombre', title: 'título', options: 'opciones', command: 'comando',
  profile: 'perfil', 'file.json': 'archivo.json', 'start:end': 'inicio:fin',
};

/** An argument's name in the interface language (the parser still knows it by its English name). */
export function localArgName(name: string, lang: Lang): string {
  return lang === 'es' ? (PLACEHOLDERS_ES[name] ?? name) : name;
}

/** Usage lines and option terms with their `<value>` and `[value]` placeholders in the interface language. */
export function localPlaceholders(text: string, lang: Lang): string {
  return lang === 'es' ? text.replace(/([<[])([\w.:]+?)(\.\.\.)?([>\]])/g, (_, open: string, name: string, dots = '', close: string) => `${open}${localArgName(name, lang)}${dots}${close}`) : text;
}

/** Commander's English error lines in the interface language (the codes and values stay as typed). */
export function localizeParserError(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  const h = helpText(lang);
  const patterns: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^error: unknown option '([^']*)'/, (m) => h('err.unknownOption', m[1]!)],
    [/^error: missing required argument '([^']*)'/, (m) => h('err.missingArgument', localArgName(m[1]!, lang))],
    [/^error: option '([^']*)' argument missing/, (m) => h('err.optionArgumentMissing', localPlaceholders(m[1]!, lang))],
    [/^error: too many arguments( for '[^']*')?\. Expected (\d+) arguments? but got (\d+)\./, (m) => h('err.tooManyArguments', m[1] ? m[1].replace(' for ', ' para ') : '', m[2]!, m[3]!)],
    [/^error: unknown command '([^']*)'/, (m) => h('err.unknownCommand', m[1]!)],
    [/^error: option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\./, (m) => h('err.invalidChoice', localPlaceholders(m[1]!, lang), m[2]!, m[3]!)],
    [/\(Did you mean (?:one of )?(.*)\?\)/, (m) => h('err.didYouMean', m[1]!)],
    [/^\(run `breach --help` for usage\)/, () => h('program.afterError')],
  ];
  return text.split('\n').map((line) => {
    for (const [re, f] of patterns) {
      const m = re.exec(line);
      if (m) return line.slice(0, m.index) + f(m) + line.slice(m.index + m[0].length);
    }
    return line;
  }).join('\n');
}
