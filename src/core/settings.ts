/**
 * The owner's settings and their defaults — the one place defaults live (SPEC §3, §4, §7).
 * Stored as JSON in document properties by the Apps Script layer; read here from plain data.
 */
import type { Field, RangeKind } from './headers';
import { SETTINGS_MESSAGES, VIP_MESSAGE_TEMPLATE, bothLanguages, type Lang } from './labels';

/** A whole-number setting: the smallest value `readSettings` accepts and the default. Its words
 *  (the form's label) are in labels.ts, NUMBER_SETTING_LABELS, under its path. */
interface WholeNumber {
  readonly min: number;
  /** The largest value accepted, when there is one (a percentage). */
  readonly max?: number;
  readonly default: number;
}

/** The stage thresholds (SPEC §3); the defaults are seed 002's numbers. */
const STAGE_NUMBERS = {
  /** Visitor/Supporter/Partner: bought within fewer than this many days. */
  activeDays: { min: 1, default: 60 },
  /** Follower: fewer than this many days; Dormant/Lapsed: this many or more. */
  lapseDays: { min: 1, default: 90 },
  /** Partner: at least this many purchases. At least 1: every funnel stage needs a purchase, which
   *  `classify` relies on (src/core/stages.ts). */
  partnerMinPurchases: { min: 1, default: 2 },
  /** Partner: at least this many positive reactions. */
  partnerMinReactions: { min: 0, default: 3 },
  /** Supporter: at least this many positive reactions. */
  supporterMinReactions: { min: 0, default: 2 },
  /** Dormant (rather than Lapsed): at least this many positive reactions. */
  dormantMinReactions: { min: 0, default: 1 },
} as const satisfies Readonly<Record<string, WholeNumber>>;

/** VIPs (SPEC §4, seed 003: LTV 8万円以上 or 5回以上, 上位100名). */
const VIP_NUMBERS = {
  /** How many VIPs at most, in ranking order. */
  count: { min: 0, default: 100 },
  /** Candidate when LTV ≥ this… */
  minLtv: { min: 0, default: 80_000 },
  /** …and/or purchases ≥ this. */
  minPurchases: { min: 0, default: 5 },
} as const satisfies Readonly<Record<string, WholeNumber>>;

/** Tiers by LTV (SPEC §4, seed 003: Gold/Platinum/Diamond). */
const TIER_NUMBERS = {
  diamond: { min: 0, default: 300_000 },
  platinum: { min: 0, default: 150_000 },
  gold: { min: 0, default: 80_000 },
} as const satisfies Readonly<Record<string, WholeNumber>>;

/**
 * The refresh's guard against an empty or garbled paste (issue 11): a refresh that reads fewer valid
 * orders than this percentage of what the last successful refresh read changes nothing and says
 * why. 50: losing half of a shop's orders from one day to the next is never ordinary, while a paste
 * of the wrong file, a shifted column or a half-copied export is; an owner who archived old orders
 * lowers it once (0 turns the comparison off; a paste with no valid order is refused regardless).
 */
const REFRESH_NUMBERS = {
  minShareOfLast: { min: 0, max: 100, default: 50 },
} as const satisfies Readonly<Record<string, WholeNumber>>;

const NUMBER_GROUPS = { stages: STAGE_NUMBERS, vip: VIP_NUMBERS, tiers: TIER_NUMBERS, refresh: REFRESH_NUMBERS } as const;
type NumberGroup = keyof typeof NUMBER_GROUPS;
type Numbers<T> = { readonly [K in keyof T]: number };

export type StageThresholds = Numbers<typeof STAGE_NUMBERS>;
export type VipRules = Numbers<typeof VIP_NUMBERS> & { readonly mode: 'and' | 'or' };
export type Tiers = Numbers<typeof TIER_NUMBERS>;
export type RefreshGuard = Numbers<typeof REFRESH_NUMBERS>;

/** Where a number lives in the settings: `stages.activeDays`, `vip.count`, … or `ltvWindowDays`. */
export type NumberSettingPath =
  | { [G in NumberGroup]: `${G}.${keyof (typeof NUMBER_GROUPS)[G] & string}` }[NumberGroup]
  | 'ltvWindowDays';

/** One whole-number setting, as the validation and the sidebar's form both read it. */
export interface NumberSetting {
  readonly path: NumberSettingPath;
  readonly min: number;
  readonly max?: number;
  /** null: the field may be left blank, meaning "none" (all time). */
  readonly default: number | null;
}

/** LTV counts only the last N days up to the as-of date; blank (null) = all time. */
const LTV_WINDOW: NumberSetting = { path: 'ltvWindowDays', min: 1, default: null };

/** Every whole-number setting, in the order the form shows them. */
export const NUMBER_SETTINGS: readonly NumberSetting[] = [
  ...(Object.keys(NUMBER_GROUPS) as NumberGroup[]).flatMap((group) =>
    Object.entries(NUMBER_GROUPS[group]).map(([key, n]): NumberSetting => ({ path: `${group}.${key}` as NumberSettingPath, ...n })),
  ),
  LTV_WINDOW,
];

const defaultsOf = <T extends Readonly<Record<string, WholeNumber>>>(numbers: T): Numbers<T> =>
  Object.fromEntries(Object.entries(numbers).map(([key, n]) => [key, n.default])) as Numbers<T>;

/** A user's column choice per field: the header text, or '' to say "this sheet has none". */
export type ColumnOverrides = Readonly<Partial<Record<RangeKind, Readonly<Partial<Record<Field, string>>>>>>;

