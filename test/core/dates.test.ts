/**
 * Calendar days in the spreadsheet's time zone (SPEC §1.4, §5: "return dates that display as the
 * same calendar day in the spreadsheet").
 */
import fc from 'fast-check';
import {
  DATE_PATTERN,
  DATE_TIME_PATTERN,
  DAY_MS,
  SERIAL_EPOCH_OFFSET,
  dayFromCivil,
  formatDateTime,
  formatDay,
  formatIsoDay,
  isoDay,
  makeZone,
  parseIsoDay,
} from '../../src/core/dates';

const HOUR = 3_600_000;

describe('days and their names', () => {
  test('day 0 is 1970-01-01; months are 1-based; days before 1970 are negative', () => {
    expect(dayFromCivil(1970, 1, 1)).toBe(0);
    expect(dayFromCivil(1970, 2, 1)).toBe(31);
    expect(dayFromCivil(1969, 12, 31)).toBe(-1);
    expect(isoDay(dayFromCivil(2024, 2, 29))).toBe('2024-02-29');
    expect(isoDay(-1)).toBe('1969-12-31');
  });

  test('Sheets’ serial day 25569 is 1970-01-01 (serial 0 is 1899-12-30)', () => {
    expect(SERIAL_EPOCH_OFFSET).toBe(25_569);
    expect(isoDay(-SERIAL_EPOCH_OFFSET)).toBe('1899-12-30');
  });
});

describe('a zone turns instants into its wall clock', () => {
  test('an unknown zone name is refused with its name', () => {
    expect(() => makeZone('Mars/Olympus_Mons')).toThrow(new RangeError('Unknown time zone "Mars/Olympus_Mons"'));
    expect(makeZone('Asia/Tokyo').name).toBe('Asia/Tokyo');
  });

  test('Tokyo is UTC+9 all year; New York is −5 in winter and −4 in summer', () => {
    const tokyo = makeZone('Asia/Tokyo');
    const ny = makeZone('America/New_York');
    for (const iso of ['2024-01-15T12:00:00Z', '2024-07-15T12:00:00Z']) {
      const t = Date.parse(iso);
      expect(tokyo.localMs(t) - t).toBe(9 * HOUR);
    }
    expect(ny.localMs(Date.parse('2024-01-15T12:00:00Z')) - Date.parse('2024-01-15T12:00:00Z')).toBe(-5 * HOUR);
    expect(ny.localMs(Date.parse('2024-07-15T12:00:00Z')) - Date.parse('2024-07-15T12:00:00Z')).toBe(-4 * HOUR);
  });

  test('on the day the clocks change, times before and after the change each read on their own side', () => {
    // New York, 10 March 2024: 02:00 EST became 03:00 EDT (07:00 UTC).
    const ny = makeZone('America/New_York');
    const wall = (iso: string) => new Date(ny.localMs(Date.parse(iso))).toISOString().slice(0, 19);
    expect(wall('2024-03-10T06:30:00Z')).toBe('2024-03-10T01:30:00');
    expect(wall('2024-03-10T06:59:59Z')).toBe('2024-03-10T01:59:59');
    expect(wall('2024-03-10T07:00:00Z')).toBe('2024-03-10T03:00:00');
    expect(wall('2024-03-10T07:30:00.500Z')).toBe('2024-03-10T03:30:00');
    // …and 3 November 2024: 02:00 EDT became 01:00 EST (06:00 UTC).
    expect(wall('2024-11-03T05:30:00Z')).toBe('2024-11-03T01:30:00');
    expect(wall('2024-11-03T06:30:00Z')).toBe('2024-11-03T01:30:00');
  });

  test('instants outside 1900–2200 are converted too (exactly, without the per-day table)', () => {
    const tokyo = makeZone('Asia/Tokyo');
    for (const iso of ['2250-06-01T00:00:00.750Z', '2200-01-01T00:00:00Z']) {
      const t = Date.parse(iso);
      expect(tokyo.localMs(t) - t).toBe(9 * HOUR);
      expect(isoDay(tokyo.dayOf(t))).toBe(iso.slice(0, 10));
    }
    const ny = makeZone('America/New_York');
    const summer = Date.parse('2250-07-01T12:00:00Z');
    expect(ny.localMs(summer) - summer).toBe(-4 * HOUR);
    // Before 1900 (and before standard time zones) New York kept its local mean time.
    const t = Date.parse('1850-01-01T17:00:00Z');
    expect(ny.localMs(t) - t).toBe(-(4 * 3600 + 56 * 60 + 2) * 1000);
  });

  test('the day of an instant is its day on the zone’s wall clock', () => {
    const tokyo = makeZone('Asia/Tokyo');
    expect(isoDay(tokyo.dayOf(Date.parse('2024-01-05T14:59:59.999Z')))).toBe('2024-01-05');
    expect(isoDay(tokyo.dayOf(Date.parse('2024-01-05T15:00:00Z')))).toBe('2024-01-06');
  });
});

