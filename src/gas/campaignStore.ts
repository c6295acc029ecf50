/**
 * Where campaigns live (issue 14): two sheets the add-on creates and marks like its tabs — the
 * 施策 sheet the owner reads, rewritten from the stored campaigns, and the hidden 施策データ sheet
 * that keeps each campaign's definition, its last result and its frozen members (three columns per
 * campaign, src/core/campaigns.ts). Not in document properties: a property value holds 9 KB and all
 * of them 500 KB (Apps Script's "Quotas for Google Services",
 * https://developers.google.com/apps-script/guides/services/quotas: "Properties value size 9 KB /
 * val", "Properties total storage 500 KB / property store"), while a campaign to 2,000 customers is
 * some 40 KB of keys. A cell holds 50,000 characters (SPEC §6): a definition and its result do.
 *
 * A duplicate of either sheet (which copies its metadata but gets a new sheet id) is never taken for
 * it: the id in its metadata must be its own (src/core/tabIdentity.ts); a sheet of the owner's with
 * the wanted name is never written — the add-on's gets another name (freeName).
 */
import { campaignsGrid, needsMembers, unreadableText, type CampaignsRead } from '../core/campaignReport';
import { STORE_HEAD_ROWS, STORE_WIDTH, encodeCampaign, encodeHead, readMembers, readStore, type CampaignGroups, type StoreHead, type StoredCampaign } from '../core/campaigns';
import type { Day, Zone } from '../core/dates';
import { NOTICE_ROWS, NUMBER_FORMATS, withNotice } from '../core/grid';
import { CAMPAIGN_TEXT, TAB_NOTICE, type Lang } from '../core/labels';
import { whichIsTab } from '../core/tabIdentity';
import { METADATA_KEYS } from './keys';
import { freeName, protectTab } from './ownSheets';
import { ensureSize, safeCell } from './writer';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export type CampaignSheetRole = 'tab' | 'data';

/** The campaign role a sheet's metadata gives it, and the sheet id recorded in it. */
export function campaignMarks(sheet: Sheet): { role: CampaignSheetRole | undefined; idMark: number | undefined } {
  let role: CampaignSheetRole | undefined;
  let idMark: number | undefined;
  for (const m of sheet.getDeveloperMetadata()) {
    const key = m.getKey();
    if (key === METADATA_KEYS.campaigns) {
      const v = m.getValue();
      if (v === 'tab' || v === 'data') role = v;
    } else if (key === METADATA_KEYS.sheetId) {
      const n = Number(m.getValue());
      if (Number.isInteger(n)) idMark = n;
    }
  }
  return { role, idMark };
}

/** The add-on's 施策 and 施策データ sheets, when they exist. */
export function campaignSheets(ss: Spreadsheet): Partial<Record<CampaignSheetRole, Sheet>> {
  const found: Record<CampaignSheetRole, Array<{ sheet: Sheet; id: number; idMark: number | undefined }>> = { tab: [], data: [] };
  for (const sheet of ss.getSheets()) {
    const { role, idMark } = campaignMarks(sheet);
    if (role !== undefined) found[role].push({ sheet, id: sheet.getSheetId(), idMark });
  }
  const out: Partial<Record<CampaignSheetRole, Sheet>> = {};
  for (const role of ['tab', 'data'] as const) {
    // Only stamped sheets: these sheets never existed before ids were recorded.
    const chosen = whichIsTab(found[role].filter((c) => c.idMark !== undefined), undefined);
    if (chosen !== undefined) out[role] = chosen.sheet.sheet;
  }
  return out;
}

function createSheet(ss: Spreadsheet, role: CampaignSheetRole, lang: Lang): Sheet {
  const name = role === 'tab' ? CAMPAIGN_TEXT.tabName[lang] : CAMPAIGN_TEXT.dataSheetName[lang];
  const sheet = ss.insertSheet(freeName(ss, name), ss.getSheets().length);
  sheet.addDeveloperMetadata(METADATA_KEYS.campaigns, role);
  sheet.addDeveloperMetadata(METADATA_KEYS.sheetId, String(sheet.getSheetId()));
  protectTab(sheet, lang);
  if (role === 'data') sheet.hideSheet();
  return sheet;
}

/** What a refresh (or the sidebar) reads: the heads of every campaign, and the members of those still measured. */
export interface CampaignStore {
  readonly sheet: Sheet;
  readonly read: CampaignsRead;
  /** Cells read (for the refresh's time estimate). */
  readonly cellsRead: number;
}

/**
 * Reads the data sheet: its first two rows (ids and heads), then the three columns of each campaign
 * whose result is not final yet. `members: false` reads the heads only (the sidebar's list).
 */
