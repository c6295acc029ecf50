/**
 * Custom functions as Sheets calls them from a cell (emulator/sheetsCall.ts): arguments read from
 * the sheets, date cells as Dates of the script's time zone, both forms of a skipped argument,
 * NOW()/RAND() refused (Loading...), TODAY() not, 30 s of projected time (the argument cells
 * included), the result size limit, and what the cell shows when the function fails.
 */
import { loadBundle } from '../bundle';
import { createGasEnvironment, type GasEnvironmentOptions } from '../index';
import { placeResult, sheetsCall, type CellResult, type SheetsCallOptions } from '../sheetsCall';

function describeArg(a: unknown): string {
  if (a === undefined) return '(undefined)';
  if (a === '') return '(empty)';
  if (a instanceof Date) return a.toISOString();
  if (Array.isArray(a)) return `${a.length}x${(a[0] as unknown[]).length}`;
  return String(a);
}

function setup(options: GasEnvironmentOptions = {}) {
  const env = createGasEnvironment({
    now: Date.parse('2024-06-30T09:00:00Z'),
    timeZone: 'America/New_York',
    scriptTimeZone: 'Asia/Tokyo',
    locale: 'en_US',
    sheets: { Data: { values: [['C001', '2024/06/01', 12800], ['', '', 5000]], entered: true, maxRows: 100 } },
    calibration: { scriptFactor: 0 },
    ...options,
  });
  const g = env.globals;
  let calls = 0;
  env.install({
    ARGS: (...args: unknown[]) => {
      calls++;
      return `${args.length}: ${args.map(describeArg).join(' | ')}`;
    },
    TABLE: (rows: number, cols: number) => Array.from({ length: rows }, () => new Array(cols).fill(1)),
    SLOW: () => g.Utilities.sleep(31_000),
    FAIL: () => {
      throw new Error('The orders range has no customer column.');
    },
    WRITE: () => g.SpreadsheetApp.getActive().getRange('Data!A1').setValue('x'),
    // 0:00 on 2024-06-01 in Tokyo (the script's zone), beside a number.
    DAY: () => [[new Date(Date.UTC(2024, 4, 31, 15)), 7]],
  });
  const call = (formula: string, o?: SheetsCallOptions): CellResult => sheetsCall(env, formula, o);
  return { env, call, calls: () => calls };
}

const valueOf = (r: CellResult): unknown => (r.status === 'value' ? r.value : r);

