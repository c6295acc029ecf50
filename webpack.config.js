// Builds the Apps Script bundle. `scripts/build.mjs` runs this config and then copies
// appsscript.json and the sidebar page next to the bundle, so dist/ is what `clasp push` uploads.
const { execFileSync } = require('child_process');
const path = require('path');
const webpack = require('webpack');
const GasPlugin = require('gas-webpack-plugin');

/** What the diagnostics report names as the bundle's build (src/gas/diagnostics.ts). */
function buildInfo() {
  const git = (...args) => {
    try {
      return execFileSync('git', args, { cwd: __dirname, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  const commit = git('rev-parse', '--short', 'HEAD');
  return {
    version: require('./package.json').version,
    commit: commit ?? 'unknown',
    dirty: commit !== null && git('status', '--porcelain', '--untracked-files=no') !== '',
    manifestTimeZone: require('./appsscript.json').timeZone,
  };
}

module.exports = {
  // Never 'development': it wraps modules in eval() and GasPlugin finds no globals.
  mode: 'production',
  context: __dirname,
  entry: './src/index.ts',
  output: { path: path.resolve(__dirname, 'dist'), filename: 'Code.js', clean: true },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        loader: 'esbuild-loader',
        // legalComments 'inline' keeps the `@preserve` JSDoc of each entry point, which
        // GasPlugin copies onto the top-level stub — that is what Sheets reads for autocomplete.
        options: { target: 'es2019', legalComments: 'inline' },
      },
    ],
  },
  // Readable bundle: Apps Script shows stack traces against it, and size is not a concern.
  optimization: { minimize: false, concatenateModules: true },
  devtool: false,
  performance: { hints: false },
  plugins: [
    new webpack.DefinePlugin({ __FAN_FUNNEL_BUILD__: JSON.stringify(buildInfo()) }),
    new GasPlugin({ comment: true, autoGlobalExportsFiles: [] }),
  ],
};
