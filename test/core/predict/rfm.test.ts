/** Orders → (x, t_x, T, z̄): reproduces the published CDNOW summary from the raw sample. */
import fc from 'fast-check';
import { summarize, type Transaction } from '../../../src/core/predict/rfm';
import { CALIBRATION_END, cdnowSampleTransactions, cdnowSummary } from '../../support/cdnow';

const round2 = (v: number): number => Math.round(v * 100) / 100;

describe('summarize', () => {
  test('the CDNOW sample, same-day purchases merged, gives the published summary exactly (weeks)', () => {
    const tx = cdnowSampleTransactions();
    expect(tx).toHaveLength(6919);
    const mine = new Map(summarize(tx, { asOf: CALIBRATION_END, unit: 7 }).map((s) => [s.key, s]));
    const published = cdnowSummary();
    expect(mine.size).toBe(published.length);
    let mismatches = 0;
    for (const p of published) {
      const s = mine.get(p.id)!;
      const same =
        s.x === p.x && round2(s.tx) === p.tx && round2(s.T) === p.T && Math.abs(s.zbar - p.zbar) <= 0.005 + 1e-9;
      if (!same) mismatches++;
    }
    expect(mismatches).toBe(0);
    const repeat = published.filter((p) => p.x > 0);
    expect(repeat).toHaveLength(946);
    expect(repeat.reduce((s, p) => s + p.x, 0)).toBe(2457);
  });

  test('counting each row as a transaction would not reproduce it (README: 80 mismatches)', () => {
    const rows = new Map<string, number>();
    for (const t of cdnowSampleTransactions()) if (t.day <= CALIBRATION_END) rows.set(t.key, (rows.get(t.key) ?? 0) + 1);
    const differ = cdnowSummary().filter((p) => rows.get(p.id)! - 1 !== p.x).length;
    expect(differ).toBeGreaterThan(0);
  });

  test('days: refunds are not purchases; same-day refunds lower that day’s value; later orders are ignored', () => {
    const s = summarize(
      [
        { key: 'a', day: 100, amount: 5000 },
        { key: 'a', day: 110, amount: 3000 },
        { key: 'a', day: 110, amount: -1000 }, // partial refund the same day
        { key: 'a', day: 115, amount: -3000 }, // refund-only day: no transaction, not in z̄
        { key: 'a', day: 130, amount: 4000 },
        { key: 'a', day: 200, amount: 9999 }, // after as-of
        { key: 'b', day: 120, amount: -500 }, // refunds only: not a customer
        { key: 'c', day: 150, amount: 0 }, // a free order is a purchase
      ],
      { asOf: 150 },
    );
    expect(s).toEqual([
      { key: 'a', firstDay: 100, lastDay: 130, transactions: 3, x: 2, tx: 30, T: 50, zbar: (2000 + 4000) / 2 },
      { key: 'c', firstDay: 150, lastDay: 150, transactions: 1, x: 0, tx: 0, T: 0, zbar: 0 },
    ]);
  });

  test('a day with a refund and then a purchase (even a free one) is a purchase day, whatever came first', () => {
    const s = summarize(
      [
        { key: 'a', day: 100, amount: 1000 },
        { key: 'a', day: 120, amount: -200 },
        { key: 'a', day: 120, amount: 0 },
        { key: 'b', day: 100, amount: 1000 },
        { key: 'b', day: 120, amount: -200 },
        { key: 'b', day: 120, amount: 900 },
      ],
      { asOf: 150 },
    );
    expect(s.map((x) => [x.key, x.x, x.lastDay, x.zbar])).toEqual([
      ['a', 1, 120, -200],
      ['b', 1, 120, 700],
    ]);
  });

  test('an amount that is not a number is no order at all: neither a purchase nor a refund', () => {
    const s = summarize(
      [
        { key: 'a', day: 100, amount: 1000 },
        { key: 'a', day: 120, amount: NaN },
        { key: 'a', day: 130, amount: 500 },
        { key: 'n', day: 110, amount: NaN },
      ],
      { asOf: 150 },
    );
    expect(s).toEqual([{ key: 'a', firstDay: 100, lastDay: 130, transactions: 2, x: 1, tx: 30, T: 50, zbar: 500 }]);
  });

  test('the summary does not depend on the order the orders come in (property)', () => {
    const order = fc.record({ key: fc.constantFrom('a', 'b', 'c'), day: fc.integer({ min: 90, max: 160 }), amount: fc.integer({ min: -300, max: 3000 }) });
    fc.assert(
      fc.property(fc.array(order, { maxLength: 25 }), fc.infiniteStream(fc.nat()), (orders: Transaction[], rnd) => {
        const shuffled = [...orders];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = rnd.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const byKey = (list: Transaction[]) => new Map(summarize(list, { asOf: 150 }).map((x) => [x.key, x]));
        const a = byKey(orders);
        const b = byKey(shuffled);
        expect(new Set(b.keys())).toEqual(new Set(a.keys()));
        for (const [key, x] of a) {
          const y = b.get(key)!;
          expect({ ...y, zbar: 0 }).toEqual({ ...x, zbar: 0 });
          expect(y.zbar).toBeCloseTo(x.zbar, 9);
        }
      }),
    );
  });

  test('weeks: t_x and T are counted in units of 7 days; the first purchase’s value is not in z̄', () => {
    const s = summarize(
      [
        { key: 'a', day: 114, amount: 300 },
        { key: 'a', day: 100, amount: 9000 },
        { key: 'a', day: 128, amount: 500 },
      ],
      { asOf: 142, unit: 7 },
    );
    expect(s).toEqual([{ key: 'a', firstDay: 100, lastDay: 128, transactions: 3, x: 2, tx: 4, T: 6, zbar: 400 }]);
  });
});
