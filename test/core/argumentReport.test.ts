/**
 * What =FANFUNNEL_ARGS says about its arguments (src/core/argumentReport.ts): each position's type
 * and value, a Date's instant and the zone it is 0:00 in, a range's shape and first cells.
 */
import { describeArguments, type ArgumentContext } from '../../src/core/argumentReport';

const ctx = (over: Partial<ArgumentContext> = {}): ArgumentContext => ({
  lang: 'en',
  scriptTimeZone: { value: 'Asia/Tokyo' },
  spreadsheetTimeZone: { value: 'America/New_York' },
  runtimeTimeZone: { value: 'Asia/Tokyo' },
  timezoneOffsetOf: () => -540,
  ...over,
});

const rowsOf = (args: unknown[], c = ctx()) => describeArguments(args, c);

test('undefined and "" are told apart at every position, and the count says how many arrived', () => {
  const rows = rowsOf(['a', undefined, '', null]);
  expect(rows).toEqual([
    ['Argument', 'Type', 'As it arrived'],
    [1, 'string', '"a" (1 character)'],
    [2, 'undefined', 'no value: a skipped argument arrived as undefined'],
    [3, '""', 'empty string: an empty cell, or a skipped argument'],
    [4, 'null', 'null'],
    ['', 'Arguments received', 4],
    ['', 'Script time zone', 'Asia/Tokyo'],
    ['', 'Spreadsheet time zone', 'America/New_York'],
    ['', 'Runtime default time zone', 'Asia/Tokyo'],
    // A date to see how Sheets shows what a function returns: 0:00 on the script's clock, as the functions make them.
    ['', 'A returned date (right if it shows 2001/02/03 0:00)', new Date('2001-02-02T15:00:00Z')],
  ]);
  expect(rowsOf([])[1]).toEqual(['', 'Arguments received', 0]);
  expect(rowsOf([], ctx({ scriptTimeZone: { error: 'no session' } })).at(-1)![1]).toBe('Runtime default time zone');
});

test('a Date: its instant, getTimezoneOffset, both wall clocks, and in which zone it is 0:00', () => {
  const tokyoMidnight = new Date('2024-05-31T15:00:00Z');
  const nyMidnight = new Date('2024-06-01T04:00:00Z');
  const neither = new Date('2024-06-01T01:30:00Z');
  const [, a, b, c] = rowsOf([tokyoMidnight, nyMidnight, neither]);
  expect(a).toEqual([
    1,
    'Date',
    '2024-05-31T15:00:00.000Z; getTimezoneOffset -540; Asia/Tokyo 2024/06/01 00:00:00 / America/New_York 2024/05/31 11:00:00; 0:00 in the script’s zone (Asia/Tokyo): the date cell was made in the script’s zone',
  ]);
  expect(b![2]).toMatch(/; 0:00 in the spreadsheet’s zone \(America\/New_York\): the date cell was made in the spreadsheet’s zone$/);
  expect(c![2]).toMatch(/; with a time of day \(0:00 in neither zone\)$/);
  // Same zone on both sides: one wall clock, and "both".
  const same = rowsOf([tokyoMidnight], ctx({ spreadsheetTimeZone: { value: 'Asia/Tokyo' } }))[1]!;
  expect(same[2]).toBe('2024-05-31T15:00:00.000Z; getTimezoneOffset -540; Asia/Tokyo 2024/06/01 00:00:00; 0:00 (both zones agree here)');
  expect(rowsOf([new Date(NaN)])[1]).toEqual([1, 'Date', 'Invalid Date']);
});

test('the offset comes from the runtime (passed in), never from the machine running the core', () => {
  const seen: Date[] = [];
  const d = new Date('2024-01-01T00:00:00Z');
  const row = rowsOf([d], ctx({ timezoneOffsetOf: (x) => (seen.push(x), 300) }))[1]!;
  expect(seen).toEqual([d]);
  expect(row[2]).toMatch(/; getTimezoneOffset 300;/);
});

test('a 2-D array: its shape, whether ragged, and the first cells of its first two rows', () => {
  const grid = [
    ['Name', 'Date', 'Total', 'extra'],
    ['#1', new Date('2024-05-31T15:00:00Z'), 12800, true],
    ['#2', '', 5000, false],
  ];
  expect(rowsOf([grid])[1]).toEqual([
    1,
    '2-D array',
    '3 rows × 4 columns; row 1: string "Name", string "Date", string "Total"; row 2: string "#1", Date 2024-05-31T15:00:00.000Z (0:00 Asia/Tokyo), number 12800',
  ]);
  expect(rowsOf([[[1], [2, 3]]])[1]![2]).toBe('2 rows × 2 columns (rows of different lengths); row 1: number 1; row 2: number 2, number 3');
  expect(rowsOf([[['', undefined]]])[1]![2]).toBe('1 row × 2 columns; row 1: "", undefined');
  expect(rowsOf([[1, 'a']])[1]).toEqual([1, 'array', 'length 2; number 1; string "a"']);
});

test('long strings are cut, Japanese words when the language is ja, unknown zones said so', () => {
  const long = 'あ'.repeat(50);
  expect(rowsOf([long])[1]![2]).toBe(`"${'あ'.repeat(40)}…" (50 characters)`);
  const ja = rowsOf([undefined, [[1]]], ctx({ lang: 'ja', scriptTimeZone: { error: 'denied' } }));
  expect(ja[0]).toEqual(['引数', '型', '届いた値']);
  expect(ja[1]).toEqual([1, 'undefined', '値なし: 省略された引数は undefined で届きました']);
  expect(ja[2]).toEqual([2, '2次元配列', '1 行 × 1 列・1行目: number 1']);
  expect(ja[4]).toEqual(['', 'スクリプトのタイムゾーン', '不明: denied']);
});
