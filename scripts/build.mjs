// npm run build: webpack the server bundle into dist/, then put beside it what clasp must push
// with it. dist/ is then exactly the project that `clasp push` uploads (rootDir in .clasp.json).
import { copyFileSync } from 'node:fs';
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
copyFileSync(join(root, 'appsscript.json'), join(root, 'dist', 'appsscript.json'));
copyFileSync(join(root, 'src', 'sidebar', 'Sidebar.html'), join(root, 'dist', 'Sidebar.html'));
console.log('built dist/: Code.js, Sidebar.html, appsscript.json');
