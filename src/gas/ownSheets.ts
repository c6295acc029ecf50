/**
 * The add-on's own sheets. Every sheet it creates carries developer metadata naming the tab; it
 * writes to no other sheet, and when a sheet of the owner's already has a tab's name, it picks
 * another name instead of touching it (SPEC §1.5).
 */
import { PRODUCT_NAME, TAB_NAMES, type Lang, type TabId } from '../core/labels';
import { METADATA_KEYS, PROPERTY_KEYS } from './keys';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const TAB_KEY = METADATA_KEYS.tab;
const STAGING_KEY = METADATA_KEYS.staging;
export const TAB_IDS: readonly TabId[] = ['funnel', 'customers', 'vip', 'history'];

function metadata(sheet: Sheet, key: string): string | undefined {
  for (const m of sheet.getDeveloperMetadata()) if (m.getKey() === key) return m.getValue() ?? '';
  return undefined;
}

/** The tab a sheet is, if the add-on created it. */
export function ownTabOf(sheet: Sheet): TabId | undefined {
  const v = metadata(sheet, TAB_KEY);
  return TAB_IDS.includes(v as TabId) ? (v as TabId) : undefined;
}

/**
 * Which sheet (by its id) is each tab. Metadata alone is not proof: duplicating a sheet in Sheets
 * copies its metadata, and the owner's copy of a tab ("VIP のコピー") must never be written over.
 */
const REGISTRY_KEY = PROPERTY_KEYS.tabSheets;

function registry(): Partial<Record<TabId, number>> {
  try {
    const raw = PropertiesService.getDocumentProperties().getProperty(REGISTRY_KEY);
    return raw === null ? {} : (JSON.parse(raw) as Partial<Record<TabId, number>>);
  } catch {
    return {};
  }
}

function remember(tab: TabId, sheet: Sheet): void {
  const reg = registry();
  if (reg[tab] === sheet.getSheetId()) return;
  reg[tab] = sheet.getSheetId();
  PropertiesService.getDocumentProperties().setProperty(REGISTRY_KEY, JSON.stringify(reg));
}

/** The add-on's sheets by tab: marked as the tab and, once registered, the registered sheet. */
export function ownSheets(ss: Spreadsheet): Partial<Record<TabId, Sheet>> {
  const reg = registry();
  const out: Partial<Record<TabId, Sheet>> = {};
  for (const sheet of ss.getSheets()) {
    const tab = ownTabOf(sheet);
    if (tab === undefined || out[tab] !== undefined) continue;
    if (reg[tab] === undefined || reg[tab] === sheet.getSheetId()) out[tab] = sheet;
  }
  return out;
}

/** One of the owner's sheets (a possible source), with its name read once. */
export interface OwnerSheet {
  readonly name: string;
  readonly sheet: Sheet;
}

/** The owner's sheets in tab order: every sheet but the add-on's own tabs. */
export function ownerSheets(ss: Spreadsheet): OwnerSheet[] {
  return ss
    .getSheets()
    .filter((sheet) => ownTabOf(sheet) === undefined)
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
 * The sheet for a tab: the add-on's existing one (renamed to the language's name when that name
 * is free), or a new one marked as the add-on's.
 */
export function sheetForTab(ss: Spreadsheet, own: Partial<Record<TabId, Sheet>>, tab: TabId, lang: Lang): Sheet {
  const wanted = TAB_NAMES[tab][lang];
  const existing = own[tab];
  if (existing !== undefined) {
    if (existing.getName() !== wanted && ss.getSheetByName(wanted) === null) existing.setName(wanted);
    remember(tab, existing);
    return existing;
  }
  const sheet = ss.insertSheet(freeName(ss, wanted), ss.getSheets().length);
  sheet.addDeveloperMetadata(TAB_KEY, tab);
  remember(tab, sheet);
  return sheet;
}

/** A hidden scratch sheet, marked so a refresh that died half-way can be cleaned up later. */
export function insertStaging(ss: Spreadsheet, tab: TabId): Sheet {
  const sheet = ss.insertSheet(freeName(ss, `~fan-funnel-${tab}`), ss.getSheets().length);
  sheet.addDeveloperMetadata(STAGING_KEY, tab);
  sheet.hideSheet();
  return sheet;
}

/** Deletes scratch sheets left by an earlier refresh that was stopped before it cleaned up. */
export function deleteLeftoverStaging(ss: Spreadsheet): void {
  for (const sheet of ss.getSheets()) if (metadata(sheet, STAGING_KEY) !== undefined) ss.deleteSheet(sheet);
}
