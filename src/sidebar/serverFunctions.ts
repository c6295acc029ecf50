/**
 * The server functions the sidebar may call through `google.script.run` — the one list that the
 * typed wrapper (server.ts) builds its calls from and the local preview's /api/run allows: the
 * exports of src/gas/sidebarApi.ts, src/gas/importer.ts, src/gas/connectedSheets.ts,
 * src/gas/segmentsApi.ts and src/gas/campaignApi.ts (functions; their other exports are types).
 * Only the server's types are imported (a type query, no import statement), so a module that
 * imports this list bundles no server code.
 */
export type ServerFns = typeof import('../gas/sidebarApi') &
  typeof import('../gas/importer') &
  typeof import('../gas/connectedSheets') &
  typeof import('../gas/segmentsApi') &
  typeof import('../gas/campaignApi');

/** Keyed on the server modules' exports: a missing or extra name is a type error. */
const FUNCTIONS = {
  getSidebarState: true,
  refreshFromSidebar: true,
  saveSettings: true,
  selectCustomer: true,
  // The CSV import (src/gas/importer.ts).
  readImportKeys: true,
  appendImportRows: true,
  // The BigQuery (Connected Sheets) section (src/gas/connectedSheets.ts).
  getBigQueryView: true,
  readBigQueryColumns: true,
  connectBigQuery: true,
  // The セグメント section (src/gas/segmentsApi.ts).
  getSegmentsView: true,
  previewSegment: true,
  saveSegment: true,
  deleteSegment: true,
  downloadSegment: true,
  // The 施策 section (src/gas/campaignApi.ts).
  listCampaigns: true,
  startCampaign: true,
  deleteCampaign: true,
} satisfies Record<keyof ServerFns, true>;

export type SidebarServerFunction = keyof typeof FUNCTIONS;

export const SIDEBAR_SERVER_FUNCTIONS: readonly SidebarServerFunction[] = Object.freeze(Object.keys(FUNCTIONS) as SidebarServerFunction[]);

/** True only for a name on the list (never for `constructor`, `toString` or another inherited key). */
export function isSidebarServerFunction(name: string): name is SidebarServerFunction {
  return (SIDEBAR_SERVER_FUNCTIONS as readonly string[]).includes(name);
}
