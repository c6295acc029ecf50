import fc from 'fast-check';
import { runInNewContext } from 'node:vm';
import { DAY_MS, dayFromCivil, isoDay, makeZone } from '../../src/core/dates';
import {
  amountReader,
  cellText,
  dateReader,
  displayText,
  flagReader,
  isBadKeyCell,
  isBlank,
  isCellError,
  isDate,
  isDayFirstText,
  isExcludedStatus,
  keyReader,
  MAX_AMOUNT,
  nfkc,
  normalizeKey,
  parseAmount,
  parseFlag,
  parseLocalMs,
  phoneKey,
} from '../../src/core/values';

const tokyo = makeZone('Asia/Tokyo');
const dayOf = (v: unknown, zone = tokyo): string => {
  const ms = parseLocalMs(v, zone);
  return Number.isNaN(ms) ? 'NaN' : isoDay(Math.floor(ms / DAY_MS));
};

describe('dates (SPEC §1.4)', () => {
  test.each([
    ['2024-01-05', '2024-01-05'],
    ['2024/01/05', '2024-01-05'],
    ['2024/1/5 10:11', '2024-01-05'],
    ['2024-01-05 10:11:12 +0900', '2024-01-05'],
    ['2024-01-05T23:30:00+09:00', '2024-01-05'],
    ['2024年1月5日', '2024-01-05'],
    ['２０２４年１月５日 10時11分', '2024-01-05'],
    ['2024年1月5日(金) 23:59', '2024-01-05'],
    ['20240105', '2024-01-05'],
    ['1/5/2024 10:11:12 PM', '2024-01-05'],
    ['45296', '2024-01-05'],
    ['2024.1.5', '2024-01-05'],
  ])('%s is the calendar day %s', (text, day) => {
    expect(dayOf(text)).toBe(day);
  });

  test('ISO-family text with any offset spelling is the right instant (property)', () => {
    const utc = makeZone('UTC');
    fc.assert(
      fc.property(
        fc.integer({ min: dayFromCivil(1990, 1, 1), max: dayFromCivil(2150, 12, 31) }),
        fc.integer({ min: 0, max: 86_399 }),
        fc.integer({ min: -12 * 4, max: 14 * 4 }).map((q) => q * 15),
        fc.constantFrom('-', '/', '.'),
        fc.constantFrom(' ', 'T', '  '),
        fc.constantFrom('', ' '),
        fc.constantFrom('colon', 'compact', 'hours'),
        fc.boolean(),
        (day, sec, offMin, sep, t, sp, style, pad) => {
          if (style === 'hours' && offMin % 60 !== 0) return;
          const [y, m, d] = isoDay(day).split('-');
          const two = (n: number) => String(n).padStart(2, '0');
          const date = pad ? `${y}${sep}${m}${sep}${d}` : `${y}${sep}${Number(m)}${sep}${Number(d)}`;
          const time = `${two(Math.floor(sec / 3600))}:${two(Math.floor(sec / 60) % 60)}:${two(sec % 60)}`;
          const a = Math.abs(offMin);
          const sign = offMin < 0 ? '-' : '+';
          const off =
            style === 'colon' ? `${sign}${two(Math.floor(a / 60))}:${two(a % 60)}` : style === 'compact' ? `${sign}${two(Math.floor(a / 60))}${two(a % 60)}` : `${sign}${two(a / 60)}`;
          const text = `${date}${t}${time}${sp}${off}`;
          const instant = day * DAY_MS + sec * 1000 - offMin * 60_000;
          expect(parseLocalMs(text, utc)).toBe(instant);
          // Without an offset the text is wall-clock time in the spreadsheet's zone.
          expect(parseLocalMs(`${date}${t}${time}`, tokyo)).toBe(day * DAY_MS + sec * 1000);
        },
      ),
      { numRuns: 500 },
    );
  });

  test.each(['2024-01-05 10:11:12.345 JST', '2024-01-05t01:11:12Z', '2024-01-05 01:11 UTC', '2024-01-05 10:11+09'])(
    '%s is 2024-01-05 in Tokyo',
    (text) => expect(dayOf(text)).toBe('2024-01-05'),
  );

  test.each(['2024-01-05 10', '2024-01-05 10:', '2024-01-05T', '2024-01-05 +9', '2024-01-05 10:11 +09:0', '2024-01-05 10:11 EST', '2024--01-05'])(
    '%s is not read as a date',
    (text) => expect(dayOf(text)).toBe('NaN'),
  );

  test('a day that does not exist (31 April, 29 February of a common year) is not a date (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const exists = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
        expect(dayOf(`${y}/${m}/${d}`) !== 'NaN').toBe(exists);
      }),
      { numRuns: 2000 },
    );
  });

  test('a spreadsheet serial number is a date (45296 = 2024-01-05), its fraction the time', () => {
    expect(dayOf(45296)).toBe('2024-01-05');
    expect(dayOf(45296.99)).toBe('2024-01-05');
  });

  test('an instant is the day it is in the spreadsheet zone, not in UTC', () => {
    // 23:30 JST on 5 Jan is 14:30 UTC: still the 5th in Tokyo.
    expect(dayOf(new Date('2024-01-05T14:30:00Z'))).toBe('2024-01-05');
    // 00:30 JST on 6 Jan is 15:30 UTC on the 5th: the 6th in Tokyo.
    expect(dayOf(new Date('2024-01-05T15:30:00Z'))).toBe('2024-01-06');
    // The same instant in New York is the 5th.
    expect(dayOf(new Date('2024-01-05T15:30:00Z'), makeZone('America/New_York'))).toBe('2024-01-05');
    // Text with an offset is an instant too.
    expect(dayOf('2024-01-05T15:30:00Z')).toBe('2024-01-06');
  });

  test.each(['', 'garbage', '2024-13-01', '2024-02-30', '2024/1/5 25:00', 'tomorrow', 0, -5, true, null, NaN, '1899/12/30'])(
    '%p is not a date',
    (v) => {
      expect(dayOf(v)).toBe('NaN');
    },
  );

  test('every calendar day survives Date → zone → day in zones with and without DST', () => {
    for (const zone of [tokyo, makeZone('America/New_York'), makeZone('Europe/London'), makeZone('Australia/Lord_Howe')]) {
      fc.assert(
        fc.property(fc.integer({ min: dayFromCivil(1990, 1, 1), max: dayFromCivil(2100, 12, 31) }), fc.integer({ min: 0, max: 86_399 }), (day, sec) => {
          // The Date Sheets passes for a cell holding `day` at wall time `sec`.
          const midnight = zone.midnight(day).getTime();
          expect(zone.dayOf(midnight)).toBe(day);
          const wall = day * DAY_MS + sec * 1000;
          const instant = wall - (zone.localMs(midnight) - midnight);
          const got = zone.dayOf(instant);
          // Within a DST day the offset may shift by an hour: never by more than a day.
          expect(Math.abs(got - day)).toBeLessThanOrEqual(sec < 7200 || sec > 79_200 ? 1 : 0);
        }),
        { numRuns: 300 },
      );
    }
  });

  test('an ISO date string written by the zone round-trips', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayFromCivil(1950, 1, 1), max: dayFromCivil(2150, 1, 1) }), (day) => {
        expect(dayOf(isoDay(day))).toBe(isoDay(day));
        expect(dayOf(isoDay(day).replace(/-/g, '/'))).toBe(isoDay(day));
      }),
    );
  });
});

