/**
 * Every key the add-on stores under, in one place: document properties (namespaced, JSON values,
 * the Apps Script samples' habit) and the developer metadata that marks its own sheets. Tests and
 * tools read the same constants, so a renamed key cannot leave a stale copy behind.
 */

/** Document property keys. */
export const PROPERTY_KEYS = {
  /** The owner's settings (src/gas/settingsStore.ts). */
  settings: 'fanFunnel.settings',
  /** The outcome of the last refresh, for the sidebar (src/gas/refresh.ts). */
  lastRefresh: 'fanFunnel.lastRefresh',
  /** Which sheet (by id) is each of the add-on's tabs, and its bold rows (src/gas/ownSheets.ts). */
  tabSheets: 'fanFunnel.tabSheets',
  /** A refresh under way: written when it starts, updated per tab, removed when it ends (src/gas/outcome.ts). */
  refreshRun: 'fanFunnel.refreshRun',
  /** What the last successful refresh read: its digest and its orders (src/gas/refresh.ts). */
  lastInputs: 'fanFunnel.lastInputs',
  /** The purchase model the last refresh's backtest chose, which NEXTPURCHASE uses (src/gas/refresh.ts, issue 15). */
  predictionModel: 'fanFunnel.predictionModel',
  /** The automatic refresh: its trigger's unique id, owner, schedule and last run (src/gas/trigger.ts). */
  trigger: 'fanFunnel.trigger',
  /** 今週やること of the last successful refresh, for the sidebar (src/gas/thisWeekStore.ts). */
  thisWeek: 'fanFunnel.thisWeek',
  /** The BigQuery (Connected Sheets) section: its settings, the table's columns, its sheets' ids (src/gas/bigQueryStore.ts). */
  bigQuery: 'fanFunnel.bigQuery',
  /** The saved segments' definitions (src/gas/segmentStore.ts, issue 14). */
  segments: 'fanFunnel.segments',
} as const;

/** User property keys (the owner's own store, readable where the document's is not). */
export const USER_PROPERTY_KEYS = {
  /** A trigger run that had no document to record in, by trigger id (src/gas/trigger.ts). */
  triggerRuns: 'fanFunnel.triggerRuns',
} as const;

/**
 * The named range holding the funnel tab's as-of date, which the README's formulas pass as as_of
 * (Sheets recalculates a custom function only when an argument changes: this one changes daily).
 */
export const AS_OF_RANGE_NAME = 'FanFunnelAsOf';

/** Developer metadata keys on the add-on's sheets (src/gas/ownSheets.ts). */
export const METADATA_KEYS = {
  /** On each tab the add-on created: the tab's id. */
  tab: 'fanFunnel.tab',
  /** On each tab the add-on created: its own sheet id, so that a duplicate (which copies the
   *  metadata but gets a new id) is never taken for it. */
  sheetId: 'fanFunnel.sheetId',
  /** On a hidden scratch sheet of a refresh in progress. */
  staging: 'fanFunnel.staging',
  /** On each orders sheet the import created (src/gas/importSheets.ts): JSON `{ sheetId, platform }`. */
  importSheet: 'fanFunnel.import',
  /** On the BigQuery funnel tab (src/gas/connectedSheets.ts): its role, 'funnel'. */
  bigQuery: 'fanFunnel.bigQuery',
  /** On the 施策 sheet and the hidden 施策データ sheet (src/gas/campaignStore.ts): 'tab' or 'data'. */
  campaigns: 'fanFunnel.campaigns',
  /** On each segment sheet the add-on created (src/gas/segmentSheets.ts): the segment's name. */
  segment: 'fanFunnel.segment',
} as const;
