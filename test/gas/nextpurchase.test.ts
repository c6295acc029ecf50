/** NEXTPURCHASE from the built bundle (dist/Code.js), called by name as Sheets calls it. */
import { DAY_MS, dayFromCivil } from '../../src/core/dates';
import { simulateShop } from '../support/btyd';
import { loadBundle } from '../../emulator/bundle';
import { pick } from '../support/tables';
import { PROPERTY_KEYS } from '../../src/gas/keys';

const AS_OF = dayFromCivil(2025, 6, 30);
const shop = simulateShop({ r: 0.8, alpha: 40, a: 0.6, b: 3 }, { customers: 600, firstDay: AS_OF - 500, asOf: AS_OF, seed: 21, spend: { p: 4, q: 5, gamma: 20_000 } });
// A Japanese export as Sheets passes it: Dates at local (JST) midnight, numbers for amounts.
const rows: unknown[][] = [['注文番号', '顧客ID', '注文日', '合計金額'], ...shop.orders.map((o, i) => [`#${i + 1}`, o.key, new Date(o.day * DAY_MS - 9 * 3_600_000), o.amount])];
const asOfIso = '2025-06-29T15:00:00Z'; // midnight, 30 June JST

describe('NEXTPURCHASE in dist/Code.js', () => {
  test('table form, a key and a range of keys, with Dates of the bundle realm', () => {
    const b = loadBundle({ locale: 'en_US', timeZone: 'Asia/Tokyo' });
    const values = b.sheetValues(rows);
    const asOf = b.date(asOfIso);
    const t = b.call('NEXTPURCHASE', values, undefined, asOf) as unknown[][];
    expect(t[0]).toEqual(['Customer', 'P(alive)', 'Expected purchases (90 days)', 'Next purchase by', '12-month value']);
    expect(t).toHaveLength(601);
    const isDate = b.eval<(d: unknown) => boolean>('(d) => d instanceof Date');
    const [key, pAlive, next] = pick(t, 'customer', 'pAlive', 'nextPurchase').find(([, , d]) => d !== '')!;
    expect(isDate(next)).toBe(true);
    expect(typeof pAlive).toBe('number');
    // The date is a JST midnight after the as-of day.
    const ms = (next as Date).getTime();
    expect((ms + 9 * 3_600_000) % DAY_MS).toBe(0);
    expect(ms).toBeGreaterThan(asOf.getTime());
    const one = b.call('NEXTPURCHASE', values, key, asOf) as Date;
    expect(one.getTime()).toBe(ms);
    expect(b.call('NEXTPURCHASE', values, b.sheetValues([[key], ['']]), asOf)).toEqual([[one], ['']]);
    expect(b.properties.size).toBe(0); // custom functions only read
  });

  test('the model is the one the last refresh recorded (a document property): Pareto/NBD gives a one-time buyer P(alive) < 1, BG/NBD 1', () => {
    const pAliveOf = (model: string | undefined): Map<unknown, unknown> => {
      const b = loadBundle({ locale: 'en_US', timeZone: 'Asia/Tokyo' });
      if (model !== undefined) b.env.properties.document.map.set(PROPERTY_KEYS.predictionModel, JSON.stringify({ model, asOf: '2025-06-30' }));
      const t = b.call('NEXTPURCHASE', b.sheetValues(rows), undefined, b.date(asOfIso)) as unknown[][];
      return new Map(pick(t, 'customer', 'pAlive').map(([k, p]) => [k, p]));
    };
    const oneTime = shop.customers.findIndex((c) => c.x === 0);
    const key = `C${String(oneTime + 1).padStart(5, '0')}`;
    expect(pAliveOf(undefined).get(key)).toBe(1);
    expect(pAliveOf('bgnbd').get(key)).toBe(1);
    expect(pAliveOf('paretoNbd').get(key)).toBeLessThan(1);
    expect(pAliveOf('no such model').get(key)).toBe(1); // an unreadable record: BG/NBD
  });

  test('too little data: a plain Error whose message says why (ja and en)', () => {
    const few = rows.slice(0, 40);
    const message = (locale: string): string => {
      const b = loadBundle({ locale });
      try {
        b.call('NEXTPURCHASE', b.sheetValues(few), undefined, b.date(asOfIso));
        return 'no error';
      } catch (e) {
        return `${(e as Error).name}: ${(e as Error).message}`;
      }
    };
    expect(message('en_US')).toMatch(/^Error: Not enough data to predict next purchases: \d+ customers have bought more than once \(at least 50 are needed\)/);
    expect(message('ja_JP')).toMatch(/^Error: 予測に必要なデータが足りません: 2回以上購入した顧客が\d+人です/);
  });
});