export function readCampaignStore(ss: Spreadsheet, members = true): CampaignStore | undefined {
  const sheet = campaignSheets(ss).data;
  if (sheet === undefined) return undefined;
  // One size call (160 ms each in emulator/cost.ts): an empty sheet has no column.
  const columns = sheet.getLastColumn();
  if (columns === 0) return { sheet, read: { heads: [], members: new Map(), unreadable: [] }, cellsRead: 0 };
  const top = sheet.getRange(1, 1, STORE_HEAD_ROWS, columns).getValues();
  let cellsRead = STORE_HEAD_ROWS * columns;
  const { heads, unreadable } = readStore(top);
  const groups = new Map<string, CampaignGroups>();
  if (members) {
    for (const h of heads) {
      if (!needsMembers(h)) continue;
      const rows = h.members === 0 ? [] : sheet.getRange(STORE_HEAD_ROWS + 1, h.column + 1, h.members, STORE_WIDTH).getValues();
      cellsRead += h.members * STORE_WIDTH;
      groups.set(h.campaign.definition.id, readMembers(rows));
    }
  }
  return { sheet, read: { heads, members: groups, unreadable }, cellsRead };
}

/** What the owner reads about the data sheet's columns no campaign could be read from. */
export function unreadableLines(store: CampaignStore | undefined, lang: Lang): string[] {
  if (store === undefined) return [];
  const name = store.sheet.getName();
  return (store.read.unreadable ?? []).map((u) => unreadableText(u, name, lang));
}

/**
 * Row 2 of every campaign (definition, result, prior): one write per run of adjacent campaigns, so
 * that a column no campaign could be read from is never written (its data stays as the owner left it).
 */
export function writeHeads(store: CampaignStore, campaigns: readonly StoredCampaign[]): void {
  const byId = new Map(campaigns.map((c) => [c.definition.id, c]));
  const heads = [...store.read.heads].sort((x, y) => x.column - y.column);
  let run: StoreHead[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    const row = run.flatMap((h) => encodeHead(byId.get(h.campaign.definition.id) ?? h.campaign));
    store.sheet.getRange(2, run[0]!.column + 1, 1, row.length).setValues([row]);
    run = [];
  };
  for (const h of heads) {
    const prev = run[run.length - 1];
    if (prev !== undefined && prev.column + STORE_WIDTH !== h.column) flush();
    run.push(h);
  }
  flush();
}

/** A new campaign's three columns, after the last one (the data sheet made when it is the first). */
export function appendCampaign(ss: Spreadsheet, campaign: StoredCampaign, groups: CampaignGroups, lang: Lang): void {
  const sheet = campaignSheets(ss).data ?? createSheet(ss, 'data', lang);
  const cells = encodeCampaign(campaign, groups);
  const last = sheet.getLastColumn();
  const column = last === 0 ? 1 : last + 1;
  ensureSize(sheet, cells.length, column + STORE_WIDTH - 1);
  // Keys as plain text: 0012 or 2024-01 must not become a number or a date.
  sheet.getRange(1, column, cells.length, 1).setNumberFormat(NUMBER_FORMATS.text);
  sheet.getRange(1, column, cells.length, STORE_WIDTH).setValues(cells.map((r) => r.map((v) => safeCell(v))));
}

/** Removes a campaign's columns; false when there is no such campaign. */
export function removeCampaign(store: CampaignStore, id: string): boolean {
  const h = store.read.heads.find((x) => x.campaign.definition.id === id);
  if (h === undefined) return false;
  const sheet = store.sheet;
  // A sheet keeps at least one column: the last campaign's columns are cleared instead.
  if (sheet.getMaxColumns() > STORE_WIDTH) sheet.deleteColumns(h.column + 1, STORE_WIDTH);
  else sheet.getRange(1, 1, sheet.getMaxRows(), STORE_WIDTH).clearContent();
  return true;
}

/** Rewrites the 施策 sheet from the campaigns and what could not be read (made when there is none yet). */
export function writeCampaignTab(ss: Spreadsheet, campaigns: readonly StoredCampaign[], asOf: Day, zone: Zone, lang: Lang, unreadable: readonly string[] = []): Sheet {
  const sheet = campaignSheets(ss).tab ?? createSheet(ss, 'tab', lang);
  const grid = withNotice(campaignsGrid(campaigns, asOf, zone, lang, unreadable), TAB_NOTICE.line[lang]);
  const rows = grid.values.length;
  const columns = grid.values[0]!.length;
  const maxRows = sheet.getMaxRows();
  const maxColumns = sheet.getMaxColumns();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
  sheet.getRange(1, 1, Math.max(maxRows, rows), Math.max(maxColumns, columns)).clear();
  sheet.getRange(1, 1, rows, columns).setNumberFormats(grid.formats.map((r) => r.map((f) => NUMBER_FORMATS[f])));
  sheet.getRange(1, 1, rows, columns).setValues(grid.values.map((r) => r.map(safeCell)));
  for (const r of grid.boldRows) sheet.getRange(r + 1, 1, 1, columns).setFontWeight('bold');
  sheet.setFrozenRows(NOTICE_ROWS + 1);
  (grid.columnWidths ?? []).forEach((w, i) => sheet.setColumnWidth(i + 1, w));
  return sheet;
}

export type { StoreHead };
