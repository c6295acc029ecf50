// Server code runs in Apps Script (its globals, no DOM, no Node); tests and scripts run in Node.
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The Apps Script services src/ may use — the globals of src/gas, and what src/core and
// src/sidebar must not touch. One list, so that a new service is added once.
const APPS_SCRIPT_SERVICES = ['SpreadsheetApp', 'PropertiesService', 'CacheService', 'LockService', 'ScriptApp', 'HtmlService', 'Session', 'Utilities', 'Charts'];
const forbidAppsScript = (message) => ['error', ...APPS_SCRIPT_SERVICES.map((name) => ({ name, message }))];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'samples/', 'test-artifacts/', 'reports/', '.stryker-tmp/'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    languageOptions: {
      globals: Object.fromEntries([...APPS_SCRIPT_SERVICES, 'GoogleAppsScript'].map((name) => [name, 'readonly'])),
    },
  },
  {
    // The sidebar runs in the browser: DOM globals, never Apps Script's, and only types from the
    // server (STYLE habit 3: the one typed wrapper in src/sidebar/server.ts). It may import the
    // pure core as values: the rules below keep src/core free of Apps Script and of the clock, so
    // what it brings into the page is plain code — the CSV import reads a file with the very
    // profiles and orders reader the formulas use, instead of a second copy or a round trip.
    files: ['src/sidebar/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-globals': forbidAppsScript('The sidebar runs in the browser: call the server through src/sidebar/server.ts.'),
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../gas/*', '../index'],
              allowTypeImports: true,
              message: 'The sidebar imports only types from the server (import type); values may come from the pure core (src/core).',
            },
          ],
        },
      ],
    },
  },
  {
    // The pure core must not touch Apps Script: plain data in, plain data out.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': forbidAppsScript('src/core is pure: pass data in from src/gas instead.'),
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Pass the clock in (asOf / now); never read it in the core.' },
        { selector: 'NewExpression[callee.name="Date"][arguments.length=0]', message: 'Pass the clock in (asOf / now); never read it in the core.' },
      ],
    },
  },
  {
    // The local preview's page runs in the browser; its server (preview/*.ts) in Node.
    files: ['preview/page/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['test/**/*.{ts,js}', 'emulator/**/*.ts', 'scripts/**/*.{ts,mjs,js}', 'bench/**/*.ts', 'preview/*.ts', '*.js', '*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
