// Turns zod issues into located, actionable one-line diagnostics.
import type * as z from 'zod/mini';
import { didYouMean, suggest } from '../util/suggest.js';
import { describe, parseCount } from './count.js';
import { type Diagnostic, type Locator, type Path, pathToString } from './diagnostic.js';
import { type DiagArgs, type DiagKey, gotArgs } from './messages.js';

type Issue = z.core.$ZodIssue;
interface Def { type: string; shape?: Record<string, { _zod: { def: Def } }>; element?: { _zod: { def: Def } }; innerType?: { _zod: { def: Def } } }

/** The keys an object schema accepts at `path`, for "did you mean" on unknown keys. */
function keysAt(schema: z.ZodMiniType, path: Path): string[] {
  let def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  for (const seg of path) {
    while (def.type === 'optional' && def.innerType) def = def.innerType._zod.def;
    if (def.type === 'object' && def.shape && typeof seg === 'string' && def.shape[seg]) def = def.shape[seg]._zod.def;
    else if (def.type === 'array' && def.element) def = def.element._zod.def;
    else return [];
  }
  while (def.type === 'optional' && def.innerType) def = def.innerType._zod.def;
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg as string];
  }
  return v;
}

export function issuesToDiagnostics(issues: readonly Issue[], schema: z.ZodMiniType, root: unknown, file: string, locate: Locator): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (path: Path, message: string, part: 'key' | 'value' = 'value', key?: DiagKey, args?: DiagArgs) => out.push({ file, ...locate(path, part), message, ...(key && { key, args: args ?? {} }) });
  for (const issue of issues) {
    const path = issue.path;
    const where = pathToString(path) || 'the document';
    const input = valueAt(root, path);
    if (input === undefined && issue.code !== 'unrecognized_keys' && issue.code !== 'custom' && path.length) {
      const parent = path.slice(0, -1);
      at(parent, `missing required key \`${String(path[path.length - 1])}\` in ${pathToString(parent) || 'the document'}`, parent.length ? 'key' : 'value', 'missing-key', { key: String(path[path.length - 1]), where: pathToString(parent) });
      continue;
    }
    switch (issue.code) {
      case 'unrecognized_keys': {
        const known = keysAt(schema, path);
        for (const key of issue.keys) {
          const options = suggest(key, known);
          at([...path, key], `unknown key \`${key.slice(0, 60)}\` in ${where}${didYouMean(options)}; expected one of ${known.join(', ')}`, 'key', 'unknown-key', { key: key.slice(0, 60), where: pathToString(path), suggestion: options.map((o) => `\`${o}\``).join(', '), known: known.join(', ') });
        }
        break;
      }
      case 'invalid_type':
        at(path, `\`${where}\` must be ${article(issue.expected)}, got ${describe(input)}`, 'value', 'invalid-type', { where, expected: issue.expected, ...gotArgs(input) });
        break;
      case 'invalid_value': {
        const values = issue.values.map(String);
        const got = typeof input === 'string' ? input : String(input);
        const options = suggest(got.toLowerCase(), values, 1);
        at(path, `\`${where}\` must be ${values.length === 1 ? `\`${values[0]}\`` : `one of ${values.join(', ')}`}, got ${describe(input)}${didYouMean(options)}`, 'value', 'invalid-value', { where, values: values.length === 1 ? `\`${values[0]}\`` : values.join(', '), ...gotArgs(input), suggestion: options.map((o) => `\`${o}\``).join(', ') });
        break;
      }
      case 'invalid_union': {
        // The only union in the schema is a count (number or text).
        const r = parseCount(input);
        at(path, `\`${where}\`: ${r.ok ? 'must be a whole number' : r.message}`, 'value', 'custom', { where, ...(r.ok ? { detailKey: 'count.integer' } : { detailKey: r.key, ...r.args }) });
        break;
      }
      default: {
        const p = (issue as { params?: { key?: DiagKey; args?: DiagArgs } }).params ?? sizeKey(issue, path);
        if (p?.key) at(path, `\`${where}\`: ${issue.message}`, 'value', 'custom', { where, detailKey: p.key, ...p.args });
        else at(path, `\`${where}\`: ${issue.message}`);
      }
    }
  }
  return out.sort((a, b) => a.line - b.line || a.col - b.col);
}

/** Length limits of lists and texts (zod words them in English only) as message keys. */
function sizeKey(issue: { code: string; origin?: string; minimum?: unknown; maximum?: unknown }, path: readonly PropertyKey[]): { key: DiagKey; args: DiagArgs } | undefined {
  const last = String(path[path.length - 1] ?? '');
  if (issue.code === 'too_small' && issue.origin === 'array' && Number(issue.minimum) === 1) {
    if (last === 'fields') return { key: 'list.fields-empty', args: {} };
    if (last === 'datasets') return { key: 'list.datasets-empty', args: {} };
  }
  if (issue.code === 'too_big' && issue.origin === 'array') return { key: 'list.too-long', args: { max: Number(issue.maximum) } };
  if (issue.code === 'too_big' && issue.origin === 'string') return { key: 'text.too-long', args: { max: Number(issue.maximum) } };
  return undefined;
}

function article(expected: string): string {
  const names: Record<string, string> = { object: 'a mapping', array: 'a list', string: 'text', boolean: 'true or false', number: 'a number', int: 'a whole number' };
  return names[expected] ?? expected;
}
