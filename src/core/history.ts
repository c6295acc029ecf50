/**
 * The History tab: one snapshot row per as-of day (counts per stage), and each customer's stage at
 * the latest snapshot next to their stage at the baseline — the snapshot of an earlier day that
 * transitions are measured from.
 *
 * Snapshots are per as-of day: refreshing again on the same day (a click after the morning
 * trigger) replaces that day's row and keeps the same baseline, so "since the last snapshot" means
 * since an earlier day, and a repeated refresh changes nothing but the refresh time.
 */
import { DAY_MS, type Day, type Zone, formatDay } from './dates';
import { NOTICE_ROWS, formatRow, headerRow, valueRow, type Column, type DatedContext, type Grid, type NumberFormat } from './grid';
import { HISTORY_HEADERS, STAGE_LABELS, type Lang, type StageId } from './labels';
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

// The tab's layout, left to right: the snapshot block, one blank column, the per-customer block.
// Each column is its header, format and value, named by a key so that `readHistory` finds it in
// what the add-on wrote earlier.

interface HistoryContext extends DatedContext {
  readonly history: History;
}

interface HistoryColumn<R> extends Column<R, HistoryContext> {
  readonly key: string;
}

/** One customer's stage at the latest snapshot and at its baseline. */
interface CustomerStages {
  readonly key: string;
  readonly now: StageId;
  readonly before: StageId | undefined;
}

const H = HISTORY_HEADERS;

/** A row per snapshot: as-of day, refresh time, a count per stage, total. */
const SNAPSHOT: ReadonlyArray<HistoryColumn<SnapshotRow>> = [
  { key: 'asOf', header: (c) => H.asOf[c.lang], format: 'date', value: (r, c) => c.zone.midnight(r.asOf) },
  { key: 'refreshedAt', header: (c) => H.refreshedAt[c.lang], format: 'datetime', value: (r) => new Date(r.refreshedAt) },
  ...ALL_STAGES.map((s): HistoryColumn<SnapshotRow> => ({ key: s, header: (c) => STAGE_LABELS[s][c.lang], format: '', value: (r) => r.counts[s] })),
  { key: 'total', header: (c) => H.total[c.lang], format: '', value: (r) => ALL_STAGES.reduce((t, s) => t + r.counts[s], 0) },
];

/** A row per customer of the latest snapshot; the stage headers carry the snapshots' days, and
 *  the stage ids (codes) are what is read back, so a renamed label never breaks the history. The
 *  code columns are hidden (issue 17: no internal id where the owner reads); they keep their place,
 *  so a History tab written when they were visible reads the same. */
const CUSTOMERS: ReadonlyArray<HistoryColumn<CustomerStages>> = [
  { key: 'customer', header: (c) => H.customer[c.lang], format: 'text', value: (r) => r.key },
  {
    key: 'stage',
    header: (c) => (c.history.latest ? H.stageAt[c.lang](formatDay(c.history.latest.day)) : ''),
    format: '',
    value: (r, c) => STAGE_LABELS[r.now][c.lang],
  },
  {
    key: 'baseline',
    header: (c) => (c.history.baseline ? H.baselineAt[c.lang](formatDay(c.history.baseline.day)) : ''),
    format: '',
    value: (r, c) => (r.before ? STAGE_LABELS[r.before][c.lang] : ''),
  },
  { key: 'code', header: (c) => H.code[c.lang], format: '', value: (r) => r.now },
  { key: 'baselineCode', header: (c) => H.baselineCode[c.lang], format: '', value: (r) => r.before ?? '' },
];
const HIDDEN_KEYS: ReadonlySet<string> = new Set(['code', 'baselineCode']);

/** Width of the snapshot block: as-of, refreshed at, a count per stage, total. */
export const SNAPSHOT_COLUMNS = SNAPSHOT.length;
/** The per-customer block starts after one blank column. */
const CUSTOMER_BLOCK = SNAPSHOT_COLUMNS + 1;
/** 0-based column of a key in the tab. */
const snapshotColumn = (key: string): number => SNAPSHOT.findIndex((c) => c.key === key);
const customerColumn = (key: string): number => CUSTOMER_BLOCK + CUSTOMERS.findIndex((c) => c.key === key);

/**
 * What `readHistory` reads of the tab (0-based columns): the snapshot block — as many rows as its
 * as-of column has — and, of the per-customer block, the key and the two stage codes (the labels
 * beside them are for the owner). The header rows are read whole. The refresh reads only these
 * (src/gas/refresh.ts): on a shop with 10,000 customers the rest is 140,000 cells.
 */
export const HISTORY_READ = {
  asOf: snapshotColumn('asOf'),
  snapshotColumns: SNAPSHOT_COLUMNS,
  customerColumns: [customerColumn('customer'), customerColumn('code'), customerColumn('baselineCode')],
  width: CUSTOMER_BLOCK + CUSTOMERS.length,
} as const;

/** Where the chart of customers per stage over time reads the tab (1-based columns). */
export const HISTORY_CHART_COLUMNS = {
  asOf: snapshotColumn('asOf') + 1,
  firstStage: snapshotColumn(ALL_STAGES[0]!) + 1,
  stages: ALL_STAGES.length,
} as const;

