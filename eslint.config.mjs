// Server code runs in Apps Script (its globals, no DOM, no Node); tests and scripts run in Node.
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'samples/', 'test-artifacts/'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    languageOptions: {
      globals: {
        SpreadsheetApp: 'readonly',
        PropertiesService: 'readonly',
        CacheService: 'readonly',
        LockService: 'readonly',
        ScriptApp: 'readonly',
        HtmlService: 'readonly',
        Session: 'readonly',
        Utilities: 'readonly',
        Charts: 'readonly',
        GoogleAppsScript: 'readonly',
      },
    },
  },
  {
    // The sidebar runs in the browser: DOM globals, never Apps Script's, and only types from the
    // server (STYLE habit 3: the one typed wrapper in src/sidebar/server.ts).
    files: ['src/sidebar/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-globals': [
        'error',
        ...['SpreadsheetApp', 'PropertiesService', 'CacheService', 'LockService', 'ScriptApp', 'HtmlService', 'Session', 'Utilities'].map(
          (name) => ({ name, message: 'The sidebar runs in the browser: call the server through src/sidebar/server.ts.' }),
        ),
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            // Except the plain facts it shares with the server (stage order, range kinds, templates).
            {
              group: ['../gas/*', '../core/*', '!../core/shared', '../index'],
              allowTypeImports: true,
              message: 'The sidebar imports only types from the server (import type), and values only from src/core/shared.ts.',
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
      'no-restricted-globals': [
        'error',
        ...['SpreadsheetApp', 'PropertiesService', 'CacheService', 'LockService', 'ScriptApp', 'HtmlService', 'Session', 'Utilities'].map(
          (name) => ({ name, message: 'src/core is pure: pass data in from src/gas instead.' }),
        ),
      ],
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
    files: ['test/**/*.{ts,js}', 'scripts/**/*.{ts,mjs,js}', 'bench/**/*.ts', 'preview/*.ts', '*.js', '*.mjs'],
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
