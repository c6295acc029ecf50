/** The spreadsheet's side of a calculation: its time zone, locale, the clock and the settings. */
import { makeZone, type Zone } from '../core/dates';
import type { FunctionEnv } from '../core/functions';
import { loadSettings } from './settingsStore';

// One zone per time zone name for the life of the script instance: its offset cache survives
// between calls when Apps Script reuses the instance.
const zones = new Map<string, Zone>();

export function zoneFor(name: string): Zone {
  let z = zones.get(name);
  if (z === undefined) {
    z = makeZone(name);
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
