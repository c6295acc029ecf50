// Runs a TypeScript script (scripts/, bench/) by bundling it with esbuild into memory —
// no ts-node, no extra compiler. Usage: node scripts/run-ts.mjs FILE.ts [args…]
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs FILE.ts [args…]');
  process.exit(2);
}
const out = await build({
  entryPoints: [resolve(entry)],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  write: false,
  packages: 'external',
  sourcemap: 'inline',
});
// Inside the project, so that the bundle's bare imports resolve from node_modules.
const dir = join(resolve('node_modules'), '.cache', 'run-ts');
mkdirSync(dir, { recursive: true });
const file = join(mkdtempSync(join(dir, 'x-')), 'script.mjs');
writeFileSync(file, out.outputFiles[0].text);
process.argv = [process.argv[0], resolve(entry), ...args];
await import(pathToFileURL(file).href);
