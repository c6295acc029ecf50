/**
 * The sidebar's BigQuery (Connected Sheets) section, server side (issue 16): read the orders
 * table's columns, then create or update two data source sheets whose queries are the generated
 * SQL (the customer table and the stage summary), and a regular tab of the add-on's own that shows
 * the funnel from the summary. Apps Script's Connected Sheets calls
 * (https://developers.google.com/apps-script/guides/sheets/connected-sheets):
 * `SpreadsheetApp.enableBigQueryExecution()`, `newDataSourceSpec().asBigQuery().setProjectId()
 * .setRawQuery().build()`, `Spreadsheet.insertDataSourceSheet(spec)`, `DataSource.updateSpec(spec)`
 * (which refreshes), `DataSourceSheet.waitForCompletion(s)`, `getStatus()`, `getSheetValues(column)`.
 *
 * The queries ask for today in the spreadsheet's zone when they run (`CURRENT_DATE(zone)`), so a
 * refresh that Connected Sheets schedules by itself stays current.
 *
 * Every export of this module is a sidebar server function (src/sidebar/serverFunctions.ts).
 */
import { BIGQUERY_MESSAGES, BIGQUERY_SHEET_NAMES, BIGQUERY_TAB_TEXT, BIGQUERY_TEXT, SETTINGS_MESSAGES, SQL_FIELD_LABELS, bothLanguages, pickLang, type Lang } from '../core/labels';
import type { SettingProblem } from '../core/settings';
import {
  SQL_FIELDS,
  columnsQuery,
  connectedQueries,
  readBigQuerySettings,
  suggestBigQueryColumns,
  type BigQuerySettings,
  type SqlField,
  type TableColumn,
} from '../core/sql/connected';
import { loadBigQuery, saveBigQuery, type BigQuerySheetRole, type BigQueryStored } from './bigQueryStore';
import { METADATA_KEYS } from './keys';
import { freeName, protectTab } from './ownSheets';
import { PROPERTY_VALUE_CAP, message, utf8Bytes } from './properties';
import { loadSettings } from './settingsStore';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type DataSourceSheet = GoogleAppsScript.Spreadsheet.DataSourceSheet;
type Text = Readonly<Record<Lang, string>>;

/** Seconds to wait for each query: two of them stay well inside Apps Script's 6 minutes
 *  (waitForCompletion allows at most 300). */
const WAIT_SECONDS = 120;
/** How long a click waits for a refresh that holds the lock. */
const LOCK_WAIT_MS = 2_000;

/** What the section shows: its words, the stored settings and the table's columns. */
export interface BigQueryView {
  readonly lang: Lang;
  readonly text: Readonly<Record<keyof typeof BIGQUERY_TEXT, string>>;
  readonly fieldLabels: Readonly<Record<SqlField, string>>;
  readonly fields: readonly SqlField[];
  readonly settings: BigQuerySettings;
  readonly tableColumns: readonly TableColumn[];
  /** The names of the section's sheets that exist now. */
  readonly sheets: readonly string[];
}

export interface BigQueryResult {
  readonly ok: boolean;
  /** Problems of fields, by path (`bigQuery.projectId`…). */
  readonly problems: SettingProblem[];
  /** A failure that is no field's (access, the query, time). */
  readonly error: Text | null;
  readonly view: BigQueryView;
}

function langOf(ss: Spreadsheet): Lang {
  return pickLang(loadSettings().language, ss.getSpreadsheetLocale());
}

function pick<T extends Record<string, Text>>(table: T, lang: Lang): Record<keyof T, string> {
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [k, v[lang]])) as Record<keyof T, string>;
}

/** The section's sheets that exist, by role (found by id: a copy has another id). */
function sheetsOf(ss: Spreadsheet, stored: BigQueryStored): Partial<Record<BigQuerySheetRole, Sheet>> {
  const out: Partial<Record<BigQuerySheetRole, Sheet>> = {};
  for (const [role, id] of Object.entries(stored.sheets) as [BigQuerySheetRole, number][]) {
    const sheet = ss.getSheetById(id);
    if (sheet !== null) out[role] = sheet;
  }
  return out;
}

