// Lays out overview blocks as plain aligned text for the terminal: no cli-table3 (its layout
// cost grew with the rows), one pass per block, coloured by level.
import type { ChalkInstance } from 'chalk';
import type { Level } from '../core/vocab.js';
import type { Block } from './overview.js';
import { wrap } from '../util/wrap.js';

/** Pads to a width (code points; the texts here are cleaned, without escapes). */
function pad(s: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - [...s].length));
  return right ? fill + s : s + fill;
}

/** A cell's lines at a width: wrapped at spaces, a word longer than the width cut into pieces (never elided). */
function cellLines(s: string, width: number): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  for (const word of s.split(' ')) {
    let w = [...word];
    if (line.length && line.length + 1 + w.length > width) {
      lines.push(line.join(''));
      line = [];
    }
    if (line.length) line.push(' ');
    while (line.length + w.length > width) {
      const room = width - line.length;
      lines.push([...line, ...w.slice(0, room)].join(''));
      line = [];
      w = w.slice(room);
    }
    line.push(...w);
  }
  lines.push(line.join(''));
  return lines;
}

export function textBlock(block: Block, width: number, ch: ChalkInstance, paint: (level: Level, s: string) => string): string {
  // Each column asks for its whole header and cells; it can give way down to its longest word.
  // Maxima by a loop, never by spreading rows into Math.max: --detail lists every incident of a
  // portfolio, and 150,000 arguments overflow the stack.
  const widest = (start: number, rows: string[][], i: number, width: (s: string) => number) => rows.reduce((m, r) => Math.max(m, width(r[i] ?? '')), start);
  const length = (s: string) => [...s].length;
  const longestWord = (x: string) => x.split(' ').reduce((m, w) => Math.max(m, length(w)), 0);
  const full = block.head.map((h, i) => widest(length(h), block.rows, i, length));
  const words = block.head.map((h, i) => widest(longestWord(h), block.rows, i, longestWord));
  // Optional columns go first when the table is too wide for the terminal.
  const drop = new Set<number>();
  for (const i of [...(block.optional ?? [])].reverse()) {
    if (full.reduce((x, y, j) => (drop.has(j) ? x : x + y + 2), 0) <= width) break;
    drop.add(i);
  }
  const keep = (_: unknown, i: number) => !drop.has(i);
  const b: Block = { ...block, head: block.head.filter(keep), rows: block.rows.map((r) => r.filter(keep)), right: (block.right ?? []).filter((i) => !drop.has(i)) };
  const cols = b.head.length;
  const fullKept = full.filter(keep);
  const widths = [...fullKept];
  const least = words.filter(keep);
  const total = () => widths.reduce((x, y) => x + y, 0) + 2 * (cols - 1) + 2;
  /** Narrows the widest column that is wider than `floor(i)` by one; false when none is. */
  const narrow = (floor: (i: number) => number) => {
    let wi = -1;
    for (let i = 0; i < cols; i++) if (widths[i]! > floor(i) && (wi < 0 || widths[i]! > widths[wi]!)) wi = i;
    if (wi < 0) return false;
    widths[wi]! -= 1;
    return true;
  };
  // Too wide: first the text columns wrap, down to 20 characters (or their longest word).
  while (total() > width && narrow((i) => Math.max(least[i]!, Math.min(fullKept[i]!, 20))));
  // Then the headers wider than their cells wrap onto two lines, the most space they save first.
  const heads = b.head;
  const cells = b.head.map((h, i) => widest(longestWord(h), b.rows, i, length));
  const twoLines = (i: number) => {
    let w = cells[i]!;
    while (w < widths[i]! && cellLines(heads[i]!, w).length > 2) w++;
    return w;
  };
  for (const i of widths.map((_, i) => i).sort((x, y) => widths[y]! - cells[y]! - (widths[x]! - cells[x]!))) {
    if (total() <= width) break;
    widths[i] = Math.min(widths[i]!, twoLines(i));
  }
  // Then any column down to its longest word (text wraps between words), and last inside words.
  while (total() > width && narrow((i) => least[i]!));
  while (total() > width && narrow(() => 8));
  // Room left after a header wrapped goes back to the text columns that gave the most.
  for (let spare = width - total(); spare > 0; spare--) {
    let gi = -1;
    for (let i = 0; i < cols; i++) if (widths[i]! < fullKept[i]! && cells[i]! > widths[i]! && (gi < 0 || fullKept[i]! - widths[i]! > fullKept[gi]! - widths[gi]!)) gi = i;
    if (gi < 0) break;
    widths[gi]! += 1;
  }
  const right = new Set(b.right ?? []);
  // A cell wider than its column wraps onto more lines of the same row: a due date or a caveat is never cut.
  const lines = (cells: string[]) => {
    const wrapped = cells.map((c, i) => cellLines(c, widths[i]!));
    const height = Math.max(...wrapped.map((w) => w.length));
    return Array.from({ length: height }, (_, k) => `  ${wrapped.map((w, i) => pad(w[k] ?? '', widths[i]!, right.has(i))).join('  ').trimEnd()}`);
  };
  const out = [ch.bold(b.title), ...lines(b.head).map((l) => ch.dim(l)), ch.dim(`  ${widths.map((w) => '─'.repeat(w)).join('  ')}`)];
  b.rows.forEach((r, i) => {
    const lv = b.levels?.[i];
    for (const l of lines(r)) out.push(lv ? paint(lv, l) : l);
  });
  for (const n of b.notes ?? []) out.push(...wrap(n, width, '  ', '').map((l) => ch.dim(l)));
  return out.join('\n');
}