describe('midnight: the Date that Sheets shows as a given day', () => {
  // Zones with no DST, DST changes at night, a half-hour change, and changes at midnight itself
  // (Santiago, Havana, Asunción and, until 2019, São Paulo skip from 00:00 to 01:00; Beirut too).
  const zones = [
    'Asia/Tokyo', 'UTC', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'America/Santiago', 'America/Havana',
    'America/Asuncion', 'America/Sao_Paulo', 'Asia/Beirut',
  ];

  test.each(zones)('%s: every day of 2017–2020 starts at its midnight — the first instant of that day', (name) => {
    const zone = makeZone(name);
    for (let day = dayFromCivil(2017, 1, 1); day <= dayFromCivil(2020, 12, 31); day++) {
      const t = zone.midnight(day).getTime();
      if (zone.dayOf(t) !== day || zone.dayOf(t - 1) !== day - 1) {
        throw new Error(`${name} ${isoDay(day)}: midnight() gave ${new Date(t).toISOString()}, local ${new Date(zone.localMs(t)).toISOString()}`);
      }
    }
  });

  test('where DST skips midnight, the day starts at 01:00', () => {
    const santiago = makeZone('America/Santiago');
    const t = santiago.midnight(dayFromCivil(2024, 9, 8)).getTime();
    expect(new Date(santiago.localMs(t)).toISOString()).toBe('2024-09-08T01:00:00.000Z');
    expect(new Date(t).toISOString()).toBe('2024-09-08T04:00:00.000Z');
  });

  test('Tokyo midnight is 15:00 UTC the day before', () => {
    expect(makeZone('Asia/Tokyo').midnight(dayFromCivil(2024, 1, 5)).toISOString()).toBe('2024-01-04T15:00:00.000Z');
    expect(makeZone('UTC').midnight(0).getTime()).toBe(0 * DAY_MS);
  });
});

describe('the one formatter of what the owner reads (issue 17): 2026/11/30 and 12:00', () => {
  test('a day reads year/month/day with two-digit month and day, any year', () => {
    expect(formatDay(dayFromCivil(2026, 11, 30))).toBe('2026/11/30');
    expect(formatDay(dayFromCivil(2026, 1, 5))).toBe('2026/01/05');
    expect(formatDay(dayFromCivil(999, 12, 31))).toBe('0999/12/31');
    expect(formatDay(dayFromCivil(10000, 1, 1))).toBe('10000/01/01');
    expect(formatDay(-1)).toBe('1969/12/31');
  });

  test('every day formats as the ISO day with slashes, and parses back from ISO', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayFromCivil(1, 1, 1), max: dayFromCivil(9999, 12, 31) }), (day) => {
        const iso = isoDay(day);
        expect(formatDay(day)).toBe(iso.replace(/-/g, '/'));
        expect(parseIsoDay(iso)).toBe(day);
        expect(formatIsoDay(iso)).toBe(formatDay(day));
      }),
    );
  });

  test('only a real ISO day is parsed; other text is shown unchanged', () => {
    expect(parseIsoDay('2026-02-30')).toBeUndefined();
    expect(parseIsoDay('2026/11/30')).toBeUndefined();
    expect(parseIsoDay('2026-11-30T00:00:00Z')).toBeUndefined();
    expect(formatIsoDay('yesterday')).toBe('yesterday');
  });

  test('a time reads on the spreadsheet’s wall clock, 24-hour, whatever the machine’s zone', () => {
    const t = Date.parse('2026-11-30T03:00:00Z');
    expect(formatDateTime(t, makeZone('Asia/Tokyo'))).toBe('2026/11/30 12:00');
    expect(formatDateTime(t, makeZone('America/New_York'))).toBe('2026/11/29 22:00');
    // 23:59:59.999 stays on its own day and minute.
    expect(formatDateTime(Date.parse('2026-11-30T14:59:59.999Z'), makeZone('Asia/Tokyo'))).toBe('2026/11/30 23:59');
    // New York's DST change: 01:30 EDT then 01:30 EST, each on its own side.
    const ny = makeZone('America/New_York');
    expect(formatDateTime(Date.parse('2024-11-03T05:30:00Z'), ny)).toBe('2024/11/03 01:30');
    expect(formatDateTime(Date.parse('2024-11-03T07:30:00Z'), ny)).toBe('2024/11/03 02:30');
  });

  test('with seconds (the diagnostics that compare clocks): 12:00:05, two digits each', () => {
    const tokyo = makeZone('Asia/Tokyo');
    expect(formatDateTime(Date.parse('2026-11-30T03:00:05Z'), tokyo, true)).toBe('2026/11/30 12:00:05');
    expect(formatDateTime(Date.parse('2026-11-30T14:59:59.999Z'), tokyo, true)).toBe('2026/11/30 23:59:59');
    expect(formatDateTime(Date.parse('2026-11-30T03:00:05Z'), tokyo)).toBe('2026/11/30 12:00');
  });

  test('the number-format patterns have the same shape (yyyy/mm/dd, hh:mm)', () => {
    expect(DATE_PATTERN).toBe('yyyy/mm/dd');
    expect(DATE_TIME_PATTERN).toBe('yyyy/mm/dd hh:mm');
  });
});
