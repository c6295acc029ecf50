/**
 * Reading and writing the add-on's JSON properties within Apps Script's limits: the quotas page
 * (https://developers.google.com/apps-script/guides/services/quotas) allows "9 KB / val", so every
 * value is kept under PROPERTY_VALUE_CAP bytes by its writer, and a write that fails says so
 * instead of vanishing. The document's store is null where there is no open document (Google:
 * "When document properties are not available this method returns null").
 */

import { utf8Bytes } from '../core/diagnostics';

type Properties = GoogleAppsScript.Properties.Properties;

/** The most a value may take, in UTF-8 bytes: under Google's 9 KB (9,216), with room to spare. */
export const PROPERTY_VALUE_CAP = 8_192;

/** UTF-8 bytes of a string (what the property quota counts): the core's one count, lone surrogates included. */
export { utf8Bytes };

/** The document's store, or null where there is none. */
export function documentStore(): Properties | null {
  return PropertiesService.getDocumentProperties() ?? null;
}

/** A stored JSON value; undefined when missing, unreadable or not JSON. */
export function readJson(store: Properties | null, key: string): unknown {
  if (store === null) return undefined;
  try {
    const raw = store.getProperty(key);
    return raw === null ? undefined : (JSON.parse(raw) as unknown);
  } catch {
    return undefined;
  }
}

/** Stores a value as JSON; throws (with the reason) when it would pass the cap or the store refuses. */
export function writeJson(store: Properties | null, key: string, value: unknown): void {
  if (store === null) throw new Error('no document properties (no open document)');
  const json = JSON.stringify(value);
  const bytes = utf8Bytes(json);
  if (bytes > PROPERTY_VALUE_CAP) throw new Error(`${key} would take ${bytes} bytes (at most ${PROPERTY_VALUE_CAP})`);
  store.setProperty(key, json);
}

export function message(e: unknown): string {
  return e instanceof Error ? e.message : typeof e === 'object' && e !== null && 'message' in e ? String((e as Error).message) : String(e);
}
