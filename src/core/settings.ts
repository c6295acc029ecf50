/**
 * The owner's settings and their defaults — the one place defaults live (SPEC §3, §4, §7).
 * Stored as JSON in document properties by the Apps Script layer; read here from plain data.
 */
import type { Field, RangeKind } from './headers';
import type { Lang } from './labels';

export interface StageThresholds {
  /** Visitor/Supporter/Partner: bought within fewer than this many days. Seed: 60. */
  readonly activeDays: number;
  /** Follower: fewer than this many days; Dormant/Lapsed: this many or more. Seed: 90. */
  readonly lapseDays: number;
  /** Partner: at least this many purchases. Seed: 2. */
  readonly partnerMinPurchases: number;
  /** Partner: at least this many positive reactions. Seed: 3. */
  readonly partnerMinReactions: number;
  /** Supporter: at least this many positive reactions. Seed: 2. */
  readonly supporterMinReactions: number;
  /** Dormant (rather than Lapsed): at least this many positive reactions. Seed: 1. */
  readonly dormantMinReactions: number;
}

export interface VipRules {
  /** How many VIPs at most, in ranking order. Seed 003: 上位100名. */
  readonly count: number;
  /** Candidate when LTV ≥ this… Seed 003: 8万円. */
  readonly minLtv: number;
  /** …and/or purchases ≥ this. Seed 003: 5回. */
  readonly minPurchases: number;
  readonly mode: 'and' | 'or';
}

export interface Tiers {
  readonly diamond: number;
  readonly platinum: number;
  readonly gold: number;
}

/** A user's column choice per field: the header text, or '' to say "this sheet has none". */
export type ColumnOverrides = Readonly<Partial<Record<RangeKind, Readonly<Partial<Record<Field, string>>>>>>;

export interface Settings {
  readonly language: 'auto' | Lang;
  readonly stages: StageThresholds;
  readonly vip: VipRules;
  readonly tiers: Tiers;
  /** LTV counts only the last N days up to the as-of date; null = all time. */
  readonly ltvWindowDays: number | null;
  /** Generic layouts: an order's amount is the sum of its rows rather than its first amount. */
  readonly sumOrderRows: boolean;
  readonly columns: ColumnOverrides;
  /** VIP thank-you message; `{name}`, `{ltv}`, `{purchases}`, `{tier}` are filled in. */
  readonly messageTemplate: Readonly<Record<Lang, string>>;
  /** Sheet names of the input ranges; null = detect by headers. */
  readonly sources: Readonly<Record<RangeKind, string | null>>;
  /** The time-driven refresh: daily at an hour of the spreadsheet's zone, or hourly (add-ons may
   *  not run more often). */
  readonly autoRefresh: AutoRefresh;
}

export type AutoRefresh =
  | { readonly enabled: false }
  | { readonly enabled: true; readonly every: 'day'; readonly hour: number }
  | { readonly enabled: true; readonly every: 'hour' };

export const DEFAULT_SETTINGS: Settings = {
  language: 'auto',
  stages: {
    activeDays: 60,
    lapseDays: 90,
    partnerMinPurchases: 2,
    partnerMinReactions: 3,
    supporterMinReactions: 2,
    dormantMinReactions: 1,
  },
  vip: { count: 100, minLtv: 80_000, minPurchases: 5, mode: 'or' },
  tiers: { diamond: 300_000, platinum: 150_000, gold: 80_000 },
  ltvWindowDays: null,
  sumOrderRows: false,
  columns: {},
  messageTemplate: {
    ja: '{name}様、累計{ltv}円のご愛顧に心から感謝します',
    en: 'Dear {name}, thank you from our hearts for your loyalty: {ltv} yen with us so far.',
  },
  sources: { orders: null, customers: null, survey: null },
  autoRefresh: { enabled: false },
};

/** A problem with one setting, keyed by its path (`stages.activeDays`) for inline messages. */
export interface SettingProblem {
  readonly path: string;
  readonly message: Readonly<Record<Lang, string>>;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function wholeNumber(v: unknown, min: number, path: string, problems: SettingProblem[]): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v) && v >= min) return v;
  problems.push({
    path,
    message: { ja: `${min}以上の整数を入力してください`, en: `Enter a whole number of at least ${min}` },
  });
  return undefined;
}

/**
 * Merges stored settings over the defaults, keeping each valid value and reporting each invalid
 * one; an invalid value falls back to its default so a bad property never breaks a formula.
 */
