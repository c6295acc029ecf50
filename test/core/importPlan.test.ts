/**
 * Import planning (src/core/importPlan.ts) and its keys (src/core/imports.ts), as properties over
 * random shops: each plan is applied to a model of the import sheet the way appendImportRows
 * writes it (the file's columns mapped onto the sheet's, rows appended), and the next plan sees
 * the sheet's keys the way readImportKeys reads them back — so what is checked is what an owner
 * would see in the sheet after importing the same, an overlapping, or a reordered export.
 */
import fc from 'fast-check';
import type { CsvRecord } from '../../src/core/csv';
import { makeZone } from '../../src/core/dates';
import { fitsSheet, importCell, importKey, mapRow, mergeHeader, orderIdColumn, textColumns, type ImportCell } from '../../src/core/imports';
import { planImport, type ImportPlan } from '../../src/core/importPlan';
import { DEFAULT_SETTINGS } from '../../src/core/settings';

const ZONE = makeZone('Asia/Tokyo');
const WITH_ID = ['注文番号', '注文日時', 'メールアドレス', '商品名', '合計金額'];
/** A shop system without order numbers: rows are told apart by their whole content. */
const WITHOUT_ID = ['注文日時', 'メールアドレス', '商品名', '合計金額'];

interface Order {
  readonly id: string;
  readonly rows: Array<Record<string, string>>;
  /** Its amount cannot be read: the preview lists it, the import leaves it out. */
  readonly bad: boolean;
}

const orderGen = fc.record({
  email: fc.constantFrom('hanako@example.jp', 'jiro@example.jp', 'saburo@example.jp', 'ito@example.jp'),
  day: fc.integer({ min: 1, max: 28 }),
  items: fc.array(fc.constantFrom('煎茶', '玉露', '湯呑み', 'ほうじ茶, 200g', '"特選" 番茶'), { minLength: 1, maxLength: 3 }),
  amount: fc.integer({ min: 0, max: 99_999 }),
  bad: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
});

/** A shop's history: orders with distinct numbers, in order. */
const shopGen = fc.array(orderGen, { minLength: 1, maxLength: 25 }).map((list) =>
  list.map(
    (o, k): Order => ({
      id: `A${String(1000 + k).padStart(6, '0')}`,
      bad: o.bad,
      rows: o.items.map((item, i) => ({
        注文番号: `A${String(1000 + k).padStart(6, '0')}`,
        注文日時: `2025/06/${String(o.day).padStart(2, '0')} 10:${String(k % 60).padStart(2, '0')}`,
        メールアドレス: o.email,
        商品名: item,
        合計金額: i > 0 ? '' : o.bad ? 'abc' : o.amount.toLocaleString('en-US'),
      })),
    }),
  ),
);

/** An export of some orders, in a header's columns: the CSV records (header on line 1). */
function exportOf(orders: readonly Order[], header: readonly string[]): { header: string[]; records: CsvRecord[] } {
  const records: CsvRecord[] = [];
  for (const o of orders) for (const r of o.rows) records.push({ line: records.length + 2, fields: header.map((h) => r[h]!) });
  return { header: [...header], records };
}

/** The import sheet as appendImportRows leaves it. */
interface Sheet {
  header: string[];
  rows: ImportCell[][];
}

/** The keys readImportKeys returns for a sheet. */
function keysOf(sheet: Sheet): Set<string> {
  const idCol = orderIdColumn(sheet.header);
  return new Set(sheet.rows.map((r) => importKey(r, idCol)));
}

function plan(sheet: Sheet, file: { header: string[]; records: CsvRecord[] }, chunkCells = 1_000_000): ImportPlan {
  return planImport({
    header: file.header,
    records: file.records,
    target: { header: sheet.header, keys: keysOf(sheet) },
    zone: ZONE,
    settings: DEFAULT_SETTINGS,
    lang: 'ja',
    limits: { chunkCells, chunkBytes: 1 << 20 },
  });
}

/** Writes a plan's chunks as appendImportRows does (header merged, rows mapped and appended). */
function apply(sheet: Sheet, fileHeader: string[], p: ImportPlan): Sheet {
  if (p.chunks.length === 0) return sheet;
  const merge = mergeHeader(sheet.header, fileHeader);
  const width = merge.header.length;
  const widen = (r: ImportCell[]): ImportCell[] => [...r, ...new Array<ImportCell>(width - r.length).fill('')];
  return { header: merge.header, rows: [...sheet.rows.map(widen), ...p.chunks.flatMap((c) => c.rows.map((r) => mapRow<ImportCell>(r, merge.columnOf, width, '')))] };
}

