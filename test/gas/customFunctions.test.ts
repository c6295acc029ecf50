/**
 * The custom functions as Sheets calls them from a cell (emulator/sheetsCall.ts: `b.formula`), on the
 * built bundle — issue 10's custom-function items and what the owner sees of an export:
 * - date cells arrive as Dates made in the SCRIPT's zone (appsscript.json: Tokyo), whatever the
 *   spreadsheet's zone; returned Dates are read back the same way;
 * - a skipped argument arrives as `undefined` or as `""` (Google does not say which): every formula
 *   of the README gives its documented answer either way, and a blank customer cell a blank;
 * - a table form stays under the result-size limit, its last row saying where everyone is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundle, type LoadedBundle } from '../../emulator/bundle';
import { placeResult, type CellResult, type SheetsCallOptions } from '../../emulator/sheetsCall';
import { columnLetters } from '../../emulator/spreadsheet/a1';
import { dayFromCivil, isoDay } from '../../src/core/dates';
import { simulateShop } from '../support/btyd';
import { projectRoot } from '../../emulator/project';
import { TABLE_MAX_CUSTOMERS } from '../../src/core/functions';
import { PROPERTY_KEYS } from '../../src/gas/keys';
import type { RefreshOutcome } from '../../src/gas/refresh';
import { loadFixture } from '../support/fixtures';
import { SAMPLE_AS_OF, sampleShopSheets } from '../support/sampleSheets';
import { columnOf, notes, pick } from '../support/tables';

const SKIPPED: ReadonlyArray<NonNullable<SheetsCallOptions['skipped']>> = ['undefined', 'empty string'];
/** The script's zone: the bundle's appsscript.json. */
const SCRIPT_ZONE = JSON.parse(readFileSync(join(projectRoot(), 'appsscript.json'), 'utf8')).timeZone as string;

