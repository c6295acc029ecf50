/**
 * Per-customer metrics as of a day D (SPEC §2), read from ranges the way a shop pastes them: one
 * rule per test, each at its boundary (on D / the day after, ≥ 0 / a refund, the LTV window's
 * first day, NPS 9 / 8, satisfaction 4 / 3, the most recent purchase by time, then by row).
 */
import { readInputs } from '../../src/core/analyze';
import { dayFromCivil, isoDay, makeZone, type Day } from '../../src/core/dates';
import { computeMetrics, type CustomerMetrics, type MetricsResult } from '../../src/core/metrics';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Cell } from '../../src/core/values';

const zone = makeZone('Asia/Tokyo');
/** The as-of day D. */
const D: Day = dayFromCivil(2025, 6, 30);
/** Wall-clock text of `n` days before D (negative: after D) at a time of day. */
const at = (n: number, time = '12:00'): string => `${isoDay(D - n)} ${time}`;

const ORDERS = ['Customer ID', 'Order ID', 'Order date', 'Total', 'Subscription', 'Name'];
const CONSENT_ORDERS = [...ORDERS, 'Accepts Marketing'];

interface Ranges {
  readonly customers?: Cell[][];
  readonly survey?: Cell[][];
  readonly asOf?: Day;
  readonly window?: number | null;
}

function metricsOf(orders: Cell[][], r: Ranges = {}): MetricsResult {
  const read = readInputs({ orders, customers: r.customers, survey: r.survey }, { zone, settings: DEFAULT_SETTINGS, locale: 'en' });
  return computeMetrics({ orders: read.orders, customers: read.customers, survey: read.survey, asOf: r.asOf ?? D, ltvWindowDays: r.window ?? null });
}

function one(result: MetricsResult, key: string): CustomerMetrics {
  const m = result.byKey.get(key);
  if (m === undefined) throw new Error(`no metrics for ${key}`);
  return m;
}

describe('which orders count (SPEC §2)', () => {
  test('an order on the as-of day counts, to its last minute; one the day after does not, and is counted apart', () => {
    const m = metricsOf([
      ORDERS,
      ['A', 'o1', at(0, '23:59'), 1000, '', ''],
      ['A', 'o2', at(-1, '00:00'), 2000, '', ''],
      ['B', 'o3', at(-3), 500, '', ''],
    ]);
    expect(one(m, 'A')).toMatchObject({ purchases: 1, ltv: 1000, lastOrder: D, daysSinceLast: 0 });
    // A customer whose only order is after D is not a customer yet.
    expect(m.byKey.has('B')).toBe(false);
    expect(m.laterOrders).toBe(2);
  });

  test('a purchase is an order of 0 yen or more; a refund row lowers LTV and is neither a purchase nor the last order', () => {
    const m = metricsOf([
      ORDERS,
      ['A', 'o2', at(5), 0, '', ''], // a free sample is still an order
      ['A', 'o1', at(10), 1000, '', ''],
      ['A', 'o3', at(1), -300, '', ''],
    ]);
    expect(one(m, 'A')).toMatchObject({ purchases: 2, ltv: 700, firstOrder: D - 10, lastOrder: D - 5, daysSinceLast: 5 });
  });

  test('a customer with only a refund on or before D has no purchase, no first or last order, and a negative LTV', () => {
    const m = metricsOf([ORDERS, ['A', 'o1', at(3), -500, '', ''], ['A', 'o2', at(-2), 800, '', '']]);
    expect(one(m, 'A')).toMatchObject({ purchases: 0, ltv: -500, firstOrder: undefined, lastOrder: undefined, daysSinceLast: undefined });
    // No purchase, so no most recent purchase to be a subscription or to carry consent.
    expect(one(m, 'A').subscribed).toBe(false);
    const consent = metricsOf([CONSENT_ORDERS, ['A', 'o1', at(3), -500, '定期', '', 'yes']]);
    expect(one(consent, 'A')).toMatchObject({ subscribed: false, registered: false });
  });

  test('first and last order are the earliest and latest purchase days, whatever the row order', () => {
    const m = metricsOf([
      ORDERS,
      ['A', 'o2', at(30), 100, '', ''],
      ['A', 'o1', at(40), 100, '', ''],
      ['A', 'o4', at(2), 100, '', ''],
      ['A', 'o3', at(20), 100, '', ''],
    ]);
    expect(one(m, 'A')).toMatchObject({ purchases: 4, firstOrder: D - 40, lastOrder: D - 2, daysSinceLast: 2 });
  });
});

