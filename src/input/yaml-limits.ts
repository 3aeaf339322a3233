// Limits checked on the YAML parser's token tree, before the document is built: building a 50 MB
// quoted title took 1.8 GB and a list of millions of items more, only for validation to refuse them.
import type { CST } from 'yaml';
import { MAX_DATASETS } from './schema.js';

/** No list of a description holds more: the datasets of one incident (schema.ts). */
export const MAX_ITEMS = MAX_DATASETS;
/**
 * No value of a description is this long in the file: texts are limited to 2,000 characters, and
 * even written as escapes (`\U0001F600` for two) or folded over indented lines they stay far below.
 */
export const MAX_SCALAR_SOURCE = 65_536;

export type LimitProblem = { offset: number; key: 'value.too-long'; chars: number } | { offset: number; key: 'list.too-many'; max: number };

/** The first token that breaks a limit, in document order, or undefined. One walk, no recursion. */
export function overLimit(tokens: readonly CST.Token[]): LimitProblem | undefined {
  const stack: CST.Token[] = [...tokens].reverse();
  for (let t = stack.pop(); t; t = stack.pop()) {
    switch (t.type) {
      case 'document':
        if (t.value) stack.push(t.value);
        break;
      case 'scalar': case 'single-quoted-scalar': case 'double-quoted-scalar': case 'block-scalar':
        if (t.source.length > MAX_SCALAR_SOURCE) return { offset: t.offset, key: 'value.too-long', chars: t.source.length };
        break;
      case 'block-map': case 'block-seq': case 'flow-collection': {
        if (t.items.length > MAX_ITEMS) {
          const item = t.items[MAX_ITEMS]!;
          const at = ('key' in item && item.key ? item.key.offset : item.value?.offset) ?? t.offset;
          return { offset: at, key: 'list.too-many', max: MAX_ITEMS };
        }
        for (let i = t.items.length - 1; i >= 0; i--) {
          const item = t.items[i]!;
          if (item.value) stack.push(item.value);
          if ('key' in item && item.key) stack.push(item.key);
        }
        break;
      }
      default:
    }
  }
  return undefined;
}
