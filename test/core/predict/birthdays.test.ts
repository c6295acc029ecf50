/**
 * The coming week's birthdays (predict.ts): which day a birthday falls on in a common year. The
 * window, New Year and leap years are in predict.test.ts. (A file of its own, in predict.ts's group
 * of stryker.groups.cjs, so that adding it left predict.test.ts and its results as they were.)
 */
import { dayFromCivil, isoDay } from '../../../src/core/dates';
import { predictCustomers } from '../../../src/core/predict/predict';

const upcoming = (asOf: number, birthday: number): string[] =>
  predictCustomers({ orders: [], asOf, birthdays: new Map([['x', birthday]]), options: { holdoutDays: 0 } }).birthdays!.map((b) => isoDay(b.upcoming));

test('only 29 February moves: another month’s 29th and another February day keep their day in a common year', () => {
  expect(upcoming(dayFromCivil(2025, 7, 27), dayFromCivil(1990, 7, 29))).toEqual(['2025-07-29']);
  expect(upcoming(dayFromCivil(2025, 2, 8), dayFromCivil(1990, 2, 10))).toEqual(['2025-02-10']);
  expect(upcoming(dayFromCivil(2025, 2, 24), dayFromCivil(2000, 2, 29))).toEqual(['2025-02-28']);
});
