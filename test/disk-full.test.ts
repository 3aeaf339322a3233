// A full disk while writing --output: the original file is never damaged and no partial report
// (nor a temporary file) is left behind. node:fs is mocked so every write fails with ENOSPC.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
  };
});

const { writeAtomic } = await import('../src/cli/io.js');
const { UsageError } = await import('../src/cli/errors.js');

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