const valueOf = (r: CellResult): unknown => {
  if (r.status !== 'value') throw new Error(`the cell shows ${r.status === 'error' ? `#ERROR!: ${r.note}` : r.display}`);
  return r.value;
};

/** The calendar day a returned Date shows as in the spreadsheet: its wall clock in the zone Sheets
 *  reads it in — the script's, as for the Dates it passes (emulator/sheetsCall.ts). */
const shownDay = (d: unknown): string => new Date((d as Date).getTime()).toLocaleDateString('sv-SE', { timeZone: SCRIPT_ZONE });

/** A result with its Dates as the days they show, so results of two calls can be compared. */
const shown = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(shown) : Object.prototype.toString.call(v) === '[object Date]' ? `date ${shownDay(v)}` : v;

describe('dates in a spreadsheet whose time zone is not the script’s (Tokyo)', () => {
  // As typed into the sheet: Sheets makes date cells of them.
  const orders = [
    ['顧客ID', '注文日', '合計金額'],
    ['C1', '2024/06/01', 5000],
    ['C2', '2024/06/29', 3000],
    ['C2', '2024/06/30', 2000],
  ];
  // 16:00 UTC on 30 June: noon in New York, 16:00 in UTC, already 1 July in Tokyo.
  const now = Date.parse('2024-06-30T16:00:00Z');

  test.each(['America/New_York', 'UTC'])('%s: calendar days as the sheet shows them, today as the sheet’s today', (timeZone) => {
    const b = loadBundle({ timeZone, locale: 'en_US', now, sheets: { Orders: { values: orders, entered: true } } });
    expect(b.env.scriptTimeZone).toBe('Asia/Tokyo');
    const t = valueOf(b.formula('=FANSTAGE(Orders!A:C)')) as unknown[][];
    expect(shown(pick(t, 'customer', 'purchases', 'lastOrder', 'daysSinceLast'))).toEqual([
      ['C2', 2, 'date 2024-06-30', 0], // LTV 5,000 each: more purchases first
      ['C1', 1, 'date 2024-06-01', 29],
    ]);
    // as_of as a date cell's value (DATE() arrives like one): 29 June is that day, in any zone.
    expect(valueOf(b.formula('=FANSTAGE(Orders!A:C, "C2", DATE(2024,6,29))'))).toBe('Visitor');
    expect(valueOf(b.formula('=FANSTAGE(Orders!A:C, "C2", DATE(2024,6,28))'))).toBe('No purchase');
    const ranking = valueOf(b.formula('=LTVRANK(Orders!A:C, "*", DATE(2024,6,29))')) as unknown[][];
    expect(shown(pick(ranking, 'customer', 'ltv', 'lastOrder'))).toEqual([
      ['C1', 5000, 'date 2024-06-01'],
      ['C2', 3000, 'date 2024-06-29'],
    ]);
  });

  test.each(['America/New_York', 'UTC'])('%s: the dates the functions return show as the same days in the cells', (timeZone) => {
    const b = loadBundle({ timeZone, locale: 'en_US', now, sheets: { Orders: { values: orders, entered: true }, Out: [['']] } });
    placeResult(b.env, { sheet: 'Out', row: 1, column: 1 }, '=FANSTAGE(Orders!A:C, "*", DATE(2024,6,30))');
    const out = b.env.spreadsheet.getSheetByName('Out')!.getDataRange();
    const values = out.getValues();
    const c = columnOf(values, 'lastOrder');
    // What the cell shows, and the day Sheets holds (getValues: an instant, read in the spreadsheet's zone).
    expect(out.getDisplayValues().slice(1, 3).map((r) => r[c])).toEqual(['2024-06-30', '2024-06-01']);
    const day = (v: unknown) => b.env.run(() => b.env.globals.Utilities.formatDate(v as Date, timeZone, 'yyyy-MM-dd HH:mm'));
    expect(values.slice(1, 3).map((r) => day(r[c]))).toEqual(['2024-06-30 00:00', '2024-06-01 00:00']);
  });
});

/** The sample shop (samples/), cut to 600 customers: enough repeat buyers for NEXTPURCHASE to fit,
 *  a customers sheet and a survey; A2 of the formulas' sheet names a customer, A3:A5 more. */
function shop(): Record<string, unknown[][]> {
  const sheets = sampleShopSheets(600);
  return {
    ...sheets,
    Formulas: [['customer'], ['C000001'], [String(sheets.Customers[3]![2])], ['C000004'], ['nobody@example.jp']],
    Blank: [['customer'], ['']],
  };
}

/** Every formula of README's "The formulas" table, with what it documents: a table, or one answer
 *  per key (one cell, or a column of them) — and, for each that passes FanFunnelAsOf, the same
 *  formula with as_of left out (`A2, , Customers!A:F`): the skipped argument both ways. */
function readmeFormulas(): Array<{ formula: string; gives: 'table' | 'one' | 'column' }> {
  const readme = readFileSync(join(projectRoot(), 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## The formulas'), readme.indexOf('\n## ', readme.indexOf('## The formulas') + 1));
  const formulas = [...section.matchAll(/^\| `(=[A-Z]+\(.*?\))` \|/gm)].map((m) => m[1]!);
  const skippedAsOf = formulas.filter((f) => f.includes(', FanFunnelAsOf')).map((f) => f.replace(', FanFunnelAsOf', ', ').replace(/, \)$/, ', )'));
  return [...formulas, ...skippedAsOf].map((formula) => {
    const customer = formula.split(',')[1]?.trim().replace(/\)$/, '');
    const gives = customer === undefined || customer === '"*"' ? 'table' : customer.includes(':') ? 'column' : 'one';
    // The README's Orders!A:H is an export's width; the sample shop's is A:K (its amount is column I).
    return { formula: formula.replace('Orders!A:H', 'Orders!A:K'), gives };
  });
}

describe('every formula of the README, whether a skipped argument arrives as undefined or as ""', () => {
  const b: LoadedBundle = loadBundle({ locale: 'ja_JP', now: SAMPLE_AS_OF, sheets: shop() });
  // The README's formulas pass FanFunnelAsOf, which the refresh names.
  b.env.call('refreshFromMenu');
  const formulas = readmeFormulas();

  test('the README’s formulas pass FanFunnelAsOf (or a past day); left out, as_of is a skipped argument', () => {
    expect(formulas.length).toBeGreaterThanOrEqual(20);
    const shown = formulas.filter((f) => !/, ,|, \)$/.test(f.formula));
    expect(shown.every((f) => /, (FanFunnelAsOf|DATE\(\d+,\d+,\d+\))[,)]/.test(f.formula))).toBe(true);
    expect(formulas.filter((f) => /, ,|, \)$/.test(f.formula)).length).toBeGreaterThanOrEqual(8);
    expect(formulas.some((f) => f.gives === 'table' && /, ,/.test(f.formula))).toBe(true);
  });

  test.each(readmeFormulas())('$formula gives its documented answer ($gives) both ways', ({ formula, gives }) => {
    const [asUndefined, asEmpty] = SKIPPED.map((skipped) => shown(valueOf(b.formula(formula, { skipped, sheet: 'Formulas' }))));
    expect(asEmpty).toEqual(asUndefined);
    if (gives === 'table') {
      const t = asUndefined as unknown[][];
      expect(t.length).toBeGreaterThan(100); // the header, then a row per buyer
      expect(t[0]).toContain('顧客');
    } else if (gives === 'column') {
      const col = asUndefined as unknown[][];
      expect(col.length).toBe(499); // A2:A500
      expect(col[0]![0]).not.toBe('');
      expect(col[4]![0]).toBe(''); // A6 is blank
    } else {
      expect(Array.isArray(asUndefined)).toBe(false);
      // A stage or a rank for a buyer; NEXTPURCHASE may be blank (not within 12 months).
      if (!formula.startsWith('=NEXTPURCHASE')) expect(asUndefined).not.toBe('');
    }
  });

  test.each(readmeFormulas().filter((f) => f.formula.includes('FanFunnelAsOf')))('$formula: on the refresh’s day, FanFunnelAsOf answers as today does', ({ formula }) => {
    const withName = shown(valueOf(b.formula(formula, { sheet: 'Formulas' })));
    const left = shown(valueOf(b.formula(formula.replace(', FanFunnelAsOf', ', '), { sheet: 'Formulas' })));
    expect(withName).toEqual(left);
  });

  test.each(['FANSTAGE', 'LTVRANK', 'NEXTPURCHASE'])('%s: the help Sheets shows (the bundle’s JSDoc) tells to write "*" for the table where later arguments follow', (name) => {
    const code = readFileSync(join(projectRoot(), 'dist', 'Code.js'), 'utf8');
    const at = code.indexOf(`function ${name}(`);
    const doc = code.slice(code.lastIndexOf('/**', at), at);
    expect(doc).toMatch(/@param \{A2\} customer \[optional\][^\n]*write "\*" where later arguments follow/);
  });

  test('why the table with later arguments writes "*": a skipped customer may arrive as "", a blank key', () => {
    const skippedCustomer = '=FANSTAGE(Orders!A:K, , , Customers!A:F, Survey!A:E)';
    expect(Array.isArray(valueOf(b.formula(skippedCustomer, { skipped: 'undefined', sheet: 'Formulas' })))).toBe(true);
    expect(valueOf(b.formula(skippedCustomer, { skipped: 'empty string', sheet: 'Formulas' }))).toBe('');
  });

  test.each(readmeFormulas().filter((f) => f.gives === 'one'))('$formula: a blank customer cell gives a blank, both ways', ({ formula }) => {
    for (const skipped of SKIPPED) expect(valueOf(b.formula(formula, { skipped, sheet: 'Blank' }))).toBe('');
  });
});

