/**
 * The time-driven refresh: at most one trigger per user and document, replaced (never duplicated)
 * when the schedule changes and deleted when it is switched off (Apps Script samples' habit).
 */
import type { AutoRefresh } from '../core/settings';
import { refresh, type RefreshOutcome } from './refresh';

/** The top-level function the trigger calls (wired in src/index.ts). */
export const TRIGGER_HANDLER = 'onAutoRefresh';

function ours(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(SpreadsheetApp.getActive()).filter((t) => t.getHandlerFunction() === TRIGGER_HANDLER);
}

export function autoRefreshInstalled(): boolean {
  return ours().length > 0;
}

/** Makes the installed trigger match the setting. */
export function applyAutoRefresh(schedule: AutoRefresh): void {
  for (const t of ours()) ScriptApp.deleteTrigger(t);
  if (!schedule.enabled) return;
  const builder = ScriptApp.newTrigger(TRIGGER_HANDLER).timeBased();
  if (schedule.every === 'hour') builder.everyHours(1).create();
  else builder.everyDays(1).atHour(schedule.hour).inTimezone(SpreadsheetApp.getActive().getSpreadsheetTimeZone()).create();
}

/** The trigger's run: refreshes like a click does, if the add-on is still authorised. */
export function onAutoRefresh(): RefreshOutcome | undefined {
  const status = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus();
  if (status === ScriptApp.AuthorizationStatus.REQUIRED) return undefined;
  return refresh('trigger');
}