describe('the LTV window (SPEC §2: days D−N+1 … D)', () => {
  const orders = [
    ORDERS,
    ['A', 'o1', at(30), 5000, '', ''],
    ['A', 'o2', at(29), 3000, '', ''],
    ['A', 'o3', at(0), 2000, '', ''],
    ['A', 'o4', at(31), -1000, '', ''], // a refund outside the window
    ['A', 'o5', at(10), -500, '', ''], // a refund inside it
  ];

  test('a 30-day window counts D−29 … D: the order 29 days back is in, 30 days back is out; refunds likewise', () => {
    expect(one(metricsOf(orders, { window: 30 }), 'A').ltv).toBe(3000 + 2000 - 500);
  });

  test('a 1-day window is the as-of day alone', () => {
    expect(one(metricsOf(orders, { window: 1 }), 'A').ltv).toBe(2000);
  });

  test('the window changes LTV only: purchases and the first and last order are all time', () => {
    const windowed = one(metricsOf(orders, { window: 30 }), 'A');
    const allTime = one(metricsOf(orders), 'A');
    expect(allTime.ltv).toBe(5000 + 3000 + 2000 - 1000 - 500);
    expect(windowed).toMatchObject({ purchases: 3, firstOrder: D - 30, lastOrder: D });
    expect(allTime).toMatchObject({ purchases: 3, firstOrder: D - 30, lastOrder: D });
  });
});

describe('subscribed: the most recent purchase, unless a customers range says (SPEC §2)', () => {
  test('the latest purchase decides, not any earlier one', () => {
    const m = metricsOf([
      ORDERS,
      ['A', 'a1', at(20), 100, '定期', ''],
      ['A', 'a2', at(3), 100, '', ''],
      ['B', 'b1', at(20), 100, '', ''],
      ['B', 'b2', at(3), 100, '定期', ''],
    ]);
    expect(one(m, 'A').subscribed).toBe(false);
    expect(one(m, 'B').subscribed).toBe(true);
  });

  test('on the same day the later time decides, whatever the row order', () => {
    const m = metricsOf([
      ORDERS,
      ['A', 'a2', at(2, '18:00'), 100, '', ''],
      ['A', 'a1', at(2, '09:00'), 100, '定期', ''],
      ['B', 'b2', at(2, '18:00'), 100, '定期', ''],
      ['B', 'b1', at(2, '09:00'), 100, '', ''],
    ]);
    expect(one(m, 'A').subscribed).toBe(false);
    expect(one(m, 'B').subscribed).toBe(true);
  });

  test('at the very same time the later sheet row decides, whatever order the orders come in', () => {
    const empty = readInputs({ orders: [ORDERS] }, { zone, settings: DEFAULT_SETTINGS, locale: 'en' }).orders;
    const order = (row: number, subscription: boolean) => ({ key: 'A', localMs: (D - 2) * 86_400_000, day: D - 2, amount: 100, subscription, consent: undefined, name: undefined, row });
    const metrics = (orders: ReturnType<typeof order>[]) =>
      one(computeMetrics({ orders: { ...empty, orders }, asOf: D, ltvWindowDays: null }), 'A').subscribed;
    expect(metrics([order(7, true), order(3, false)])).toBe(true);
    expect(metrics([order(3, false), order(7, true)])).toBe(true);
    expect(metrics([order(7, false), order(3, true)])).toBe(false);
  });

  test('at the very same time the later row decides (exports list orders oldest first)', () => {
    const m = metricsOf([
      ORDERS,
      ['A', 'a1', at(2, '09:00'), 100, '定期', ''],
      ['A', 'a2', at(2, '09:00'), 100, '', ''],
      ['B', 'b1', at(2, '09:00'), 100, '', ''],
      ['B', 'b2', at(2, '09:00'), 100, '定期', ''],
    ]);
    expect(one(m, 'A').subscribed).toBe(false);
    expect(one(m, 'B').subscribed).toBe(true);
  });

  test('a refund after the latest purchase is not a purchase: the purchase still decides', () => {
    const m = metricsOf([ORDERS, ['A', 'a1', at(10), 100, '定期', ''], ['A', 'a2', at(1), -100, '', '']]);
    expect(one(m, 'A').subscribed).toBe(true);
  });

  test('a customers range with a subscription column decides for the customers it lists, the orders for the others', () => {
    const customers = [
      ['Customer ID', '定期課金'],
      ['A', 'no'],
      ['B', 'yes'],
    ];
    const m = metricsOf(
      [ORDERS, ['A', 'a1', at(3), 100, '定期', ''], ['B', 'b1', at(3), 100, '', ''], ['C', 'c1', at(3), 100, '定期', '']],
      { customers },
    );
    expect([one(m, 'A').subscribed, one(m, 'B').subscribed, one(m, 'C').subscribed]).toEqual([false, true, true]);
  });

  test('a customers range without a subscription column leaves it to the orders (no order: not subscribed)', () => {
    const m = metricsOf([ORDERS, ['A', 'a1', at(3), 100, '定期', '']], { customers: [['Customer ID', 'Name'], ['A', 'Aiko'], ['N', 'Nao']] });
    expect(one(m, 'A').subscribed).toBe(true);
    expect(one(m, 'N').subscribed).toBe(false);
  });
});