const STAGE_IDS = new Set<string>(ALL_STAGES);
/** The day in a stage header: `2026/11/30`, or `2026-11-30` as versions before issue 17 wrote it. */
const DAY_IN = /(\d{4})[-/](\d{2})[-/](\d{2})/;

function dayIn(text: string): Day | undefined {
  const m = DAY_IN.exec(text);
  return m ? Math.floor(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) / DAY_MS) : undefined;
}

/**
 * The History tab's header row: under the notice line the add-on puts on its tabs (grid.ts), or
 * the first row of a tab written before there was one.
 */
function headerIndex(values: ReadonlyArray<ReadonlyArray<Cell>>): number {
  const col = snapshotColumn('asOf');
  for (let r = 0; r <= NOTICE_ROWS && r < values.length; r++) {
    const h = cellText(values[r]![col]);
    if (h === H.asOf.ja || h === H.asOf.en) return r;
  }
  return 0;
}

/** Reads the History tab the add-on wrote (its `getValues()`); anything unreadable is ignored. */
export function readHistory(all: ReadonlyArray<ReadonlyArray<Cell>>, zone: Zone): History {
  const values = all.slice(headerIndex(all));
  const asOfCol = snapshotColumn('asOf');
  const atCol = snapshotColumn('refreshedAt');
  const countCols = ALL_STAGES.map(snapshotColumn);
  const rows: SnapshotRow[] = [];
  for (let r = 1; r < values.length; r++) {
    const row = values[r]!;
    if (isBlank(row[asOfCol])) continue;
    const asOf = parseLocalMs(row[asOfCol], zone);
    if (asOf !== asOf) continue;
    const counts = {} as Record<StageId, number>;
    ALL_STAGES.forEach((s, i) => {
      const n = row[countCols[i]!];
      counts[s] = typeof n === 'number' ? n : 0;
    });
    const at = row[atCol];
    const refreshedAt = at instanceof Date || Object.prototype.toString.call(at) === '[object Date]' ? (at as Date).getTime() : 0;
    rows.push({ asOf: Math.floor(asOf / DAY_MS), refreshedAt, counts });
  }
  const header = values[0] ?? [];
  const latestDay = dayIn(cellText(header[customerColumn('stage')]));
  const baselineDay = dayIn(cellText(header[customerColumn('baseline')]));
  const [keyCol, nowCol, beforeCol] = [customerColumn('customer'), customerColumn('code'), customerColumn('baselineCode')];
  const latest = new Map<string, StageId>();
  const baseline = new Map<string, StageId>();
  for (let r = 1; r < values.length; r++) {
    const row = values[r]!;
    const key = cellText(row[keyCol]);
    if (key === '') continue;
    const now = cellText(row[nowCol]);
    const before = cellText(row[beforeCol]);
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

/** The History tab: its values, the formats of its columns, the header row bold and frozen. */
export function historyTab(history: History, zone: Zone, lang: Lang): Grid {
  const ctx: HistoryContext = { lang, zone, history };
  const latest = history.latest;
  const customers: CustomerStages[] = latest
    ? [...latest.stages].map(([key, now]) => ({ key, now, before: history.baseline?.stages.get(key) }))
    : [];
  const height = Math.max(history.rows.length, customers.length);
  const blank = (n: number): Cell[] => new Array<Cell>(n).fill('');
  const values: Cell[][] = [[...headerRow(SNAPSHOT, ctx), '', ...headerRow(CUSTOMERS, ctx)]];
  for (let i = 0; i < height; i++) {
    const snapshot = history.rows[i];
    const customer = customers[i];
    values.push([
      ...(snapshot ? valueRow(SNAPSHOT, snapshot, ctx) : blank(SNAPSHOT.length)),
      '',
      ...(customer ? valueRow(CUSTOMERS, customer, ctx) : blank(CUSTOMERS.length)),
    ]);
  }
  // Formats only where a block has rows: the blank cells under the shorter block (the snapshots,
  // for a shop with thousands of customers) keep the automatic format, and cost no format write.
  const snapshotFormats = formatRow(SNAPSHOT);
  const customerFormats = formatRow(CUSTOMERS);
  const none = (n: number): NumberFormat[] => new Array<NumberFormat>(n).fill('');
  return {
    values,
    formats: values.map((row, r) =>
      r === 0
        ? row.map((): NumberFormat => '')
        : [
            ...(r <= history.rows.length ? snapshotFormats : none(SNAPSHOT.length)),
            '',
            ...(r <= customers.length ? customerFormats : none(CUSTOMERS.length)),
          ],
    ),
    boldRows: [0],
    frozenRows: 1,
    hiddenColumns: CUSTOMERS.flatMap((c, i) => (HIDDEN_KEYS.has(c.key) ? [CUSTOMER_BLOCK + i] : [])),
  };
}

/** The History tab's values (what `readHistory` reads back). */
export function historyGrid(history: History, zone: Zone, lang: Lang): Cell[][] {
  return historyTab(history, zone, lang).values;
}
