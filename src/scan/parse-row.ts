/** Splits one CSV record (already decoded, no trailing newline) into cells, quote-aware. */
export function parseRow(text: string, delim: string): string[] {
  const out: string[] = [];
  let cell = '';
  let inQ = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQ) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else inQ = false;
      } else cell += ch;
    } else if (ch === '"') inQ = true;
    else if (ch === delim) {
      out.push(cell);
      cell = '';
    } else if (ch !== '\r') cell += ch;
  }
  out.push(cell);
  return out;
}