describe('registered (SPEC §2)', () => {
  test('a customers range with a registration column: its flag; a customer it does not list is unregistered', () => {
    const customers = [
      ['Customer ID', 'LINE登録'],
      ['A', '登録済'],
      ['B', '未登録'],
    ];
    const m = metricsOf([ORDERS, ['A', 'a', at(3), 100, '', ''], ['B', 'b', at(3), 100, '', ''], ['C', 'c', at(3), 100, '', '']], { customers });
    expect(m.registration).toBe('customers');
    expect([one(m, 'A').registered, one(m, 'B').registered, one(m, 'C').registered]).toEqual([true, false, false]);
  });

  test('else the consent column of the most recent purchase', () => {
    const m = metricsOf([
      CONSENT_ORDERS,
      ['A', 'a1', at(10), 100, '', '', 'yes'],
      ['A', 'a2', at(2), 100, '', '', 'no'],
      ['B', 'b1', at(10), 100, '', '', 'no'],
      ['B', 'b2', at(2), 100, '', '', 'yes'],
      ['C', 'c1', at(10), 100, '', '', 'yes'],
      ['C', 'c2', at(2), -100, '', '', 'no'], // a refund is not a purchase
    ]);
    expect(m.registration).toBe('orders');
    expect([one(m, 'A').registered, one(m, 'B').registered, one(m, 'C').registered]).toEqual([false, true, true]);
  });

  test('a customers range without a registration column does not override the orders’ consent column', () => {
    const m = metricsOf([CONSENT_ORDERS, ['A', 'a1', at(2), 100, '', '', 'no'], ['B', 'b1', at(2), 100, '', '', 'yes']], {
      customers: [['Customer ID', 'Name'], ['A', 'Aiko'], ['N', 'Nao']],
    });
    expect(m.registration).toBe('orders');
    expect(one(m, 'A').registered).toBe(false);
    expect(one(m, 'B').registered).toBe(true);
    // Someone the orders never mention has given no consent.
    expect(one(m, 'N').registered).toBe(false);
  });

  test('with neither, every customer counts as registered and the source says it was assumed', () => {
    const m = metricsOf([ORDERS, ['A', 'a1', at(2), 100, '', '']]);
    expect(m.registration).toBe('assumed');
    expect(one(m, 'A').registered).toBe(true);
  });
});