describe('arguments as Sheets passes them', () => {
  test('a cell is its value, a range a 2-D array with "" for blanks; a whole column is the whole grid', () => {
    const { call } = setup();
    expect(valueOf(call('=ARGS(Data!A1, Data!B2, Data!C1:C2, "text", 3, TRUE)'))).toBe('6: C001 | (empty) | 2x1 | text | 3 | true');
    const whole = call('=ARGS(Data!A:C)');
    expect(valueOf(whole)).toBe('1: 100x3'); // every row of the 100-row grid, blank ones included
    expect(whole.status === 'value' && whole.report.breakdown.argumentCells).toBe(300);
  });

  test('a date cell arrives as a Date of its wall-clock time in the script’s zone, not the spreadsheet’s', () => {
    const { call } = setup();
    // The cell reads 2024/06/01 in a New York spreadsheet; the script runs in Tokyo.
    expect(valueOf(call('=ARGS(Data!B1)'))).toBe('1: 2024-05-31T15:00:00.000Z');
    expect(valueOf(call('=ARGS(Data!B1)', { dateZone: 'spreadsheet' }))).toBe('1: 2024-06-01T04:00:00.000Z');
    expect(valueOf(call('=ARGS(DATE(2024,12,31))'))).toBe('1: 2024-12-30T15:00:00.000Z');
  });

  test('a returned Date is stored as the day and time of its wall clock in the same zone (the script’s by default), spilling with the other values', () => {
    const { env } = setup();
    const shown = (o?: SheetsCallOptions) => {
      placeResult(env, { sheet: 'Data', row: 5, column: 1 }, '=DAY()', o);
      const range = env.spreadsheet.getSheetByName('Data')!.getRange('A5:B5');
      // getValues gives the instant of the cell's serial in the spreadsheet's zone (New York).
      const instant = (range.getValues()[0]![0] as Date).getTime();
      return [range.getFormulas()[0]![0], new Date(instant).toLocaleString('sv-SE', { timeZone: 'America/New_York' }), ...range.getDisplayValues()[0]!];
    };
    expect(shown()).toEqual(['=DAY()', '2024-06-01 00:00:00', '2024-06-01', '7']);
    // Were Sheets to keep the instant (the spreadsheet's zone), the New York cell would show 11:00 the day before.
    expect(shown({ dateZone: 'spreadsheet' })).toEqual(['=DAY()', '2024-05-31 11:00:00', '2024-05-31 11:00:00', '7']);
  });

  test('a skipped argument arrives as undefined or as "", as the test chooses (Google does not say)', () => {
    const { call } = setup();
    expect(valueOf(call('=ARGS(Data!A1, , Data!C1)'))).toBe('3: C001 | (undefined) | 12800');
    expect(valueOf(call('=ARGS(Data!A1, , Data!C1)', { skipped: 'empty string' }))).toBe('3: C001 | (empty) | 12800');
    expect(valueOf(call('=ARGS(Data!A1, )', { skipped: 'empty string' }))).toBe('2: C001 | (empty)');
    expect(valueOf(call('=ARGS(Data!A1)'))).toBe('1: C001'); // an argument not written is not passed
  });

  test('NOW() and RAND() — as arguments or in a referenced cell — leave the cell Loading...; TODAY() is allowed', () => {
    const { env, call, calls } = setup();
    for (const f of ['=ARGS(Data!A1, NOW())', '=ARGS(RAND())', '=ARGS(RANDBETWEEN(1, 6))']) {
      expect(call(f)).toMatchObject({ status: 'loading', display: 'Loading...' });
    }
    env.run(() => env.globals.SpreadsheetApp.getActive().getRange('Data!D1').setFormula('=NOW()'));
    expect(call('=ARGS(Data!A1:D2)')).toMatchObject({ status: 'loading', reason: expect.stringMatching(/=NOW\(\)/) });
    expect(calls()).toBe(0);
    // Today in New York is 2024-06-30; the Date is that wall-clock midnight in Tokyo.
    expect(valueOf(call('=ARGS(TODAY())'))).toBe('1: 2024-06-29T15:00:00.000Z');
  });
});

describe('what the cell shows', () => {
  test('a result over 200,000 cells is refused: #ERROR! "Result too large." (61,744 × 8 failed in real Sheets)', () => {
    const { call } = setup();
    expect(call('=TABLE(200000, 1)')).toMatchObject({ status: 'value', cells: 200_000 });
    expect(call('=TABLE(61744, 8)')).toMatchObject({ status: 'error', display: '#ERROR!', note: 'Result too large.' });
  });

  test('over 30 s of projected time: #ERROR! with Google’s note — the cells read for the arguments count', () => {
    const { call, env } = setup({ sheets: { Big: { values: [['x']], maxRows: 8_000 } } });
    expect(call('=SLOW()')).toMatchObject({ status: 'error', display: '#ERROR!', note: 'Exceeded maximum execution time (line 0).' });
    // A:Z of 8,000 rows: 208,000 cells × 0.15 ms = 31.2 s before the function runs a line.
    expect(call('=ARGS(Big!A:Z)')).toMatchObject({ status: 'error', note: 'Exceeded maximum execution time (line 0).' });
    expect(env.cost.last!.breakdown.argumentCells).toBe(208_000);
    expect(call('=ARGS(Big!A:M)')).toMatchObject({ status: 'value' }); // 104,000 cells: 15.6 s
  });

  test('a thrown error shows #ERROR! with its message; a custom function may not write', () => {
    const { call } = setup();
    expect(call('=FAIL()')).toMatchObject({ status: 'error', display: '#ERROR!', note: 'The orders range has no customer column.' });
    expect(call('=WRITE()')).toMatchObject({ status: 'error', note: 'You do not have permission to call setValue' });
  });
});

test('the built bundle: b.formula calls its custom functions so, and only them', () => {
  const b = loadBundle({
    now: Date.parse('2024-06-30T00:00:00Z'),
    sheets: { 注文: [['注文番号', '注文日', '顧客ID', '合計金額'], ['1', '2024/06/01', 'C001', 1000]] },
  });
  const result = b.formula('=FANSTAGE(注文!A:D, "C001")');
  expect(result.status).toBe('value');
  expect(result.status === 'value' && result.report.kind).toBe('customFunction');
  expect(() => b.formula('=onOpen()')).toThrow(/ONOPEN is not a custom function/);
});