describe('amounts', () => {
  test.each([
    [12800, 12800],
    ['12800', 12800],
    ['¥12,800', 12800],
    ['￥12,800', 12800],
    ['12,800円', 12800],
    ['１２，８００', 12800],
    ['１２，８００円', 12800],
    ['$1,234.50', 1234.5],
    ['-500', -500],
    ['−500', -500],
    ['▲500', -500],
    ['-¥500', -500],
    ['¥-500', -500],
    [' 3000 ', 3000],
    ['0', 0],
  ])('%p → %p', (v, n) => {
    expect(parseAmount(v)).toBe(n);
  });

  test.each(['', 'abc', '12,80', '1.2.3', '¥', 'NaN', 'Infinity', '1e5', true, null])('%p is unreadable', (v) => {
    expect(parseAmount(v)).toBeNaN();
  });

  test('any integer written with thousands separators, yen sign or full-width digits reads back', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (n) => {
        const grouped = Math.abs(n).toLocaleString('en-US');
        const sign = n < 0 ? '-' : '';
        expect(parseAmount(`${sign}¥${grouped}`)).toBe(n);
        expect(parseAmount(`${sign}${grouped}円`)).toBe(n);
        const wide = `${sign}${grouped}`.replace(/[0-9,-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
        expect(parseAmount(wide)).toBe(n);
      }),
    );
  });
});

describe('flags', () => {
  test.each(['TRUE', '1', 'yes', 'Y', 'はい', 'あり', '有', '○', '〇', '◯', '✓', '済', '登録', '登録済', '加入', '定期', 'active', 'subscribed', true, 1])(
    '%p is true',
    (v) => expect(parseFlag(v)).toBe(true),
  );
  test.each(['', 'FALSE', '0', 'no', 'いいえ', 'なし', '無', '×', '未', '未登録', '解約', '停止', 'cancelled', false, 0, null, '通常'])(
    '%p is false',
    (v) => expect(parseFlag(v)).toBe(false),
  );
});

describe('statuses that are not a purchase (cancelled, refunded, a payment that never completed)', () => {
  test.each([
    'キャンセル', 'キャンセル確定', '注文取消し', '取り消し', '返品', '全額返金済', '返送', 'cancelled', 'Canceled', 'refunded', 'voided', 'VOID',
    'failed', 'Failed', 'expired', 'payment_failed', '決済失敗', '決済エラー',
  ])('%p is excluded', (v) => expect(isExcludedStatus(v)).toBe(true));
  // Unpaid is not failed: an order awaiting payment is a purchase.
  test.each(['paid', 'partially_refunded', '発送済み', 'pending', '', 'Shipped', '入金待ち', '未入金', 'on-hold', 'authorized'])(
    '%p is a purchase',
    (v) => expect(isExcludedStatus(v)).toBe(false),
  );
});

