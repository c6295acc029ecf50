/**
 * The History tab: one snapshot row per as-of day (counts per stage), and each customer's stage at
 * the latest snapshot next to their stage at the baseline — the snapshot of an earlier day that
 * transitions are measured from.
 *
 * Snapshots are per as-of day: refreshing again on the same day (a click after the morning
 * trigger) replaces that day's row and keeps the same baseline, so "since the last snapshot" means
 * since an earlier day, and a repeated refresh changes nothing but the refresh time.
 */
import { DAY_MS, type Day, type Zone, isoDay } from './dates';
import { STAGE_LABELS, type Lang, type StageId } from './labels';
import type { StageMap } from './funnel';
import { ALL_STAGES } from './stages';
import { cellText, isBlank, parseLocalMs, type Cell } from './values';

export interface SnapshotRow {
  readonly asOf: Day;
  /** Instant of the refresh (ms). */
  readonly refreshedAt: number;
  readonly counts: Readonly<Record<StageId, number>>;
}

export interface History {
  readonly rows: readonly SnapshotRow[];
  /** Stages at the latest snapshot and its day. */
  readonly latest?: { readonly day: Day; readonly stages: StageMap };
  /** Stages at the snapshot the latest one was compared with. */
  readonly baseline?: { readonly day: Day; readonly stages: StageMap };
}

export const EMPTY_HISTORY: History = { rows: [] };

/** Width of the snapshot block: as-of, refreshed at, a count per stage, total. */
export const SNAPSHOT_COLUMNS = 2 + ALL_STAGES.length + 1;
/** The per-customer block starts after one blank column. */
const CUSTOMER_BLOCK = SNAPSHOT_COLUMNS + 1;
const STAGE_IDS = new Set<string>(ALL_STAGES);
const DAY_IN = /(\d{4})-(\d{2})-(\d{2})/;

function dayIn(text: string): Day | undefined {
  const m = DAY_IN.exec(text);
  return m ? Math.floor(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) / DAY_MS) : undefined;
}

/** Reads the History tab the add-on wrote (its `getValues()`); anything unreadable is ignored. */
export function readHistory(values: ReadonlyArray<ReadonlyArray<Cell>>, zone: Zone): History {
  const rows: SnapshotRow[] = [];
  for (let r = 1; r < values.length; r++) {
    const row = values[r]!;
    if (isBlank(row[0])) continue;
    const asOf = parseLocalMs(row[0], zone);
    if (asOf !== asOf) continue;
    const counts = {} as Record<StageId, number>;
    ALL_STAGES.forEach((s, i) => {
      const n = row[2 + i];
      counts[s] = typeof n === 'number' ? n : 0;
    });
    const at = row[1];
    const refreshedAt = at instanceof Date || Object.prototype.toString.call(at) === '[object Date]' ? (at as Date).getTime() : 0;
    rows.push({ asOf: Math.floor(asOf / DAY_MS), refreshedAt, counts });
  }
  const header = values[0] ?? [];
  const latestDay = dayIn(cellText(header[CUSTOMER_BLOCK + 1]));
  const baselineDay = dayIn(cellText(header[CUSTOMER_BLOCK + 2]));
  const latest = new Map<string, StageId>();
  const baseline = new Map<string, StageId>();
  for (let r = 1; r < values.length; r++) {
    const row = values[r]!;
    const key = cellText(row[CUSTOMER_BLOCK]);
    if (key === '') continue;
    const now = cellText(row[CUSTOMER_BLOCK + 3]);
    const before = cellText(row[CUSTOMER_BLOCK + 4]);
    if (STAGE_IDS.has(now)) latest.set(key, now as StageId);
    if (STAGE_IDS.has(before)) baseline.set(key, before as StageId);
  }
  return {
    rows,
    ...(latestDay !== undefined ? { latest: { day: latestDay, stages: latest } } : {}),
    ...(baselineDay !== undefined ? { baseline: { day: baselineDay, stages: baseline } } : {}),
  };
}

/**
 * The baseline for a refresh as of `asOf`: the latest snapshot if it is of an earlier day, the
 * latest one's own baseline on a repeated refresh of the same day, none otherwise.
 */
export function baselineFor(history: History, asOf: Day): History['baseline'] {
  const latest = history.latest;
  if (latest === undefined) return undefined;
  if (latest.day < asOf) return latest;
  if (latest.day === asOf) return history.baseline;
  return undefined;
}

/** History after a refresh: that day's row replaced or added, rows in as-of order. */
export function recordSnapshot(history: History, row: SnapshotRow, stages: StageMap, baseline: History['baseline']): History {
  const rows = history.rows.filter((r) => r.asOf !== row.asOf);
  rows.push(row);
  rows.sort((a, b) => a.asOf - b.asOf);
  return { rows, latest: { day: row.asOf, stages }, ...(baseline !== undefined ? { baseline } : {}) };
}

export const HISTORY_HEADERS = {
  asOf: { ja: '基準日', en: 'As of' },
  refreshedAt: { ja: '更新日時', en: 'Refreshed at' },
  total: { ja: '合計', en: 'Total' },
  customer: { ja: '顧客', en: 'Customer' },
  stageAt: { ja: (d: string) => `ステージ ${d}`, en: (d: string) => `Stage ${d}` },
  baselineAt: { ja: (d: string) => `比較元 ${d}`, en: (d: string) => `Baseline ${d}` },
  code: { ja: 'コード', en: 'code' },
  baselineCode: { ja: '比較元コード', en: 'baseline code' },
} as const;

/** The History tab's grid (values only; formats are the writer's). */
export function historyGrid(history: History, zone: Zone, lang: Lang): Cell[][] {
  const h = HISTORY_HEADERS;
  const latest = history.latest;
  const baseline = history.baseline;
  const header: Cell[] = [
    h.asOf[lang],
    h.refreshedAt[lang],
    ...ALL_STAGES.map((s) => STAGE_LABELS[s][lang]),
    h.total[lang],
    '',
    h.customer[lang],
    latest ? h.stageAt[lang](isoDay(latest.day)) : '',
    baseline ? h.baselineAt[lang](isoDay(baseline.day)) : '',
    h.code[lang],
    h.baselineCode[lang],
  ];
  const snapshot = history.rows.map((r): Cell[] => [
    zone.midnight(r.asOf),
    new Date(r.refreshedAt),
    ...ALL_STAGES.map((s) => r.counts[s]),
    ALL_STAGES.reduce((t, s) => t + r.counts[s], 0),
  ]);
  const customers = latest ? [...latest.stages] : [];
  const height = Math.max(snapshot.length, customers.length);
  const grid: Cell[][] = [header];
  for (let i = 0; i < height; i++) {
    const left = snapshot[i] ?? new Array<Cell>(SNAPSHOT_COLUMNS).fill('');
    const c = customers[i];
    const before = c ? baseline?.stages.get(c[0]) : undefined;
    const right: Cell[] = c
      ? [c[0], STAGE_LABELS[c[1]][lang], before ? STAGE_LABELS[before][lang] : '', c[1], before ?? '']
      : ['', '', '', '', ''];
    grid.push([...left, '', ...right]);
  }
  return grid;
}
