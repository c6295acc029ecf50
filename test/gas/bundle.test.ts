/**
 * The built bundle, loaded as Apps Script loads it: one global scope, functions called by name,
 * values made in the bundle's realm as Sheets passes them (2-D arrays, Dates, '' for blanks).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleSource, loadBundle } from '../../emulator/bundle';
import { customFunctionProblems, declaredCustomFunctions } from '../../emulator/customFunctions';
import { projectRoot } from '../../emulator/project';
import { PROPERTY_KEYS } from '../../src/gas/keys';
import { cell, pick } from '../support/tables';

const orders = [
  ['Name', 'Email', 'Financial Status', 'Accepts Marketing', 'Total', 'Created at', 'Lineitem name', 'Billing Name', 'Cancelled at'],
  ['#1001', 'hanako@example.jp', 'paid', 'yes', 12800, '2024-06-01 23:30:00 +0900', 'Tea', 'Yamada Hanako', ''],
  ['#1001', '', '', '', '', '', 'Cup', '', ''],
  ['#1002', 'hanako@example.jp', 'paid', 'yes', 70000, '2024-06-20 10:00:00 +0900', 'Pot', 'Yamada Hanako', ''],
  ['#1003', 'jiro@example.jp', 'refunded', 'yes', 5000, '2024-06-21 10:00:00 +0900', 'Tea', 'Suzuki Jiro', ''],
  ['#1004', 'jiro@example.jp', 'paid', 'yes', 4000, '2024-05-01 10:00:00 +0900', 'Tea', 'Suzuki Jiro', ''],
  ['#1005', '', 'paid', '', 3000, '2024-06-22 10:00:00 +0900', 'Tea', '', ''],
  ['#1006', 'mika@example.jp', 'paid', 'no', 9000, '2024-06-23 10:00:00 +0900', 'Tea', 'Mika', '2024-06-24 10:00:00 +0900'],
  ['', '', '', '', '', '', '', '', ''],
];

describe('dist/Code.js as Apps Script runs it', () => {
  test('custom functions are top-level functions with their JSDoc, so Sheets lists them', () => {
    const src = bundleSource();
    const declared = declaredCustomFunctions(readFileSync(join(projectRoot(), 'src', 'index.ts'), 'utf8'));
    expect(customFunctionProblems(declared, src)).toEqual([]);
    expect(src).toMatch(/^function onOpen\(/m);
    expect(src).toMatch(/^function onInstall\(/m);
  });

  test('never reads the script clock’s local time: days come from the spreadsheet zone only', () => {
    // Except FANFUNNEL_ARGS, whose job is to show a Date's getTimezoneOffset as it arrived.
    const modules = bundleSource().split(/^;\/\/ (?=\.\/src\/)/m);
    const product = modules.filter((m) => !m.startsWith('./src/gas/diagnostics.ts')).join('');
    expect(modules.length).toBeGreaterThan(10);
    expect(product).not.toMatch(/\.(getHours|getDate|getDay|getMonth|getFullYear|getTimezoneOffset|toLocaleDateString)\(/);
  });

  test('FANSTAGE and LTVRANK on a Shopify export, with Dates and blanks from the bundle realm', () => {
    const b = loadBundle({ locale: 'en_US', timeZone: 'Asia/Tokyo' });
    const values = b.sheetValues(orders);
    const asOf = b.date('2024-06-29T15:00:00Z'); // midnight, 30 June JST
    const t = b.call('FANSTAGE', values, undefined, asOf) as unknown[][];
    expect(t[0]).toEqual(['Customer', 'Stage', 'Purchases', 'LTV', 'Last order', 'Days since last', 'Subscribed', 'Positive reactions']);
    expect(pick(t, 'customer', 'stage', 'purchases', 'ltv', 'daysSinceLast')).toEqual([
      ['hanako@example.jp', 'Follower', 2, 82800, 10],
      ['jiro@example.jp', 'Follower', 1, 4000, 60],
    ]);
    // The Date returned is of the bundle's realm, as Apps Script would hand back to Sheets.
    expect(b.eval<(d: unknown) => boolean>('(d) => d instanceof Date')(cell(t, 1, 'lastOrder'))).toBe(true);
    expect(b.call('LTVRANK', values, b.sheetValues([['HANAKO@example.jp'], [''], ['jiro@example.jp']]), asOf)).toEqual([[1], [''], [2]]);
    const ranking = b.call('LTVRANK', values, null, asOf) as unknown[][];
    expect(pick(ranking, 'rank', 'customer', 'ltv', 'purchases', 'tier', 'vip')[0]).toEqual([1, 'hanako@example.jp', 82800, 2, 'Gold', 'Yes']);
  });

  test('Japanese spreadsheet: Japanese labels; settings from document properties apply', () => {
    const b = loadBundle({
      locale: 'ja_JP',
      properties: { [PROPERTY_KEYS.settings]: JSON.stringify({ stages: { lapseDays: 60, activeDays: 30 } }) },
    });
    const asOf = b.date('2024-06-29T15:00:00Z');
    expect(b.call('FANSTAGE', b.sheetValues(orders), 'jiro@example.jp', asOf)).toBe('離脱');
    const plain = loadBundle({ locale: 'ja_JP' });
    expect(plain.call('FANSTAGE', plain.sheetValues(orders), 'jiro@example.jp', plain.date('2024-06-29T15:00:00Z'))).toBe('フォロワー');
  });

  test('a broken settings property never breaks a formula: the defaults apply', () => {
    const b = loadBundle({ locale: 'en_US', properties: { [PROPERTY_KEYS.settings]: '{not json' } });
    expect(b.call('FANSTAGE', b.sheetValues(orders), 'jiro@example.jp', b.date('2024-06-29T15:00:00Z'))).toBe('Follower');
  });

  test('as_of defaults to today in the spreadsheet zone, not the script clock’s', () => {
    // 16:00 UTC on 29 June is 01:00 on 30 June in Tokyo.
    const b = loadBundle({ locale: 'en_US', now: Date.parse('2024-06-29T16:00:00Z') });
    const t = b.call('FANSTAGE', b.sheetValues(orders)) as unknown[][];
    expect(pick(t, 'daysSinceLast').flat()).toEqual([10, 60]);
  });

  test('errors reach the cell as plain Errors with a message a person can act on', () => {
    const b = loadBundle({ locale: 'en_US' });
    const call = (...args: unknown[]) => {
      try {
        b.call('FANSTAGE', ...args);
        return 'no error';
      } catch (e) {
        return `${(e as Error).name}: ${(e as Error).message}`;
      }
    };
    expect(call(b.sheetValues([['Product', 'Price'], ['Tea', 100]]))).toBe(
      'Error: The orders range is missing a column for: customer ID or e-mail; date; amount. Headers seen: "Product", "Price"',
    );
    expect(call(b.sheetValues(orders), undefined, 'soon')).toBe('Error: as_of is not a date: soon');
  });

  test('custom functions only read: no property, sheet or cache writes', () => {
    const b = loadBundle({ locale: 'en_US' });
    b.call('FANSTAGE', b.sheetValues(orders));
    b.call('LTVRANK', b.sheetValues(orders));
    expect(b.properties.size).toBe(0);
  });

  test('onOpen adds the add-on menu; onInstall does the same', () => {
    const b = loadBundle({ locale: 'ja_JP' });
    b.call('onOpen', { authMode: 'NONE' });
    b.call('onInstall', { authMode: 'FULL' });
    const items = [
      ['サイドバーを開く', 'showSidebar'],
      ['今すぐ更新', 'refreshFromMenu'],
      ['診断', 'showDiagnostics'],
    ];
    expect(b.ui.menus).toEqual([{ items }, { items }]);
    b.call('showSidebar');
    expect(b.ui.sidebars).toEqual(['Fan Funnel']);
  });
});
