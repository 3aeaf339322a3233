// Every message key exists in both languages with the same arguments, and a report in one language
// carries no word of the other (outside code spans and the user's own text).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en.js';
import { es } from '../src/i18n/es.js';
import { contract, translator } from '../src/i18n/index.js';
import { notifyEn, notifyEs } from '../src/notify/messages.js';
import { HELP } from '../src/cli/help-text.js';
import { CLI_MESSAGES } from '../src/cli/cli-messages.js';
import { DIAG_MESSAGES } from '../src/input/messages.js';
import { TEXT_MESSAGES, TEXT_PROBLEMS } from '../src/scan/text/messages.js';
import { INIT_MESSAGES } from '../src/init/messages.js';
import { SHARD_MESSAGES } from '../src/scan/shard/messages.js';
import { buildDrafts } from '../src/notify/documents.js';
import { renderDraft } from '../src/notify/render.js';
import { assessText } from './helpers.js';

const TABLES: [string, Record<string, string>, Record<string, string>][] = [
  ['src/i18n', en, es],
  ['src/notify/messages.ts', notifyEn, notifyEs],
  ['src/cli/help-text.ts', HELP.en, HELP.es],
  ['src/cli/cli-messages.ts', CLI_MESSAGES.en, CLI_MESSAGES.es],
  ['src/input/messages.ts', DIAG_MESSAGES.en, DIAG_MESSAGES.es],
  ['src/scan/text/messages.ts', TEXT_MESSAGES.en, TEXT_MESSAGES.es],
  ['src/scan/text/messages.ts (problems)', TEXT_PROBLEMS.en, TEXT_PROBLEMS.es],
  ['src/init/messages.ts', INIT_MESSAGES.en, INIT_MESSAGES.es],
  ['src/scan/shard/messages.ts', SHARD_MESSAGES.en, SHARD_MESSAGES.es],
];
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message tables', () => {
  it('Spanish contracts "a el" and "de el" only as whole words, accented letters included', () => {
    expect(contract('se dirige a el órgano; A el cabo; de el INAI', 'es')).toBe('se dirige al órgano; Al cabo; del INAI');
    expect(contract('si lo suspendieran, vencería el 13 de enero; podría el titular; tendré el', 'es')).toBe('si lo suspendieran, vencería el 13 de enero; podría el titular; tendré el');
    expect(contract('a el', 'en')).toBe('a el');
  });
  it('the sensitive-data increase of the LFPDPPP fines is said to be discretionary ("podrán … hasta por dos veces"), in both languages', () => {
    for (const t of [en, es]) expect(t['note.sensitive-doubled']).toContain('podrán incrementarse hasta por dos veces');
    expect(en['note.sensitive-doubled']).toMatch(/not automatic/);
    expect(es['note.sensitive-doubled']).toMatch(/no es automático/);
  });
  it.each(TABLES)('%s: every key in both languages, non-empty, with the same arguments', (_name, a, b) => {
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const k of Object.keys(a)) {
      expect(a[k]!.trim(), `en ${k}`).not.toBe('');
      expect(b[k]!.trim(), `es ${k}`).not.toBe('');
      expect(placeholders(b[k]!), k).toEqual(placeholders(a[k]!));
    }
  });

  it.each(TABLES)('%s: Spanish puts the article before a day ("desde el 1 de febrero de 2020")', (_name, _a, b) => {
    for (const [k, v] of Object.entries(b)) expect(v, k).not.toMatch(/\b(?:desde|hasta|a partir de|antes de|después de|vence|venció) \{(?:date|from|until|at|since|day|due)\}/);
  });

  it.each(TABLES)('%s: dates in sentences are written for people, not as ISO dates', (_name, a, b) => {
    for (const table of [a, b]) {
      for (const [k, v] of Object.entries(table)) {
        // Code spans and command examples (`--as-of 2025-03-21`) may keep ISO dates; prose may not.
        const prose = v.replace(/`[^`]*`/g, ' ').replace(/^\s*breach .*$/gm, ' ').replace(/--[\w-]+ \S+/g, ' ');
        expect(prose, k).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
      }
    }
  });
});

// Words that betray the other language. Kept short and unambiguous: proper names of Mexican
// institutions and laws stay Spanish in English text, so the English list avoids their words.
const ENGLISH_WORDS = ['salario-minimo', 'the', 'and', 'with', 'must', 'should', 'which', 'within', 'hours', 'checked', 'unverified', 'whole norm', 'secondary source', 'processor', 'patients', 'data subjects', 'deadline', 'federal-executive', 'unknown-recipients', 'known-recipients', 'lost-no-evidence', 'confidentiality', 'integrity', 'availability', 'malicious', 'none', 'yes'];
const SPANISH_WORDS = ['salario-minimo', 'plazo', 'vence', 'titulares', 'debe', 'borrador', 'gravedad', 'afectación', 'confirmación', 'destinatario', 'fundamento', 'encargado', 'pacientes'];
// A message key left untranslated (the translator returns unknown keys as they are).
const RAW_KEY = /\b(?:level|ui|html|reason|obligation|recipient|authority|content|deadline|milestone|caveat|rule|status|branch|industry|group|penalty|liability|crime|note|evidence|ruleBasis|unit|calendar|notModelled|rules)\.[a-zA-Z][\w.-]*/;

const EXAMPLES = readdirSync('data/examples').filter((f) => /\.(ya?ml|csv)$/.test(f));
// The bundled examples, and a breach of 2014 (fines in minimum wages, a unit no example uses).
const SOURCES = [...EXAMPLES.map((f) => `data/examples/${f}`), 'test/fixtures/bank-2014.yaml'];
const assessments = SOURCES.flatMap((f) => assessText(readFileSync(f, 'utf8'), { format: f.endsWith('.csv') ? 'csv' : 'yaml', file: f }));

/** The text a person reads, without code spans, bracketed codes and the user's own words. */
function humanText(s: string, a: (typeof assessments)[number]): string {
  let out = s.replace(/`[^`]*`/g, ' ').replace(/\[[a-z0-9, -]+\]/gi, ' ').replace(/\(response\.[\w.]+\)|\(controller\.[\w.]+\)/g, ' ');
  const user = [a.incident.title, a.incident.controller.name, a.incident.controller.onBehalfOf?.name, ...a.incident.datasets.flatMap((d) => [d.name, d.notes]), a.source];
  for (const u of user) if (u) out = out.split(u).join(' ');
  return out;
}
const wordsIn = (text: string, words: string[]) => words.filter((w) => new RegExp(`(?<![\\w-])${w.replace(/[-]/g, '\\-')}(?![\\w-])`).test(text));

async function reports(lang: 'es' | 'en'): Promise<{ name: string; text: string; a: (typeof assessments)[number] }[]> {
  const t = translator(lang);
  const { render: md } = await import('../src/report/markdown.js');
  const { render: table } = await import('../src/report/table.js');
  const { render: htmlReport } = await import('../src/report/html.js');
  // The HTML report's words: no stylesheet, no tags, entities decoded.
  const words = (h: string) => h.replace(/<style>[^]*?<\/style>/, ' ').replace(/<[^>]+>/g, ' ').replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!);
  const labels = { banner: 'X', generated: 'X', missing: 'X' };
  return assessments.flatMap((a) => [
    { name: `${a.source} markdown`, text: [...md([a], { t, lang, version: 'test' })].join(''), a },
    { name: `${a.source} table`, text: [...table([a], { t, lang, version: 'test', color: false, width: 120 })].join(''), a },
    { name: `${a.source} html`, text: words([...htmlReport([a], { t, lang, version: 'test' })].join('')), a },
    ...buildDrafts(a, lang, t, { issued: '2026-11-21' }).documents.map((d) => ({ name: `${a.source} ${d.id}`, text: renderDraft(d, 'text', labels, lang), a })),
  ]);
}

describe('a report in one language holds no word of the other, and no raw message key', () => {
  it('Spanish: assess table, Markdown and HTML, and the notify drafts of every bundled example', async () => {
    const bad: string[] = [];
    for (const r of await reports('es')) {
      const text = humanText(r.text, r.a);
      for (const w of wordsIn(text, ENGLISH_WORDS)) bad.push(`${r.name}: "${w}"`);
      const raw = RAW_KEY.exec(text);
      if (raw) bad.push(`${r.name}: key ${raw[0]}`);
    }
    expect(bad).toEqual([]);
  });

  it('English: the same reports hold no Spanish word of the list', async () => {
    const bad: string[] = [];
    for (const r of await reports('en')) {
      const text = humanText(r.text, r.a);
      for (const w of wordsIn(text, SPANISH_WORDS)) bad.push(`${r.name}: "${w}"`);
      const raw = RAW_KEY.exec(text);
      if (raw) bad.push(`${r.name}: key ${raw[0]}`);
    }
    expect(bad).toEqual([]);
  });

  it('the word lists can fail: an English sentence in a Spanish text is caught', () => {
    expect(wordsIn('El plazo vence; the deadline is within 72 hours', ENGLISH_WORDS)).toEqual(['the', 'within', 'hours', 'deadline']);
    expect(wordsIn('the notice is due; el plazo vence', SPANISH_WORDS)).toEqual(['plazo', 'vence']);
  });
});

describe('the checks above see the reports', () => {
  it('every bundled example gives Spanish reports and drafts with text in them', async () => {
    const all = await reports('es');
    expect(all.length).toBeGreaterThan(EXAMPLES.length * 3);
    expect(all.filter((r) => r.name.endsWith('notice-authority')).length).toBeGreaterThan(0);
    for (const r of all) expect(humanText(r.text, r.a).length, r.name).toBeGreaterThan(200);
  });
});

describe('the command line speaks the selected language', () => {
  const BIN = new URL('../bin/breach.cjs', import.meta.url).pathname;
  const run = (args: string[], env: Record<string, string> = {}) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', BREACH_TODAY: '2026-11-21', ...env } });
  const COMMANDS = ['assess', 'validate', 'fields', 'rules', 'notify', 'scan', 'explain', 'init'];

  it('scan says why a file cannot be scanned at all in Spanish: empty, UTF-16, binary, a cut gzip (the reasons were English)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breach-'));
    try {
      const files: [string, Buffer, string][] = [
        ['vacio.csv', Buffer.alloc(0), 'el archivo está vacío'],
        ['u16.csv', Buffer.from([0xff, 0xfe, 0x6e, 0, 0x6f, 0]), 'no se leen volcados en UTF-16: conviértalo antes a UTF-8 (iconv -f UTF-16 -t UTF-8)'],
        ['bin.csv', Buffer.from('a,b\n1,\u00002\n'), 'el archivo contiene bytes NUL: es binario, no un volcado CSV'],
        ['cortado.csv.gz', gzipSync(Buffer.from('a,b\n'.repeat(1000))).subarray(0, 20), 'el flujo gzip está truncado o dañado'],
      ];
      for (const [name, bytes, why] of files) {
        writeFileSync(join(dir, name), bytes);
        const r = run(['scan', join(dir, name), '--lang', 'es']);
        expect([r.status, r.stderr], name).toEqual([2, `${join(dir, name)}:1:1: ${why}\n`]);
      }
      expect(run(['scan', join(dir, 'vacio.csv'), '--lang', 'en']).stderr).toContain(':1:1: the file is empty');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([[[]], ...COMMANDS.map((c) => [[c]])])('help %j in Spanish (--lang es, or an es locale)', (cmd) => {
    for (const r of [run([...cmd, '--help', '--lang', 'es']), run([...cmd, '--help'], { LANG: 'es_MX.UTF-8' })]) {
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^Uso: breach/);
      const text = r.stdout.replace(/`[^`]*`/g, ' ').replace(/(?:^|\s)(?:-\w|--[\w-]+)(?= |,|$)/gm, ' ').replace(/<[^>]+>|\[[^\]]+\]|"[^"]*"/g, ' ');
      expect(wordsIn(text, [...ENGLISH_WORDS, 'display', 'output', 'options', 'command', 'Usage', 'Options', 'Arguments', 'default', 'choices'])).toEqual([]);
      // Argument and value names are Spanish too: `<archivo...>`, `--format <formato>`, "Argumentos: archivo".
      expect(r.stdout).not.toMatch(/[<[](?:file|query|dump|format|lang|level|date|dir|out\.yaml|branch|state|industry|name|title|options|command)(?:\.\.\.)?[>\]]|^ {2}(?:file|query|dump) /m);
    }
    expect(run([...cmd, '--help'], { LANG: 'en_US.UTF-8' }).stdout).toMatch(/^Usage: breach/);
  });

  it('rules reads in Spanish in every period, and in English', () => {
    for (const date of ['2009-06-01', '2016-06-01', '2021-06-01', '2025-06-01']) {
      const es = run(['rules', '--lang', 'es', '--as-of', date]);
      expect(es.status).toBe(0);
      expect(wordsIn(es.stdout.replace(/`[^`]*`/g, ' '), ENGLISH_WORDS), date).toEqual([]);
      expect(RAW_KEY.exec(es.stdout), date).toBeNull();
      const en = run(['rules', '--lang', 'en', '--as-of', date]);
      expect(wordsIn(en.stdout, SPANISH_WORDS), date).toEqual([]);
    }
  });

  it('usage errors and diagnostics in Spanish; exit 2, one line per problem', () => {
    const bad = run(['assess', '-f', 'xml', 'x.yaml', '--lang', 'es']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("error: el valor 'xml' de la opción '-f, --format <formato>' no es válido. Valores permitidos: table,");
    expect(run(['assess', '--lang', 'es']).stderr).toContain("error: falta el argumento obligatorio 'archivo'");
    expect(run(['assess', '--as-of', '2025-02-30', 'x.yaml', '--lang', 'es']).stderr).toBe('breach: --as-of debe ser una fecha real escrita AAAA-MM-DD (se recibió "2025-02-30")\n');
    const dir = mkdtempSync(join(tmpdir(), 'breach-'));
    const f = join(dir, 'mal.yaml');
    writeFileSync(f, 'incident:\n  discovered: 2025-13-01\n  controler: x\n  controller: { sector: public, name: 5 }\n  subjects: { count: "-3" }\ndatasets:\n  - name: a\n    records: 1\n    fields: [salry, curp]\n');
    const r = run(['validate', f], { LANG: 'es_MX.UTF-8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      `${f}:2:15: \`incident.discovered\`: debe ser una fecha real escrita AAAA-MM-DD (se recibió "2025-13-01")`,
      `${f}:3:3: clave desconocida \`controler\` en incident (¿quiso decir \`controller\`?); se esperaba una de: title, discovered, controller, circumstances, subjects`,
      `${f}:4:39: \`incident.controller.name\` debe ser texto; se recibió el número 5`,
      `${f}:5:22: \`incident.subjects.count\`: no puede ser negativo (se recibió "-3")`,
      `${f}:9:14: \`datasets[0].fields[0]\`: tipo de dato desconocido \`salry\` (¿quiso decir \`salary\`?); \`breach fields\` los muestra todos`,
    ]);
    expect(run(['validate', 'data/examples/imss-afiliados-2021.yaml', 'data/examples/portafolio.csv', '--lang', 'es']).stdout).toContain('data/examples/imss-afiliados-2021.yaml: correcto (1 conjunto de datos)\ndata/examples/portafolio.csv#INC-01: correcto (1 conjunto de datos)');
    // The same file in English keeps the contract's wording.
    expect(run(['validate', f, '--lang', 'en']).stderr).toContain("unknown key `controler` in incident (did you mean `controller`?)");
  });

  it('a folder or a missing file without an extension says so, rather than asking for --input-format', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breach-'));
    try {
      for (const cmd of ['assess', 'validate', 'notify']) {
        const r = run([cmd, dir, join(dir, 'falta'), '--lang', 'es']);
        expect(r.status, cmd).toBe(2);
        expect(r.stderr, cmd).toBe(`${dir}:1:1: no se puede leer el archivo: es un directorio, no un archivo\n${join(dir, 'falta')}:1:1: no se puede leer el archivo: no existe\n`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('explain: a malformed vector is explained in Spanish, and the floor is a word', () => {
    const cases: [string, RegExp][] = [
      ['SEMX:1/DPC:9/EI:1/C:0.5/I:0/A:0/M:0.5/V:0.75', /^<vector>:1:12: `DPC` debe ser uno de estos valores: 1, 2, 3, 4 \(se recibió `9`\)$/],
      ['XYZ', /^<vector>:1:1: un vector empieza con `SEMX:1` \(se recibió `XYZ`\); por ejemplo: /],
      ['SEMX:1/DPC:3', /^<vector>:1:13: falta `EI:` después de `SEMX:1\/DPC:3`; las métricas van en este orden: DPC, EI, C, I, A, M, V$/],
      ['SEMX:1/DPC:3/DPC:3', /se esperaba `EI:<valor>` en la posición 2, pero se encontró `DPC:3`/],
      ['SEMX:1/DPC:3/EI:1/C:0.5/I:0/A:0/M:0.5/V:0.75/Q:1', /sobra `Q:1` después de V; sólo puede seguir `F:medium`/],
      ['SEMX:1/DPC:4/EI:1/C:0.5/I:0/A:0/M:0.5/V:0.75/F:medium/X', /sobra `X` después del mínimo/],
    ];
    for (const [vector, expected] of cases) {
      const r = run(['explain', vector, '--lang', 'es']);
      expect(r.status, vector).toBe(2);
      expect(r.stderr.trim(), vector).toMatch(expected);
      expect(wordsIn(r.stderr.replace(/`[^`]*`/g, ' '), [...ENGLISH_WORDS, 'missing', 'expected', 'unexpected', 'got', 'after', 'example']), vector).toEqual([]);
      expect(run(['explain', vector, '--lang', 'en']).stderr, vector).toMatch(/must be one of|starts with|missing|expected|unexpected/);
    }
    const floor = run(['explain', 'SEMX:1/DPC:4/EI:0.25/C:0/I:0/A:0/M:0/V:0.25/F:medium', '--lang', 'es']).stdout;
    expect(floor).toContain('  F   media  (');
    expect(floor).toContain('→ media (mínimo por datos sensibles: media)');
    expect(wordsIn(floor.replace(/SEMX:\S+/g, ' '), ['floor', 'medium'])).toEqual([]);
  });

  it('YAML, JSON and CSV syntax errors in Spanish, by the library error code (its own text is English only)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breach-'));
    try {
      const cases: [string, string, RegExp][] = [
        ['a.yaml', 'incident:\n  title: "sin cierre\n', /texto entre comillas no tiene comilla de cierre/],
        ['b.yaml', 'incident:\n\ttitle: x\n', /no se pueden usar tabuladores para sangrar: use espacios/],
        ['c.yaml', 'datasets: [a, b\nincident: x\n', /debe ir sangrado y cerrarse con `\]`/],
        ['d.yaml', 'incident:\n  title: x\n  title: y\n', /la clave está repetida en el mismo mapa/],
        ['e.json', '{"incident": {"title": "x" "y"}}', /JSON no válido: /],
        ['f.yaml', 'incident: @x\n', /un valor no puede empezar con `@` si no va entre comillas/],
        ['g.csv', 'dataset,records,fields,sector\n"a,1,curp,private\nb,2,curp,private\n', /CSV no válido: una celda entre comillas nunca se cierra/],
        ['h.csv', 'dataset,records,fields,sector,registros\na,1,curp,private,3\n', /la columna `registros` repite la columna 2 \(ambas significan `records`\)/],
        ['i.yaml', 'incident:\u0000', /el archivo contiene bytes NUL: parece binario/],
        ['j.yaml', 'incident:\n  discovered: 2025-01-01\n  controller: { sector: private, industry: retail }\ndatasets: []\nresponse:\n  confirmed_at: 2025-01-01 25:00\n', /`datasets`: debe indicar al menos un conjunto de datos\n.*`response.confirmed_at`: debe ser una fecha y hora escrita AAAA-MM-DD HH:MM/],
        ['k.txt', 'x', /no se reconoce el formato por la extensión/],
      ];
      for (const [name, text, expected] of cases) {
        writeFileSync(join(dir, name), text);
        const r = run(['validate', join(dir, name), '--lang', 'es']);
        expect(r.status, name).toBe(2);
        expect(r.stderr, name).toMatch(expected);
        const prose = r.stderr.replace(/`[^`]*`/g, ' ').replace(new RegExp(dir.replace(/[/.]/g, '\\$&'), 'g'), ' ');
        expect(wordsIn(prose, [...ENGLISH_WORDS, 'Missing', 'allowed', 'indentation', 'keys', 'Unexpected', 'quote']), name).toEqual([]);
        // English keeps the library's own, more specific wording.
        expect(run(['validate', join(dir, name), '--lang', 'en']).stderr, name).toMatch(/invalid (YAML|JSON|CSV): [A-Z]|column `registros` repeats|contains NUL bytes|must list at least one dataset|cannot tell the format/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
