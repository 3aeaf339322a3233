import { type Document, isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import type { Locator, Path, Position } from './diagnostic.js';

/** Locates paths inside a parsed YAML (or JSON) document, for diagnostics. */
export function yamlLocator(doc: Document, lines: LineCounter): Locator {
  const pos = (offset: number | undefined): Position => {
    const p = lines.linePos(offset ?? 0);
    return { line: p.line, col: p.col };
  };
  return (path: Path, part = 'value') => {
    let node: unknown = doc.contents;
    let keyNode: Node | undefined;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
        if (!pair) break;
        keyNode = pair.key as Node;
        node = pair.value ?? pair.key;
      } else if (isSeq(node) && typeof seg === 'number' && node.items[seg]) {
        keyNode = undefined;
        node = node.items[seg];
      } else {
        break;
      }
    }
    const target = part === 'key' && keyNode ? keyNode : (node as Node | null);
    return pos(target?.range?.[0]);
  };
}
