/**
 * The saved segments (issue 14): their definitions — never frozen lists — in one document property,
 * JSON, kept under PROPERTY_VALUE_CAP bytes (Apps Script's quotas page,
 * https://developers.google.com/apps-script/guides/services/quotas: "Properties value size 9 KB /
 * val"). What is read back is untrusted (an older version, a hand edit) and validated segment by
 * segment (src/core/segments.ts readSegments): one that does not read is dropped, never half-applied.
 *
 * The API other features build on (a campaign starts from a saved segment): `loadSegments`,
 * `findSegment` here; the members now from src/gas/segmentInput.ts `currentSegmentInput` and the
 * core's `segmentMembers`.
 */
import { MAX_SEGMENTS, readSegments, type SegmentDefinition } from '../core/segments';
import { PROPERTY_KEYS } from './keys';
import { PROPERTY_VALUE_CAP, documentStore, readJson, utf8Bytes, writeJson } from './properties';

const KEY = PROPERTY_KEYS.segments;

/** The saved segments, validated, in the order they were saved; [] when none (or no document). */
export function loadSegments(): SegmentDefinition[] {
  return readSegments(readJson(documentStore(), KEY));
}

/** The saved segment of that name (names are compared as saved, trimmed). */
export function findSegment(name: string): SegmentDefinition | undefined {
  return loadSegments().find((s) => s.name === name.trim());
}

/** Why a list of segments cannot be stored: too many, or too big for one property value. */
export type StoreRefusal = 'tooMany' | 'tooBig';

/** The list after saving `segment` (replacing one of the same name, else added last), or why not. */
export function withSegment(list: readonly SegmentDefinition[], segment: SegmentDefinition): SegmentDefinition[] | StoreRefusal {
  const i = list.findIndex((s) => s.name === segment.name);
  const next = i >= 0 ? list.map((s, j) => (j === i ? segment : s)) : [...list, segment];
  if (next.length > MAX_SEGMENTS) return 'tooMany';
  if (utf8Bytes(JSON.stringify({ segments: next })) > PROPERTY_VALUE_CAP) return 'tooBig';
  return next;
}

/** Stores the list (the caller checked it with `withSegment`; a store that refuses throws). */
export function storeSegments(list: readonly SegmentDefinition[]): void {
  writeJson(documentStore(), KEY, { segments: list });
}
