/**
 * Which sheet is one of the add-on's tabs (issue 11: the owner's copy must never be taken for it).
 * Duplicating a sheet in Sheets copies its developer metadata — the tab mark and the sheet id recorded
 * when the add-on made it — but gives the copy a new sheet id: a sheet is the tab when the id in its
 * metadata is its own, whatever the document properties say. Sheets made before ids were recorded
 * ("legacy") are settled by the registry property, else by being the only one. One rule, used by
 * the refresh (src/gas/ownSheets.ts) and by the diagnostics (src/core/diagnostics.ts).
 */

/** A sheet carrying one tab's mark. */
export interface MarkedSheet {
  /** The sheet's own id. */
  readonly id: number;
  /** The sheet id recorded in its metadata; undefined on a sheet made before ids were recorded. */
  readonly idMark: number | undefined;
}

/** The id a registry entry names: a bare number (older versions) or `{ id }`. */
export function registeredId(entry: unknown): number | undefined {
  if (typeof entry === 'number' && Number.isInteger(entry)) return entry;
  if (typeof entry === 'object' && entry !== null && Number.isInteger((entry as { id?: unknown }).id)) return (entry as { id: number }).id;
  return undefined;
}

/** Of the sheets marked as one tab, the tab (and whether its id was recorded), or none. */
export function whichIsTab<T extends MarkedSheet>(marked: readonly T[], registered: number | undefined): { readonly sheet: T; readonly stamped: boolean } | undefined {
  const stamped = marked.find((c) => c.idMark === c.id);
  if (stamped !== undefined) return { sheet: stamped, stamped: true };
  const legacy = marked.filter((c) => c.idMark === undefined);
  const chosen = registered !== undefined ? legacy.find((c) => c.id === registered) : legacy.length === 1 ? legacy[0] : undefined;
  return chosen === undefined ? undefined : { sheet: chosen, stamped: false };
}

/**
 * The kinds of sheet the add-on makes (or a copy of one, which carries the same marks): its tabs, a
 * refresh's scratch sheets, the segment sheets, the 施策 sheets, the BigQuery section's sheets. None
 * is ever read as the owner's data; src/gas/ownSheets.ts (sheetKind) tells them, for the refresh's
 * sources and for the diagnostics alike.
 */
export type AddOnKind = 'tab' | 'staging' | 'segment' | 'campaign' | 'bigQuery';