describe('customer keys', () => {
  test('numbers and their text are one key; e-mails are lower-cased; NFKC and trim', () => {
    expect(normalizeKey(1001)).toBe('1001');
    expect(normalizeKey('1001')).toBe('1001');
    expect(normalizeKey(' １００１ ')).toBe('1001');
    expect(normalizeKey("'1001")).toBe('1001');
    expect(normalizeKey('Taro@Example.JP')).toBe('taro@example.jp');
    expect(normalizeKey('C-abc')).toBe('C-abc');
    expect(normalizeKey('')).toBe('');
    expect(normalizeKey('   ')).toBe('');
  });
  test('the cached reader used on whole columns gives exactly normalizeKey', () => {
    const unit = fc.constantFrom('a', 'Z', '0', '@', ' ', "'", '.', '-', 'é', 'Ａ', '１', '\u3000', '顧', '\t');
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit, maxLength: 8 }), fc.integer(), fc.double())), (cells) => {
        const read = keyReader();
        for (const c of [...cells, ...cells]) expect(read(c)).toBe(normalizeKey(c));
      }),
    );
  });
  test('the same key typed with a leading apostrophe, spaces, full-width characters or capitals (e-mail) is one key', () => {
    const id = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{0,9}$/);
    fc.assert(
      fc.property(id, (k) => {
        const wide = k.replace(/[A-Za-z0-9-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
        expect(normalizeKey(`'${k}`)).toBe(normalizeKey(k));
        expect(normalizeKey(`  ${k}\u3000`)).toBe(normalizeKey(k));
        expect(normalizeKey(wide)).toBe(normalizeKey(k));
        expect(normalizeKey(`${k}@Shop.JP`)).toBe(normalizeKey(`${k.toLowerCase()}@shop.jp`));
      }),
    );
  });
});

describe('blank cells and the text of a cell', () => {
  const spaces = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r', '\u00a0', '\u3000'), minLength: 1, maxLength: 6 });

  test('empty, null, undefined, and any run of spaces (ASCII, tab, line breaks, no-break, ideographic) are blank (property)', () => {
    expect([undefined, null, ''].every(isBlank)).toBe(true);
    fc.assert(fc.property(spaces, (s) => expect(isBlank(s)).toBe(true)));
  });

  test('anything else is not blank: one visible character among the spaces, a zero, false, a Date (property)', () => {
    fc.assert(
      fc.property(spaces, spaces, fc.constantFrom('a', '0', '-', '・', 'Ａ', '\u200b'), (a, b, c) => expect(isBlank(`${a}${c}${b}`)).toBe(false)),
    );
    expect([0, false, new Date(0), NaN].some(isBlank)).toBe(false);
  });

  test('a cell as the owner typed it, trimmed (names shown back to them keep their width and case)', () => {
    expect(displayText('  Ａｉｋｏ Tanaka\u3000')).toBe('Ａｉｋｏ Tanaka');
    expect(displayText(1001)).toBe('1001');
    expect(displayText(' \t')).toBe('');
    expect(displayText(null)).toBe('');
    expect(displayText(new Date('2024-01-05T01:02:03Z'))).toBe('2024-01-05T01:02:03.000Z');
    expect(displayText(new Date(NaN))).toBe('Invalid Date');
  });

  test('a cell as text for matching and messages: NFKC and trimmed', () => {
    expect(cellText('  Ａｉｋｏ　')).toBe('Aiko');
    expect(cellText('ｶﾞｲﾄﾞ')).toBe('ガイド');
    expect(cellText(' Aiko ')).toBe('Aiko');
    expect(cellText('')).toBe('');
    expect(cellText(new Date('2024-01-05T01:02:03Z'))).toBe('2024-01-05T01:02:03.000Z');
    expect(cellText(new Date(NaN))).toBe('Invalid Date');
    expect(cellText(12.5)).toBe('12.5');
  });

  test('NFKC only changes what it must: ASCII stays as it is, full-width and half-width kana are folded', () => {
    expect(nfkc('Order #1001 ~ total')).toBe('Order #1001 ~ total');
    expect(nfkc('ＡＢＣ１２３')).toBe('ABC123');
    expect(nfkc('ﾃｽﾄ')).toBe('テスト');
    expect(nfkc('①')).toBe('1');
  });

  test('a Date made in another realm (a frame, a vm context) is a Date', () => {
    const foreign = runInNewContext('new Date(Date.UTC(2024, 0, 5, 3))') as Date;
    expect(foreign instanceof Date).toBe(false);
    expect(isDate(foreign)).toBe(true);
    expect(isDate(new Date(0))).toBe(true);
    expect([{}, '2024-01-05', 45296, null, undefined].some(isDate)).toBe(false);
    expect(isoDay(Math.floor(parseLocalMs(foreign, makeZone('UTC')) / DAY_MS))).toBe('2024-01-05');
  });
});

describe('customer keys: what is and is not a key', () => {
  test('a Date, an infinite or NaN number, and blanks are not keys', () => {
    expect(normalizeKey(new Date(0))).toBe('');
    expect(normalizeKey(NaN)).toBe('');
    expect(normalizeKey(Infinity)).toBe('');
    expect(normalizeKey(null)).toBe('');
    expect(normalizeKey('\u3000')).toBe('');
    expect(normalizeKey("'")).toBe('');
  });

  test('a number is the key it prints as: 1001, 1001.5, and 1001 from a float column is 1001 (no 1001.0)', () => {
    expect(normalizeKey(1001)).toBe('1001');
    expect(normalizeKey(1001.0)).toBe('1001');
    expect(normalizeKey(1001.5)).toBe('1001.5');
    expect(normalizeKey(-0)).toBe('0');
  });

  test('only e-mail addresses are lower-cased; an ID keeps its capitals', () => {
    expect(normalizeKey('AB-12')).toBe('AB-12');
    expect(normalizeKey('Ab@Shop.JP')).toBe('ab@shop.jp');
    expect(normalizeKey(' ＡＢ＠ＳＨＯＰ．ＪＰ ')).toBe('ab@shop.jp');
    expect(normalizeKey("  ' C-1 ")).toBe('C-1');
  });

  test('a cell error in a key column is no customer, through the cached reader as through normalizeKey', () => {
    const read = keyReader();
    for (const e of ['#N/A', '#REF!', '#ERROR!']) expect(read(e)).toBe('');
    expect(read('#1001')).toBe('#1001');
  });

  test('the cached reader gives exactly normalizeKey on IDs, e-mails and odd cells, however often they repeat (property)', () => {
    const unit = fc.constantFrom('a', 'Z', 'M', '0', '@', ' ', "'", '~', '\u007f', '\u0000', '\u001f', 'é', '\u3000', '\t', '\n');
    // Cell errors too: a customers or survey sheet's key column read by this reader must drop `#N/A` as the orders do.
    const cell = fc.oneof(fc.string({ unit, maxLength: 6 }), fc.integer(), fc.constantFrom(NaN, Infinity, -Infinity, 0.5, true, false, null, '#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#1001'), fc.date());
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 20 }), (cells) => {
        const read = keyReader();
        for (const c of [...cells, ...cells]) expect(read(c)).toBe(normalizeKey(c));
      }),
    );
  });
});

