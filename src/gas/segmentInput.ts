/**
 * A segment's input now, outside a refresh (the sidebar's count, リストを作成, the CSV, and a campaign
 * started from a saved segment): the sheets a refresh reads, the same core report — nothing written.
 */
import type { Zone } from '../core/dates';
import { SEGMENT_TEXT, pickLang } from '../core/labels';
import { buildReport } from '../core/report';
import type { SegmentInput } from '../core/segments';
import { zoneFor } from './env';
import { readSources } from './refresh';
import { segmentInputOf } from './segmentSheets';
import { loadSettings } from './settingsStore';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Throws (in the spreadsheet's language) when there is no orders sheet to read. */
export function currentSegmentInput(ss: Spreadsheet): { input: SegmentInput; zone: Zone } {
  const settings = loadSettings();
  const sources = readSources(ss, settings);
  const zone = zoneFor(ss.getSpreadsheetTimeZone());
  const orders = sources.orders;
  if (orders === undefined) throw new Error(SEGMENT_TEXT.noCustomers[pickLang(settings.language, ss.getSpreadsheetLocale())]);
  const report = buildReport({
    orders: orders.values,
    customers: sources.customers?.values,
    survey: sources.survey?.values,
    settings,
    zone,
    locale: ss.getSpreadsheetLocale(),
    now: Date.now(),
  });
  return { input: segmentInputOf(report, orders.values), zone };
}
