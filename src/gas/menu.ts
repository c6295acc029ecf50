/**
 * The add-on menu and the sidebar. `onOpen` may run in AuthMode.NONE, where nothing but the menu
 * may be touched, so it only builds the menu.
 */
import { pickLang, type Lang } from '../core/labels';
import { refresh } from './refresh';

const MENU = {
  open: { ja: 'サイドバーを開く', en: 'Open sidebar' },
  refresh: { ja: '今すぐ更新', en: 'Refresh now' },
  done: { ja: 'ファンファネルを更新しました', en: 'Fan Funnel refreshed' },
  busy: { ja: '別の更新が実行中です', en: 'Another refresh is running' },
  failed: { ja: '更新できませんでした: ', en: 'The refresh failed: ' },
} as const;

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
    .addItem(MENU.open[lang], 'showSidebar')
    .addItem(MENU.refresh[lang], 'refreshFromMenu')
    .addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function showSidebar(): void {
  const page = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Fan Funnel');
  SpreadsheetApp.getUi().showSidebar(page);
}

/** The menu's "Refresh now": the same refresh as the sidebar's button, with a toast. */
export function refreshFromMenu(): void {
  const lang = userLang();
  const outcome = refresh('menu');
  const text = outcome.ok ? MENU.done[lang] : outcome.busy ? MENU.busy[lang] : MENU.failed[lang] + (outcome.error ?? '');
  SpreadsheetApp.getActive().toast(text, 'Fan Funnel');
}