describe('table forms stay under the result-size limit', () => {
  test("more than 10,000 customers: the first ones, and a last row saying where everyone is", () => {
    // 30,000 customers × 8 columns would be 240,000 cells: over the limit a 61,744 × 8 result broke.
    const rows: unknown[][] = [['Customer ID', 'Order date', 'Total']];
    for (let c = 1; c <= 30_000; c++) rows.push([`C${c}`, '2024-06-01', 1_000 + (c % 997)]);
    const b = loadBundle({ locale: 'en_US', now: Date.parse('2024-06-30T03:00:00Z'), sheets: { Orders: { values: rows, maxRows: rows.length } } });
    for (const formula of ['=FANSTAGE(Orders!A:C)', '=LTVRANK(Orders!A:C)']) {
      const r = b.formula(formula);
      expect(r).toMatchObject({ status: 'value' });
      const t = valueOf(r) as unknown[][];
      expect(t).toHaveLength(1 + TABLE_MAX_CUSTOMERS + 1);
      expect(notes(t)).toEqual([
        'Showing the first 10,000 of 30,000 customers (the most a cell can return). Everyone is on the "Customers" tab (made by Refresh in the sidebar).',
      ]);
    }
    // In ranking order: the first rows are the highest LTVs.
    const t = valueOf(b.formula('=LTVRANK(Orders!A:C)')) as unknown[][];
    expect(pick(t, 'rank', 'ltv')[0]).toEqual([1, 1_996]);
  });
});

