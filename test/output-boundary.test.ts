// Issue 13, finding 1: one boundary. Only src/cli/terminal.ts writes to stdout and stderr, and
// only io.ts and out-dir.ts write files (both through cleanOutput), so no text can go round it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanOutput } from '../src/util/sanitize.js';

const SRC = new URL('../src', import.meta.url).pathname;
const files = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(d, e.name)) : e.name.endsWith('.ts') ? [join(d, e.name)] : []));

describe('the output boundary', () => {
  it('nothing but the boundary writes to the streams or to files', () => {
    const offenders: string[] = [];
    for (const f of files(SRC)) {
      const rel = f.slice(SRC.length + 1);
      const text = readFileSync(f, 'utf8');
      if (rel !== 'cli/terminal.ts' && /process\.(stdout|stderr)\.write|console\.(log|error|warn|info)/.test(text)) offenders.push(`${rel}: streams`);
      if (!['cli/io.ts', 'cli/out-dir.ts'].includes(rel) && /\b(writeSync|writeFileSync|appendFileSync|createWriteStream)\b/.test(text)) offenders.push(`${rel}: files`);
    }
    expect(offenders).toEqual([]);
  });

  it('text keeps layout (tabs, lines, CRLF, a page break alone on its line) and loses the rest', () => {
    expect(cleanOutput('a\tb\nc\r\nd\n\f\ne\x1b]8;;http://x\x07L\x1b]8;;\x07\x9b2J\u202e\u200bf\rg\fh\x07', 'text')).toBe('a\tb\nc\r\nd\n\f\neLfgh');
  });

  it('colour keeps only SGR codes', () => {
    expect(cleanOutput('\x1b[1mT\x1b[22m\x1b]0;x\x07\x1b[2J', 'color')).toBe('\x1b[1mT\x1b[22m');
  });

  it('JSON keeps the data, escaping what a terminal would act on', () => {
    const s = JSON.stringify({ t: 'a\x1b[31m\x9b\u202e\u200b\u2028\x7fz' });
    const out = cleanOutput(s, 'json');
    expect(out).toBe('{"t":"a\\u001b[31m\\u009b\\u202e\\u200b\\u2028\\u007fz"}');
    expect(JSON.parse(out)).toEqual(JSON.parse(s));
  });
});
