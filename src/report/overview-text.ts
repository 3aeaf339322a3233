// Lays out overview blocks as plain aligned text for the terminal: no cli-table3 (its layout
// cost grew with the rows), one pass per block, coloured by level.
import type { ChalkInstance } from 'chalk';
import type { Level } from '../core/vocab.js';
import type { Block } from './overview.js';

/** Pads or cuts to a width (code points; the texts here are cleaned, without escapes). */
function fit(s: string, width: number, right: boolean): string {
  const len = [...s].length;
  if (len > width) return `${[...s].slice(0, Math.max(0, width - 1)).join('')}…`;
  const pad = ' '.repeat(width - len);
  return right ? pad + s : s + pad;
}

export function textBlock(block: Block, width: number, ch: ChalkInstance, paint: (level: Level, s: string) => string): string {
  const full = block.head.map((h, i) => Math.max([...h].length, ...block.rows.map((r) => [...(r[i] ?? '')].length)));
  // Optional columns go first when the table is too wide for the terminal.
  const drop = new Set<number>();
  for (const i of [...(block.optional ?? [])].reverse()) {
    if (full.reduce((x, y, j) => (drop.has(j) ? x : x + y + 2), 0) <= width) break;
    drop.add(i);
  }
  const keep = (_: unknown, i: number) => !drop.has(i);
  const b: Block = { ...block, head: block.head.filter(keep), rows: block.rows.map((r) => r.filter(keep)), right: (block.right ?? []).filter((i) => !drop.has(i)) };
  const cols = b.head.length;
  const widths = full.filter(keep);
  // Shrink the widest columns until the line fits (two spaces between columns).
  const total = () => widths.reduce((x, y) => x + y, 0) + 2 * (cols - 1) + 2;
  while (total() > width) {
    let wi = 0;
    for (let i = 1; i < cols; i++) if (widths[i]! > widths[wi]!) wi = i;
    if (widths[wi]! <= 8) break;
    widths[wi]! -= 1;
  }
  const right = new Set(b.right ?? []);
  const line = (cells: string[]) => `  ${cells.map((c, i) => fit(c, widths[i]!, right.has(i))).join('  ').trimEnd()}`;
  const out = [ch.bold(b.title), ch.dim(line(b.head)), ch.dim(`  ${widths.map((w) => '─'.repeat(w)).join('  ')}`)];
  b.rows.forEach((r, i) => {
    const lv = b.levels?.[i];
    out.push(lv ? paint(lv, line(r)) : line(r));
  });
  for (const n of b.notes ?? []) out.push(ch.dim(`  ${n}`));
  return out.join('\n');
}