test('NEXTPURCHASE keeps to the same cap: the highest values first, then the row saying where everyone is', () => {
  // 10,500 customers of a simulated shop (BG/NBD), as the NEXTPURCHASE tests make it.
  const asOf = dayFromCivil(2024, 6, 29);
  const shop = simulateShop({ r: 0.8, alpha: 40, a: 0.6, b: 3 }, { customers: 10_500, firstDay: asOf - 500, asOf, seed: 21, spend: { p: 4, q: 5, gamma: 20_000 } });
  const rows: unknown[][] = [['Customer ID', 'Order date', 'Total'], ...shop.orders.map((o) => [o.key, isoDay(o.day), o.amount])];
  const b = loadBundle({ locale: 'en_US', now: Date.parse('2024-06-30T03:00:00Z'), sheets: { Orders: { values: rows, maxRows: rows.length } } });
  const t = valueOf(b.formula('=NEXTPURCHASE(Orders!A:C)')) as unknown[][];
  expect(t).toHaveLength(1 + TABLE_MAX_CUSTOMERS + 1);
  expect(notes(t)).toEqual([
    'Showing the first 10,000 of 10,500 customers (the most a cell can return). Everyone is on the "Customers" tab (made by Refresh in the sidebar).',
  ]);
  const values = pick(t, 'value12m').map(([v]) => v as number);
  expect(values.every((v, i) => i === 0 || v <= values[i - 1]!)).toBe(true);
});

describe('what the owner sees of an export', () => {
  test('the sidebar names the platform, in the owner’s language', () => {
    const state = (sheets: Record<string, unknown[][]>, locale: string) => {
      const b = loadBundle({ locale, sheets });
      return (b.call('getSidebarState') as { detected: { orders?: { profile?: string } } }).detected.orders?.profile;
    };
    expect(state({ 受注: loadFixture('colorme-sales.csv') }, 'ja_JP')).toBe('カラーミーショップ 形式');
    expect(state({ Items: loadFixture('square-item-sales.csv') }, 'ja_JP')).toBe('Square 商品詳細 形式');
    expect(state({ Items: loadFixture('square-item-sales.csv') }, 'en_US')).toBe('Square item sales layout');
    // The platform's name, never its internal id (issue 17: `注文: Orders (base)`).
    expect(state({ 注文: loadFixture('base-orders.csv') }, 'ja_JP')).toBe('BASE 形式');
    expect(state({ 注文: loadFixture('stores-orders.csv') }, 'ja_JP')).toBe('汎用レイアウト');
  });

  test('Shopify with its only key columns blank (a POS-only shop): no empty table without a word — every row, and why', () => {
    const table = loadFixture('shopify-pos-orders.csv');
    const keyCols = ['Email', 'Phone', 'Billing Phone', 'Shipping Phone'].map((h) => table[0]!.indexOf(h));
    const blanked = table.map((row, i) => (i === 0 ? row : row.map((v, c) => (keyCols.includes(c) ? '' : v))));
    const b = loadBundle({ locale: 'en_US', now: Date.parse('2025-12-31T03:00:00Z'), sheets: { Orders: blanked } });
    const t = valueOf(b.formula(`=FANSTAGE(Orders!A:${columnLetters(table[0]!.length)})`)) as unknown[][];
    expect(pick(t, 'customer')).toEqual([]);
    // 14 rows, 12 orders: the two cancelled ones are not skipped; #2002 and #2011 have two rows each.
    expect(notes(t)).toEqual([
      'Skipped order rows: 10 (not in this table). row 2: no customer ID, e-mail or phone; row 3: no customer ID, e-mail or phone; ' +
        'row 5: no customer ID, e-mail or phone; row 6: no customer ID, e-mail or phone; row 7: no customer ID, e-mail or phone; and 5 more',
    ]);
  });

  test('Amazon.co.jp 未出荷の注文レポート (no price at all): the cell names the missing amount, the headers seen and what to download — never cod-collectible-amount as a total', () => {
    const table = loadFixture('amazon-jp-unshipped-orders.txt');
    const b = loadBundle({ locale: 'ja_JP', now: Date.parse('2025-12-31T03:00:00Z'), sheets: { Orders: table } });
    for (const formula of [`=FANSTAGE(Orders!A:${columnLetters(table[0]!.length)})`, `=LTVRANK(Orders!A:${columnLetters(table[0]!.length)}, "*")`]) {
      const r = b.formula(formula);
      expect(r).toMatchObject({ status: 'error' });
      const note = (r as { note: string }).note;
      expect(note).toMatch(/金額/);
      expect(note).toContain('"cod-collectible-amount"');
      expect(note).toContain('すべての注文');
    }
  });

  test('WooCommerce Analytics (no ID, no e-mail): customers by name, said in the table, the Fan Funnel tab and the sidebar', () => {
    const b = loadBundle({ locale: 'ja_JP', now: Date.parse('2025-12-31T03:00:00Z'), sheets: { Orders: loadFixture('woocommerce-analytics-orders.csv') } });
    const note = 'この注文データには顧客IDもメールアドレスもないため、顧客を氏名で区別しています(同姓同名の方は1人として数えます)。';
    const t = valueOf(b.formula('=FANSTAGE(Orders!A:K)')) as unknown[][];
    expect(pick(t, 'customer', 'purchases', 'ltv')).toEqual([
      ['Hanako Yamada', 3, 12760],
      ['Mei Suzuki', 1, 8800],
      ['Kenta Ito', 1, 2200],
    ]);
    expect(notes(t)).toEqual([expect.stringMatching(/^読み飛ばした注文の行: 1件.*3行目 顧客ID・メールアドレス・電話番号がありません$/), note]);
    b.env.call('refreshFromMenu');
    const outcome = JSON.parse(b.env.properties.document.map.get(PROPERTY_KEYS.lastRefresh)!) as RefreshOutcome;
    expect(outcome.ok).toBe(true);
    expect(outcome.warnings).toContain(note);
    expect((b.env.sheet('ファンファネル').values as unknown[][]).some((row) => String(row[0]).includes(note))).toBe(true);
  });
});

