/**
 * Connected Sheets: BigQuery data source specs, data sources and data source sheets, whose queries
 * run on the in-memory BigQuery (../bigquery/engine.ts: DuckDB in a child process). Each rule with
 * the Google page it follows:
 *
 * - `SpreadsheetApp.enableBigQueryExecution()` must be called before data is executed: "Throws an
 *   exception if the data source type is not enabled. Use SpreadsheetApp#enable...Execution()
 *   methods to enable data execution for specific data source type." (DataSourceSheet reference,
 *   https://developers.google.com/apps-script/reference/spreadsheet/data-source-sheet#refreshData()).
 *   Here it holds for the execution that called it (ours: Google does not say how long it lasts).
 * - It needs the BigQuery scope: "This method adds the required bigquery.readonly OAuth scope"
 *   (https://developers.google.com/apps-script/guides/sheets/connected-sheets). A project whose
 *   manifest lists its scopes without it gets Apps Script's "Specified permissions are not
 *   sufficient to call …. Required permissions: …" (community: the wording Apps Script uses for
 *   every call missing a scope; Google does not print it).
 * - Data is executed asynchronously ("Data source objects can be added and refreshed
 *   asynchronously", same guide): `insertDataSourceSheet` and `refreshData` start an execution,
 *   `getStatus()` says RUNNING until `waitForCompletion(timeoutInSeconds)` (DataSourceSheet
 *   reference) runs it here, then SUCCESS or ERROR with `getErrorMessage()`.
 * - `DataSource.updateSpec(spec)` "Updates the data source spec and refreshes the data source
 *   objects linked with this data source with the new spec." (DataSource reference,
 *   https://developers.google.com/apps-script/reference/spreadsheet/data-source#updateSpec(DataSourceSpec)).
 * - `getSheetValues(columnName, startRow, numRows)` "Returns all the values for the data source
 *   sheet for the provided column name" (DataSourceSheet reference); DATE values come back as
 *   dates (Sheets shows a DATE column as a date), INT64/FLOAT64/NUMERIC as numbers.
 * - Who may run it: an account without Connected Sheets, or without BigQuery's roles "bigquery.user
 *   or bigquery.jobUser and bigquery.dataViewer" (https://support.google.com/a/answer/9604541), gets
 *   an ERROR status (ours: the message texts below are BigQuery's usual "Access Denied" form
 *   (community) and our own for Connected Sheets, which Google does not publish).
 *
 * Knowingly simplified: the data source sheet's cells hold every row (Sheets shows a preview);
 * filters, sort specs, column widths, parameters, pivot tables, extracts and charts are not faked.
 */
import { Ctx, Fake, finishFake, makeEnum, real, type EnumOf } from '../core';
import type { FakeBigQuery, QueryResult } from '../bigquery/engine';
import type { BookModel, SheetModel } from './book';
import { sheetFacade } from './sheet';

type DataSourceSheet = GoogleAppsScript.Spreadsheet.DataSourceSheet;
type DataSourceSpec = GoogleAppsScript.Spreadsheet.DataSourceSpec;

export const DataExecutionState = makeEnum('DataExecutionState', ['DATA_EXECUTION_STATE_UNSUPPORTED', 'RUNNING', 'SUCCESS', 'ERROR', 'NOT_STARTED']);
export const DataExecutionErrorCode = makeEnum('DataExecutionErrorCode', [
  'DATA_EXECUTION_ERROR_CODE_UNSUPPORTED', 'NONE', 'TIME_OUT', 'TOO_MANY_ROWS', 'TOO_MANY_CELLS', 'ENGINE', 'PARAMETER_INVALID',
  'UNSUPPORTED_DATA_TYPE', 'DUPLICATE_COLUMN_NAMES', 'INTERRUPTED', 'OTHER', 'TOO_MANY_CHARS_PER_CELL',
]);
export const DataSourceType = makeEnum('DataSourceType', ['DATA_SOURCE_TYPE_UNSUPPORTED', 'BIGQUERY']);

