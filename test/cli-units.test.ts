import { describe, expect, it, vi } from 'vitest';
import { reportFailure, UsageError } from '../src/cli/errors.js';
import { useColor } from '../src/cli/color.js';
import { InputError } from '../src/input/diagnostic.js';
import { detectLang } from '../src/i18n/index.js';

describe('exit codes and failure reports', () => {
  // Failures are printed through the output boundary (src/cli/terminal.ts): stderr is captured.
  const capture = () => {
    const out: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => { out.push(String(s)); return true; });
    return { out, done: () => spy.mockRestore() };
  };

  it('input errors: exit 2, one line each, capped', () => {
    const c = capture();
    const diags = Array.from({ length: 250 }, (_, i) => ({ file: 'f.yaml', line: i + 1, col: 1, message: 'bad' }));
    expect(reportFailure(new InputError(diags), false)).toBe(2);
    c.done();
    const lines = c.out.join('').trim().split('\n');
    expect(lines).toHaveLength(201);
    expect(lines[0]).toBe('f.yaml:1:1: bad');
    expect(lines[200]).toBe('breach: ... and 50 more problems');
  });

  it('usage errors: exit 2 and one line', () => {
    const c = capture();
    expect(reportFailure(new UsageError('--output x already exists'), false)).toBe(2);
    c.done();
    expect(c.out.join('')).toBe('breach: --output x already exists\n');
  });

  it('bugs: exit 3, one line, and the stack only with --debug', () => {
    const c = capture();
    expect(reportFailure(new TypeError('boom\nsecond line'), false)).toBe(3);
    c.done();
    expect(c.out.join('')).toBe('breach: internal error: boom (this is a bug; run again with --debug for the stack)\n');
    const d = capture();
    expect(reportFailure(new TypeError('boom'), true)).toBe(3);
    d.done();
    expect(d.out.join('')).toMatch(/TypeError: boom\n\s+at /);
  });
});

describe('environment rules', () => {
  it('colour: --no-color, NO_COLOR, TERM=dumb and non-TTY turn it off; FORCE_COLOR forces', () => {
    expect(useColor({}, {}, true)).toBe(true);
    expect(useColor({}, {}, false)).toBe(false);
    expect(useColor({}, { NO_COLOR: '1' }, true)).toBe(false);
    expect(useColor({}, { NO_COLOR: '' }, true)).toBe(true);
    expect(useColor({}, { TERM: 'dumb' }, true)).toBe(false);
    expect(useColor({}, { FORCE_COLOR: '1' }, false)).toBe(true);
    expect(useColor({}, { FORCE_COLOR: '0' }, false)).toBe(false);
    expect(useColor({ color: false }, { FORCE_COLOR: '1' }, true)).toBe(false);
  });

  it('language: LC_ALL, then LC_MESSAGES, then LANG; es* is Spanish', () => {
    expect(detectLang({ LANG: 'es_MX.UTF-8' })).toBe('es');
    expect(detectLang({ LC_ALL: 'en_US.UTF-8', LANG: 'es_MX.UTF-8' })).toBe('en');
    expect(detectLang({ LC_MESSAGES: 'es_ES' })).toBe('es');
    expect(detectLang({})).toBe('en');
  });
});
