/**
 * Calendar days in the spreadsheet's time zone.
 *
 * Every comparison in the product is between calendar days as the shop owner sees them in the
 * spreadsheet, not between instants: a 23:30 JST order belongs to that JST day even when the
 * script's own clock runs in UTC. A {@link Day} is the number of days since 1970-01-01 on the
 * spreadsheet's wall clock; a "local ms" is milliseconds since 1970-01-01T00:00 on that wall clock.
 */

/** Days since 1970-01-01 on the spreadsheet's wall clock. */
export type Day = number;

export const DAY_MS = 86_400_000;
/** Sheets' serial day 0 is 1899-12-30; serial 25569 is 1970-01-01. */
export const SERIAL_EPOCH_OFFSET = 25_569;

/** The UTC days whose offsets a zone caches: 1900-01-01 … 2200-01-01. */
const CACHE_FIRST = -25_567;
const CACHE_LAST = 84_006;

/** Converts instants to the wall clock of one time zone. */
export interface Zone {
  readonly name: string;
  /** Wall-clock milliseconds for an instant. */
  localMs(instantMs: number): number;
  /** The calendar day of an instant. */
  dayOf(instantMs: number): Day;
  /** The instant of local midnight starting `day` — what a `Date` cell of that day holds. */
  midnight(day: Day): Date;
}

/** Days since 1970-01-01 of a proleptic Gregorian date; `month` is 1-based. */
export function dayFromCivil(year: number, month: number, day: number): Day {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** ISO `YYYY-MM-DD` of a day, for JSON, SQL and property values — never for what the owner reads
 *  (that is {@link formatDay}). */
export function isoDay(day: Day): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The day of an ISO `YYYY-MM-DD` (what crosses to the sidebar), or undefined for anything else. */
export function parseIsoDay(iso: string): Day | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m === null) return undefined;
  const day = dayFromCivil(+m[1]!, +m[2]!, +m[3]!);
  return isoDay(day) === iso ? day : undefined;
}

const two = (n: number): string => String(n).padStart(2, '0');

/** `2026/11/30` of wall-clock milliseconds (any year, `10000/01/01` too). */
function wallDay(wallMs: number): string {
  const d = new Date(wallMs);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}/${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())}`;
}

/**
 * A day as the owner reads it — in a tab header, the sidebar, the terminal, a message: `2026/11/30`.
 * The one formatter of days (issue 17); {@link DATE_PATTERN} is the same shape as a number format.
 *
 * The same in English: year-first with slashes is what Japanese Sheets shows by default and reads
 * unambiguously for an English reader too, whereas `11/30/2026` (US) and `30/11/2026` (UK) are each
 * misread by the other half of English readers. So the language does not change the shape.
 */
export function formatDay(day: Day): string {
  return wallDay(day * DAY_MS);
}

/** An ISO day that crossed as JSON (`2026-11-30`), shown as {@link formatDay}; other text unchanged. */
export function formatIsoDay(iso: string): string {
  const day = parseIsoDay(iso);
  return day === undefined ? iso : formatDay(day);
}

/** An instant as the owner reads it, on the spreadsheet's wall clock: `2026/11/30 12:00` (24-hour;
 *  `12:00:05` with `seconds`, for the diagnostics that compare clocks). */
export function formatDateTime(instantMs: number, zone: Zone, seconds = false): string {
  const wall = zone.localMs(instantMs);
  const d = new Date(wall);
  return `${wallDay(wall)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}${seconds ? `:${two(d.getUTCSeconds())}` : ''}`;
}

/**
 * The same shapes as Sheets number-format patterns (Google's "Date and number formats" page,
 * developers.google.com/workspace/sheets/api/guides/formats: `yyyy` year, `mm` month — minutes when
 * next to `hh` —, `dd` day, `hh` 24-hour hour), and as Excel's (the preview's .xlsx).
 */
export const DATE_PATTERN = 'yyyy/mm/dd';
export const DATE_TIME_PATTERN = 'yyyy/mm/dd hh:mm';

/** Offset (local − UTC) in ms at an instant, as `Intl` computes it for `timeZone`. */
export function intlOffset(timeZone: string): (instantMs: number) => number {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new RangeError(`Unknown time zone "${timeZone}"`);
  }
  return (instantMs) => {
    const whole = Math.floor(instantMs / 1000) * 1000;
    const p: Record<string, number> = {};
    for (const part of format.formatToParts(new Date(whole))) {
      if (part.type !== 'literal') p[part.type] = Number(part.value);
    }
    const wall = Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
    return wall - whole;
  };
}

/**
 * A zone: by default backed by `Intl` (available in Node and in Apps Script's V8 runtime); the Apps
 * Script layer may pass another source of offsets (Utilities.formatDate) where `Intl` cannot be
 * trusted (src/gas/env.ts checks it on first use).
 *
 * The offset is looked up once per UTC day and reused for every instant of that day unless the
 * offset changes within it (a DST transition), in which case the instant is resolved exactly.
 * This keeps the cost per distinct day, not per row, on a shop's whole history.
 */
export function makeZone(timeZone: string, offsetSource?: (instantMs: number) => number): Zone {
  /** Offset (local − UTC) in ms at an instant. */
  const exactOffset = offsetSource ?? intlOffset(timeZone);

  // UTC day → offset for that whole day (NaN: not looked up yet; Infinity: the offset changes
  // within that day). A flat array over the years 1900–2200 makes the lookup an index.
  const perDay = new Float64Array(CACHE_LAST - CACHE_FIRST).fill(NaN);
  const offsetAt = (instantMs: number): number => {
    const key = Math.floor(instantMs / DAY_MS);
    const i = key - CACHE_FIRST;
    if (i < 0 || i >= perDay.length) return exactOffset(instantMs);
    let offset = perDay[i]!;
    if (offset !== offset) {
      const start = exactOffset(key * DAY_MS);
      const end = exactOffset(key * DAY_MS + DAY_MS - 1000);
      offset = start === end ? start : Infinity;
      perDay[i] = offset;
    }
    return offset === Infinity ? exactOffset(instantMs) : offset;
  };

  return {
    name: timeZone,
    localMs: (instantMs) => instantMs + offsetAt(instantMs),
    dayOf: (instantMs) => Math.floor((instantMs + offsetAt(instantMs)) / DAY_MS),
    midnight: (day) => {
      const wall = day * DAY_MS;
      // Two steps: the offset at the guess is the offset at midnight except across a transition.
      const guess = wall - offsetAt(wall);
      const t = wall - offsetAt(guess);
      // Where a DST change skips midnight itself (Santiago, Havana: 00:00 → 01:00), that instant
      // is still the day before; the day starts at the change, 01:00.
      return new Date(t + offsetAt(t) < wall ? wall - offsetAt(t) : t);
    },
  };
}
