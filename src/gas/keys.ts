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
  /** Which sheet (by id) is each of the add-on's tabs (src/gas/ownSheets.ts). */
  tabSheets: 'fanFunnel.tabSheets',
} as const;

/** Developer metadata keys on the add-on's sheets (src/gas/ownSheets.ts). */
export const METADATA_KEYS = {
  /** On each tab the add-on created: the tab's id. */
  tab: 'fanFunnel.tab',
  /** On a hidden scratch sheet of a refresh in progress. */
  staging: 'fanFunnel.staging',
  /** On each orders sheet the import created (src/gas/importSheets.ts): JSON `{ sheetId, platform }`. */
  importSheet: 'fanFunnel.import',
} as const;
