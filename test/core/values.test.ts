import fc from 'fast-check';
import { DAY_MS, dayFromCivil, isoDay, makeZone } from '../../src/core/dates';
import {
  isExcludedStatus,
  keyReader,
  normalizeKey,
  parseAmount,
  parseFlag,
  parseLocalMs,
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
