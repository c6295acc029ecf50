/**
 * The sidebar's segment count between clicks (issue 14): each customer's facts (src/core/segments.ts
 * `segmentFacts`) kept in the document's cache, so that a count is one cache read and a filter, not a
 * read of every order. Written by each refresh and by a count that had to compute them; trusted only
 * for the same settings and the same day. CacheService (https://developers.google.com/apps-script/reference/cache/cache):
 * "The maximum length of a value is 100KB", "the maximum expiration time is 21600 seconds (6 hours)" —
 * so the facts are split into values of at most CHUNK characters (3 bytes each at most in UTF-8).
 * A list made or downloaded is always computed from the sheets as they are.
 */
import type { Day } from '../core/dates';
import type { StageId, TierId } from '../core/labels';
import { SEGMENT_LISTS, TIERS, type CustomerFacts, type SegmentFacts } from '../core/segments';
import type { Settings } from '../core/settings';
import { ALL_STAGES } from '../core/shared';

const PREFIX = 'fanFunnel.segmentFacts';
/** Characters per cached value: 30,000 × 3 bytes stays under the 100 KB a value may hold. */
const CHUNK = 30_000;
const TTL_SECONDS = 21_600;

type Row = [string, string, number, number, number, number, number, number, number, number, number, number];

function encode(f: CustomerFacts): Row {
  const lists = f.lists.reduce((m, id) => m | (1 << SEGMENT_LISTS.indexOf(id)), 0);
  return [f.key, f.name, ALL_STAGES.indexOf(f.stage), f.tier === null ? -1 : TIERS.indexOf(f.tier), f.vip ? 1 : 0, f.ltv, f.daysSinceLast ?? -1, f.registered ? 1 : 0, f.birthdayMonth ?? -1, f.hasEmail ? 1 : 0, f.hasLineUserId ? 1 : 0, lists];
}

function decode(r: Row): CustomerFacts {
  return {
    key: r[0],
    name: r[1],
    stage: ALL_STAGES[r[2]] as StageId,
    tier: r[3] < 0 ? null : (TIERS[r[3]] as TierId),
    vip: r[4] === 1,
    ltv: r[5],
    daysSinceLast: r[6] < 0 ? null : r[6],
    registered: r[7] === 1,
    birthdayMonth: r[8] < 0 ? null : r[8],
    hasEmail: r[9] === 1,
    hasLineUserId: r[10] === 1,
    lists: SEGMENT_LISTS.filter((_, i) => (r[11] & (1 << i)) !== 0),
  };
}

const settingsKey = (settings: Settings): string => JSON.stringify(settings);

/** Keeps the facts for the sidebar's count. */
export function rememberSegmentFacts(facts: SegmentFacts, settings: Settings): void {
  const cache = CacheService.getDocumentCache();
  if (cache === null) return;
  const { customers, ...rest } = facts;
  const body = JSON.stringify(customers.map(encode));
  const chunks: string[] = [];
  for (let i = 0; i < body.length; i += CHUNK) chunks.push(body.slice(i, i + CHUNK));
  const values: Record<string, string> = { [`${PREFIX}.meta`]: JSON.stringify({ ...rest, chunks: chunks.length, settings: settingsKey(settings) }) };
  chunks.forEach((c, i) => (values[`${PREFIX}.${i}`] = c));
  cache.putAll(values, TTL_SECONDS);
}

/** The kept facts, if they are for these settings and this as-of day; else null. */
export function keptSegmentFacts(settings: Settings, asOf: Day): SegmentFacts | null {
  try {
    const cache = CacheService.getDocumentCache();
    if (cache === null) return null;
    const metaText = cache.get(`${PREFIX}.meta`);
    if (metaText === null) return null;
    const meta = JSON.parse(metaText) as Omit<SegmentFacts, 'customers'> & { chunks: number; settings: string };
    if (meta.settings !== settingsKey(settings) || meta.asOf !== asOf || !Number.isInteger(meta.chunks)) return null;
    const keys = Array.from({ length: meta.chunks }, (_, i) => `${PREFIX}.${i}`);
    const got = keys.length === 0 ? {} : cache.getAll(keys);
    if (keys.some((k) => typeof got[k] !== 'string')) return null;
    const rows = JSON.parse(keys.map((k) => got[k]).join('')) as Row[];
    const { chunks: _chunks, settings: _settings, ...rest } = meta;
    return { ...rest, customers: rows.map(decode) };
  } catch {
    return null;
  }
}
