import fc from 'fast-check';
import { makeZone } from '../../src/core/dates';
import { NOTICE_ROWS } from '../../src/core/grid';
import { buildReport, type ReportInput } from '../../src/core/report';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Cell } from '../../src/core/values';
import { pick } from '../support/tables';

const zone = makeZone('Asia/Tokyo');
const at = (iso: string) => Date.parse(`${iso}T09:00:00+09:00`);
const base = (orders: Cell[][], now: number, history?: Cell[][]): ReportInput => ({
  orders,
  history,
  settings: DEFAULT_SETTINGS,
  zone,
  locale: 'en_US',
  now,
});

const orders: Cell[][] = [
  ['Customer ID', 'Order date', 'Total', 'Status'],
  ['A', '2024-06-01', 5000, ''],
  ['B', '2024-06-01', 90000, ''],
  ['C', '2024-01-10', 3000, ''],
  ['D', '2024-06-02', 1000, 'キャンセル'],
];

/** The grid rows whose first cell is `label`. */
const find = (grid: Cell[][], label: string) => grid.find((r) => r[0] === label);

describe('a refresh as pure data (SPEC §6)', () => {
  test('first refresh: stage table, no transitions yet, matrices, VIP message, history row', () => {
    const r = buildReport(base(orders, at('2024-06-10')));
    const f = r.tabs.funnel.values;
    expect(find(f, 'Visitor')!.slice(0, 3)).toEqual(['Visitor', 2, 2 / 3]);
    expect(find(f, 'Lapsed')!.slice(0, 5)).toEqual(['Lapsed', 1, 1 / 3, 3000, 3000]);
    expect(find(f, 'Rows read')!.slice(0, 6)).toEqual(['Rows read', 4, 'Rows skipped', 0, 'Cancelled/refunded/failed orders', 1]);
    expect(f.some((row) => String(row[0]).startsWith('Stage transitions: no earlier snapshot'))).toBe(true);
    // The fan matrix: B (1 purchase, ¥90,000) in the ≥ ¥80,000 column.
    const fanHeader = f.findIndex((row) => row[0] === 'Fan matrix (purchases × LTV)');
    expect(f[fanHeader + 1]!.slice(0, 7)).toEqual(['Purchases', '< ¥10,000', '¥10,000–¥30,000', '¥30,000–¥50,000', '¥50,000–¥80,000', '≥ ¥80,000', 'Total']);
    expect(f[fanHeader + 2]!.slice(0, 7)).toEqual(['1×', 2, 0, 0, 0, 1, 3]);
    expect(pick(r.tabs.vip.values.slice(NOTICE_ROWS), 'customer', 'message')).toEqual([
      ['B', 'Dear B, thank you from our hearts for your loyalty: 90,000 yen with us so far.'],
    ]);
    expect(pick(r.tabs.customers.values.slice(NOTICE_ROWS), 'customer', 'stage', 'rank')).toEqual([
      ['B', 'Visitor', 1],
      ['A', 'Visitor', 2],
      ['C', 'Lapsed', 3],
    ]);
    expect(r.history.rows).toHaveLength(1);
    expect(r.counts.visitor).toBe(2);
  });

  test('a later day: transitions since the previous snapshot, changes per stage', () => {
    const first = buildReport(base(orders, at('2024-06-10')));
    const more = [...orders, ['A', '2024-07-01', 5000, ''], ['E', '2024-07-02', 2000, '']];
    const second = buildReport(base(more, at('2024-07-05'), first.tabs.history.values));
    const f = second.tabs.funnel.values;
    expect(f.some((row) => row[0] === 'Stage transitions since 2024/06/10')).toBe(true);
    // A: Visitor → Follower (second purchase); B: Visitor → Visitor; E is new.
    const target = f.find((row) => row[0] === '' && row[1] === 'Visitor' && row[2] === 'Follower')!;
    expect(target.slice(3, 6)).toEqual([1, 2, 0.5]);
    const newRow = find(f, 'New')!;
    expect(newRow[1]).toBe(1); // E, a new Visitor
    expect(find(f, 'Follower')![6]).toBe(1);
    expect(second.history.rows.map((r) => r.counts.visitor)).toEqual([2, 2]);
  });

  test('refreshing again the same day changes nothing but the refresh time (idempotent)', () => {
    const first = buildReport(base(orders, at('2024-06-10')));
    const later = buildReport(base([...orders, ['A', '2024-06-20', 5000, '']], at('2024-06-21')));
    const again = buildReport(base([...orders, ['A', '2024-06-20', 5000, '']], at('2024-06-21') + 3_600_000, later.tabs.history.values));
    expect(again.tabs.customers.values).toEqual(later.tabs.customers.values);
    expect(again.tabs.vip.values).toEqual(later.tabs.vip.values);
    expect(again.history.rows).toHaveLength(1);
    // …and keeps its baseline: a refresh on 21 June after one on 10 June compares with the 10th,
    // however often it runs that day.
    const withBaseline = buildReport(base([...orders, ['A', '2024-06-20', 5000, '']], at('2024-06-21'), first.tabs.history.values));
    const twice = buildReport(base([...orders, ['A', '2024-06-20', 5000, '']], at('2024-06-21') + 60_000, withBaseline.tabs.history.values));
    const strip = (g: Cell[][]) => g.filter((row) => row[2] !== 'Refreshed at');
    expect(strip(twice.tabs.funnel.values)).toEqual(strip(withBaseline.tabs.funnel.values));
    expect(twice.tabs.funnel.values.some((row) => row[0] === 'Stage transitions since 2024/06/10')).toBe(true);
  });

  test('too little data to predict: the funnel tab says so instead of printing numbers, and the lists keep their headings with a reason', () => {
    const r = buildReport(base(orders, at('2024-06-10')));
    expect(r.predictionNote).toMatch(/^Not enough data to predict next purchases: 0 customers have bought more than once/);
    const f = r.tabs.funnel.values;
    // No one has bought twice: both lists stay, each saying why it is empty (issue 17).
    for (const title of ['Due to buy again (rule of thumb): everyone', 'Worth winning back (rule of thumb): everyone']) {
      const i = f.findIndex((row) => row[0] === title);
      expect(f[i + 1]![0]).toMatch(/^No one has bought twice yet/);
    }
    // The Customers tab leaves the prediction columns blank.
    expect(pick(r.tabs.customers.values.slice(NOTICE_ROWS), 'pAlive', 'nextPurchase', 'value12m')).toEqual([
      ['', '', ''],
      ['', '', ''],
      ['', '', ''],
    ]);
  });

  test('a messy export never breaks a refresh: every tab is built, bad rows are reported (property)', () => {
    const junk = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(''), fc.constant(new Date(NaN)), fc.date());
    fc.assert(
      fc.property(fc.array(fc.array(junk, { maxLength: 5 }), { maxLength: 25 }), (rows) => {
        const r = buildReport(base([...orders, ...rows], at('2024-06-10')));
        for (const grid of Object.values(r.tabs)) {
          expect(grid.values.length).toBeGreaterThan(0);
          expect(new Set(grid.values.map((row) => row.length)).size).toBe(1);
          expect(grid.formats.map((row) => row.length)).toEqual(grid.values.map((row) => row.length));
        }
        for (const s of r.analysis.skipped) expect(s.row).toBeGreaterThan(orders.length);
      }),
      { numRuns: 200 },
    );
  });
});
