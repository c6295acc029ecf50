/**
 * The sample shop (scripts/sampleShop/) and the CSV helpers that `npm run samples` and
 * `npm start` rest on: the generator is deterministic, the CSV round-trips, and the built add-on
 * reads the Japanese layout and the Shopify export of one shop to the same LTVs and purchase
 * counts as the shop's own books (the generator's structured data).
 */
import { generateShop } from '../../scripts/sampleShop/generate';
import { customersSheet, japaneseOrders, shopifyOrders, surveySheet } from '../../scripts/sampleShop/sheets';
import type { Shop } from '../../scripts/sampleShop/shop';
import { parseCsv, sheetCell, toRange, writeCsv } from '../../scripts/csv';
import { loadBundle } from '../../emulator/bundle';
import { pick } from '../support/tables';

describe('csv', () => {
  it('round-trips quotes, commas, line breaks and blanks', () => {
    const rows = [
      ['a', 'b,c', 'say "hi"', ''],
      ['line\nbreak', ' padded ', 'crlf\r\nx', '¥12,800'],
      ['', '', '', ''],
    ];
    expect(parseCsv(writeCsv(rows))).toEqual(rows);
  });

  it('tolerates a BOM, LF line ends and a missing final line break', () => {
    expect(parseCsv('\uFEFF注文番号,金額\n1001,"¥1,980"\n1002,500')).toEqual([
      ['注文番号', '金額'],
      ['1001', '¥1,980'],
      ['1002', '500'],
    ]);
  });

  it('reads tab-separated text when the header has tabs and no commas', () => {
    expect(parseCsv('amazon-order-id\tpurchase-date\r\n1\t2024-01-01\r\n')).toEqual([
      ['amazon-order-id', 'purchase-date'],
      ['1', '2024-01-01'],
    ]);
  });
});

describe('sheetCell', () => {
  it('turns numeric text into numbers as pasting into Sheets does, and leaves other text', () => {
    expect(['12800', '1,280', '-500', '3.5', '0012', '', ' ', 'TRUE', 'false'].map(sheetCell)).toEqual([
      12800, 1280, -500, 3.5, 12, '', '', true, false,
    ]);
    expect(['¥12,800', 'C000123', '2025/05/01 10:00', '#1001', '12,80', '1234567890123456789'].map(sheetCell)).toEqual([
      '¥12,800', 'C000123', '2025/05/01 10:00', '#1001', '12,80', '1234567890123456789',
    ]);
  });
});

describe('sample shop', () => {
  const shop = generateShop({ customers: 400, seed: 7 });

  it('is deterministic', () => {
    const again = generateShop({ customers: 400, seed: 7 });
    expect(writeCsv(shopifyOrders(again))).toBe(writeCsv(shopifyOrders(shop)));
    expect(writeCsv(japaneseOrders(again))).toBe(writeCsv(japaneseOrders(shop)));
    expect(writeCsv(surveySheet(again))).toBe(writeCsv(surveySheet(shop)));
    expect(writeCsv(shopifyOrders(generateShop({ customers: 400, seed: 8 })))).not.toBe(writeCsv(shopifyOrders(shop)));
  });

  it('puts order-level Shopify fields on the first row of an order only', () => {
    const rows = shopifyOrders(shop);
    const h = rows[0]!;
    const col = (name: string): number => h.indexOf(name);
    const seen = new Set<unknown>();
    for (const r of rows.slice(1)) {
      const first = !seen.has(r[col('Name')]);
      seen.add(r[col('Name')]);
      if (!first) for (const f of ['Email', 'Total', 'Created at', 'Financial Status']) expect(r[col(f)]).toBe('');
      else expect(r[col('Created at')]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0900$/);
    }
  });

  /** LTV and purchases per customer as the shop's books have them. */
  function books(s: Shop, asOf: string): Map<string, { ltv: number; purchases: number }> {
    const end = Date.UTC(+asOf.slice(0, 4), +asOf.slice(5, 7) - 1, +asOf.slice(8, 10)) + 86_400_000;
    const out = new Map<string, { ltv: number; purchases: number }>();
    for (const o of s.orders) {
      if (o.customerId === '' || o.at >= end || o.status === 'cancelled' || o.status === 'returned') continue;
      const m = out.get(o.customerId) ?? { ltv: 0, purchases: 0 };
      m.ltv += o.total;
      m.purchases += 1;
      if (o.refunded > 0 && o.refundedAt! < end) m.ltv -= o.refunded;
      out.set(o.customerId, m);
    }
    return out;
  }

  it('reads to the same LTVs and purchase counts in both layouts, through the built add-on', () => {
    const asOf = shop.asOf;
    const expected = books(shop, asOf);
    const email = new Map(shop.customers.map((c) => [c.id, c.email]));
    const b = loadBundle({ locale: 'en_US', timeZone: 'Asia/Tokyo' });
    const day = b.date(`${asOf}T00:00:00+09:00`);
    const viaCsv = (sheet: (s: Shop) => Array<Array<string | number>>): unknown[][] =>
      b.sheetValues(toRange(parseCsv(writeCsv(sheet(shop)))));
    const ja = b.call('LTVRANK', viaCsv(japaneseOrders), undefined, day) as unknown[][];
    const shopify = b.call('LTVRANK', viaCsv(shopifyOrders), undefined, day) as unknown[][];
    const got = (t: unknown[][]): Map<string, { ltv: number; purchases: number }> =>
      new Map(pick(t, 'customer', 'ltv', 'purchases').map(([key, ltv, purchases]) => [String(key), { ltv: Number(ltv), purchases: Number(purchases) }]));
    const jaGot = got(ja);
    const shopifyGot = got(shopify);
    // The Japanese layout's broken phone orders (TEL-…) are skipped, and the walk-in sales have no customer.
    expect(jaGot.size).toBe(expected.size);
    expect(shopifyGot.size).toBe(expected.size);
    for (const [id, m] of expected) {
      expect([id, jaGot.get(id)]).toEqual([id, m]);
      expect([id, shopifyGot.get(email.get(id)!)]).toEqual([id, m]);
    }
  });

  it('gives the customers sheet one row per customer and ○/× flags', () => {
    const rows = customersSheet(shop);
    expect(rows.length - 1).toBe(shop.customers.length);
    for (const r of rows.slice(1)) {
      expect(r[0]).toMatch(/^C\d{6}$/);
      expect(['○', '×']).toContain(r[3]);
      expect(['○', '×']).toContain(r[4]);
    }
  });
});
