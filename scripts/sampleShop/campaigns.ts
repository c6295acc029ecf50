/**
 * The preview's two sample campaigns (issue 14), so that a new user sees 施策 at `npm start`: both
 * start on the sample's export day and split a stage in two by customer number, as a shop would
 * split a list for a test — every other customer is targeted, the rest are the comparison group.
 *
 * - LINE coupon for a second order (ビジター → フォロワー): the sample's following days bring one
 *   targeted visitor in three back once more within 30 days (a CampaignBoost of continuation.ts)
 *   — the campaign that worked.
 * - A "we miss you" mail to dormant customers (一時離脱 → フォロワー): nothing is added — the one that
 *   did not (its targets come back no more often than the others).
 *
 * Their results appear as the preview's days go by (1週間進める, or `npm start -- --days 30`).
 */
import { analyze, readInputs } from '../../src/core/analyze';
import { makeZone, parseIsoDay } from '../../src/core/dates';
import type { Lang, StageId } from '../../src/core/labels';
import { compareCodePoints } from '../../src/core/ranking';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { CampaignBoost } from './continuation';

export interface SampleCampaign {
  /** What the sidebar's 施策を始める sends (src/gas/campaignApi.ts startCampaign). */
  readonly input: { readonly name: string; readonly move: string; readonly keys: readonly string[]; readonly note: string; readonly windowDays: number };
}

/** The share of the coupon's targets it brings back within its window. */
export const COUPON_SHARE = 1 / 3;
export const SAMPLE_WINDOW_DAYS = 30;

const TEXT = {
  coupon: { ja: 'LINEクーポン(2回目)', en: 'LINE coupon (second order)' },
  couponNote: { ja: '初めて買った方に2回目用のクーポンを送れば、フォロワーになる方が増える', en: 'A coupon for a second order turns more first-time buyers into followers' },
  mail: { ja: 'お久しぶりメール', en: '“We miss you” mail' },
  mailNote: { ja: '一時離脱の方に新茶のお知らせを送れば、戻ってくる', en: 'News of the new tea brings dormant customers back' },
} as const;

export function sampleCampaigns(ranges: { orders: unknown; customers?: unknown; survey?: unknown }, asOfIso: string, timeZone: string, lang: Lang): { campaigns: SampleCampaign[]; boost: CampaignBoost } {
  const read = readInputs(ranges, { zone: makeZone(timeZone), settings: DEFAULT_SETTINGS, locale: lang === 'ja' ? 'ja_JP' : 'en_US' });
  const a = analyze(read, parseIsoDay(asOfIso)!, DEFAULT_SETTINGS);
  const half = (stage: StageId): string[] =>
    [...a.byKey.values()]
      .filter((v) => v.stage.stage === stage)
      .map((v) => v.metrics.key)
      .sort(compareCodePoints)
      .filter((_, i) => i % 2 === 0);
  const coupon = half('visitor');
  const mail = half('dormant');
  return {
    campaigns: [
      { input: { name: TEXT.coupon[lang], move: 'visitor>follower', keys: coupon, note: TEXT.couponNote[lang], windowDays: SAMPLE_WINDOW_DAYS } },
      { input: { name: TEXT.mail[lang], move: 'dormant>follower', keys: mail, note: TEXT.mailNote[lang], windowDays: SAMPLE_WINDOW_DAYS } },
    ],
    boost: { keys: new Set(coupon), share: COUPON_SHARE, days: SAMPLE_WINDOW_DAYS },
  };
}