/** Who the account is to Connected Sheets and BigQuery. */
export type BigQueryAccess = 'granted' | 'noConnectedSheets' | 'noBigQueryRole';

/** The spreadsheet's Connected Sheets state (on the BookModel). */
export interface ConnectedState {
  readonly engine: FakeBigQuery;
  access: BigQueryAccess;
  /** Whether the project's manifest grants a BigQuery scope. */
  scopeGranted: boolean;
  /** The execution that called enableBigQueryExecution. */
  enabledFor: object | null;
  readonly sheets: Map<SheetModel, DataSourceRecord>;
}

interface SpecData {
  readonly projectId: string;
  readonly rawQuery: string;
}

interface DataSourceRecord {
  spec: SpecData;
  state: 'NOT_STARTED' | 'RUNNING' | 'SUCCESS' | 'ERROR';
  error: string;
  result: QueryResult | null;
  refreshedAt: number | null;
}

export const BIGQUERY_SCOPE_REQUIRED = 'https://www.googleapis.com/auth/bigquery.readonly';

function connected(ctx: Ctx, book: BookModel): ConnectedState {
  const c = (book as BookModel & { connected?: ConnectedState }).connected;
  if (c === undefined) return ctx.notImplemented('Connected Sheets without an in-memory BigQuery (createGasEnvironment({ bigQuery }))');
  return c;
}

export function connectedOf(book: BookModel): ConnectedState | undefined {
  return (book as BookModel & { connected?: ConnectedState }).connected;
}

/** Checks what every data execution needs: the scope, then enableBigQueryExecution. */
function checkExecution(ctx: Ctx, c: ConnectedState, call: string): void {
  if (!c.scopeGranted) ctx.fail(`Specified permissions are not sufficient to call ${call}. Required permissions: ${BIGQUERY_SCOPE_REQUIRED}`);
  if (c.enabledFor !== ctx.execution) ctx.fail('Data execution for BIGQUERY data source type is not enabled. Use SpreadsheetApp.enableBigQueryExecution() to enable it.');
}

function execute(ctx: Ctx, book: BookModel, c: ConnectedState, sheet: SheetModel, r: DataSourceRecord): void {
  if (r.state !== 'RUNNING') return;
  if (c.access === 'noConnectedSheets') {
    r.state = 'ERROR';
    r.error = 'Connected Sheets is not available for this account.';
    return;
  }
  if (c.access === 'noBigQueryRole') {
    r.state = 'ERROR';
    r.error = `Access Denied: Project ${r.spec.projectId}: User does not have bigquery.jobs.create permission in project ${r.spec.projectId}.`;
    return;
  }
  try {
    r.result = c.engine.run(r.spec.rawQuery, { now: ctx.clock.now() });
    r.state = 'SUCCESS';
    r.error = '';
    r.refreshedAt = ctx.clock.now();
  } catch (e) {
    r.state = 'ERROR';
    r.error = e instanceof Error ? e.message : String(e);
    return;
  }
  // The sheet shows the columns and rows.
  const res = r.result;
  const rows = [res.columns.map((col) => col.name), ...res.rows.map((row) => row.map((v, i) => cellOf(book, v, res.columns[i]!.type)))];
  sheet.cells = [];
  book.resize(sheet, Math.max(rows.length, 1), Math.max(res.columns.length, 1));
  rows.forEach((row, i) => row.forEach((v, j) => book.putRaw(sheet, i + 1, j + 1, v)));
}

function cellOf(book: BookModel, v: string | number | boolean | null, type: string): unknown {
  if (v === null) return null;
  if (type === 'DATE' && typeof v === 'string') {
    // The day at midnight in the spreadsheet's zone, as a date cell reads.
    const [y, m, d] = v.split('-').map(Number) as [number, number, number];
    const utc = Date.UTC(y, m - 1, d);
    return new Date(utc - offsetAt(book.o.timeZone, utc));
  }
  return v;
}

