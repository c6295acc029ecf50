/** The spreadsheet's side of a calculation: its time zone, locale, the clock and the settings. */
import { intlOffset, makeZone, type Zone } from '../core/dates';
import type { FunctionEnv } from '../core/functions';
import { loadSettings } from './settingsStore';

// One zone per time zone name for the life of the script instance: its offset cache survives
// between calls when Apps Script reuses the instance.
const zones = new Map<string, Zone>();

/**
 * Instants on which `Intl` must agree with Apps Script's own `Utilities.formatDate` before it is
 * trusted: winter and summer in both hemispheres, the hours around a US and a European clock change,
 * and the far past and future of the calendar a shop's history spans. (Offsets with seconds, from
 * before the 1900s, are left out: `Utilities`' 'Z' pattern has only minutes.)
 */
const CHECK_INSTANTS = [
  Date.UTC(2024, 0, 15, 12),
  Date.UTC(2024, 6, 15, 12),
  Date.UTC(2024, 2, 10, 6, 30),
  Date.UTC(2024, 2, 10, 7, 30),
  Date.UTC(2024, 9, 27, 0, 30),
  Date.UTC(2024, 9, 27, 1, 30),
  Date.UTC(1995, 5, 1),
  Date.UTC(2037, 11, 31),
];

/** The offset Apps Script's Utilities gives ('Z': "+0900", "-0500"), in ms. */
function utilitiesOffset(name: string): (instantMs: number) => number {
  return (instantMs) => {
    const z = Utilities.formatDate(new Date(instantMs), name, 'Z');
    const m = /^([+-])(\d\d)(\d\d)$/.exec(z);
    if (m === null) throw new RangeError(`Utilities.formatDate gave "${z}" as the offset of ${name}`);
    return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
  };
}

/**
 * The spreadsheet's zone. The core's calendar runs on `Intl.DateTimeFormat` with `timeZone`, which
 * Apps Script's V8 provides, but whose time-zone data is not Apps Script's own: on first use the two
 * are compared on a few instants, and if they disagree (or `Intl` does not know the zone) the zone
 * runs on `Utilities.formatDate` instead, slower but what Sheets itself agrees with.
 */
export function zoneFor(name: string): Zone {
  let z = zones.get(name);
  if (z === undefined) {
    const fromUtilities = utilitiesOffset(name);
    let intl: ((ms: number) => number) | undefined;
    try {
      intl = intlOffset(name);
    } catch {
      intl = undefined;
    }
    const trusted = intl !== undefined && CHECK_INSTANTS.every((t) => intl(t) === fromUtilities(t));
    z = makeZone(name, trusted ? intl : fromUtilities);
    zones.set(name, z);
  }
  return z;
}

export function spreadsheetEnv(): FunctionEnv {
  const ss = SpreadsheetApp.getActive();
  return {
    zone: zoneFor(ss.getSpreadsheetTimeZone() || 'Asia/Tokyo'),
    // Date arguments are made, and returned Dates read, in the script's zone (appsscript.json).
    dateZone: zoneFor(Session.getScriptTimeZone() || 'Asia/Tokyo'),
    locale: ss.getSpreadsheetLocale() || '',
    settings: loadSettings(),
    now: Date.now(),
  };
}
