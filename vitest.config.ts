import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
// @ts-expect-error plain ESM helper without types
import { yamlToModule } from './scripts/yaml-plugin.mjs';

// The run's temporary directory (see test/global-tmp.ts); kept when a parent run already made one.
const RUN_TMP = (process.env.BREACH_TEST_TMP ??= mkdtempSync(join(tmpdir(), 'breach-test-run-')));

export default defineConfig({
  define: { __BREACH_VERSION__: JSON.stringify('1.0.0') },
  plugins: [{
    name: 'breach-yaml-data',
    transform(code: string, id: string) {
      return id.endsWith('.yaml') ? { code: yamlToModule(code), map: null } : undefined;
    },
  }],
  test: { include: ['test/**/*.test.ts'], testTimeout: 20000, globalSetup: ['test/global-tmp.ts'], env: { TMPDIR: RUN_TMP } },
});
