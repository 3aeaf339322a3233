import { defineConfig } from 'vitest/config';
// @ts-expect-error plain ESM helper without types
import { yamlToModule } from './scripts/yaml-plugin.mjs';

export default defineConfig({
  define: { __BREACH_VERSION__: JSON.stringify('1.0.0') },
  plugins: [{
    name: 'breach-yaml-data',
    transform(code: string, id: string) {
      return id.endsWith('.yaml') ? { code: yamlToModule(code), map: null } : undefined;
    },
  }],
  test: { include: ['test/**/*.test.ts'], testTimeout: 20000, globalSetup: ['test/global-chromium.ts'] },
});
