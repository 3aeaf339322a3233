/** Edit distance counting an adjacent transposition as one edit (optimal string alignment). */
export function distance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/**
 * The closest candidates to `input`, best first: edit distance within about a third of the
 * word, or a candidate that contains the input (or the reverse) as a whole token.
 */
export function suggest(input: string, candidates: Iterable<string>, limit = 3): string[] {
  const max = Math.max(1, Math.floor(input.length / 3));
  const scored: [string, number][] = [];
  for (const c of candidates) {
    const d = distance(input, c, max);
    if (d <= max) scored.push([c, d]);
    else if (input.length >= 3 && (c.split(/[-_]/).includes(input) || input.split(/[-_]/).includes(c))) scored.push([c, max + 0.5]);
  }
  scored.sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]));
  return [...new Set(scored.map(([c]) => c))].slice(0, limit);
}

/** "did you mean `a`, `b`?" or the empty string. */
export function didYouMean(options: string[]): string {
  return options.length ? ` (did you mean ${options.map((o) => `\`${o}\``).join(', ')}?)` : '';
}