describe('amounts, sign by sign and symbol by symbol', () => {
  test.each([
    ['+500', 500],
    ['△500', -500],
    ['▲ 1,000', -1000],
    ['-¥-500', 500], // two minus signs cancel
    ['¥ 12,800', 12800],
    ['12,800 円', 12800],
    ['JPY 1,000', 1000],
    ['1000 yen', 1000],
    ['USD 12.50', 12.5],
    ['12.50 usd', 12.5],
    ['€9.99', 9.99],
    ['£1,000.5', 1000.5],
    ['EUR 7', 7],
    ['1000jpy', 1000],
    ['1,234,567', 1234567],
    ['0.5', 0.5],
    ['-0', -0],
  ])('%p → %p', (v, n) => {
    expect(parseAmount(v)).toBe(n);
  });

  test.each(['1,2345', '12,80', ',100', '100,', '1,000,00', '¥¥100', '100円円', '1 000', '1.', '.5', '100 dollars', '１２，８００ドル', '0x10'])(
    '%p is not an amount',
    (v) => expect(parseAmount(v)).toBeNaN(),
  );

  test('a number cell is its own amount; an infinite or NaN number is not one; a Date or a flag is not one', () => {
    expect(parseAmount(-1234.5)).toBe(-1234.5);
    expect(parseAmount(Infinity)).toBeNaN();
    expect(parseAmount(NaN)).toBeNaN();
    expect(parseAmount(new Date(0))).toBeNaN();
    expect(parseAmount(false)).toBeNaN();
    expect(parseAmount(undefined)).toBeNaN();
  });

  test('the cached reader gives exactly parseAmount, however often a cell repeats (property)', () => {
    const cell = fc.oneof(
      fc.constantFrom('¥1,000', '1,000円', '-500', '▲500', 'free', '', ' ', '１２，８００', '$1.50', '1,2'),
      fc.double(),
      fc.constantFrom(true, null, undefined, Infinity),
    );
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 12 }), (cells) => {
        const read = amountReader();
        for (const c of [...cells, ...cells]) expect(Object.is(read(c), parseAmount(c)) || (Number.isNaN(read(c)) && Number.isNaN(parseAmount(c)))).toBe(true);
      }),
    );
  });
});

describe('yes/no cells', () => {
  test.each(['✔', '済み', '登録済み', '加入中', 'on', 'ＹＥＳ', ' yes ', 'Active'])('%p is true', (v) => expect(parseFlag(v)).toBe(true));
  test.each(['✕', 'n', 'canceled', 'off', 'inactive', 'unsubscribed', '-', ' no ', 'maybe', 'yes!', 'true true'])('%p is false', (v) =>
    expect(parseFlag(v)).toBe(false),
  );

  test('a number is yes unless it is 0 or not finite; a date (when they joined) is yes', () => {
    expect([2, -1, 0.5].map(parseFlag)).toEqual([true, true, true]);
    expect([0, NaN, Infinity].map(parseFlag)).toEqual([false, false, false]);
    expect(parseFlag(new Date('2024-01-05'))).toBe(true);
    expect(parseFlag({})).toBe(false);
  });

  test('the cached reader gives exactly parseFlag (property)', () => {
    const cell = fc.oneof(fc.constantFrom('yes', 'no', '定期', '', '未', 'x', 'TRUE', '済'), fc.boolean(), fc.integer({ min: -1, max: 2 }), fc.constant(null));
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 12 }), (cells) => {
        const read = flagReader();
        for (const c of [...cells, ...cells]) expect(read(c)).toBe(parseFlag(c));
      }),
    );
  });
});

describe('cancel words, however written', () => {
  test.each(['ＣＡＮＣＥＬＬＥＤ', 'Refunded', 'order refunded by shop', '取消', '返金済み', 'ｷｬﾝｾﾙ'])('%p cancels', (v) => expect(isExcludedStatus(v)).toBe(true));
  test.each([' ', true, false, 0, 'Partially_Refunded', 'paid (partially refunded)'])('%p does not cancel', (v) => expect(isExcludedStatus(v)).toBe(false));
});

