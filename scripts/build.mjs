// Builds dist/cli.js (one minified ESM bundle plus lazily loaded chunks) and the JSON Schemas.
import { build } from 'esbuild';
import { mkdir, rm, writeFile, readFile } from 'node:fs/promises';
import { yamlPlugin } from './yaml-plugin.mjs';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const banner = { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" };
const common = {
  bundle: true, platform: 'node', format: 'esm', target: 'node20', minify: true,
  plugins: [yamlPlugin], banner, logLevel: 'warning', legalComments: 'none',
  define: { __BREACH_VERSION__: JSON.stringify(pkg.version) },
};

await rm('dist', { recursive: true, force: true });
await build({ ...common, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', splitting: true, chunkNames: 'chunks/[name]-[hash]' });

// JSON Schemas are generated from the zod schemas, never written by hand.
await build({ ...common, minify: false, entryPoints: ['scripts/schemas.ts'], outfile: 'dist/.schemas.mjs' });
const { inputSchema, outputSchema } = await import(new URL('../dist/.schemas.mjs', import.meta.url));
await mkdir('schema', { recursive: true });
await writeFile('schema/input.schema.json', JSON.stringify(inputSchema(), null, 2) + '\n');
await writeFile('schema/output.schema.json', JSON.stringify(outputSchema(), null, 2) + '\n');
await rm('dist/.schemas.mjs');
