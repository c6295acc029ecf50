/**
 * The add-on menu and the sidebar. `onOpen` may run in AuthMode.NONE, where nothing but the menu
 * may be touched, so it only builds the menu.
 */
import { pickLang } from '../core/labels';

const MENU = {
  open: { ja: 'サイドバーを開く', en: 'Open sidebar' },
} as const;

function userLang() {
  try {
    return pickLang('auto', Session.getActiveUserLocale());
  } catch {
    return 'en' as const;
  }
}

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const lang = userLang();
  SpreadsheetApp.getUi().createAddonMenu().addItem(MENU.open[lang], 'showSidebar').addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function showSidebar(): void {
  const page = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Fan Funnel');
  SpreadsheetApp.getUi().showSidebar(page);
}
