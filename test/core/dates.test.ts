/**
 * Calendar days in the spreadsheet's time zone (SPEC §1.4, §5: "return dates that display as the
 * same calendar day in the spreadsheet").
 */
import { DAY_MS, dayFromCivil, isoDay, makeZone } from '../../src/core/dates';

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