export function readSettings(stored: unknown): { settings: Settings; problems: SettingProblem[] } {
  const problems: SettingProblem[] = [];
  const s = isObject(stored) ? stored : {};
  const d = DEFAULT_SETTINGS;

  const numbers = <T extends object>(group: string, defaults: T, min: (k: keyof T) => number): T => {
    const given = isObject(s[group]) ? (s[group] as Json) : {};
    const out: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
    for (const k of Object.keys(defaults) as (keyof T & string)[]) {
      if (given[k] === undefined || typeof defaults[k] !== 'number') {
        if (given[k] !== undefined) out[k] = given[k];
        continue;
      }
      const v = wholeNumber(given[k], min(k), `${group}.${k}`, problems);
      if (v !== undefined) out[k] = v;
    }
    return out as T;
  };

  let stages = numbers('stages', d.stages, (k) => (k.endsWith('Days') || k === 'partnerMinPurchases' ? 1 : 0));
  if (stages.lapseDays < stages.activeDays) {
    stages = { ...stages, activeDays: d.stages.activeDays, lapseDays: d.stages.lapseDays };
    problems.push({
      path: 'stages.lapseDays',
      message: {
        ja: '離脱までの日数はアクティブ日数以上にしてください',
        en: 'Days to lapse must be at least the active days',
      },
    });
  }
  const vip = numbers('vip', d.vip, (k) => (k === 'count' ? 0 : 0));
  if (vip.mode !== 'and' && vip.mode !== 'or') {
    problems.push({ path: 'vip.mode', message: { ja: 'AND か OR を選んでください', en: 'Choose AND or OR' } });
    (vip as { mode: string }).mode = d.vip.mode;
  }
  let tiers = numbers('tiers', d.tiers, () => 0);
  if (!(tiers.diamond >= tiers.platinum && tiers.platinum >= tiers.gold)) {
    tiers = d.tiers;
    problems.push({
      path: 'tiers',
      message: {
        ja: 'ダイヤモンド ≥ プラチナ ≥ ゴールド の順にしてください',
        en: 'Tiers must be Diamond ≥ Platinum ≥ Gold',
      },
    });
  }

  let ltvWindowDays = d.ltvWindowDays;
  if (s.ltvWindowDays !== undefined && s.ltvWindowDays !== null) {
    ltvWindowDays = wholeNumber(s.ltvWindowDays, 1, 'ltvWindowDays', problems) ?? d.ltvWindowDays;
  }
  const sourcesIn = isObject(s.sources) ? s.sources : {};
  const sheetName = (v: unknown, fallback: string | null): string | null =>
    typeof v === 'string' && v.trim() !== '' ? v : v === null ? null : fallback;
  const sources = {
    orders: sheetName(sourcesIn.orders, d.sources.orders),
    customers: sheetName(sourcesIn.customers, d.sources.customers),
    survey: sheetName(sourcesIn.survey, d.sources.survey),
  };
  const autoRefresh = readAutoRefresh(s.autoRefresh, problems);
  const language = s.language === 'ja' || s.language === 'en' || s.language === 'auto' ? s.language : d.language;
  const template = isObject(s.messageTemplate) ? s.messageTemplate : {};

  return {
    settings: {
      language,
      stages,
      vip,
      tiers,
      ltvWindowDays,
      sumOrderRows: typeof s.sumOrderRows === 'boolean' ? s.sumOrderRows : d.sumOrderRows,
      columns: isObject(s.columns) ? (s.columns as ColumnOverrides) : d.columns,
      messageTemplate: {
        ja: typeof template.ja === 'string' ? template.ja : d.messageTemplate.ja,
        en: typeof template.en === 'string' ? template.en : d.messageTemplate.en,
      },
      sources,
      autoRefresh,
    },
    problems,
  };
}

function readAutoRefresh(v: unknown, problems: SettingProblem[]): AutoRefresh {
  if (!isObject(v) || v.enabled !== true) return { enabled: false };
  if (v.every === 'hour') return { enabled: true, every: 'hour' };
  const hour = v.hour;
  if (typeof hour === 'number' && Number.isInteger(hour) && hour >= 0 && hour <= 23) return { enabled: true, every: 'day', hour };
  problems.push({ path: 'autoRefresh.hour', message: { ja: '0〜23時で選んでください', en: 'Choose an hour from 0 to 23' } });
  return { enabled: false };
}
