// Drives a command in a real pseudo-terminal with util-linux `script` (Debian's bsdutils, an
// essential package): keystrokes in, the screen's text out, escapes stripped for matching.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';

export const KEY = { enter: '\r', down: '\u001b[B', up: '\u001b[A', tab: '\t', space: ' ', backspace: '\u007f', ctrlC: '\u0003', ctrlU: '\u0015' } as const;

const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

export class Pty {
  private raw = '';
  private readonly child: ChildProcess;
  readonly exited: Promise<number | null>;

  constructor(argv: string[], opts: { cwd: string; env: Record<string, string>; cols?: number }) {
    if (spawnSync('script', ['--version'], { encoding: 'utf8' }).status !== 0) throw new Error('these tests need util-linux `script` (Debian: bsdutils; apt-get install bsdutils)');
    const cmd = `stty cols ${opts.cols ?? 120} rows 50; exec ${argv.map(quote).join(' ')}`;
    this.child = spawn('script', ['-qfec', cmd, '/dev/null'], { cwd: opts.cwd, env: opts.env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (d: Buffer) => { this.raw += d.toString('utf8'); });
    this.child.stderr!.on('data', (d: Buffer) => { this.raw += d.toString('utf8'); });
    this.exited = new Promise((resolve) => this.child.on('close', (code) => resolve(code)));
  }

  /** Everything the terminal showed so far, without escapes. */
  get text(): string {
    return stripVTControlCharacters(this.raw);
  }

  /** Waits until the screen shows `what` after `from` (an offset into `text`); returns the offset after it. */
  async waitFor(what: string | RegExp, from = 0, timeout = 15000): Promise<number> {
    const start = Date.now();
    for (;;) {
      const rest = this.text.slice(from);
      const i = typeof what === 'string' ? rest.indexOf(what) : rest.search(what);
      if (i >= 0) return from + i + (typeof what === 'string' ? what.length : (rest.match(what)?.[0].length ?? 0));
      if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${String(what)}; screen so far:\n${this.text.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 30));
    }
  }

  /** Types keys, one write each, letting the prompt render between them. */
  async send(...keys: string[]): Promise<void> {
    for (const k of keys) {
      this.child.stdin!.write(k);
      await new Promise((r) => setTimeout(r, 60));
    }
  }

  /** Answers a question: waits for it, then types the keys. */
  async answer(question: string | RegExp, ...keys: string[]): Promise<void> {
    this.mark = await this.waitFor(question, this.mark);
    await this.send(...keys);
  }

  mark = 0;

  kill(): void {
    this.child.kill('SIGKILL');
  }
}
