/**
 * Hidden columns (Apps Script reference, Class Sheet: hideColumns, showColumns,
 * isColumnHiddenByUser) and plain-text fixture columns.
 */
import { createGasEnvironment } from '../index';
import { thrown } from './thrown';

function sheetOf(options: Parameters<typeof createGasEnvironment>[0] = {}) {
  const env = createGasEnvironment({ now: Date.parse('2024-06-30T00:00:00Z'), ...options });
  return { env, sheet: env.globals.SpreadsheetApp.getActive().getSheets()[0]! };
}

test('hiding shows nothing of a column but keeps its values; hidden columns move with inserts and deletes', () => {
  const { env, sheet } = sheetOf({ sheets: { S: [['a', 'b', 'c', 'd']] } });
  sheet.hideColumns(2, 2);
  expect([1, 2, 3, 4].map((c) => sheet.isColumnHiddenByUser(c))).toEqual([false, true, true, false]);
  expect(sheet.getRange('A1:D1').getValues()).toEqual([['a', 'b', 'c', 'd']]);
  sheet.insertColumnsBefore(1, 1);
  expect(env.sheet('S').hiddenColumns).toEqual([3, 4]);
  sheet.deleteColumns(3, 1);
  expect(env.sheet('S').hiddenColumns).toEqual([3]);
  sheet.showColumns(3);
  expect(env.sheet('S').hiddenColumns).toEqual([]);
  expect(thrown(() => sheet.hideColumns(0))).toBe('Exception: Those columns are out of bounds.');
});

test('a plain-text fixture column keeps a typed-in phone number as text', () => {
  const { env, sheet } = sheetOf({ sheets: { S: { values: [['電話番号', '金額']], plainTextColumns: [1] } } });
  sheet.getRange('A2:B2').setValues([['09000000000', '0120']]);
  expect(env.sheet('S').values[1]).toEqual(['09000000000', 120]);
  expect(env.sheet('S').numberFormats[1]![0]).toBe('@');
});