function viewOf(ss: Spreadsheet, stored: BigQueryStored): BigQueryView {
  const lang = langOf(ss);
  return {
    lang,
    text: pick(BIGQUERY_TEXT, lang),
    fieldLabels: pick(SQL_FIELD_LABELS, lang),
    fields: SQL_FIELDS,
    settings: stored.settings,
    tableColumns: stored.tableColumns,
    sheets: Object.values(sheetsOf(ss, stored)).map((s) => s!.getName()),
  };
}

/** The section's state, when the owner opens it. */
export function getBigQueryView(): BigQueryView {
  const ss = SpreadsheetApp.getActive();
  return viewOf(ss, loadBigQuery());
}

/** Why a Connected Sheets call failed, in the owner's words: no scope in this build, else no
 *  Connected Sheets or BigQuery access for this account (the rest says what BigQuery said). */
function accessError(e: unknown): Text {
  const m = message(e);
  if (/Specified permissions are not sufficient|auth\/bigquery/i.test(m)) return BIGQUERY_MESSAGES.notThisBuild;
  return bothLanguages(BIGQUERY_MESSAGES.noConnectedSheets, m);
}

/** A finished execution's failure, or null when it succeeded. */
function statusError(name: string, status: GoogleAppsScript.Spreadsheet.DataExecutionStatus): Text | null {
  const state = String(status.getExecutionState());
  if (state === 'SUCCESS') return null;
  if (state === 'RUNNING' || state === 'NOT_STARTED') return bothLanguages(BIGQUERY_MESSAGES.timedOut, name);
  const detail = status.getErrorMessage();
  // BigQuery's "Access Denied: … permission …" and Connected Sheets' own refusals are the account's.
  if (/access denied|permission|not available|not enabled/i.test(detail)) return bothLanguages(BIGQUERY_MESSAGES.noConnectedSheets, detail);
  return bothLanguages(BIGQUERY_MESSAGES.queryFailed, name, detail);
}

function specOf(projectId: string, sql: string): GoogleAppsScript.Spreadsheet.DataSourceSpec {
  return SpreadsheetApp.newDataSourceSpec().asBigQuery().setProjectId(projectId).setRawQuery(sql).build();
}

/** Runs a query in a data source sheet: the existing one updated, else a new one named `name`. */
function runIn(ss: Spreadsheet, existing: Sheet | undefined, name: string, projectId: string, sql: string): { sheet: DataSourceSheet; error: Text | null } {
  const spec = specOf(projectId, sql);
  let ds = existing?.asDataSourceSheet() ?? null;
  if (ds !== null) ds.getDataSource().updateSpec(spec);
  else {
    ds = ss.insertDataSourceSheet(spec);
    ds.asSheet().setName(freeName(ss, name));
  }
  const status = ds.waitForCompletion(WAIT_SECONDS);
  return { sheet: ds, error: statusError(ds.asSheet().getName(), status) };
}

function fail(ss: Spreadsheet, stored: BigQueryStored, problems: SettingProblem[], error: Text | null): BigQueryResult {
  return { ok: false, problems, error, view: viewOf(ss, stored) };
}

function withLock<T>(busy: () => T, fn: () => T): T {
  const lock = LockService.getDocumentLock();
  if (lock !== null && !lock.tryLock(LOCK_WAIT_MS)) return busy();
  try {
    return fn();
  } finally {
    lock?.releaseLock();
  }
}

/**
 * "Read the columns": lists the orders table's columns (INFORMATION_SCHEMA.COLUMNS, in a data
 * source sheet that is deleted again) and pre-fills the mapping from their names.
 */
