// YAML (multi-document) and JSON descriptions → raw values with locators. JSON goes through the
// YAML parser too (JSON is YAML 1.2), so duplicate keys are caught and every problem is located.
import { Composer, isMap, isNode, LineCounter, Parser, visit } from 'yaml';
import { type Diagnostic, InputError, type Locator } from './diagnostic.js';
import { type DiagArgs, diagText } from './messages.js';
import { yamlErrorArgs } from './yaml-errors.js';
import { MAX_SCALAR_SOURCE, overLimit } from './yaml-limits.js';
import { keyText, yamlLocator } from './yaml-locator.js';

export interface RawDocument {
  value: unknown;
  locate: Locator;
  /** 1-based index of the document in a YAML stream. */
  index: number;
  /** A problem was found outside validation (a CSV row): the incident is skipped (--skip-invalid). */
  invalid?: boolean;
  /** Where the document starts, cheaply (without keeping the document alive). */
  line?: () => number;
  /** A CSV's header for a path of the description ("incident.controller.sector" → "sector" as the file wrote it). */
  column?: (path: string) => string | undefined;
}

const MAX_ALIASES = 100;
/** Only the tags JSON can express: anything else (!!binary, !!set, custom tags) is refused. */
const PLAIN_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: false, schema: 'core', strict: true, stringKeys: true } as const;
const DUPLICATE = { code: 'DUPLICATE_KEY', message: 'Map keys must be unique' };

export function loadDocuments(text: string, file: string, format: 'yaml' | 'json'): RawDocument[] {
  const lines = new LineCounter();
  const syntax = format === 'json' ? 'invalid JSON' : 'invalid YAML';
  const tokens = Array.from(new Parser(lines.addNewLine).parse(text));
  // Count and length limits on the token tree, before any node, string or object is built.
  const over = overLimit(tokens);
  if (over) {
    const p = lines.linePos(over.offset);
    const args: DiagArgs = over.key === 'value.too-long' ? { chars: over.chars, max: MAX_SCALAR_SOURCE } : { max: over.max };
    throw new InputError([{ file, line: p.line, col: p.col, message: diagText(over.key, args, 'en'), key: over.key, args }]);
  }
  // The library's duplicate-key check compares each key with every earlier one (quadratic: 50,000
  // keys took minutes); duplicates are found below with one set per mapping.
  const docs = Array.from(new Composer(PARSE_OPTIONS).compose(tokens));
  tokens.length = 0; // the token tree is as large as the documents: not kept while they are converted
  if (!docs.length) return emptyFile(file);
  const problems: Diagnostic[] = [];
  const out: RawDocument[] = [];
  for (const doc of docs) {
    const found: Diagnostic[] = [];
    for (const err of doc.errors) {
      const p = lines.linePos(err.pos[0]);
      const detail = firstLine(err.message);
      found.push({ file, line: p.line, col: p.col, message: `${syntax}: ${detail}`, key: format === 'json' ? 'syntax.json' : 'syntax.yaml', args: yamlErrorArgs(err, detail) });
    }
    let tagged = false;
    const tags: Diagnostic[] = [];
    if (doc.contents !== null) {
      visit(doc, (_key, node) => {
        if (isMap(node)) {
          const seen = new Set<string>();
          for (const pair of node.items) {
            const k = keyText(pair);
            if (!seen.has(k)) { seen.add(k); continue; }
            const p = lines.linePos((pair.key as { range?: [number] } | null)?.range?.[0] ?? 0);
            found.push({ file, line: p.line, col: p.col, message: `${syntax}: ${DUPLICATE.message}`, key: format === 'json' ? 'syntax.json' : 'syntax.yaml', args: yamlErrorArgs(DUPLICATE, DUPLICATE.message) });
          }
        }
        if (isNode(node) && node.tag && !PLAIN_TAGS.has(node.tag)) {
          const p = lines.linePos(node.range?.[0] ?? 0);
          tags.push({ file, line: p.line, col: p.col, message: `unsupported YAML tag \`${node.tag.replace('tag:yaml.org,2002:', '!!').slice(0, 40)}\`: use plain text, numbers, lists and mappings`, key: 'yaml-tag', args: { tag: node.tag.replace('tag:yaml.org,2002:', '!!').slice(0, 40) } });
          tagged = true;
        }
      });
    }
    if (found.length) {
      problems.push(...found.sort((a, b) => a.line - b.line || a.col - b.col));
      continue;
    }
    if (doc.contents === null) continue;
    problems.push(...tags);
    if (tagged) continue;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (e) {
      const p = lines.linePos(doc.contents.range?.[0] ?? 0);
      const deep = /call stack/i.test((e as Error).message);
      const detail = deep ? firstLine((e as Error).message) : `${firstLine((e as Error).message)} (aliases are limited to ${MAX_ALIASES} per document)`;
      problems.push({ file, line: p.line, col: p.col, message: `${syntax}: ${detail}`, key: format === 'json' ? 'syntax.json' : 'syntax.yaml', args: deep ? { detail, detailKey: 'yaml.deep' } : { detail, detailKey: 'yaml.aliases', max: MAX_ALIASES } });
      continue;
    }
    // The start line as a number: a closure over the locator would keep the whole parsed document
    // (hundreds of MB for 100,000 datasets) alive for the whole run.
    const start = lines.linePos(doc.contents.range[0]).line;
    out.push({ value, locate: yamlLocator(doc, lines), index: out.length + 1, line: () => start });
  }
  if (problems.length) throw new InputError(problems);
  if (!out.length) return emptyFile(file);
  if (format === 'json' && out.length > 1) throw new InputError([{ file, line: 1, col: 1, message: 'a JSON file holds one description; use a YAML stream (---) for several', key: 'json.several' }]);
  return out;
}

function emptyFile(file: string): never {
  throw new InputError([{ file, line: 1, col: 1, message: 'the file is empty: expected a breach/v1 description (see `breach validate --help`)', key: 'file-empty.help' }]);
}

function firstLine(s: string): string {
  if (/call stack/i.test(s)) return 'the document is nested too deeply';
  return (s.split('\n')[0] ?? s).replace(/ at line \d+, column \d+:?$/, '');
}
