/**
 * 今週やること for the sidebar: the refresh keeps the view of its lists (src/core/thisWeek.ts) in a
 * document property, so the sidebar shows them when it opens without refreshing. What is read back
 * is untrusted (an older version, a hand edit) and validated field by field.
 */
import { THIS_WEEK_LISTS, THIS_WEEK_SHOWN, thisWeekView, type ListBasis, type ThisWeek, type ThisWeekListId, type ThisWeekListView, type ThisWeekView } from '../core/thisWeek';
import { PROPERTY_KEYS } from './keys';
import { PROPERTY_VALUE_CAP, documentStore, readJson, utf8Bytes, writeJson } from './properties';

/** Longest name and reason kept for the sidebar (a pasted note in a name cell…); the key stays whole: a click finds the row by it. */
const MAX_NAME = 40;
const MAX_REASON = 160;
const cut = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The view that fits a property value: the first five of each list, fewer if need be. */
export function fitThisWeek(w: ThisWeek): ThisWeekView {
  for (let shown = THIS_WEEK_SHOWN; shown >= 0; shown--) {
    const full = thisWeekView(w, shown);
    const v = { ...full, lists: full.lists.map((l) => ({ ...l, entries: l.entries.map((e) => ({ key: e.key, name: cut(e.name, MAX_NAME), reason: cut(e.reason, MAX_REASON) })) })) };
    if (shown === 0 || utf8Bytes(JSON.stringify(v)) <= PROPERTY_VALUE_CAP) return v;
  }
  return thisWeekView(w, 0);
}

export function recordThisWeek(w: ThisWeek): void {
  writeJson(documentStore(), PROPERTY_KEYS.thisWeek, fitThisWeek(w));
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const BASES: readonly ListBasis[] = ['model', 'rule', 'calendar', 'snapshot'];

function readList(v: unknown): ThisWeekListView | undefined {
  if (!isObject(v) || !THIS_WEEK_LISTS.includes(v.id as ThisWeekListId) || !isString(v.title) || !Array.isArray(v.entries)) return undefined;
  const entries = v.entries
    .filter((e): e is Json => isObject(e) && isString(e.key) && isString(e.reason))
    .map((e) => ({ key: e.key as string, name: isString(e.name) ? e.name : '', reason: e.reason as string }));
  return {
    id: v.id as ThisWeekListId,
    basis: BASES.includes(v.basis as ListBasis) ? (v.basis as ListBasis) : 'model',
    title: v.title,
    total: typeof v.total === 'number' && Number.isFinite(v.total) ? Math.max(v.total, entries.length) : entries.length,
    entries,
    ...(isString(v.more) ? { more: v.more } : {}),
    ...(isString(v.note) ? { note: v.note } : {}),
    ...(isString(v.empty) ? { empty: v.empty } : {}),
  };
}

/** The stored view, validated; null when there is none (no refresh yet) or it is not one. */
export function readThisWeek(v: unknown): ThisWeekView | null {
  if (!isObject(v) || (v.lang !== 'ja' && v.lang !== 'en') || !isString(v.title) || !Array.isArray(v.lists)) return null;
  const lists = v.lists.map(readList).filter((l) => l !== undefined);
  return { lang: v.lang, title: v.title, lists };
}

export function lastThisWeek(): ThisWeekView | null {
  return readThisWeek(readJson(documentStore(), PROPERTY_KEYS.thisWeek));
}
