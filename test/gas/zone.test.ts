/**
 * The engine's calendar (issue 10 §2, "The engine"): the core reads calendar days with
 * Intl.DateTimeFormat and its timeZone option; on first use the Apps Script layer compares it with
 * Utilities.formatDate(date, tz, 'Z') on a few instants and runs on Utilities if they disagree — as
 * they would in a V8 whose Intl has no time-zone data (small-icu) and answers UTC for every zone.
 */
import { loadBundle, type LoadedBundle } from '../../emulator/bundle';
import { NOTICE_ROWS } from '../../src/core/grid';
import { cell } from '../support/tables';

/** Two orders of C1 at 00:30 in Tokyo: the calendar days 2024-06-10 and 2024-06-20 there (the 9th and 19th in UTC). */
const ORDERS = [
  ['Order ID', 'Customer ID', 'Order date', 'Total'],
  ['#1', 'C1', new Date('2024-06-09T15:30:00Z'), 5000],
  ['#2', 'C1', new Date('2024-06-19T15:30:00Z'), 5000],
];

function workbook(): LoadedBundle {
  return loadBundle({ locale: 'en_US', timeZone: 'Asia/Tokyo', sheets: { Orders: ORDERS }, now: Date.parse('2024-06-30T09:00:00+09:00') });
}

const day = (d: unknown) => (d as Date).toISOString();
const customers = (b: LoadedBundle) => (b.env.sheet('Customers').values as unknown[][]).slice(NOTICE_ROWS);

describe('the spreadsheet’s calendar: Intl checked against Utilities', () => {
  test('where they agree, Intl is used: Utilities is asked only for the check, not per row', () => {
    const b = workbook();
    b.env.call('refreshFromMenu');
    expect(day(cell(customers(b), 1, 'firstOrder'))).toBe('2024-06-09T15:00:00.000Z'); // 2024-06-10 in Tokyo
    expect(cell(customers(b), 1, 'daysSinceLast')).toBe(10);
    expect(b.env.io.callsOf('Utilities.formatDate')).toBeLessThanOrEqual(8);
  });

  test('an Intl without time-zone data (every zone UTC) is caught, and the days come out right through Utilities', () => {
    const b = workbook();
    // What a small-icu V8 does: the timeZone option accepted, and ignored.
    b.eval(`(() => {
      const Real = Intl.DateTimeFormat;
      Intl.DateTimeFormat = function (locale, options) { return new Real(locale, Object.assign({}, options, { timeZone: 'UTC' })); };
    })()`);
    b.env.call('refreshFromMenu');
    expect(day(cell(customers(b), 1, 'firstOrder'))).toBe('2024-06-09T15:00:00.000Z');
    expect(day(cell(customers(b), 1, 'lastOrder'))).toBe('2024-06-19T15:00:00.000Z');
    expect(cell(customers(b), 1, 'daysSinceLast')).toBe(10);
    expect(b.env.io.callsOf('Utilities.formatDate')).toBeGreaterThan(8);
  });
});

describe('a refresh in a New York spreadsheet, the script in Tokyo (appsscript.json)', () => {
  test('order days, the as-of day, History and FanFunnelAsOf are New York’s calendar days', () => {
    // 22:30 in New York on 2024-06-09 and 06-19 (already the 10th and the 20th in Tokyo).
    const ny = [
      ['Order ID', 'Customer ID', 'Order date', 'Total'],
      ['#1', 'C1', new Date('2024-06-10T02:30:00Z'), 5000],
      ['#2', 'C1', new Date('2024-06-20T02:30:00Z'), 5000],
    ];
    // 09:00 on 2024-06-30 in Tokyo: 20:00 on 2024-06-29 in New York.
    const b = loadBundle({ locale: 'en_US', timeZone: 'America/New_York', sheets: { Orders: ny }, now: Date.parse('2024-06-30T09:00:00+09:00') });
    expect(b.env.scriptTimeZone).toBe('Asia/Tokyo');
    b.env.call('refreshFromMenu');
    const inNY = (d: unknown) => b.env.run(() => b.env.globals.Utilities.formatDate(d as Date, 'America/New_York', 'yyyy-MM-dd HH:mm'));
    expect(inNY(cell(customers(b), 1, 'firstOrder'))).toBe('2024-06-09 00:00');
    expect(inNY(cell(customers(b), 1, 'lastOrder'))).toBe('2024-06-19 00:00');
    expect(cell(customers(b), 1, 'daysSinceLast')).toBe(10);
    expect(inNY(b.env.spreadsheet.getRangeByName('FanFunnelAsOf')!.getValue())).toBe('2024-06-29 00:00');
    const days = (b.env.sheet('History').values as unknown[][]).map((r) => r[0]).filter((c) => c instanceof Date || Object.prototype.toString.call(c) === '[object Date]');
    expect(days.map(inNY)).toEqual(['2024-06-29 00:00']);
  });
});