describe('dates: each written form at its edges (SPEC §1.4)', () => {
  const zone = makeZone('Asia/Tokyo');
  /** The wall clock a cell reads as, to the second, or 'NaN'. */
  const wall = (v: unknown): string => {
    const ms = parseLocalMs(v, zone);
    return Number.isNaN(ms) ? 'NaN' : new Date(ms).toISOString().slice(0, 19);
  };

  test.each([
    ['1/5/2024', '2024-01-05T00:00:00'],
    ['12/31/2024 23:59', '2024-12-31T23:59:00'],
    ['1/5/2024 12:30 AM', '2024-01-05T00:30:00'],
    ['1/5/2024 12:30 PM', '2024-01-05T12:30:00'],
    ['1/5/2024 1:05:09 pm', '2024-01-05T13:05:09'],
    ['1/5/2024 11:59 PM', '2024-01-05T23:59:00'],
    ['1/5/2024 9:00am', '2024-01-05T09:00:00'],
  ])('US text %p is %p', (text, expected) => expect(wall(text)).toBe(expected));

  test.each(['1/5/2024 0:30 AM', '1/5/2024 13:00 PM', '13/5/2024', '1/32/2024', '2/30/2024', '1/5/24', '1/5/2024 24:00', '1/5/2024 10:60', '1/5/2024 10:00:60'])(
    'US text %p is not a date',
    (text) => expect(wall(text)).toBe('NaN'),
  );

  test.each([
    ['2024年1月5日 10時', '2024-01-05T10:00:00'],
    ['2024年1月5日 10時11分', '2024-01-05T10:11:00'],
    ['2024年1月5日 10時11分12秒', '2024-01-05T10:11:12'],
    ['2024年1月5日（金）', '2024-01-05T00:00:00'],
    ['２０２４／０１／０５', '2024-01-05T00:00:00'],
    ['2024-01-05　10:11', '2024-01-05T10:11:00'],
  ])('Japanese text %p is %p', (text, expected) => expect(wall(text)).toBe(expected));

  test.each([
    ['2024-01-05T10:11:12.123456789', '2024-01-05T10:11:12'],
    ['2024-01-05 10:11:12.5 +09', '2024-01-05T10:11:12'],
    ['2024-01-05 01:11:12 -0300', '2024-01-05T13:11:12'],
    ['2024-01-05 01:11 +05:30', '2024-01-05T04:41:00'],
    ['2024-01-05 10:11 jst', '2024-01-05T10:11:00'],
    ['2024-01-05 01:11 gmt', '2024-01-05T10:11:00'],
    ['2024-01-05\t10:11', '2024-01-05T10:11:00'],
    ['2024-1-5 9:05', '2024-01-05T09:05:00'],
    ['2024/01/05 10:11:12 ', '2024-01-05T10:11:12'],
  ])('ISO-family text %p is %p in Tokyo', (text, expected) => expect(wall(text)).toBe(expected));

  test.each([
    '2024-01-05T10:11:12.', '2024-01-05T10:11:12.1234567890', '2024-01-05 10:11:1x', '2024-01-05 10', '2024-01-05 +0900x', '2024-01-05 10:11 +9:00',
    '2024-01-05 10:11 +', '202-01-05', '2024-001-05', '2024-01-005', '2024_01_05', '2024-01', '2024-01-05 10:11:12 +09:00:00', '2024-01-05X',
  ])('%p is not a date', (text) => expect(wall(text)).toBe('NaN'));

  test('YYYYMMDD text is a day; an impossible one is not', () => {
    expect(wall('20240229')).toBe('2024-02-29T00:00:00');
    expect(wall('20230229')).toBe('NaN');
    expect(wall('20241301')).toBe('NaN');
  });

  test('serial numbers: 1 is 1899-12-31, the fraction is the time of day, and only 1900–2199 is a date', () => {
    expect(wall(1)).toBe('1899-12-31T00:00:00');
    expect(wall(45296.5)).toBe('2024-01-05T12:00:00');
    expect(wall('45296.25')).toBe('2024-01-05T06:00:00');
    expect(wall(0.5)).toBe('NaN');
    const lastDay = dayFromCivil(2199, 12, 31) + 25_569;
    expect(wall(lastDay + 0.999)).toBe('2199-12-31T23:58:33');
    expect(wall(lastDay + 1)).toBe('NaN');
    expect(wall(Infinity)).toBe('NaN');
    expect(wall('1234567')).toBe('NaN');
  });

  test('the years 1900–2199, in text or as a Date', () => {
    expect(wall('1900/1/1')).toBe('1900-01-01T00:00:00');
    expect(wall('1899/12/31')).toBe('NaN');
    expect(wall('2199/12/31 23:59:59')).toBe('2199-12-31T23:59:59');
    expect(wall('2200/1/1')).toBe('NaN');
    expect(wall(new Date('2200-01-01T00:00:00+09:00'))).toBe('NaN');
    expect(wall(new Date('2199-12-31T23:59:59+09:00'))).toBe('2199-12-31T23:59:59');
    expect(wall(new Date('1900-01-01T00:00:00+09:00'))).toBe('1900-01-01T00:00:00');
    expect(wall(new Date('1899-12-31T23:59:59+09:00'))).toBe('NaN');
    // An instant with an offset is checked on the spreadsheet's wall clock too.
    expect(wall('2199-12-31T20:00:00Z')).toBe('NaN');
    expect(wall(new Date(NaN))).toBe('NaN');
  });

  test('the cached column reader gives exactly parseLocalMs, for Dates, text and serials (property)', () => {
    const cell = fc.oneof(
      fc.date({ min: new Date('1890-01-01'), max: new Date('2210-01-01') }),
      fc.constantFrom('2024/1/5', '２０２４年１月５日', '2024年1月5日 10時', '1/5/2024', '45296', 'someday', '', '20240105', '2024-01-05T10:00:00Z'),
      fc.integer({ min: -10, max: 200_000 }),
      fc.constantFrom(null, true, new Date(NaN)),
    );
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 12 }), (cells) => {
        const read = dateReader(zone);
        for (const c of [...cells, ...cells]) expect(Object.is(read(c), parseLocalMs(c, zone))).toBe(true);
      }),
    );
  });
});