const EMPTY: Sheet = { header: [], rows: [] };

function importAll(sheet: Sheet, file: { header: string[]; records: CsvRecord[] }): { sheet: Sheet; plan: ImportPlan } {
  const p = plan(sheet, file);
  return { sheet: apply(sheet, file.header, p), plan: p };
}

/** The sheet's rows as records by header (so two column orders compare equal). */
function byHeader(sheet: Sheet): Array<Record<string, ImportCell>> {
  return sheet.rows.map((r) => Object.fromEntries(sheet.header.map((h, i) => [h, r[i]!])));
}

/**
 * The rows an import writes, as cells under their headers: the orders the reader can read whole.
 * Without order numbers each row is an order of its own, so an item row without an amount is one
 * the reader cannot read (and is left out).
 */
const cellsOf = (orders: readonly Order[], header: readonly string[]): Array<Record<string, ImportCell>> => {
  const text = textColumns(header);
  const rows = header.includes('注文番号') ? orders.filter((o) => !o.bad).flatMap((o) => o.rows) : orders.flatMap((o) => o.rows).filter((r) => /^[\d,]+$/.test(r.合計金額!));
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, importCell(r[h]!, text[i]!)])));
};

describe('planImport', () => {
  test.each([
    ['with order numbers', WITH_ID],
    ['without (rows keyed by content)', WITHOUT_ID],
  ])('%s: importing the same export twice adds nothing the second time', (_, header) => {
    fc.assert(
      fc.property(shopGen, (shop) => {
        const file = exportOf(shop, header);
        const first = importAll(EMPTY, file);
        expect(byHeader(first.sheet)).toEqual(cellsOf(shop, header));
        const second = plan(first.sheet, file);
        expect(second.newOrders).toBe(0);
        expect(second.chunks).toEqual([]);
        expect(second.existingOrders).toBe(first.plan.newOrders);
        expect(second.unreadableOrders).toBe(first.plan.unreadableOrders);
      }),
    );
  });

  test.each([
    ['with order numbers', WITH_ID],
    ['without (rows keyed by content)', WITHOUT_ID],
  ])('%s: an overlapping newer export adds only the orders not there yet — the sheet ends as one import of the whole history', (_, header) => {
    fc.assert(
      fc.property(shopGen, fc.nat(), fc.nat(), (shop, a, b) => {
        const [from, to] = [a % (shop.length + 1), b % (shop.length + 1)].sort((x, y) => x - y) as [number, number];
        // Last month's export: orders [0, to); this month's: [from, n) — they share [from, to).
        const jan = importAll(EMPTY, exportOf(shop.slice(0, to), header));
        const feb = importAll(jan.sheet, exportOf(shop.slice(from), header));
        const whole = importAll(EMPTY, exportOf(shop, header));
        expect(byHeader(feb.sheet)).toEqual(byHeader(whole.sheet));
        expect(jan.plan.newOrders + feb.plan.newOrders).toBe(whole.plan.newOrders);
        // The rows already there were not touched (append only).
        expect(feb.sheet.rows.slice(0, jan.sheet.rows.length).map((r) => r.slice(0, jan.sheet.header.length))).toEqual(jan.sheet.rows);
      }),
    );
  });

  test('an export with its columns in another order (and one more column) goes to the same sheet; its values land under their headers', () => {
    fc.assert(
      fc.property(shopGen, fc.nat(), (shop, cut) => {
        const k = cut % (shop.length + 1);
        const first = importAll(EMPTY, exportOf(shop.slice(0, k), WITH_ID));
        const reordered = ['合計金額', '商品名', 'メールアドレス', '注文日時', '注文番号'];
        const file = exportOf(shop, reordered);
        file.header.push('備考');
        file.records.forEach((r) => r.fields.push('メモ'));
        if (first.sheet.header.length > 0) expect(fitsSheet(first.sheet.header, file.header)).toBe(true);
        const second = importAll(first.sheet, file);
        expect(second.plan.existingOrders).toBe(first.plan.newOrders);
        const rows = byHeader(second.sheet);
        expect(rows.map(({ 備考: _, ...r }) => r)).toEqual(cellsOf(shop, WITH_ID));
        // The new column is added only by rows that have it (and only when there are some).
        expect(rows.map((r) => r.備考 ?? '')).toEqual(cellsOf(shop, WITH_ID).map((_, i) => (i < first.sheet.rows.length ? '' : 'メモ')));
      }),
    );
  });

  test('chunks: whole orders only, within the cell budget (unless one order alone exceeds it), all the new rows in file order', () => {
    fc.assert(
      fc.property(shopGen, fc.integer({ min: 1, max: 8 }), (shop, rowsPerChunk) => {
        const file = exportOf(shop, WITH_ID);
        const p = plan(EMPTY, file, rowsPerChunk * WITH_ID.length);
        const seen = new Map<unknown, number>();
        p.chunks.forEach((c, k) => {
          if (c.orders > 1) expect(c.rows.length * WITH_ID.length).toBeLessThanOrEqual(rowsPerChunk * WITH_ID.length);
          for (const r of c.rows) {
            expect(seen.get(r[0]) ?? k).toBe(k);
            seen.set(r[0], k);
          }
          expect(c.firstLine).toBeLessThanOrEqual(c.lastLine);
        });
        expect(p.chunks.reduce((n, c) => n + c.orders, 0)).toBe(p.newOrders);
        expect(p.chunks.flatMap((c) => c.rows)).toEqual(plan(EMPTY, file).chunks.flatMap((c) => c.rows));
      }),
    );
  });

  test('unreadable rows are listed with the line of the file they are on and their reason; their orders are not written', () => {
    const header = WITH_ID;
    const records: CsvRecord[] = [
      { line: 2, fields: ['A1', '2025/06/01 10:00', 'a@example.jp', '煎茶', '1,280'] },
      { line: 3, fields: ['A2', 'いつか', 'b@example.jp', '煎茶', '500'] },
      // A quoted line break: the next record starts two lines later.
      { line: 4, fields: ['A3', '2025/06/02 10:00', 'c@example.jp', '湯呑み\n(2個)', 'abc'] },
      { line: 6, fields: ['A4', '2025/06/03 10:00', '', '玉露', '800'] },
      { line: 7, fields: ['A5', '2025/06/03 11:00', 'e@example.jp', '玉露', '800', '', 'はみ出し'] },
      { line: 8, fields: ['A1', '', '', '湯呑み', ''] },
    ];
    const p = planImport({ header, records, target: { header: [], keys: new Set() }, zone: ZONE, settings: DEFAULT_SETTINGS, lang: 'ja' });
    expect(p.unreadable).toEqual([
      { line: 3, reason: 'date', value: 'いつか' },
      { line: 4, reason: 'amount', value: 'abc' },
      { line: 6, reason: 'customer', value: '' },
      { line: 7, reason: 'columns', value: 'はみ出し' },
    ]);
    expect([p.orders, p.newOrders, p.unreadableOrders]).toEqual([5, 1, 4]);
    expect(p.chunks.flatMap((c) => c.rows)).toEqual([
      ['A1', '2025/06/01 10:00', 'a@example.jp', '煎茶', 1280],
      ['A1', '', '', '湯呑み', ''],
    ]);
    // The file's period: every order the reader can date (A5's only fault is the extra field).
    expect([p.firstDay, p.lastDay]).toEqual(['2025-06-01', '2025-06-03']);
  });
});

describe('importCell', () => {
  test('identifier columns keep the text as exported; elsewhere plain numbers become numbers, everything else stays text', () => {
    const header = ['注文番号', '郵便番号', '電話番号', '合計金額', '注文日時', '数量'];
    expect(textColumns(header)).toEqual([true, true, true, false, false, false]);
    expect(importCell('0012', true)).toBe('0012');
    expect(importCell('09012345678', true)).toBe('09012345678');
    expect(importCell('12,800', false)).toBe(12800);
    expect(importCell('-500', false)).toBe(-500);
    expect(importCell('3.5', false)).toBe(3.5);
    expect(importCell('0012', false)).toBe('0012');
    expect(importCell('¥12,800', false)).toBe('¥12,800');
    expect(importCell('2025/06/01', false)).toBe('2025/06/01');
    expect(importCell('1234567890123456', false)).toBe('1234567890123456'); // 16 digits: a number would lose one
  });

  test('a number it makes reads back as the same digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.boolean(), (n, commas) => {
        const s = commas ? n.toLocaleString('en-US') : String(n);
        expect(importCell(s, false)).toBe(n);
      }),
    );
  });
});