export function readBigQueryColumns(input: unknown): BigQueryResult {
  const ss = SpreadsheetApp.getActive();
  const stored = loadBigQuery();
  const { settings, problems } = readBigQuerySettings(input);
  const own = problems.filter((p) => p.path === 'bigQuery.projectId' || p.path === 'bigQuery.table');
  if (own.length > 0) return fail(ss, stored, own, null);
  return withLock(
    () => fail(ss, stored, [], BIGQUERY_MESSAGES.busy),
    () => {
      let ds: DataSourceSheet;
      try {
        SpreadsheetApp.enableBigQueryExecution();
        ds = ss.insertDataSourceSheet(specOf(settings.projectId, columnsQuery(settings)));
      } catch (e) {
        return fail(ss, stored, [], accessError(e));
      }
      let error: Text | null;
      let columns: TableColumn[] = [];
      try {
        error = statusError(BIGQUERY_SHEET_NAMES.columns[langOf(ss)], ds.waitForCompletion(WAIT_SECONDS));
        if (error === null) {
          const names = ds.getSheetValues('column_name').map(String);
          const types = ds.getSheetValues('data_type').map(String);
          columns = names.map((name, i) => ({ name, type: types[i] ?? '' }));
        }
      } finally {
        // The listing's sheet is the add-on's own: gone once read.
        ss.deleteSheet(ds.asSheet());
      }
      if (error !== null) return fail(ss, stored, [], error);
      if (columns.length === 0) return fail(ss, stored, [], bothLanguages(BIGQUERY_MESSAGES.noColumns, settings.table));
      const suggested = suggestBigQueryColumns(columns);
      // Keep the owner's choices that are still columns of the table; fill the rest.
      const same = stored.settings.projectId === settings.projectId && stored.settings.table === settings.table;
      const names = new Set(columns.map((c) => c.name));
      const kept = same ? Object.fromEntries(Object.entries(stored.settings.columns).filter(([, c]) => names.has(c!))) : {};
      const next: BigQueryStored = {
        ...stored,
        settings: { ...settings, columns: { ...suggested.columns, ...kept }, orderedAt: same ? stored.settings.orderedAt : suggested.orderedAt },
        tableColumns: columns,
      };
      try {
        saveBigQuery(next);
      } catch (e) {
        return fail(ss, stored, [], bothLanguages(SETTINGS_MESSAGES.notStored, message(e)));
      }
      return { ok: true, problems: [], error: null, view: viewOf(ss, loadBigQuery()) };
    },
  );
}

/**
 * "Create or update the sheets": stores the settings, runs the customer table and the summary in
 * their data source sheets, and writes the funnel tab from the summary.
 */
export function connectBigQuery(input: unknown): BigQueryResult {
  const ss = SpreadsheetApp.getActive();
  const stored = loadBigQuery();
  const { settings, problems } = readBigQuerySettings(input);
  if (problems.length > 0) return fail(ss, stored, problems, null);
  return withLock(
    () => fail(ss, stored, [], BIGQUERY_MESSAGES.busy),
    () => {
      const lang = langOf(ss);
      let state: BigQueryStored = { ...stored, settings };
      const bytes = utf8Bytes(JSON.stringify(state));
      if (bytes > PROPERTY_VALUE_CAP) return fail(ss, stored, [{ path: '', message: bothLanguages(BIGQUERY_MESSAGES.tooLarge, bytes, PROPERTY_VALUE_CAP) }], null);
      try {
        saveBigQuery(state);
      } catch (e) {
        return fail(ss, stored, [], bothLanguages(SETTINGS_MESSAGES.notStored, message(e)));
      }
      const queries = connectedQueries(settings, { settings: loadSettings(), asOf: 'today', zone: ss.getSpreadsheetTimeZone(), lang });
      const existing = sheetsOf(ss, state);
      const sheets: Partial<Record<BigQuerySheetRole, number>> = { ...state.sheets };
      const remember = (): void => {
        state = { ...state, sheets: { ...sheets } };
        saveBigQuery(state);
      };
      let summary: DataSourceSheet;
      try {
        SpreadsheetApp.enableBigQueryExecution();
        const customers = runIn(ss, existing.customers, BIGQUERY_SHEET_NAMES.customers[lang], settings.projectId, queries.customers);
        sheets.customers = customers.sheet.asSheet().getSheetId();
        remember();
        if (customers.error !== null) return fail(ss, state, [], customers.error);
        const s = runIn(ss, existing.summary, BIGQUERY_SHEET_NAMES.summary[lang], settings.projectId, queries.summary);
        sheets.summary = s.sheet.asSheet().getSheetId();
        remember();
        if (s.error !== null) return fail(ss, state, [], s.error);
        summary = s.sheet;
      } catch (e) {
        return fail(ss, state, [], accessError(e));
      }
      const funnel = writeFunnelTab(ss, existing.funnel, summary, settings, lang);
      sheets.funnel = funnel.getSheetId();
      remember();
      return { ok: true, problems: [], error: null, view: viewOf(ss, state) };
    },
  );
}