describe('phone numbers as keys (a guest found again by the phone they gave)', () => {
  test.each([
    ['090-1111-0001', '09011110001'],
    ['０９０－１１１１－０００１', '09011110001'],
    [' (090) 1111 0001 ', '09011110001'],
    ['+81 90-1111-0001', '09011110001'],
    ['+81 (0)90-1111-0001', '09011110001'],
    ['+ 81 3 1234 5678', '0312345678'],
    ['+819011110001', '09011110001'],
    [' +81 90-1111-0001 ', '09011110001'], // pasted with spaces around it
    [9011110001, '09011110001'],
    [312345678, '0312345678'],
    ['9011110001', '09011110001'],
    ['312345678', '0312345678'],
  ])('%p is the phone %p', (cell, key) => expect(phoneKey(cell)).toBe(key));

  test('a number that is not a 10- or 11-digit Japanese phone keeps its digits as they are', () => {
    expect(phoneKey('12345678')).toBe('12345678'); // 8 digits: not a pasted 0-less phone
    expect(phoneKey('12345678901')).toBe('12345678901'); // 11 digits not starting with 0
    expect(phoneKey(12345678)).toBe('12345678');
    expect(phoneKey('+1 555 123 4567')).toBe('15551234567'); // another country: no 0 put in front
    expect(phoneKey('+1 555 123 456')).toBe('1555123456');
    expect(phoneKey('0312345678')).toBe('0312345678');
  });

  test('fewer than 6 digits is no phone; 6 is one', () => {
    expect(phoneKey('12-345')).toBe('');
    expect(phoneKey('123-456')).toBe('123456');
    expect(phoneKey('+81 1234')).toBe('');
    expect(phoneKey('tel: none')).toBe('');
  });

  test('blanks, dates, checkboxes, cell errors and numbers that are no phone are not phones', () => {
    for (const v of ['', '   ', null, undefined, new Date(0), true, false, '#N/A', '#REF!', 0, -9011110001, 901111.5, NaN, Infinity]) {
      expect(phoneKey(v)).toBe('');
    }
  });
});

describe('cell errors (a failed lookup in the owner’s sheet) are never a value', () => {
  const errors = ['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#ERROR!', '#SPILL!', '#CALC!', '#LOADING', '#LOADING!', '#n/a', '#Ref!'];
  test.each(errors)('%p is a cell error, not a key', (v) => {
    expect(isCellError(v)).toBe(true);
    expect(isBadKeyCell(v)).toBe(true);
    expect(normalizeKey(v)).toBe('');
  });

  test.each(['#N/A ', ' #N/A', 'N/A', '#NA', '#1001', '#REF', '#VALUE!!', '#LOADING!!', '##N/A', '#', '#hashtag', 'order #N/A'])('%p is text, not a cell error', (v) => {
    expect(isCellError(v)).toBe(false);
  });

  test('a hash-prefixed order number is still a key; a checkbox is not', () => {
    expect(normalizeKey('#1001')).toBe('#1001');
    expect(isBadKeyCell(true)).toBe(true);
    expect(isBadKeyCell(false)).toBe(true);
    expect(isBadKeyCell('1001')).toBe(false);
    expect(isBadKeyCell(0)).toBe(false);
    expect(normalizeKey(false)).toBe('');
    expect(isCellError(404)).toBe(false);
  });
});

describe('a day-first column (31/12/2023: D/M/YYYY, decided for the whole column)', () => {
  test.each(['31/12/2023', '13/1/2024', '13.01.2024', '25/12/2023 10:00', '13/01/2024'])('%p shows its column is day-first', (v) => {
    expect(isDayFirstText(v)).toBe(true);
  });

  test.each(['12/31/2023', '12/12/2023', '1/13/2024', '2024/12/31', '31-12-2023', '31/12/23', '31/12', '311/2/2024', 3112, null, new Date(0)])(
    '%p does not',
    (v) => expect(isDayFirstText(v)).toBe(false),
  );

  test('in a day-first column 5/1/2024 is 5 January; elsewhere it is 1 May', () => {
    const day = (v: string, dayFirst: boolean) => isoDay(Math.floor(parseLocalMs(v, tokyo, { dayFirst }) / DAY_MS));
    expect(day('5/1/2024', true)).toBe('2024-01-05');
    expect(day('5/1/2024', false)).toBe('2024-05-01');
    expect(day('31.12.2023 23:59', true)).toBe('2023-12-31');
    expect(parseLocalMs('12/31/2023', tokyo, { dayFirst: true })).toBeNaN();
    // Only D/M/YYYY text turns around: ISO text and serials read the same in such a column.
    expect(day('2024/1/5', true)).toBe('2024-01-05');
    expect(day('45296', true)).toBe('2024-01-05');
  });
});

