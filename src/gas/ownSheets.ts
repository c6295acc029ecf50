/**
 * The add-on's own sheets. Every sheet it creates carries developer metadata naming the tab and its
 * own sheet id; it writes to no other sheet, and when a sheet of the owner's already has a tab's
 * name, it picks another name instead of touching it (SPEC §1.5).
 *
 * Which sheet is a tab is decided by the sheet itself: duplicating a sheet in Sheets copies its
 * developer metadata, but the copy ("VIP のコピー") gets a new sheet id, so a sheet is the tab only
 * when the id in its metadata is its own — whatever the document properties say (issue 11: with the
 * registry missing, a copied spreadsheet or a damaged property, the owner's copy was written over).
 * The registry property only settles tabs made before the id was recorded, and those are stamped
 * with it as soon as they are recognised.
 */
import { PRODUCT_NAME, TAB_NAMES, TAB_NOTICE, type Lang, type TabId } from '../core/labels';
import { whichIsTab, type AddOnKind } from '../core/tabIdentity';
import { bigQuerySheetIds } from './bigQueryStore';
import { METADATA_KEYS, PROPERTY_KEYS } from './keys';
import { TAB_IDS } from './outcome';
import { documentStore, readJson, writeJson } from './properties';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const TAB_KEY = METADATA_KEYS.tab;
const ID_KEY = METADATA_KEYS.sheetId;
const STAGING_KEY = METADATA_KEYS.staging;
const REGISTRY_KEY = PROPERTY_KEYS.tabSheets;

/** What a sheet's developer metadata says of it (one call per sheet). */
export interface Marks {
  readonly tab: TabId | undefined;
  /** A campaign sheet (施策, 施策データ: src/gas/campaignStore.ts) or a copy of one: never a source. */
  readonly campaign: boolean;
  /** The sheet id recorded when the add-on created the sheet. */
  readonly id: number | undefined;
  readonly staging: boolean;
  /** The segment a segment sheet lists (src/gas/segmentSheets.ts), on it and on its copies. */
  readonly segment: string | undefined;
}

export function marksOf(sheet: Sheet): Marks {
  let tab: TabId | undefined;
  let id: number | undefined;
  let staging = false;
  let campaign = false;
  let segment: string | undefined;
  for (const m of sheet.getDeveloperMetadata()) {
    const key = m.getKey();
    if (key === TAB_KEY) {
      const v = m.getValue();
      if (TAB_IDS.includes(v as TabId)) tab = v as TabId;
    } else if (key === ID_KEY) {
      const n = Number(m.getValue());
      if (Number.isInteger(n)) id = n;
    } else if (key === STAGING_KEY) staging = true;
    else if (key === METADATA_KEYS.campaigns) campaign = true;
    else if (key === METADATA_KEYS.segment) segment = m.getValue() ?? '';
  }
  return { tab, id, staging, campaign, segment };
}

/**
 * Which kind of the add-on's sheets this is (a copy of one too), undefined for a sheet of the
 * owner's: the one rule for the refresh's sources (ownerSheets) and the diagnostics.
 */
export function sheetKind(marks: Marks, sheetId: number, bigQuery: ReadonlySet<number>): AddOnKind | undefined {
  if (marks.tab !== undefined) return 'tab';
  if (marks.staging) return 'staging';
  if (marks.segment !== undefined) return 'segment';
  if (marks.campaign) return 'campaign';
  if (bigQuery.has(sheetId)) return 'bigQuery';
  return undefined;
}

/** A segment sheet's marks: the segment it lists and the sheet id recorded when it was made. */
export function segmentMarks(sheet: Sheet): { readonly segment: string; readonly id: number | undefined } | undefined {
  const m = marksOf(sheet);
  return m.segment === undefined ? undefined : { segment: m.segment, id: m.id };
}

/** What the add-on keeps per tab: the sheet's id (legacy: a bare number) and its bold rows. */
export interface TabState {
  readonly id: number;
  /** 0-based rows written in bold at the last refresh, to unbold those that are not any more. */
  readonly bold?: readonly number[];
  /** The number formats that refresh left (writer.ts encodeRuns) and when it started: trusted only
   *  if that refresh is the last one and it ended well (a stopped one may have left others). */
  readonly formats?: { readonly at: string; readonly runs: string };
}

type Registry = Partial<Record<TabId, TabState>>;

function registry(): Registry {
  const raw = readJson(documentStore(), REGISTRY_KEY);
  const out: Registry = {};
  if (typeof raw !== 'object' || raw === null) return out;
  for (const tab of TAB_IDS) {
    const v = (raw as Record<string, unknown>)[tab];
    if (typeof v === 'number' && Number.isInteger(v)) out[tab] = { id: v };
    else if (typeof v === 'object' && v !== null && Number.isInteger((v as TabState).id)) {
      const bold = (v as TabState).bold;
      const formats = (v as TabState).formats;
      out[tab] = {
        id: (v as TabState).id,
        ...(Array.isArray(bold) ? { bold: bold.filter((r) => Number.isInteger(r) && r >= 0) } : {}),
        ...(typeof formats?.at === 'string' && typeof formats.runs === 'string' ? { formats: { at: formats.at, runs: formats.runs } } : {}),
      };
    }
  }
  return out;
}