describe('positive reactions and NPS (SPEC §2, seed 000)', () => {
  const SURVEY = ['Timestamp', 'Customer ID', 'NPS', 'Satisfaction'];
  const orders = [ORDERS, ['A', 'a', at(5), 100, '', ''], ['B', 'b', at(5), 100, '', ''], ['C', 'c', at(5), 100, '', '']];

  test('a response with NPS ≥ 9 or satisfaction ≥ 4 is positive; 8 and 3 are not; both in one response count once', () => {
    const survey = [
      SURVEY,
      ['2025/06/01 10:00:00', 'A', 9, ''],
      ['2025/06/02 10:00:00', 'A', 8, ''],
      ['2025/06/03 10:00:00', 'A', '', 4],
      ['2025/06/04 10:00:00', 'A', '', 3],
      ['2025/06/05 10:00:00', 'A', 10, 5],
      ['2025/06/06 10:00:00', 'B', 8, 3],
    ];
    const m = metricsOf(orders, { survey });
    expect([one(m, 'A').positiveReactions, one(m, 'B').positiveReactions, one(m, 'C').positiveReactions]).toEqual([3, 0, 0]);
  });

  test('responses count up to the end of the as-of day, not after', () => {
    const survey = [SURVEY, [`${at(0, '23:59')}:59`, 'A', 10, ''], [`${at(-1, '00:00')}:00`, 'A', 10, '']];
    expect(one(metricsOf(orders, { survey }), 'A').positiveReactions).toBe(1);
  });

  test('NPS is the latest answer on or before D; an answer at the same time as another, in a later row, is the latest', () => {
    const survey = [
      SURVEY,
      ['2025/06/01 10:00:00', 'A', 3, ''],
      ['2025/06/20 10:00:00', 'A', 9, ''],
      [`${at(-1)}:00`, 'A', 0, ''], // after D
      ['2025/06/10 10:00:00', 'B', 2, ''],
      ['2025/06/10 10:00:00', 'B', 7, ''],
      ['2025/06/05 10:00:00', 'B', 1, ''], // an older answer further down the sheet
      ['2025/06/10 10:00:00', 'C', '', 5], // satisfaction only: no NPS
    ];
    const m = metricsOf(orders, { survey });
    expect([one(m, 'A').nps, one(m, 'B').nps, one(m, 'C').nps]).toEqual([9, 7, undefined]);
  });

  test('a survey, when given, is the only source of reactions; without one the customers range’s count; else 0', () => {
    const customers = [
      ['Customer ID', 'Positive reactions'],
      ['A', 4],
      ['B', 2],
    ];
    const survey = [SURVEY, ['2025/06/01 10:00:00', 'B', 10, '']];
    const withSurvey = metricsOf(orders, { customers, survey });
    expect([one(withSurvey, 'A').positiveReactions, one(withSurvey, 'B').positiveReactions]).toEqual([0, 1]);
    const withoutSurvey = metricsOf(orders, { customers });
    expect([withoutSurvey, withoutSurvey, withoutSurvey].map((m, i) => one(m, 'ABC'[i]!).positiveReactions)).toEqual([4, 2, 0]);
  });
});

describe('names, birthdays and customers who never ordered', () => {
  test('the customers range’s name first; else the name on the most recent order that has one', () => {
    const m = metricsOf(
      [
        ORDERS,
        ['A', 'a1', at(10), 100, '', '佐藤 花子'],
        ['A', 'a2', at(2), 100, '', ''],
        ['B', 'b1', at(10), 100, '', 'Old Name'],
        ['B', 'b2', at(2), -100, '', 'New Name'],
        ['C', 'c1', at(2), 100, '', 'Order Name'],
      ],
      { customers: [['Customer ID', 'Name'], ['C', '鈴木 一郎'], ['A', '']] },
    );
    // A refund row still carries the customer's latest name.
    expect([one(m, 'A').name, one(m, 'B').name, one(m, 'C').name]).toEqual(['佐藤 花子', 'New Name', '鈴木 一郎']);
  });

  test('the most recent order’s name, whatever the row order', () => {
    const m = metricsOf([ORDERS, ['A', 'a2', at(2), 100, '', 'New Name'], ['A', 'a1', at(10), 100, '', 'Old Name']]);
    expect(one(m, 'A').name).toBe('New Name');
  });

  test('on the same time stamp, the later row’s name', () => {
    const m = metricsOf([ORDERS, ['A', 'a1', at(2), 100, '', 'First'], ['A', 'a2', at(2), 100, '', 'Second']]);
    expect(one(m, 'A').name).toBe('Second');
  });

  test('a customer listed in the customers range who never ordered (or only after D) is there with no purchase', () => {
    const customers = [
      ['Customer ID', 'Birthday'],
      ['N', '1990/07/15'],
      ['L', ''],
    ];
    const m = metricsOf([ORDERS, ['A', 'a', at(3), 100, '', ''], ['L', 'l', at(-3), 900, '', '']], { customers });
    expect(one(m, 'N')).toMatchObject({ purchases: 0, ltv: 0, firstOrder: undefined, lastOrder: undefined, daysSinceLast: undefined, birthday: dayFromCivil(1990, 7, 15) });
    expect(one(m, 'L')).toMatchObject({ purchases: 0, ltv: 0, lastOrder: undefined, birthday: undefined });
    expect(one(m, 'A').birthday).toBeUndefined();
    expect([...m.byKey.keys()].sort()).toEqual(['A', 'L', 'N']);
  });
});
