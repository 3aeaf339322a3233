// A fast path for the common CSV: LF line ends, well-formed quotes. It reads what csv-parse reads
// with the loader's options (relax_column_count, skip_empty_lines, bom, max_record_size) and gives
// the same records; at the first thing it does not handle (a CR, a stray or unclosed quote, a
// huge record) it returns undefined and the caller parses with csv-parse, which then also gives
// the error messages. A property test holds the two to the same output.
const MAX_RECORD = 1 << 20;

/** `onRecord` sees each record as it is read and may throw to stop reading. */
export function parseCsvFast(text: string, delimiter: string, onRecord?: (record: string[], index: number) => void): string[][] | undefined {
  if (text.includes('\r')) return undefined;
  const n = text.length;
  const records: string[][] = [];
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // The next quote in the text, found again only once passed (a search per line would rescan the
  // rest of a file without quotes each time).
  let q = -2;
  while (pos < n) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = n;
    if (end === pos) { pos++; continue; } // empty line
    if (q !== -1 && q < pos) {
      q = text.indexOf('"', pos);
    }
    if (q < 0 || q >= end) {
      if (end - pos > MAX_RECORD) return undefined;
      const record = text.slice(pos, end).split(delimiter);
      onRecord?.(record, records.length);
      records.push(record);
      pos = end + 1;
      continue;
    }
    // A line with quotes: field by field; quoted fields may span lines.
    const start = pos;
    const fields: string[] = [];
    let i = pos;
    for (;;) {
      if (text.charCodeAt(i) === 34) {
        let value = '';
        let j = i + 1;
        for (;;) {
          const k = text.indexOf('"', j);
          if (k < 0) return undefined; // unclosed: csv-parse reports it
          if (text.charCodeAt(k + 1) === 34) { value += text.slice(j, k + 1); j = k + 2; continue; }
          value += text.slice(j, k);
          i = k + 1;
          break;
        }
        fields.push(value);
        if (i >= n || text.charCodeAt(i) === 10) { pos = i + 1; break; }
        if (text.startsWith(delimiter, i)) { i += delimiter.length; continue; }
        return undefined; // text after a closing quote
      }
      let e = text.indexOf('\n', i);
      if (e < 0) e = n;
      const d = text.indexOf(delimiter, i);
      const stop = d >= 0 && d < e ? d : e;
      const value = text.slice(i, stop);
      if (value.includes('"')) return undefined; // a quote inside an unquoted field
      fields.push(value);
      if (stop === e) { pos = e + 1; break; }
      i = stop + delimiter.length;
    }
    if (pos - start > MAX_RECORD) return undefined;
    onRecord?.(fields, records.length);
    records.push(fields);
  }
  return records;
}
