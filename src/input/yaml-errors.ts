// The yaml library's syntax errors in the user's language. The library words its messages in
// English only; its error codes are stable, so a Spanish diagnostic is chosen by code, refined by
// the few message shapes that carry a detail worth keeping (which character is missing).
import type { DiagArgs, DiagKey } from './messages.js';

interface YamlErrorLike {
  code: string;
  message: string;
}

/** Message shapes refined beyond their code: first match wins. */
const SHAPES: [RegExp, DiagKey][] = [
  [/^Missing closing ["']quote/, 'yaml.quote'],
  [/^Implicit map keys need to be followed by map values/, 'yaml.no-value'],
  [/^Missing , or : between flow map items/, 'yaml.flow-map-comma'],
  [/^Missing , between flow sequence items/, 'yaml.flow-seq-comma'],
  [/^Missing space after :/, 'yaml.colon-space'],
  [/^Comments must be separated/, 'yaml.comment-space'],
  [/^Sequence item without - indicator/, 'yaml.dash'],
  [/^Flow (sequence|mapping) in block collection must be sufficiently indented and end with a [\]}]/, 'yaml.flow-end'],
  [/^Nested mappings are not allowed in compact mappings/, 'yaml.compact-nested'],
  [/^With stringKeys, all keys must be strings/, 'yaml.key-text'],
  [/^Plain value cannot start with/, 'yaml.plain-start'],
];

const BY_CODE: Record<string, DiagKey> = {
  ALIAS_PROPS: 'yaml.alias',
  BAD_ALIAS: 'yaml.alias',
  BAD_DIRECTIVE: 'yaml.directive',
  BAD_DQ_ESCAPE: 'yaml.escape',
  BAD_INDENT: 'yaml.indent',
  BAD_PROP_ORDER: 'yaml.anchor-order',
  BAD_SCALAR_START: 'yaml.plain-start',
  BLOCK_AS_IMPLICIT_KEY: 'yaml.block-key',
  BLOCK_IN_FLOW: 'yaml.block-in-flow',
  DUPLICATE_KEY: 'yaml.duplicate',
  KEY_OVER_1024_CHARS: 'yaml.long-key',
  MISSING_CHAR: 'yaml.missing-char',
  MULTILINE_IMPLICIT_KEY: 'yaml.multiline-key',
  MULTIPLE_ANCHORS: 'yaml.anchors',
  MULTIPLE_DOCS: 'yaml.docs',
  MULTIPLE_TAGS: 'yaml.tags',
  NON_STRING_KEY: 'yaml.key-text',
  RESOURCE_EXHAUSTION: 'yaml.resources',
  TAB_AS_INDENT: 'yaml.tab',
  TAG_RESOLVE_FAILED: 'yaml.tag',
  BAD_COLLECTION_TYPE: 'yaml.tag',
  UNEXPECTED_TOKEN: 'yaml.unexpected',
};

/** The arguments of a `syntax.yaml`/`syntax.json` diagnostic for one library error. */
export function yamlErrorArgs(err: YamlErrorLike, detail: string): DiagArgs {
  const shape = SHAPES.find(([re]) => re.test(err.message));
  const key = shape?.[1] ?? BY_CODE[err.code] ?? 'yaml.other';
  const args: DiagArgs = { detail, detailKey: key };
  if (key === 'yaml.plain-start') {
    // "Plain value cannot start with reserved character @" (or "a tab character"): the last token.
    const ch = /start with .*?(\S)$/.exec(err.message)?.[1];
    args.char = /a tab character$/.test(err.message) ? '\\t' : ch ?? '?';
  }
  if (key === 'yaml.flow-end') args.close = err.message.endsWith('}') ? '}' : ']';
  return args;
}
