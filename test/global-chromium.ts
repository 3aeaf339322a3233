// Finds Chromium for the HTML report's browser tests, installing Debian's `chromium` with apt-get
// where it is missing and the suite runs as root (CI on a fresh machine). The tests read the
// result with inject('chromium') and skip, saying why, when there is no browser.
import type { TestProject } from 'vitest/node';
import { ensureChromium } from '../scripts/chromium.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: { path?: string; reason?: string; installed?: boolean };
  }
}

export function setup(project: TestProject): void {
  const found = ensureChromium();
  if (found.installed) process.stderr.write(`breach tests: installed chromium with apt-get (${found.path})\n`);
  project.provide('chromium', { ...(found.path && { path: found.path }), ...(found.reason && { reason: found.reason }), ...(found.installed && { installed: true }) });
}
