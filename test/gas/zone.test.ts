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
