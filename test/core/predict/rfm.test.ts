/** Orders → (x, t_x, T, z̄): reproduces the published CDNOW summary from the raw sample. */
import fc from 'fast-check';
import { compressRfm, customerDays, summarize, summarizeDays, type Transaction } from '../../../src/core/predict/rfm';
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

describe('the days each customer bought on, and what a later as-of leaves out', () => {
  test('a customer’s days stop at the as-of day; a day with two refunds is no purchase; a non-number is no order', () => {
    const days = customerDays(
      [
        { key: 'a', day: 100, amount: 1000 },
        { key: 'a', day: 120, amount: -200 },
        { key: 'a', day: 120, amount: -100 }, // two refunds: still no purchase that day
        { key: 'a', day: 130, amount: 500 },
        { key: 'a', day: 130, amount: NaN }, // unreadable, beside a purchase: left out, the day's value stands
        { key: 'a', day: 151, amount: 700 }, // after the as-of day
      ],
      150,
    );
    expect([...days.get('a')!]).toEqual([
      [100, { net: 1000, purchase: true }],
      [120, { net: -300, purchase: false }],
      [130, { net: 500, purchase: true }],
    ]);
  });

  test('summarizeDays of days read up to a later day leaves out the days after its own as-of (the backtest’s calibration)', () => {
    const orders: Transaction[] = [
      { key: 'a', day: 100, amount: 1000 },
      { key: 'a', day: 140, amount: 500 },
      { key: 'a', day: 160, amount: 800 },
      { key: 'b', day: 155, amount: 300 }, // a customer only after the as-of day
    ];
    expect(summarizeDays(customerDays(orders, 200), { asOf: 150 })).toEqual(summarize(orders, { asOf: 150 }));
    expect(summarizeDays(customerDays(orders, 200), { asOf: 150 })).toEqual([{ key: 'a', firstDay: 100, lastDay: 140, transactions: 2, x: 1, tx: 40, T: 50, zbar: 500 }]);
  });
});

describe('compressRfm: customers with the same (x, t_x, T) are one weighted row', () => {
  test('rows in (x, t_x, T) order, each weighing its customers; every customer finds its row', () => {
    const customers = [
      { x: 2, tx: 30, T: 50 },
      { x: 0, tx: 5, T: 40 }, // no repeat purchase: t_x is 0 whatever it says
      { x: 2, tx: 30, T: 50 },
      { x: 0, tx: 0, T: 40 },
      { x: 1, tx: 10, T: 50 },
      { x: 2, tx: 20, T: 70 },
      { x: 2, tx: 30, T: 45 },
    ];
    const c = compressRfm(customers);
    const rows = [...c.x].map((x, r) => [x, c.tx[r], c.T[r], c.weight[r]]);
    expect(rows).toEqual([
      [0, 0, 40, 2],
      [1, 10, 50, 1],
      [2, 20, 70, 1],
      [2, 30, 45, 1],
      [2, 30, 50, 2],
    ]);
    expect(c.xs).toEqual([0, 1, 2]);
    expect([...c.xi]).toEqual([0, 1, 2, 2, 2]);
    expect(c.total).toBe(7);
    expect([...c.rowOf]).toEqual([4, 0, 4, 0, 1, 2, 3]);
    expect(compressRfm([]).weight).toHaveLength(0);
  });

  test('the weights add up to the customers, and each customer’s row holds its own (x, t_x, T) (property)', () => {
    const record = fc.record({ x: fc.integer({ min: 0, max: 3 }), tx: fc.integer({ min: 0, max: 3 }), T: fc.integer({ min: 3, max: 5 }) });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), (customers) => {
        const c = compressRfm(customers);
        expect([...c.weight].reduce((a, b) => a + b, 0)).toBe(customers.length);
        customers.forEach((cu, i) => {
          const r = c.rowOf[i]!;
          expect([c.x[r], c.tx[r], c.T[r]]).toEqual([cu.x, cu.x === 0 ? 0 : cu.tx, cu.T]);
        });
        // No two rows are the same record.
        expect(new Set([...c.x].map((x, r) => `${x},${c.tx[r]},${c.T[r]}`)).size).toBe(c.x.length);
      }),
    );
  });
});