describe('a column whose header names a zone (Created (UTC)) and Dates made in the script’s zone', () => {
  const utc = makeZone('UTC');
  const wallIn = (ms: number): string => (Number.isNaN(ms) ? 'NaN' : new Date(ms).toISOString().slice(0, 16));
  const UTC = { offsetMs: 0 };

  test('wall-clock text in a UTC column is that instant on the spreadsheet’s (Tokyo) clock', () => {
    expect(wallIn(parseLocalMs('2024-01-05 10:00', tokyo, UTC))).toBe('2024-01-05T19:00');
    expect(wallIn(parseLocalMs('2024-01-05 20:00', tokyo, UTC))).toBe('2024-01-06T05:00');
    expect(wallIn(parseLocalMs('2024-01-05', tokyo, UTC))).toBe('2024-01-05T09:00');
    expect(wallIn(parseLocalMs('1/5/2024 8:00 PM', tokyo, UTC))).toBe('2024-01-06T05:00');
    expect(wallIn(parseLocalMs('20240105', tokyo, UTC))).toBe('2024-01-05T09:00');
    expect(wallIn(parseLocalMs(45296.875, tokyo, UTC))).toBe('2024-01-06T06:00');
    expect(wallIn(parseLocalMs('2024年1月5日 20時', tokyo, UTC))).toBe('2024-01-06T05:00');
    expect(wallIn(parseLocalMs('2024-01-05 10:00', tokyo, { offsetMs: -5 * 3_600_000 }))).toBe('2024-01-06T00:00');
  });

  test('an offset written in the text wins over the header’s', () => {
    expect(wallIn(parseLocalMs('2024-01-05 20:00 +0900', tokyo, UTC))).toBe('2024-01-05T20:00');
    expect(wallIn(parseLocalMs('2024-01-05 20:00 JST', tokyo, UTC))).toBe('2024-01-05T20:00');
  });

  test('a Date cell of a UTC column carries the UTC wall clock: placed at that instant in Tokyo', () => {
    // Sheets hands the cell as a Date whose wall clock (in the cells' zone) is the text shown.
    const shown = new Date(Date.UTC(2024, 0, 5, 20, 0));
    expect(wallIn(parseLocalMs(shown, tokyo, { offsetMs: 0, cellZone: utc }))).toBe('2024-01-06T05:00');
    expect(wallIn(dateReader(tokyo, { offsetMs: 0, cellZone: utc })(shown))).toBe('2024-01-06T05:00');
  });

  test('a UTC column’s times are still held to the years 1900–2199 on the spreadsheet’s clock; unreadable text stays unreadable', () => {
    expect(parseLocalMs('2199-12-31 20:00', tokyo, UTC)).toBeNaN();
    expect(wallIn(parseLocalMs('2199-12-31 14:00', tokyo, UTC))).toBe('2199-12-31T23:00');
    expect(parseLocalMs('someday', tokyo, UTC)).toBeNaN();
    expect(parseLocalMs('2024-02-30', tokyo, UTC)).toBeNaN();
    expect(parseLocalMs(0, tokyo, UTC)).toBeNaN();
    expect(parseLocalMs(new Date(NaN), tokyo, UTC)).toBeNaN();
  });

  test('a custom function’s Date arguments are made in the script’s zone, not the spreadsheet’s', () => {
    const instant = new Date(Date.UTC(2024, 0, 5, 20, 0));
    expect(wallIn(parseLocalMs(instant, tokyo))).toBe('2024-01-06T05:00');
    expect(wallIn(parseLocalMs(instant, tokyo, { cellZone: utc }))).toBe('2024-01-05T20:00');
    expect(wallIn(dateReader(tokyo, { cellZone: utc })(instant))).toBe('2024-01-05T20:00');
    expect(wallIn(dateReader(tokyo)(instant))).toBe('2024-01-06T05:00');
    expect(dateReader(tokyo, { cellZone: utc })(new Date(Date.UTC(2200, 0, 1)))).toBeNaN();
    expect(dateReader(tokyo, { cellZone: utc })(new Date(NaN))).toBeNaN();
  });
});

describe('amounts at the edge of what a yen amount can be', () => {
  test('up to ±MAX_AMOUNT (the largest exact integer) is an amount; beyond it is a typo or a broken formula', () => {
    for (const read of [parseAmount, amountReader()]) {
      expect(read(MAX_AMOUNT)).toBe(MAX_AMOUNT);
      expect(read(-MAX_AMOUNT)).toBe(-MAX_AMOUNT);
      expect(read(MAX_AMOUNT + 2)).toBeNaN();
      expect(read(-MAX_AMOUNT - 2)).toBeNaN();
      expect(read(1e308)).toBeNaN();
      expect(read('9007199254740991')).toBe(MAX_AMOUNT);
      expect(read('9,007,199,254,740,993')).toBeNaN();
      expect(read('-9007199254740993')).toBeNaN();
    }
  });
});

describe('a cell as text: blanks, checkboxes and numbers', () => {
  test('a blank (empty, null, undefined, spaces) is no text; a checkbox reads as Sheets shows it; a number as it prints', () => {
    expect([null, undefined, '', ' \u3000'].map(cellText)).toEqual(['', '', '', '']);
    expect([true, false].map(cellText)).toEqual(['TRUE', 'FALSE']);
    expect([1001, -0.5].map(cellText)).toEqual(['1001', '-0.5']);
    expect([undefined, true].map(displayText)).toEqual(['', 'true']);
  });
});

describe('amounts: a sign after the currency symbol', () => {
  test.each([
    ['¥+500', 500],
    ['-¥+500', -500],
    ['▲¥500', -500],
    ['+¥-500', -500],
  ])('%p → %p', (v, n) => expect(parseAmount(v)).toBe(n));
});

