/**
 * The add-on menu and the sidebar. `onOpen` may run in AuthMode.NONE, where nothing but the menu
 * may be touched, so it only builds the menu.
 */
import { DIAGNOSTICS_TEXT, MENU_TEXT, PRODUCT_NAME, pickLang, type Lang } from '../core/labels';
import { refresh } from './refresh';


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

/** The menu's "Refresh now": the same refresh as the sidebar's button, with a toast. */
export function refreshFromMenu(): void {
  const lang = userLang();
  const outcome = refresh('menu');
  const text = outcome.ok ? MENU_TEXT.done[lang] : outcome.busy ? MENU_TEXT.busy[lang] : MENU_TEXT.failed[lang] + (outcome.error ?? '');
  SpreadsheetApp.getActive().toast(text, PRODUCT_NAME);
}