/** Stores what the tabs are now (a failure is the caller's to report). */
export function rememberTabs(tabs: Readonly<Partial<Record<TabId, TabState>>>): void {
  const reg = { ...registry(), ...tabs };
  writeJson(documentStore(), REGISTRY_KEY, reg);
}

/** One of the add-on's tabs as found in the spreadsheet. */
export interface OwnTab {
  readonly sheet: Sheet;
  readonly id: number;
  /** False for a tab made before sheet ids were recorded in its metadata. */
  readonly stamped: boolean;
  readonly state: TabState | undefined;
}

/** The add-on's sheets by tab (see the top of this file for how a copy is told from the tab). */
export function ownSheets(ss: Spreadsheet): Partial<Record<TabId, OwnTab>> {
  const reg = registry();
  const candidates: Array<{ sheet: Sheet; id: number; marks: Marks }> = [];
  for (const sheet of ss.getSheets()) {
    const marks = marksOf(sheet);
    if (marks.tab !== undefined) candidates.push({ sheet, id: sheet.getSheetId(), marks });
  }
  const out: Partial<Record<TabId, OwnTab>> = {};
  for (const tab of TAB_IDS) {
    const mine = candidates.filter((c) => c.marks.tab === tab).map((c) => ({ ...c, idMark: c.marks.id }));
    const chosen = whichIsTab(mine, reg[tab]?.id);
    if (chosen !== undefined) out[tab] = { sheet: chosen.sheet.sheet, id: chosen.sheet.id, stamped: chosen.stamped, state: reg[tab] };
  }
  return out;
}

/** One of the owner's sheets (a possible source), with its name read once. */
export interface OwnerSheet {
  readonly name: string;
  readonly sheet: Sheet;
}

/** The owner's sheets in tab order: every sheet but the add-on's (sheetKind: its tabs, scratch
 *  sheets, segment and 施策 sheets and their copies, the BigQuery section's data source sheets and
 *  funnel tab, src/gas/connectedSheets.ts). A segment sheet's columns (顧客, メールアドレス…) would
 *  otherwise be taken for a customers sheet. */
export function ownerSheets(ss: Spreadsheet): OwnerSheet[] {
  const bigQuery = bigQuerySheetIds();
  return ss
    .getSheets()
    .filter((sheet) => sheetKind(marksOf(sheet), sheet.getSheetId(), bigQuery) === undefined)
    .map((sheet) => ({ name: sheet.getName(), sheet }));
}

/** A name no sheet has: the tab's name, else "name (Fan Funnel)", "name (Fan Funnel 2)"… */
export function freeName(ss: Spreadsheet, wanted: string): string {
  if (ss.getSheetByName(wanted) === null) return wanted;
  for (let i = 1; ; i++) {
    const name = i === 1 ? `${wanted} (${PRODUCT_NAME})` : `${wanted} (${PRODUCT_NAME} ${i})`;
    if (ss.getSheetByName(name) === null) return name;
  }
}

/**
 * Warning-only protection on a tab: every editor may still type in it (so any editor's refresh can
 * write it), but Sheets asks first, saying the add-on rewrites it (issue 11). `protect()` returns the
 * sheet's existing protection when there is one.
 */
export function protectTab(sheet: Sheet, lang: Lang): void {
  sheet.protect().setWarningOnly(true).setDescription(TAB_NOTICE.protection[lang]);
}

/**
 * The sheet for a tab: the add-on's existing one (renamed to the language's name when that name is
 * free; a tab from before ids were recorded gets its id now), or a new one marked as the add-on's.
 */
export function sheetForTab(ss: Spreadsheet, own: OwnTab | undefined, tab: TabId, lang: Lang): { sheet: Sheet; id: number; created: boolean } {
  const wanted = TAB_NAMES[tab][lang];
  if (own !== undefined) {
    if (own.sheet.getName() !== wanted && ss.getSheetByName(wanted) === null) own.sheet.setName(wanted);
    if (!own.stamped) own.sheet.addDeveloperMetadata(ID_KEY, String(own.id));
    return { sheet: own.sheet, id: own.id, created: false };
  }
  const sheet = ss.insertSheet(freeName(ss, wanted), ss.getSheets().length);
  const id = sheet.getSheetId();
  sheet.addDeveloperMetadata(TAB_KEY, tab);
  sheet.addDeveloperMetadata(ID_KEY, String(id));
  protectTab(sheet, lang);
  return { sheet, id, created: true };
}

/** Deletes scratch sheets left by an older version's refresh that was stopped before it cleaned up. */
export function deleteLeftoverStaging(ss: Spreadsheet): void {
  for (const sheet of ss.getSheets()) if (marksOf(sheet).staging) ss.deleteSheet(sheet);
}
