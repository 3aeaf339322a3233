/** Word-wraps `text` to `width`; continuation lines hang two spaces deeper than the first. */
export function wrap(text: string, width: number, indent = '', hang = '  '): string[] {
  const lines: string[] = [];
  let line = '';
  let prefix = indent;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && prefix.length + line.length + 1 + word.length > width) {
      lines.push(prefix + line);
      prefix = `${indent}${hang}`;
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(prefix + line);
  return lines;
}
