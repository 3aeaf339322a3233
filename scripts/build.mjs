// Builds dist/cli.cjs (one bundle: CommonJS boots faster than ESM), its V8 code cache, and the
// JSON Schemas. scan, notify and init have bundles of their own (loaded only by those commands).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { mkdir, rm, writeFile, readFile } from 'node:fs/promises';
import { yamlPlugin } from './yaml-plugin.mjs';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const banner = { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" };
const common = {
  bundle: true, platform: 'node', format: 'esm', target: 'node20', minifyWhitespace: true, minifySyntax: true,
  plugins: [yamlPlugin], banner, logLevel: 'warning', legalComments: 'none',
  define: { __BREACH_VERSION__: JSON.stringify(pkg.version) },
};

await rm('dist', { recursive: true, force: true });
await build({ ...common, format: 'cjs', banner: undefined, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.cjs' });
await build({ ...common, format: 'cjs', banner: undefined, entryPoints: ['src/scan/worker.ts'], outfile: 'dist/scan-worker.cjs' });
await build({ ...common, format: 'cjs', banner: undefined, entryPoints: ['src/cli/scan-command.ts'], outfile: 'dist/scan.cjs' });
await build({ ...common, format: 'cjs', banner: undefined, entryPoints: ['src/scan/formats/file-worker.ts'], outfile: 'dist/scan-file-worker.cjs' });
await build({ ...common, format: 'cjs', banner: undefined, entryPoints: ['src/cli/notify-command.ts'], outfile: 'dist/notify.cjs' });
// `init` and its prompt library (@inquirer), loaded only by `breach init`.
await build({ ...common, format: 'cjs', banner: undefined, entryPoints: ['src/cli/init-command.ts'], outfile: 'dist/init.cjs' });

// Warm-up run that writes the code cache: the functions of a typical `assess` get compiled.
const examples = readdirSync('data/examples').map((f) => `data/examples/${f}`);
const warm = spawnSync(process.execPath, ['bin/breach.cjs', 'assess', ...examples, '--format', 'json'], {
  env: { ...process.env, BREACH_WRITE_CODE_CACHE: resolve('dist/cli.cjs') }, stdio: ['ignore', 'ignore', 'inherit'],
});
if (warm.status !== 0) throw new Error(`warm-up run failed with exit code ${warm.status}`);

// JSON Schemas are generated from the zod schemas, never written by hand.
await build({ ...common, minify: false, entryPoints: ['scripts/schemas.ts'], outfile: 'dist/.schemas.mjs' });
const { inputSchema, outputSchema } = await import(new URL('../dist/.schemas.mjs', import.meta.url));
await mkdir('schema', { recursive: true });
await writeFile('schema/input.schema.json', JSON.stringify(inputSchema(), null, 2) + '\n');
await writeFile('schema/output.schema.json', JSON.stringify(outputSchema(), null, 2) + '\n');
await rm('dist/.schemas.mjs');
