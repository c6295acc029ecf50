/**
 * Settings in document properties: one namespaced key holding JSON (Apps Script samples' habit).
 * Reading never throws — a formula must still compute with the defaults if the property is
 * missing, malformed or unreadable in the custom-function context.
 */
import { DEFAULT_SETTINGS, readSettings, type Settings } from '../core/settings';
import { PROPERTY_KEYS } from './keys';

const SETTINGS_KEY = PROPERTY_KEYS.settings;

export function loadSettings(): Settings {
  try {
    const raw = PropertiesService.getDocumentProperties().getProperty(SETTINGS_KEY);
    return raw === null ? DEFAULT_SETTINGS : readSettings(JSON.parse(raw)).settings;
  } catch {
    return DEFAULT_SETTINGS;
  }
}

/** Stores validated settings (the sidebar validates first). */
export function saveSettingsJson(json: string): void {
  PropertiesService.getDocumentProperties().setProperty(SETTINGS_KEY, json);
}
