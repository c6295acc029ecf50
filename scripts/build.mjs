// npm run build: webpack the server bundle into dist/, then put beside it what clasp must push
// with it. dist/ is then exactly the project that `clasp push` uploads (rootDir in .clasp.json).
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const webpack = require('webpack');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const config = require(join(root, 'webpack.config.js'));

const stats = await new Promise((resolve, reject) =>
  webpack(config, (err, s) => (err ? reject(err) : resolve(s))),
);
if (stats.hasErrors()) {
  console.error(stats.toString({ colors: false, all: false, errors: true }));
  process.exit(1);
}
// `npm run build -- --bigquery`: the BigQuery build (README "When your shop outgrows the
// spreadsheet"): the same code with the manifest that grants the BigQuery scope Connected Sheets
// needs. The default build's manifest has no BigQuery scope (npm run check:dist checks it).
const bigQuery = process.argv.includes('--bigquery');
const manifest = bigQuery ? 'appsscript.bigquery.json' : 'appsscript.json';
copyFileSync(join(root, manifest), join(root, 'dist', 'appsscript.json'));
writeFileSync(join(root, 'dist', 'Sidebar.html'), await sidebarPage());
console.log(`built dist/: Code.js, Sidebar.html, appsscript.json (from ${manifest})`);

/**
 * The sidebar as ONE self-contained page: esbuild bundles src/sidebar/client.ts for the browser
 * (IIFE; it imports only types from the server, so no server code comes along), and the script
 * and sidebar.css are inlined into Sidebar.template.html. Apps Script serves the file as it is.
 */
async function sidebarPage() {
  const dir = join(root, 'src', 'sidebar');
  const esbuild = require('esbuild');
  // The words for a first call that fails before the server has sent any (SIDEBAR_TEXT).
  const labels = await esbuild.build({
    entryPoints: [join(root, 'src', 'core', 'labels.ts')],
    bundle: true, format: 'cjs', platform: 'neutral', write: false, logLevel: 'silent',
  });
  const mod = { exports: {} };
  new Function('module', 'exports', labels.outputFiles[0].text)(mod, mod.exports);
  const { SIDEBAR_TEXT } = mod.exports;
  const bootText = Object.fromEntries(
    ['ja', 'en'].map((lang) => [lang, { failed: SIDEBAR_TEXT.failed[lang], permission: SIDEBAR_TEXT.permission[lang] }]),
  );
  const client = await esbuild.build({
    entryPoints: [join(dir, 'client.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome100', 'firefox100', 'safari15'],
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
    define: { __BOOT_TEXT__: JSON.stringify(bootText) },
  });
  const js = client.outputFiles[0].text.trim();
  const css = readFileSync(join(dir, 'sidebar.css'), 'utf8').trim();
  if (/<\/script/i.test(js) || /<\/style/i.test(css)) throw new Error('the sidebar script or style would close its own tag');
  const template = readFileSync(join(dir, 'Sidebar.template.html'), 'utf8');
  const slots = { '/*@inline sidebar.css*/': css, '/*@inline client.js*/': js };
  let page = template;
  for (const [slot, text] of Object.entries(slots)) {
    if (page.split(slot).length !== 2) throw new Error(`Sidebar.template.html must hold ${slot} once`);
    page = page.split(slot).join(text); // not String.replace: `$&` in the script would be expanded
  }
  return page;
}