/** The zone's UTC offset (ms) around an instant. */
function offsetAt(zone: string, ms: number): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(new Date(ms));
  const get = (t: string): number => Number(parts.find((p) => p.type === t)!.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(ms / 1000) * 1000;
}

// --- Specs and their builders -----------------------------------------------------------------

class FakeBigQueryDataSourceSpecBuilder
  extends Fake<GoogleAppsScript.Spreadsheet.BigQueryDataSourceSpecBuilder>
  implements Pick<GoogleAppsScript.Spreadsheet.BigQueryDataSourceSpecBuilder, 'setProjectId' | 'setRawQuery' | 'getProjectId' | 'getRawQuery' | 'getType' | 'build'>
{
  constructor(ctx: Ctx, private _data: { projectId: string; rawQuery: string }) {
    super(ctx);
  }
  setProjectId(projectId: string): GoogleAppsScript.Spreadsheet.BigQueryDataSourceSpecBuilder {
    this._data.projectId = String(projectId);
    return real(this);
  }
  setRawQuery(rawQuery: string): GoogleAppsScript.Spreadsheet.BigQueryDataSourceSpecBuilder {
    this._data.rawQuery = String(rawQuery);
    return real(this);
  }
  getProjectId(): string {
    return this._data.projectId;
  }
  getRawQuery(): string {
    return this._data.rawQuery;
  }
  getType(): GoogleAppsScript.Spreadsheet.DataSourceType {
    return DataSourceType.BIGQUERY as unknown as GoogleAppsScript.Spreadsheet.DataSourceType;
  }
  build(): DataSourceSpec {
    return real(new FakeDataSourceSpec(this._ctx, { ...this._data }));
  }
}
finishFake(FakeBigQueryDataSourceSpecBuilder, 'Spreadsheet.BigQueryDataSourceSpecBuilder');

export class FakeDataSourceSpecBuilder extends Fake<GoogleAppsScript.Spreadsheet.DataSourceSpecBuilder> implements Pick<GoogleAppsScript.Spreadsheet.DataSourceSpecBuilder, 'asBigQuery'> {
  asBigQuery(): GoogleAppsScript.Spreadsheet.BigQueryDataSourceSpecBuilder {
    return real(new FakeBigQueryDataSourceSpecBuilder(this._ctx, { projectId: '', rawQuery: '' }));
  }
}
finishFake(FakeDataSourceSpecBuilder, 'Spreadsheet.DataSourceSpecBuilder');

class FakeDataSourceSpec extends Fake<DataSourceSpec> implements Pick<DataSourceSpec, 'asBigQuery' | 'getType'> {
  constructor(ctx: Ctx, readonly _data: SpecData) {
    super(ctx);
  }
  asBigQuery(): GoogleAppsScript.Spreadsheet.BigQueryDataSourceSpec {
    return real(new FakeBigQueryDataSourceSpec(this._ctx, this._data));
  }
  getType(): GoogleAppsScript.Spreadsheet.DataSourceType {
    return DataSourceType.BIGQUERY as unknown as GoogleAppsScript.Spreadsheet.DataSourceType;
  }
}
finishFake(FakeDataSourceSpec, 'Spreadsheet.DataSourceSpec');

class FakeBigQueryDataSourceSpec extends Fake<GoogleAppsScript.Spreadsheet.BigQueryDataSourceSpec> implements Pick<GoogleAppsScript.Spreadsheet.BigQueryDataSourceSpec, 'getProjectId' | 'getRawQuery'> {
  constructor(ctx: Ctx, readonly _data: SpecData) {
    super(ctx);
  }
  getProjectId(): string {
    return this._data.projectId;
  }
  getRawQuery(): string {
    return this._data.rawQuery;
  }
}
finishFake(FakeBigQueryDataSourceSpec, 'Spreadsheet.BigQueryDataSourceSpec');

