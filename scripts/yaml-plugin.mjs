// Loads data/*.yaml as plain JSON modules, so the data in data/ stays the single source of truth
// while the CLI pays no YAML-parsing cost at start-up.
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

export function yamlToModule(text) {
  return `export default ${JSON.stringify(parse(text, { schema: 'core' }))};`;
}

export const yamlPlugin = {
  name: 'breach-yaml-data',
  setup(build) {
    build.onLoad({ filter: /\.yaml$/ }, async (args) => ({
      contents: yamlToModule(await readFile(args.path, 'utf8')),
      loader: 'js',
    }));
  },
};
