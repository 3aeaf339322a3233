// A full disk while writing --output: the original file is never damaged and no partial report
// (nor a temporary file) is left behind. node:fs is mocked so every write fails with ENOSPC.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  return {
    ...fs,
    writeSync: (fd: number, data: string) => {
      if (String(data).includes('REPORT')) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return fs.writeSync(fd, data);
    },
    writeFileSync: (file: string, data: string, opts?: object) => {
      if (String(data).includes('REPORT')) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return fs.writeFileSync(file, data, opts);
    },
  };
});

const { writeAtomic } = await import('../src/cli/io.js');
const { UsageError } = await import('../src/cli/errors.js');
const { writeDrafts } = await import('../src/cli/out-dir.js');

describe('disk full during --output', () => {
  it('keeps the original, leaves nothing behind and says so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breach-full-'));
    const target = join(dir, 'report.json');
    writeFileSync(target, 'the previous report');
    let error: unknown;
    try {
      writeAtomic(target, ['{"part": 1}', 'REPORT that does not fit'], 'json', { option: '--output', force: true, inputs: [] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(`cannot write --output ${target}: no space left on the device; nothing was written`);
    expect(readFileSync(target, 'utf8')).toBe('the previous report');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('a new file is not created at all', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breach-full-'));
    expect(() => writeAtomic(join(dir, 'new.md'), ['REPORT'], 'text', { option: '--output', force: false, inputs: [] })).toThrow(/no space left/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('disk full during notify --out-dir (issue 13, finding 6)', () => {
  const drafts = [{ name: 'summary.md', text: 'one' }, { name: 'notice.md', text: 'two' }, { name: 'log.md', text: 'REPORT three' }, { name: 'cause.md', text: 'four' }];

  it('an existing folder is left as it was, and the message names --out-dir', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breach-full-'));
    writeFileSync(join(dir, 'mine.txt'), 'kept');
    expect(() => writeDrafts(dir, drafts, true, [])).toThrow(`cannot write --out-dir ${dir}: no space left on the device; nothing was written`);
    expect(readdirSync(dir)).toEqual(['mine.txt']);
    rmSync(dir, { recursive: true });
  });

  it('a new folder is not created at all', () => {
    const parent = mkdtempSync(join(tmpdir(), 'breach-full-'));
    expect(() => writeDrafts(join(parent, 'a', 'drafts'), drafts, false, [])).toThrow(UsageError);
    expect(readdirSync(parent)).toEqual([]);
    rmSync(parent, { recursive: true });
  });
});