function specData(ctx: Ctx, spec: unknown, method: string): SpecData {
  if (!(spec instanceof FakeDataSourceSpec)) return ctx.fail(`The parameters (${typeof spec}) don't match the method signature for ${method}.`);
  if (spec._data.projectId === '') return ctx.fail('The data source spec is missing a project id.');
  if (spec._data.rawQuery.trim() === '') return ctx.fail('The data source spec is missing a query.');
  return spec._data;
}

// --- Data sources, sheets, statuses -----------------------------------------------------------

class FakeDataExecutionStatus
  extends Fake<GoogleAppsScript.Spreadsheet.DataExecutionStatus>
  implements Pick<GoogleAppsScript.Spreadsheet.DataExecutionStatus, 'getExecutionState' | 'getErrorCode' | 'getErrorMessage' | 'getLastRefreshedTime' | 'isTruncated'>
{
  constructor(ctx: Ctx, private _r: { state: DataSourceRecord['state']; error: string; refreshedAt: number | null }) {
    super(ctx);
  }
  getExecutionState(): GoogleAppsScript.Spreadsheet.DataExecutionState {
    return (DataExecutionState as EnumOf<string>)[this._r.state] as unknown as GoogleAppsScript.Spreadsheet.DataExecutionState;
  }
  getErrorCode(): GoogleAppsScript.Spreadsheet.DataExecutionErrorCode {
    return (this._r.state === 'ERROR' ? DataExecutionErrorCode.OTHER : DataExecutionErrorCode.NONE) as unknown as GoogleAppsScript.Spreadsheet.DataExecutionErrorCode;
  }
  getErrorMessage(): string {
    return this._r.error;
  }
  getLastRefreshedTime(): GoogleAppsScript.Base.Date | null {
    return this._r.refreshedAt === null ? null : (this._ctx.realm.date(this._r.refreshedAt) as unknown as GoogleAppsScript.Base.Date);
  }
  isTruncated(): boolean {
    return false;
  }
}
finishFake(FakeDataExecutionStatus, 'Spreadsheet.DataExecutionStatus');

class FakeDataSource extends Fake<GoogleAppsScript.Spreadsheet.DataSource> implements Pick<GoogleAppsScript.Spreadsheet.DataSource, 'getSpec' | 'updateSpec'> {
  constructor(ctx: Ctx, private _book: BookModel, private _sheet: SheetModel) {
    super(ctx);
  }
  getSpec(): DataSourceSpec {
    return real(new FakeDataSourceSpec(this._ctx, recordOf(this._ctx, this._book, this._sheet).spec));
  }
  updateSpec(spec: DataSourceSpec): GoogleAppsScript.Spreadsheet.DataSource {
    const c = connected(this._ctx, this._book);
    checkExecution(this._ctx, c, 'DataSource.updateSpec');
    const r = recordOf(this._ctx, this._book, this._sheet);
    r.spec = { ...specData(this._ctx, spec, 'SpreadsheetApp.DataSource.updateSpec') };
    r.state = 'RUNNING';
    return real(this);
  }
}
finishFake(FakeDataSource, 'Spreadsheet.DataSource');

function recordOf(ctx: Ctx, book: BookModel, sheet: SheetModel): DataSourceRecord {
  const r = connected(ctx, book).sheets.get(sheet);
  if (r === undefined || sheet.deleted) return ctx.fail('The data source sheet has been deleted.');
  return r;
}

