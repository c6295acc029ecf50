/**
 * Sheets' size limits (emulator/limits.ts): 10 million cells per spreadsheet counted on every
 * sheet's grid, 18,278 columns, 50,000 characters per cell — each refused with the error Sheets
 * gives, before anything changes. Also Utilities.sleep's cap.
 */
import { createGasEnvironment, type GasEnvironmentOptions } from '../index';
import { thrown } from './thrown';

const CELLS = 'Exception: This action would increase the number of cells in the workbook above the limit of 10000000 cells.';
const CHARACTERS = 'Exception: Your input contains more than the maximum of 50000 characters in a single cell.';

/** A spreadsheet whose first sheet is `rows` × 26 (the default width): 26 × rows cells. */
function book(rows: number, options: GasEnvironmentOptions = {}) {
  const env = createGasEnvironment({ now: Date.parse('2024-06-30T00:00:00Z'), sheets: { Orders: { values: [['id']], maxRows: rows } }, ...options });
  const ss = env.globals.SpreadsheetApp.getActive();
  return { env, ss, sheet: ss.getSheetByName('Orders')! };
}

describe('10,000,000 cells per spreadsheet: every sheet’s rows × columns', () => {
  test('the count is the grids’, empty cells and hidden sheets included', () => {
    const { env, ss } = book(1000);
    expect(env.cellCount()).toBe(26_000);
    ss.insertSheet('scratch').hideSheet();
    expect(env.cellCount()).toBe(52_000); // a new sheet brings its 1,000 × 26 empty cells
  });

  test('insertSheet past the limit is refused and adds no sheet', () => {
    // 384,000 rows × 26 = 9,984,000 cells: room for no new 26,000-cell sheet.
    const { env, ss } = book(384_000);
    expect(thrown(() => ss.insertSheet('Tab'))).toBe(CELLS);
    expect(env.sheetNames()).toEqual(['Orders']);
    expect(env.cellCount()).toBe(9_984_000);
  });

  test('a hidden scratch sheet counts as much as a visible one', () => {
    const { env, ss } = book(383_000); // 9,958,000 cells
    ss.insertSheet('scratch').hideSheet(); // 9,984,000
    expect(thrown(() => ss.insertSheet('Tab'))).toBe(CELLS);
    ss.deleteSheet(ss.getSheetByName('scratch')!);
    expect(ss.insertSheet('Tab').getName()).toBe('Tab');
    expect(env.cellCount()).toBe(9_984_000);
  });

  test('insertRows / insertColumns past the limit are refused and change nothing', () => {
    const { env, sheet } = book(384_000);
    expect(thrown(() => sheet.insertRowsAfter(384_000, 1000))).toBe(CELLS);
    expect(thrown(() => sheet.insertColumnsAfter(26, 1))).toBe(CELLS);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([384_000, 26]);
    sheet.insertRowsAfter(384_000, 615); // 9,999,990: up to the limit is allowed
    expect(env.cellCount()).toBe(9_999_990);
    expect(thrown(() => sheet.insertRowAfter(1))).toBe(CELLS);
    const exact = createGasEnvironment({ sheets: { Full: { maxRows: 400_000, maxColumns: 25 } } });
    expect(exact.cellCount()).toBe(10_000_000); // exactly the limit is allowed
    expect(thrown(() => exact.globals.SpreadsheetApp.getActive().getSheets()[0]!.insertRowAfter(1))).toBe(CELLS);
  });

  test('appendRow that would grow the grid past the limit is refused and writes nothing', () => {
    const { env, sheet } = book(384_615); // 9,999,990 cells
    sheet.getRange(384_615, 1).setValue('last');
    expect(thrown(() => sheet.appendRow(['one more']))).toBe(CELLS);
    expect(sheet.getLastRow()).toBe(384_615);
    expect(env.cellCount()).toBe(9_999_990);
  });

  test('a write past the grid in "grow" mode is refused before any cell is written', () => {
    const { env, sheet } = book(384_000, { grid: 'grow' });
    expect(thrown(() => sheet.getRange(384_001, 1, 1000, 2).setValues(Array.from({ length: 1000 }, () => ['a', 'b'])))).toBe(CELLS);
    expect(sheet.getMaxRows()).toBe(384_000);
    expect(sheet.getLastRow()).toBe(1);
    expect(env.io.writes('Orders')).toBe(0);
  });

  test('the peak is recorded per execution: a scratch sheet made and deleted still counts', () => {
    const { env, ss } = book(1000);
    env.run(() => ss.deleteSheet(ss.insertSheet('scratch')), { name: 'stage' });
    expect(env.cellCount()).toBe(26_000);
    expect(env.cost.last!.peakCells).toBe(52_000);
  });

  test('a spreadsheet cannot start past the limit', () => {
    expect(() => createGasEnvironment({ sheets: { Huge: { maxRows: 400_000, maxColumns: 26 } } })).toThrow(/above the limit of 10000000 cells/);
  });
});

test('18,278 columns (ZZZ) per sheet', () => {
  const { sheet } = book(10);
  sheet.insertColumnsAfter(26, 18_278 - 26);
  expect(sheet.getMaxColumns()).toBe(18_278);
  expect(thrown(() => sheet.insertColumnAfter(1))).toBe('Exception: This action would increase the number of columns in the sheet above the limit of 18278 columns.');
  expect(sheet.getMaxColumns()).toBe(18_278);
});

describe('50,000 characters per cell', () => {
  test('setValues with one cell too long writes none of its cells', () => {
    const { env, ss } = book(10);
    const out = ss.insertSheet('Out');
    const range = out.getRange(1, 1, 2, 2);
    expect(thrown(() => range.setValues([['a', 'b'], ['c', 'x'.repeat(50_001)]]))).toBe(CHARACTERS);
    expect(env.sheet('Out').values).toEqual([['']]);
    range.setValues([['a', 'b'], ['c', 'x'.repeat(50_000)]]);
    expect((env.sheet('Out').values[1]![1] as string).length).toBe(50_000);
  });

  test('setValue, setFormula and appendRow alike', () => {
    const { env, ss } = book(10);
    const out = ss.insertSheet('Out');
    const long = 'あ'.repeat(50_001);
    expect(thrown(() => out.getRange('A1').setValue(long))).toBe(CHARACTERS);
    expect(thrown(() => out.getRange('A1').setFormula(`="${'x'.repeat(50_000)}"`))).toBe(CHARACTERS);
    expect(thrown(() => out.appendRow(['first', long]))).toBe(CHARACTERS);
    expect(env.sheet('Out').values).toEqual([['']]);
  });
});

test('Utilities.sleep: at most 300,000 ms', () => {
  const { env } = book(10);
  expect(thrown(() => env.globals.Utilities.sleep(300_001))).toMatch(/^Exception: Invalid argument: milliseconds/);
  const t0 = env.clock.now();
  env.globals.Utilities.sleep(300_000);
  expect(env.clock.now() - t0).toBe(300_000);
});
