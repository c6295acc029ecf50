/**
 * The add-on menu and the sidebar. `onOpen` may run in AuthMode.NONE, where nothing but the menu
 * may be touched, so it only builds the menu.
 */
import { DIAGNOSTICS_TEXT, MENU_TEXT, PRODUCT_NAME, SIDEBAR_TEXT, pickLang, type Lang } from '../core/labels';
import { refresh, type RefreshOutcome } from './refresh';


function userLang(): Lang {
  try {
    return pickLang('auto', Session.getActiveUserLocale());
  } catch {
    return 'en';
  }
}

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const lang = userLang();
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(MENU_TEXT.open[lang], 'showSidebar')
    .addItem(MENU_TEXT.refresh[lang], 'refreshFromMenu')
    .addItem(DIAGNOSTICS_TEXT.menuItem[lang], 'showDiagnostics')
    .addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function showSidebar(): void {
  const page = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(PRODUCT_NAME);
  SpreadsheetApp.getUi().showSidebar(page);
}

/**
 * The menu's "Refresh now": the same refresh as the sidebar's button, with a toast that says what the
 * sidebar would — in the language the refresh wrote in (the spreadsheet's): its error, what it left
 * of the tabs, and the warnings (an outcome that could not be recorded is said here or nowhere).
 */
export function refreshFromMenu(): void {
  const outcome = refresh('menu');
  SpreadsheetApp.getActive().toast(menuToast(outcome, outcome.lang ?? userLang()), PRODUCT_NAME);
}

function menuToast(outcome: RefreshOutcome, lang: Lang): string {
  const lines: string[] = [];
  if (outcome.ok) lines.push(MENU_TEXT.done[lang]);
  else if (outcome.busy) lines.push(MENU_TEXT.busy[lang]);
  else {
    lines.push(MENU_TEXT.failed[lang] + (outcome.error ?? ''));
    if (outcome.previousKept === false && outcome.switchover !== undefined) lines.push(outcome.switchover.note);
    else if (outcome.previousKept === true) lines.push(SIDEBAR_TEXT.previousKept[lang]);
  }
  lines.push(...(outcome.warnings ?? []));
  return lines.join(lang === 'ja' ? '' : ' ');
}
