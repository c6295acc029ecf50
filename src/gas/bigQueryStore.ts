/**
 * What the BigQuery (Connected Sheets) section keeps in document properties: the owner's settings,
 * the orders table's columns as last read (for the mapping's choices), and the ids of the sheets it
 * made — one JSON value, held under the add-on's property cap like every other (properties.ts).
 */
import { DEFAULT_BIGQUERY_SETTINGS, readBigQuerySettings, type BigQuerySettings, type TableColumn } from '../core/sql/connected';
import { PROPERTY_KEYS } from './keys';
import { PROPERTY_VALUE_CAP, documentStore, readJson, utf8Bytes, writeJson } from './properties';

/** The add-on's sheets of this section. */
export type BigQuerySheetRole = 'customers' | 'summary' | 'funnel';
export const BIGQUERY_SHEET_ROLES: readonly BigQuerySheetRole[] = ['customers', 'summary', 'funnel'];

export interface BigQueryStored {
  readonly settings: BigQuerySettings;
  /** The table's columns as last read; [] when never read (or dropped to stay under the cap). */
  readonly tableColumns: readonly TableColumn[];
  readonly sheets: Readonly<Partial<Record<BigQuerySheetRole, number>>>;
}

const EMPTY: BigQueryStored = { settings: DEFAULT_BIGQUERY_SETTINGS, tableColumns: [], sheets: {} };

export function loadBigQuery(): BigQueryStored {
  const raw = readJson(documentStore(), PROPERTY_KEYS.bigQuery);
  if (typeof raw !== 'object' || raw === null) return EMPTY;
  const o = raw as Record<string, unknown>;
  const settings = { ...DEFAULT_BIGQUERY_SETTINGS, ...readBigQuerySettings(o.settings).settings };
  const tableColumns = Array.isArray(o.tableColumns)
    ? o.tableColumns.filter((c): c is TableColumn => typeof c === 'object' && c !== null && typeof c.name === 'string' && typeof c.type === 'string')
    : [];
  const sheets: Partial<Record<BigQuerySheetRole, number>> = {};
  const given = typeof o.sheets === 'object' && o.sheets !== null ? (o.sheets as Record<string, unknown>) : {};
  for (const role of BIGQUERY_SHEET_ROLES) if (Number.isInteger(given[role])) sheets[role] = given[role] as number;
  return { settings, tableColumns, sheets };
}

/** Stores the section's state; a column list that would pass the cap is dropped (read again). */
export function saveBigQuery(state: BigQueryStored): void {
  const whole = JSON.stringify(state);
  writeJson(documentStore(), PROPERTY_KEYS.bigQuery, utf8Bytes(whole) > PROPERTY_VALUE_CAP ? { ...state, tableColumns: [] } : state);
}

/** Ids of the section's sheets: never sources of the refresh (ownSheets.ts `ownerSheets`). */
export function bigQuerySheetIds(): ReadonlySet<number> {
  return new Set(Object.values(loadBigQuery().sheets));
}
