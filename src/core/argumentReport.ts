/**
 * What =FANFUNNEL_ARGS shows (issue 10 §3): how Sheets handed each argument to a custom function —
 * the facts Google does not document (a skipped argument as `undefined` or `""`, the zone a date
 * cell's `Date` is made in), read in the owner's real spreadsheet.
 *
 * One row per argument position: its JavaScript type and what arrived — a Date with its ISO instant,
 * its getTimezoneOffset and its wall clock in the script's and the spreadsheet's zones (and so in
 * which zone it is 0:00); a 2-D array with its shape and its first cells. Then the number of
 * arguments received and the time zones.
 */
import { formatDateTime, formatDay, makeZone, type Zone } from './dates';
import { RETURNED_DATE_PROBE, type Gathered } from './diagnostics';
import { FANFUNNEL_ARGS_TEXT, type Lang } from './labels';
import { isDate } from './values';

export interface ArgumentContext {
  readonly lang: Lang;
  readonly scriptTimeZone: Gathered<string>;
  readonly spreadsheetTimeZone: Gathered<string>;
  readonly runtimeTimeZone: Gathered<string>;
  /**
   * `Date.prototype.getTimezoneOffset` as the script's runtime answers it. Passed in: the core
   * never reads the runtime's local time itself (its results would depend on the machine).
   */
  readonly timezoneOffsetOf: (d: Date) => number;
}

export type ArgumentRow = [string | number, string, string | number | Date];

const T = FANFUNNEL_ARGS_TEXT;
/** How many cells of a row of a range are described, and of how many rows. */
const FIRST_CELLS = 3;
const FIRST_ROWS = 2;
/** Longer strings are cut (the cell must stay readable). */
const MAX_STRING = 40;

type Kind = keyof (typeof T.types)['en'];

function kindOf(v: unknown): Kind {
  if (v === undefined) return 'undefined';
  if (v === null) return 'null';
  if (v === '') return 'empty';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'boolean';
  if (isDate(v)) return 'date';
  if (Array.isArray(v)) return v.length > 0 && v.every(Array.isArray) ? 'grid' : 'array';
  return 'object';
}

function zoneOf(name: Gathered<string>): Zone | undefined {
  if ('error' in name) return undefined;
  try {
    return makeZone(name.value);
  } catch {
    return undefined;
  }
}

function quoted(s: string): string {
  const json = JSON.stringify(s.length > MAX_STRING ? s.slice(0, MAX_STRING) : s);
  return s.length > MAX_STRING ? `${json.slice(0, -1)}…"` : json;
}

/** Whether an instant is 0:00 on the script's or the spreadsheet's wall clock. */
function midnightIn(instant: number, script: Zone | undefined, sheet: Zone | undefined): 'script' | 'spreadsheet' | 'both' | 'neither' {
  const at = (z: Zone | undefined) => z !== undefined && z.localMs(instant) % 86_400_000 === 0;
  const s = at(script);
  const p = at(sheet);
  return s && p ? 'both' : s ? 'script' : p ? 'spreadsheet' : 'neither';
}

/**
 * Describes the arguments of one call of FANFUNNEL_ARGS, as a table with a header row: one row per
 * position (`undefined` included), then the count and the time zones.
 */
export function describeArguments(args: readonly unknown[], ctx: ArgumentContext): ArgumentRow[] {
  const { lang } = ctx;
  const script = zoneOf(ctx.scriptTimeZone);
  const sheet = zoneOf(ctx.spreadsheetTimeZone);

  const dateDetail = (d: Date): string => {
    const ms = d.getTime();
    if (ms !== ms) return T.invalidDate[lang];
    const walls = [script, sheet]
      .filter((z, i, all): z is Zone => z !== undefined && all.findIndex((y) => y?.name === z.name) === i)
      .map((z) => `${z.name} ${formatDateTime(ms, z, true)}`)
      .join(' / ');
    const where = midnightIn(ms, script, sheet);
    const verdict =
      where === 'script'
        ? T.midnightScript[lang](script!.name)
        : where === 'spreadsheet'
          ? T.midnightSpreadsheet[lang](sheet!.name)
          : where === 'both'
            ? T.midnightBoth[lang]
            : T.withTime[lang];
    return T.date[lang](d.toISOString(), ctx.timezoneOffsetOf(d), walls, verdict);
  };

  /** A cell of a range, in a few words: its type and value, a Date's instant and where it is 0:00. */
  const short = (v: unknown): string => {
    const kind = kindOf(v);
    const type = T.types[lang][kind];
    switch (kind) {
      case 'string':
        return `${type} ${quoted(v as string)}`;
      case 'number':
      case 'boolean':
        return `${type} ${String(v)}`;
      case 'date': {
        const ms = (v as Date).getTime();
        if (ms !== ms) return `${type} ${T.invalidDate[lang]}`;
        const where = midnightIn(ms, script, sheet);
        const zone = where === 'script' || where === 'both' ? script!.name : where === 'spreadsheet' ? sheet!.name : '';
        return `${type} ${(v as Date).toISOString()}${zone === '' ? '' : ` (0:00 ${zone})`}`;
      }
      default:
        return type;
    }
  };

  const detail = (v: unknown): string => {
    const kind = kindOf(v);
    switch (kind) {
      case 'undefined':
        return T.undefined[lang];
      case 'null':
        return T.null[lang];
      case 'empty':
        return T.empty[lang];
      case 'string':
        return T.string[lang](quoted(v as string), (v as string).length);
      case 'number':
      case 'boolean':
        return String(v);
      case 'date':
        return dateDetail(v as Date);
      case 'grid': {
        const rows = v as unknown[][];
        const widths = rows.map((r) => r.length);
        const columns = Math.max(...widths);
        const parts = [T.grid[lang](rows.length, columns, widths.some((w) => w !== columns))];
        rows.slice(0, FIRST_ROWS).forEach((r, i) => parts.push(T.firstCells[lang](i + 1, r.slice(0, FIRST_CELLS).map(short).join(', '))));
        return parts.join(lang === 'ja' ? '・' : '; ');
      }
      case 'array':
        return [T.array[lang]((v as unknown[]).length), ...(v as unknown[]).slice(0, FIRST_CELLS).map(short)].join(lang === 'ja' ? '・' : '; ');
      default:
        return Object.prototype.toString.call(v);
    }
  };

  const zoneText = (z: Gathered<string>): string => ('error' in z ? T.unknown[lang](z.error) : z.value);
  return [
    [...T.header[lang]] as ArgumentRow,
    ...args.map((v, i): ArgumentRow => [i + 1, T.types[lang][kindOf(v)], detail(v)]),
    ['', T.count[lang], args.length],
    ['', T.scriptZone[lang], zoneText(ctx.scriptTimeZone)],
    ['', T.spreadsheetZone[lang], zoneText(ctx.spreadsheetTimeZone)],
    ['', T.runtimeZone[lang], zoneText(ctx.runtimeTimeZone)],
    ...(script === undefined ? [] : [['', T.returnedDate[lang](formatDay(RETURNED_DATE_PROBE)), script.midnight(RETURNED_DATE_PROBE)] as ArgumentRow]),
  ];
}

/** Whether a row label is the returned date's (in either language), for 診断 to find the row. */
export function isReturnedDateLabel(label: unknown): boolean {
  const day = formatDay(RETURNED_DATE_PROBE);
  return label === T.returnedDate.ja(day) || label === T.returnedDate.en(day);
}