describe('no silent wrong answer on a real export, through the bundle (issue 11)', () => {
  /** EC-CUBE 4's real header (test/fixtures/exports/README.md) with rows an owner's sheet can hold:
   *  a failed lookup (#N/A) as member and e-mail twice, a checkbox taken into the member column, and
   *  member 12's order of 1e308 twice (a pasted formula gone wrong). Hand-computed, as of
   *  2025-12-31: member 3 ranks first with ¥25,080 (profiles.test.ts), no one else changes. */
  const table = loadFixture('eccube4-orders.csv');
  const header = table[0]!;
  const col = (name: string) => header.indexOf(name);
  const extra = (order: number, member: unknown, email: unknown, amount: unknown): unknown[] => {
    const row: unknown[] = header.map(() => '');
    row[col('注文ID')] = 900 + order;
    row[col('注文番号')] = 900 + order;
    row[col('会員ID')] = member;
    row[col('メールアドレス')] = email;
    row[col('支払合計')] = amount;
    row[col('対応状況(名称)')] = '発送済み';
    row[col('受注日')] = '2025-12-01 10:00:00';
    return row;
  };
  const rows = table.length;
  const orders = [...table, extra(1, '#N/A', '#N/A', 50_000), extra(2, '#N/A', '#N/A', 50_000), extra(3, true, '', 9_000), extra(4, 12, '', 1e308), extra(5, 12, '', 1e308)];
  const range = `Orders!A:${columnLetters(header.length)}`;
  const b = loadBundle({
    locale: 'en_US',
    now: Date.parse('2025-12-31T03:00:00Z'),
    sheets: {
      Orders: orders,
      Customers: [['会員ID', 'LINE登録'], [3, '○'], [7, '○'], ['20', '○']],
    },
  });

  test('cell errors and checkboxes are no customers, 1e308 is no LTV: skipped, each row named in the table', () => {
    expect(header.length).toBeGreaterThan(26);
    const ranking = valueOf(b.formula(`=LTVRANK(${range})`)) as unknown[][];
    const ranked = pick(ranking, 'rank', 'customer', 'ltv');
    expect(ranked[0]).toEqual([1, '3', 25_080]);
    expect(ranked.map((r) => r[1])).not.toContain('#N/A');
    expect(ranked.every((r) => Number.isFinite(r[2]))).toBe(true);
    expect(notes(ranking)).toEqual([
      `Skipped order rows: 5 (not in this table). row ${rows + 1}: no customer ID, e-mail or phone "#N/A"; row ${rows + 2}: no customer ID, e-mail or phone "#N/A"; ` +
        `row ${rows + 3}: no customer ID, e-mail or phone "TRUE"; row ${rows + 4}: unreadable amount "1e+308"; row ${rows + 5}: unreadable amount "1e+308"`,
    ]);
  });

  test('member 12, some of whose rows were skipped, gets no confident answer; an absent key is Unregistered; as_of out of range names the day', () => {
    expect(b.formula(`=FANSTAGE(${range}, "12")`)).toMatchObject({
      status: 'error',
      note: expect.stringContaining(`Some order rows of "12" could not be read: row ${rows + 4}: unreadable amount "1e+308"`),
    });
    expect(b.formula(`=FANSTAGE(${range}, "nobody@example.jp", , Customers!A:B)`)).toMatchObject({ status: 'value', value: 'Unregistered' });
    expect(b.formula(`=FANSTAGE(${range}, "3", DATE(9999,12,31))`)).toMatchObject({
      status: 'error',
      note: expect.stringContaining('as_of must be a day from 1900/01/01 to 2199/12/31: 9999/12/31'),
    });
  });
});
