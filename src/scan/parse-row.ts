/** Splits one CSV record (already decoded, no trailing newline) into cells, quote-aware. */
export function parseRow(text: string, delim: string): string[] {
  const out: string[] = [];
  const n = text.length;
  let i = 0;
  for (;;) {
    if (text.charCodeAt(i) === 34) {
      // Quoted cell: up to the closing quote; "" is an escaped quote.
      let cell = '';
      let from = i + 1;
      // Common case: no escaped quote, the delimiter right after the closing quote.
      const close = text.indexOf('"', from);
      if (close !== -1 && text.charCodeAt(close + 1) !== 34 && text.startsWith(delim, close + 1)) {
        out.push(text.slice(from, close));
        i = close + 1 + delim.length;
        continue;
      }
      for (;;) {
        const q = text.indexOf('"', from);
        if (q === -1) { cell += text.slice(from); i = n; break; }
        if (text.charCodeAt(q + 1) === 34) { cell += text.slice(from, q + 1); from = q + 2; continue; }
        cell += text.slice(from, q);
        i = q + 1;
        break;
      }
      // Anything between the closing quote and the delimiter belongs to the cell too (lenient).
      const d = text.indexOf(delim, i);
      const stop = d === -1 ? n : d;
      if (stop > i) cell += text.slice(i, stop).replace(/\r$/, '');
      out.push(cell);
      if (d === -1) return out;
      i = d + 1;
    } else {
      const d = text.indexOf(delim, i);
      if (d === -1) {
        out.push(text.charCodeAt(n - 1) === 13 ? text.slice(i, n - 1) : text.slice(i));
        return out;
      }
      out.push(text.slice(i, d));
      i = d + 1;
    }
  }
}