describe('date-times: the time part', () => {
  const at = (v: string): string => {
    const ms = parseLocalMs(v, tokyo);
    return Number.isNaN(ms) ? 'NaN' : new Date(ms).toISOString().slice(0, 19);
  };

  test('any white space, a line break included (a CSV cell written on two lines), separates the date from the time', () => {
    for (const text of ['2024-01-05\n10:11', '2024-01-05\r\n10:11', '2024-01-05 \t 10:11', '2024-01-05 T10:11', '2024/01/05\u00a010:11', '2024/01/05\u300010:11']) {
      expect(at(text)).toBe('2024-01-05T10:11:00');
    }
  });

  test('a time glued to the date, or a field left empty after its colon, is not a date', () => {
    for (const text of ['2024-01-0510:11', '2024-01-05 10:11:', '2024-01-05 10:11: +0900', '2024-01-05 :11']) expect(at(text)).toBe('NaN');
  });

  test('Japanese time without its last unit (10時11分12, 10時11) reads like the full form', () => {
    expect(at('2024年1月5日 10時11分12')).toBe('2024-01-05T10:11:12');
    expect(at('2024年1月5日 10時11')).toBe('2024-01-05T10:11:00');
    expect(at('2024年1月5日10時')).toBe('2024-01-05T10:00:00');
  });
});

describe('a day-first cell pasted with spaces around it', () => {
  test('still shows its column is day-first, and reads as that day', () => {
    for (const v of [' 13/1/2024', '\u300031/12/2023 ', '  25.12.2023 10:00']) expect(isDayFirstText(v)).toBe(true);
    expect(isoDay(Math.floor(parseLocalMs(' 13/1/2024', tokyo, { dayFirst: true }) / DAY_MS))).toBe('2024-01-13');
    expect(isDayFirstText(' 12/1/2024')).toBe(false);
  });
});

describe('customer keys: capitals, an @ and spaces, through the cached reader too', () => {
  test('an @ anywhere, first included (a LINE-style @ID), makes the key case-insensitive', () => {
    for (const read of [normalizeKey, keyReader()]) {
      expect(read('@Fan_Club')).toBe('@fan_club');
      expect(read('A@shop.jp')).toBe('a@shop.jp');
      expect(read('Z@shop.jp')).toBe('z@shop.jp');
      expect(read('Taro.Yamada@Example.com')).toBe('taro.yamada@example.com');
      // An ID keeps its capitals; spaces around it go.
      expect(read('AZ-100')).toBe('AZ-100');
      expect(read('C-1 ')).toBe('C-1');
      expect(read('C-1\t')).toBe('C-1');
    }
  });
});

describe('dates: calendar edges and spaces', () => {
  const at = (v: unknown, reading: { offsetMs?: number } = {}): string => {
    const ms = parseLocalMs(v, tokyo, reading);
    return Number.isNaN(ms) ? 'NaN' : new Date(ms).toISOString().slice(0, 19);
  };

  test('day 0 and month 0 are no dates, in any written form', () => {
    for (const text of ['2024-01-00', '2024/0/5', '20240100', '20240005', '1/0/2024', '0/5/2024', '2024年1月0日']) expect(at(text)).toBe('NaN');
  });

  test('29 February: every 4th year, not 1900 or 2100 (centuries), but 2000 (every 400th)', () => {
    expect(['1900/2/29', '2000/2/29', '2024/2/29', '2100/2/29', '2023/2/29'].map((t) => at(t))).toEqual([
      'NaN',
      '2000-02-29T00:00:00',
      '2024-02-29T00:00:00',
      'NaN',
      'NaN',
    ]);
  });

  test('spaces around a date in any form are dropped', () => {
    for (const text of [' 2024-01-05 ', '\u30002024/1/5', ' 20240105', ' 45296 ', ' 1/5/2024', '\t2024年1月5日 ']) expect(at(text)).toBe('2024-01-05T00:00:00');
  });

  test('a weekday in brackets is dropped wherever it stands: after a US date, or glued to the time', () => {
    expect(at('1/5/2024 (金)')).toBe('2024-01-05T00:00:00');
    expect(at('2024/1/5(金)10:00')).toBe('2024-01-05T10:00:00');
  });

  test('a date with an offset or a zone but no time is that midnight', () => {
    expect(at('2024-01-05 +0900')).toBe('2024-01-05T00:00:00');
    expect(at('2024-01-05 UTC')).toBe('2024-01-05T09:00:00');
    expect(at('2024-01-05Z')).toBe('2024-01-05T09:00:00');
  });

  test('an offset is a sign, two digits of hours and, if any, two of minutes: nothing else', () => {
    for (const text of ['2024-01-05 10:11 x0900', '2024-01-05 10:11 \u22120900', '2024-01-05 10:11 +09:5x', '2024-01-05 10:11 0900']) expect(at(text)).toBe('NaN');
  });

  test('a column five hours behind UTC: every written form is placed at its instant (10:00 there is 00:00 the next day in Tokyo)', () => {
    const behind = { offsetMs: -5 * 3_600_000 };
    for (const v of ['1/5/2024 10:00 AM', '2024年1月5日 10時', 45296 + 10 / 24, '2024-01-05 10:00']) expect(at(v, behind)).toBe('2024-01-06T00:00:00');
    expect(at('20240105', behind)).toBe('2024-01-05T14:00:00');
  });
});