/** The funnel tab: the add-on's own regular sheet (made here, marked, protected warning-only). */
function writeFunnelTab(ss: Spreadsheet, existing: Sheet | undefined, summary: DataSourceSheet, settings: BigQuerySettings, lang: Lang): Sheet {
  const own = existing !== undefined && isOurFunnel(existing) ? existing : undefined;
  let sheet: Sheet;
  if (own !== undefined) sheet = own;
  else {
    sheet = ss.insertSheet(freeName(ss, BIGQUERY_SHEET_NAMES.funnel[lang]), ss.getSheets().length);
    sheet.addDeveloperMetadata(METADATA_KEYS.bigQuery, 'funnel');
    sheet.addDeveloperMetadata(METADATA_KEYS.sheetId, String(sheet.getSheetId()));
    protectTab(sheet, lang);
  }
  const t = BIGQUERY_TAB_TEXT;
  const labels = summary.getSheetValues('stage_label').map(String);
  const customers = summary.getSheetValues('customers').map(Number);
  const revenue = summary.getSheetValues('revenue').map(Number);
  const zone = ss.getSpreadsheetTimeZone();
  const refreshed = summary.getStatus().getLastRefreshedTime();
  const rows: (string | number)[][] = [
    [t.title[lang], '', ''],
    [t.source[lang], `${settings.projectId}.${settings.table}`, ''],
    [t.refreshedAt[lang], refreshed === null ? '' : Utilities.formatDate(refreshed as unknown as Date, zone, 'yyyy/MM/dd HH:mm'), ''],
    ['', '', ''],
    [t.stage[lang], t.customers[lang], t.revenue[lang]],
    ...labels.map((label, i) => [label, customers[i] ?? 0, revenue[i] ?? 0]),
    [t.total[lang], customers.reduce((a, b) => a + b, 0), revenue.reduce((a, b) => a + b, 0)],
    ['', '', ''],
    [t.note[lang], '', ''],
  ];
  sheet.clearContents();
  const range = sheet.getRange(1, 1, rows.length, 3);
  // Text as text: a stage label or the table's name must not be read as a number or a date.
  range.setNumberFormat('@');
  sheet.getRange(6, 2, labels.length + 1, 2).setNumberFormat('#,##0');
  range.setValues(rows);
  sheet.getRange(1, 1).setFontWeight('bold');
  sheet.getRange(5, 1, 1, 3).setFontWeight('bold');
  return sheet;
}

/** The funnel tab is the sheet marked as it whose recorded id is its own (a duplicate is not). */
function isOurFunnel(sheet: Sheet): boolean {
  let role = false;
  let id: number | undefined;
  for (const m of sheet.getDeveloperMetadata()) {
    if (m.getKey() === METADATA_KEYS.bigQuery && m.getValue() === 'funnel') role = true;
    else if (m.getKey() === METADATA_KEYS.sheetId) id = Number(m.getValue());
  }
  return role && id === sheet.getSheetId();
}
