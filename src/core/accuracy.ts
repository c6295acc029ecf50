/**
 * How right the predictions are on the shop's own orders, as the owner reads it (issue 15): the
 * Fan Funnel tab's 予測の確かさ section and the sidebar's one line, from the backtest
 * (src/core/predict/backtest.ts). The table is the calibration/holdout comparison the papers and
 * lifetimes draw: customers grouped by their repeat purchases before the holdout period (0, 1, …,
 * 7 or more), with the purchases they actually made in it and those the model predicted.
 */
import { isoDay, type Day } from './dates';
import type { GridBuilder } from './grid';
import { BACKTEST_TEXT, MODEL_NAMES, type Lang } from './labels';
import type { Backtest } from './predict/backtest';
import { DEFAULT_MODEL, type ModelId } from './predict/models';
import { groupDigits } from './ranking';

/** Where the by-repeat-purchases table landed in the grid (0-based rows, first column 0): the
 *  header row, then one row per group; the chart reads the label, actual and predicted columns. */
export interface AccuracyTable {
  readonly headerRow: number;
  readonly rows: number;
  readonly labelColumn: number;
  readonly actualColumn: number;
  readonly predictedColumn: number;
}

/** 2026/11/30, as every date the owner reads. */
const slashDay = (d: Day): string => isoDay(d).replace(/-/g, '/');

/** The model the numbers come from, when the backtest did not run to the end. */
function modelInUse(b: Backtest, fallback: ModelId | undefined): ModelId {
  return b.ok ? b.chosen : (fallback ?? DEFAULT_MODEL);
}

/**
 * Appends the section; returns where its table is, or undefined when there is none (too little
 * data, the check turned off). `inUse` is the model the predictions actually come from.
 */
export function accuracySection(g: GridBuilder, b: Backtest, lang: Lang, inUse: ModelId | undefined): AccuracyTable | undefined {
  const T = BACKTEST_TEXT;
  g.line([T.title[lang]], [], true);
  const h = b.holdoutDays;
  if (!b.ok && b.reason === 'off') {
    g.line([T.gap.off[lang]]).blank();
    return undefined;
  }
  g.line([T.how[lang](h)]);
  g.line([T.period[lang], `${slashDay(b.calibrationEnd + 1)}〜${slashDay(b.asOf)}`]);
  g.line([T.model[lang], MODEL_NAMES[modelInUse(b, inUse)]]);
  if (!b.ok) {
    const why = b.reason === 'fewRepeatBuyers' ? T.gap.fewRepeatBuyers[lang](b.repeatBuyers, b.minRepeatBuyers, h) : T.gap.notConverged[lang];
    g.line([why]).blank();
    return undefined;
  }
  const base = MODEL_NAMES[b.baseline];
  g.line([T.verdict[b.verdict][lang](MODEL_NAMES[b.chosen], base, h)]);
  g.blank();

  const headerRow = g.rows;
  g.line([T.repeatBefore[lang], T.customers[lang], T.actual[lang], T.predicted[lang]], [], true);
  for (const bin of b.bins) {
    g.line([T.times[lang](bin.repeat, bin.orMore), bin.customers, bin.actual, bin.predicted], ['', 'integer', 'integer', 'decimal']);
  }
  const chosen = b.scores.find((s) => s.id === b.chosen)!;
  g.line([T.total[lang], b.customers, b.actual, chosen.predicted], ['', 'integer', 'integer', 'decimal'], true);
  g.blank();
  // Every model's total, so the owner sees the choice was not close to arbitrary.
  g.line([T.model[lang], T.predicted[lang], T.actual[lang]], [], true);
  for (const s of b.scores) {
    if (Number.isFinite(s.predicted)) g.line([MODEL_NAMES[s.id], s.predicted, b.actual], ['', 'decimal', 'integer']);
  }
  g.blank();
  return { headerRow, rows: b.bins.length, labelColumn: 0, actualColumn: 2, predictedColumn: 3 };
}

/** The sidebar's line: "直近90日: 予測 412回、実際 398回(BG/NBD)". */
export function accuracyLine(b: Backtest, lang: Lang): string | undefined {
  if (!b.ok && b.reason === 'off') return undefined;
  if (!b.ok) return BACKTEST_TEXT.lineGap[lang](b.holdoutDays);
  const predicted = b.scores.find((s) => s.id === b.chosen)!.predicted;
  return BACKTEST_TEXT.line[lang](b.holdoutDays, groupDigits(Math.round(predicted)), groupDigits(b.actual), MODEL_NAMES[b.chosen]);
}
