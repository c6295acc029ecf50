/**
 * The shop's own rhythm (issue 17): the rule small shops get instead of a prediction — each
 * customer's median gap (≥ 2 gaps), else the shop's median of its repeat buyers' medians — and the
 * two lists it makes, which never overlap.
 */
import fc from 'fast-check';
import { RHYTHM_RULE, dueSoon, medianDays, overdue, shopRhythm, type CustomerRhythm, type RhythmOrder } from '../../src/core/rhythm';

const AS_OF = 20_000;
const orders = (days: Record<string, number[]>): RhythmOrder[] =>
  Object.entries(days).flatMap(([key, ds]) => ds.map((d) => ({ key, day: AS_OF - d, amount: 1000 })));

describe('the interval each customer is judged by', () => {
  test('own median from two gaps on; one gap or one purchase takes the shop’s (median of the repeat buyers’ own medians)', () => {
    const r = shopRhythm(orders({ a: [164, 122, 80, 38], b: [95, 65, 35], c: [200, 180, 160], d: [150, 100], e: [30] }), AS_OF);
    // Own medians 42, 30, 20 and 50 (d's single gap): the shop's is (30 + 42) / 2 = 36.
    expect(r.interval).toBe(36);
    expect(r.repeatBuyers).toBe(4);
    const view = (k: string) => {
      const c = r.customers.get(k)!;
      return [c.interval, c.own, c.daysSince, c.dueIn];
    };
    expect([view('a'), view('b'), view('d'), view('e')]).toEqual([
      [42, true, 38, 4],
      [30, true, 35, -5],
      [36, false, 100, -64],
      [36, false, 30, 6],
    ]);
  });

  test('orders after the as-of day, refunds and a second order on the same day are not purchase days', () => {
    const r = shopRhythm(
      [
        { key: 'a', day: AS_OF - 20, amount: 100 },
        { key: 'a', day: AS_OF - 20, amount: 100 },
        { key: 'a', day: AS_OF - 10, amount: -100 },
        { key: 'a', day: AS_OF + 5, amount: 100 },
        { key: 'a', day: AS_OF - 40, amount: 100 },
      ],
      AS_OF,
    );
    expect(r.customers.get('a')).toMatchObject({ purchaseDays: 2, interval: 20, own: false, daysSince: 20 });
  });

  test('purchase days are put in date order whatever the export’s order, across any span of years (1997 to 2024)', () => {
    // Days 9_990 to 19_900 since 1970: a shop's whole history, newest row first.
    const r = shopRhythm(
      [19_900, 10_030, 10_010, 9_990].map((day) => ({ key: 'a', day, amount: 1 })),
      AS_OF,
    );
    expect(r.customers.get('a')).toMatchObject({ purchaseDays: 4, lastDay: 19_900, interval: 20, own: true, daysSince: 100 });
  });

  test('no one bought on two days: no interval, no rule for anyone', () => {
    const r = shopRhythm(orders({ a: [3], b: [40] }), AS_OF);
    expect([r.interval, r.repeatBuyers, r.customers.size]).toEqual([undefined, 0, 0]);
  });

  test('medianDays: middle value, or the mean of the middle two, in whole days, at least 1', () => {
    expect([medianDays([5, 1, 3]), medianDays([1, 2, 3, 10]), medianDays([0, 0]), medianDays([1, 2])]).toEqual([3, 3, 1, 2]);
  });
});

describe('property: the rule’s lists', () => {
  const shop = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), fc.uniqueArray(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 8 }));

  test('buy soon and win back never overlap; each holds exactly the customers its rule describes', () => {
    fc.assert(
      fc.property(shop, fc.boolean(), (days, subscribed) => {
        const r = shopRhythm(orders(days), AS_OF);
        for (const c of r.customers.values()) {
          const gaps = days[c.key]!.length - 1;
          // The interval: own when two gaps or more.
          expect(c.own).toBe(gaps >= 2);
          if (!c.own) expect(c.interval).toBe(r.interval);
          expect(c.dueIn).toBe(c.interval - c.daysSince);
          expect(c.daysSince).toBe(Math.min(...days[c.key]!));
          const soon = dueSoon(c);
          const away = overdue(c, subscribed);
          expect(soon && away).toBe(false);
          expect(soon).toBe(Math.abs(c.dueIn) <= RHYTHM_RULE.soonDays && c.daysSince <= 2 * c.interval);
          expect(away).toBe(!subscribed && c.purchaseDays >= 2 && c.daysSince > 2 * c.interval && c.daysSince <= 365);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the rule’s lists at their edges (a customer who buys every 30 days)', () => {
  /** A repeat buyer judged by a 30-day interval, `daysSince` days after their last purchase. */
  const after = (daysSince: number, purchaseDays = 3): CustomerRhythm => ({
    key: 'a',
    purchaseDays,
    interval: 30,
    own: purchaseDays >= 3,
    lastDay: AS_OF - daysSince,
    daysSince,
    dueIn: 30 - daysSince,
  });

  test('buy soon: due in 14 days or fewer, or at most 14 days late — not 15', () => {
    expect([15, 16, 30, 44, 45].map((d) => dueSoon(after(d)))).toEqual([false, true, true, true, false]);
  });

  test('buy soon needs no more than twice the interval since: a 10-day buyer 24 days on is due 14 days ago, but is away', () => {
    const tenDays = (daysSince: number): CustomerRhythm => ({ ...after(daysSince), interval: 10, dueIn: 10 - daysSince });
    expect([20, 21, 24].map((d) => dueSoon(tenDays(d)))).toEqual([true, false, false]);
    expect([20, 21, 24].map((d) => overdue(tenDays(d), false))).toEqual([false, true, true]);
  });

  test('win back: more than twice the interval (60 days) since, up to a year (365 days) — not the day it doubles, not after a year', () => {
    expect([60, 61, 365, 366].map((d) => overdue(after(d), false))).toEqual([false, true, true, false]);
  });

  test('win back: only a customer who came back once (two purchase days), never a subscriber', () => {
    expect([1, 2].map((n) => overdue(after(100, n), false))).toEqual([false, true]);
    expect(overdue(after(100), true)).toBe(false);
  });

  test('a free order (¥0, a sample or a coupon) is a purchase day; only a refund (below 0) is not', () => {
    const r = shopRhythm(
      [
        { key: 'a', day: AS_OF - 60, amount: 1000 },
        { key: 'a', day: AS_OF - 30, amount: 0 },
        { key: 'a', day: AS_OF - 10, amount: -1 },
      ],
      AS_OF,
    );
    expect(r.customers.get('a')).toMatchObject({ purchaseDays: 2, daysSince: 30, interval: 30 });
  });

  test('an order on the as-of day itself counts; one the day after does not', () => {
    const r = shopRhythm(
      [
        { key: 'a', day: AS_OF - 40, amount: 1 },
        { key: 'a', day: AS_OF, amount: 1 },
        { key: 'b', day: AS_OF - 40, amount: 1 },
        { key: 'b', day: AS_OF + 1, amount: 1 },
      ],
      AS_OF,
    );
    expect(r.customers.get('a')).toMatchObject({ purchaseDays: 2, daysSince: 0 });
    expect(r.customers.get('b')).toMatchObject({ purchaseDays: 1, daysSince: 40 });
  });
});