export interface Settings {
  readonly language: 'auto' | Lang;
  readonly stages: StageThresholds;
  readonly vip: VipRules;
  readonly tiers: Tiers;
  /** When a refresh refuses to replace the tabs (an empty or garbled paste). */
  readonly refresh: RefreshGuard;
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

/**
 * The longest VIP message template, in characters. The settings are one document property, and a
 * property value may hold 9 KB (Apps Script's quotas page): two templates of 500 characters take at
 * most 3 KB of it even in Japanese (3 bytes a character), leaving room for the rest.
 */
export const MAX_TEMPLATE_LENGTH = 500;

export const DEFAULT_SETTINGS: Settings = {
  language: 'auto',
  stages: defaultsOf(STAGE_NUMBERS),
  vip: { ...defaultsOf(VIP_NUMBERS), mode: 'or' },
  tiers: defaultsOf(TIER_NUMBERS),
  refresh: defaultsOf(REFRESH_NUMBERS),
  ltvWindowDays: LTV_WINDOW.default,
  sumOrderRows: false,
  columns: {},
  messageTemplate: VIP_MESSAGE_TEMPLATE,
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

function wholeNumber(v: unknown, n: { min: number; max?: number }, path: string, problems: SettingProblem[]): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v) && v >= n.min && (n.max === undefined || v <= n.max)) return v;
  problems.push({ path, message: wholeNumberMessage(n) });
  return undefined;
}

/** What a number setting must be, in both languages (the sidebar shows the same words). */
export function wholeNumberMessage(n: { min: number; max?: number }): { ja: string; en: string } {
  return n.max === undefined ? bothLanguages(SETTINGS_MESSAGES.wholeNumber, n.min) : bothLanguages(SETTINGS_MESSAGES.wholeNumberUpTo, n.min, n.max);
}

/** A number setting's value, by its path. */
export function numberSetting(settings: Settings, path: NumberSettingPath): number | null {
  const [group, key] = path.split('.') as [string, string | undefined];
  const holder = (key === undefined ? settings : settings[group as NumberGroup]) as unknown as Record<string, number | null>;
  return holder[key ?? group]!;
}

/**
 * Merges stored settings over the defaults, keeping each valid value and reporting each invalid
 * one; an invalid value falls back to its default so a bad property never breaks a formula.
 */
export function readSettings(stored: unknown): { settings: Settings; problems: SettingProblem[] } {
  const problems: SettingProblem[] = [];
  const s = isObject(stored) ? stored : {};
  const d = DEFAULT_SETTINGS;

  /** A group's numbers, each checked against its minimum; its other members as given. */
  const group = <G extends NumberGroup>(name: G): Settings[G] => {
    const given = isObject(s[name]) ? (s[name] as Json) : {};
    const out: Record<string, unknown> = { ...d[name] };
    for (const k of Object.keys(d[name])) {
      if (given[k] === undefined) continue;
      const n = (NUMBER_GROUPS[name] as Readonly<Record<string, WholeNumber>>)[k];
      if (n === undefined) out[k] = given[k];
      else {
        const v = wholeNumber(given[k], n, `${name}.${k}`, problems);
        if (v !== undefined) out[k] = v;
      }
    }
    return out as unknown as Settings[G];
  };

  let stages = group('stages');
  if (stages.lapseDays < stages.activeDays) {
    stages = { ...stages, activeDays: d.stages.activeDays, lapseDays: d.stages.lapseDays };
    problems.push({ path: 'stages.lapseDays', message: SETTINGS_MESSAGES.lapseBeforeActive });
  }
  const vip = group('vip');
  if (vip.mode !== 'and' && vip.mode !== 'or') {
    problems.push({ path: 'vip.mode', message: SETTINGS_MESSAGES.vipMode });
    (vip as { mode: string }).mode = d.vip.mode;
  }
  const refresh = group('refresh');
  let tiers = group('tiers');
  if (!(tiers.diamond >= tiers.platinum && tiers.platinum >= tiers.gold)) {
    tiers = d.tiers;
    problems.push({ path: 'tiers', message: SETTINGS_MESSAGES.tiersOrder });
  }

  let ltvWindowDays = d.ltvWindowDays;
  if (s.ltvWindowDays !== undefined && s.ltvWindowDays !== null) {
    ltvWindowDays = wholeNumber(s.ltvWindowDays, LTV_WINDOW, LTV_WINDOW.path, problems) ?? d.ltvWindowDays;
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
  const templateOf = (lang: Lang): string => {
    const t = template[lang];
    if (typeof t !== 'string') return d.messageTemplate[lang];
    if (t.length <= MAX_TEMPLATE_LENGTH) return t;
    problems.push({ path: `messageTemplate.${lang}`, message: bothLanguages(SETTINGS_MESSAGES.templateTooLong, MAX_TEMPLATE_LENGTH) });
    return d.messageTemplate[lang];
  };

  return {
    settings: {
      language,
      stages,
      vip,
      tiers,
      refresh,
      ltvWindowDays,
      sumOrderRows: typeof s.sumOrderRows === 'boolean' ? s.sumOrderRows : d.sumOrderRows,
      columns: isObject(s.columns) ? (s.columns as ColumnOverrides) : d.columns,
      messageTemplate: { ja: templateOf('ja'), en: templateOf('en') },
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
  problems.push({ path: 'autoRefresh.hour', message: SETTINGS_MESSAGES.hour });
  return { enabled: false };
}