export class FakeDataSourceSheet
  extends Fake<DataSourceSheet>
  implements Pick<DataSourceSheet, 'asSheet' | 'getDataSource' | 'getSheetValues' | 'getStatus' | 'refreshData' | 'forceRefreshData' | 'waitForCompletion'>
{
  constructor(ctx: Ctx, private _book: BookModel, readonly _sheet: SheetModel) {
    super(ctx);
  }
  asSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return sheetFacade(this._ctx, this._book, this._sheet);
  }
  getDataSource(): GoogleAppsScript.Spreadsheet.DataSource {
    return real(new FakeDataSource(this._ctx, this._book, this._sheet));
  }
  getSheetValues(columnName: string, startRow?: number, numRows?: number): unknown[] {
    const r = recordOf(this._ctx, this._book, this._sheet);
    if (r.result === null) return this._ctx.realm.array([]);
    const i = r.result.columns.findIndex((c) => c.name === String(columnName));
    if (i < 0) return this._ctx.fail(`Column ${columnName} not found.`);
    const from = (startRow ?? 1) - 1;
    const rows = r.result.rows.slice(from, numRows === undefined ? undefined : from + numRows);
    return this._ctx.realm.array(rows.map((row) => {
      const v = cellOf(this._book, row[i]!, r.result!.columns[i]!.type);
      return v instanceof Date ? this._ctx.realm.date(v.getTime()) : v === null ? '' : v;
    }));
  }
  getStatus(): GoogleAppsScript.Spreadsheet.DataExecutionStatus {
    return real(new FakeDataExecutionStatus(this._ctx, recordOf(this._ctx, this._book, this._sheet)));
  }
  refreshData(): DataSourceSheet {
    checkExecution(this._ctx, connected(this._ctx, this._book), 'DataSourceSheet.refreshData');
    recordOf(this._ctx, this._book, this._sheet).state = 'RUNNING';
    return real(this);
  }
  forceRefreshData(): DataSourceSheet {
    return this.refreshData();
  }
  waitForCompletion(timeoutInSeconds: number): GoogleAppsScript.Spreadsheet.DataExecutionStatus {
    // "timeoutInSeconds — The time to wait for data execution, in seconds. The maximum is 300 seconds."
    if (!(Number(timeoutInSeconds) > 0 && Number(timeoutInSeconds) <= 300)) this._ctx.fail(`Invalid argument: timeoutInSeconds`);
    const c = connected(this._ctx, this._book);
    const r = recordOf(this._ctx, this._book, this._sheet);
    execute(this._ctx, this._book, c, this._sheet, r);
    return this.getStatus();
  }
}
finishFake(FakeDataSourceSheet, 'Spreadsheet.DataSourceSheet');

/** Spreadsheet.insertDataSourceSheet(spec): a new sheet at the end, its execution started. */
export function insertDataSourceSheet(ctx: Ctx, book: BookModel, spec: unknown): DataSourceSheet {
  const c = connected(ctx, book);
  checkExecution(ctx, c, 'Spreadsheet.insertDataSourceSheet');
  const data = specData(ctx, spec, 'SpreadsheetApp.Spreadsheet.insertDataSourceSheet');
  let n = 1;
  while (book.byName(`Sheet${n}`) !== undefined) n++;
  const sheet = book.addSheet(`Sheet${n}`, book.sheets.length, 1, 1);
  c.sheets.set(sheet, { spec: { ...data }, state: 'RUNNING', error: '', result: null, refreshedAt: null });
  book.active = sheet;
  return real(new FakeDataSourceSheet(ctx, book, sheet));
}

export function dataSourceSheets(ctx: Ctx, book: BookModel): DataSourceSheet[] {
  const c = connectedOf(book);
  if (c === undefined) return ctx.realm.array([]);
  return ctx.realm.array(book.sheets.filter((s) => c.sheets.has(s)).map((s) => real(new FakeDataSourceSheet(ctx, book, s))));
}

/** Sheet.asDataSourceSheet(): the data source sheet, or null for a grid sheet. */
export function asDataSourceSheet(ctx: Ctx, book: BookModel, sheet: SheetModel): DataSourceSheet | null {
  return connectedOf(book)?.sheets.has(sheet) ? real(new FakeDataSourceSheet(ctx, book, sheet)) : null;
}

/** SpreadsheetApp.enableBigQueryExecution(). */
export function enableBigQuery(ctx: Ctx, book: BookModel): void {
  connected(ctx, book).enabledFor = ctx.execution;
}
