// Builds the Apps Script bundle. `scripts/build.mjs` runs this config and then copies
// appsscript.json and the sidebar page next to the bundle, so dist/ is what `clasp push` uploads.
const path = require('path');
const GasPlugin = require('gas-webpack-plugin');

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
  plugins: [new GasPlugin({ comment: true, autoGlobalExportsFiles: [] })],
};
