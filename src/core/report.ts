/**
 * One refresh, as pure data: the input sheets' values (and the History tab's, if any) in, every
 * tab's grid and the sidebar's summary out. The Apps Script layer only reads the sheets before and
 * writes the grids after, so everything that can fail on a messy export fails here, before a
 * single cell of the owner's workbook is touched.
 */
import { accuracyLine, type AccuracyTable } from './accuracy';
import { analyze, readInputs, type Analysis, type Inputs } from './analyze';
import { funnelCampaignLines, measureAll, type CampaignsRead } from './campaignReport';
import type { StoredCampaign } from './campaigns';
import type { Zone } from './dates';
import {
  emotionMatrix,
  fanMatrix,
  stagesOf,
  summarizeStages,
  transitions,
  type StageSummary,
} from './funnel';
import { NOTICE_ROWS, withNotice, type Grid } from './grid';
import { EMPTY_HISTORY, baselineFor, historyTab, readHistory, recordSnapshot, type History } from './history';
import type { RangeKind } from './headers';
import { TAB_NOTICE, type StageId, type TabId } from './labels';
import type { Settings } from './settings';
import { ALL_STAGES } from './stages';
import { FUNNEL_AS_OF_CELL, customersGrid, funnelGrid, vipGrid } from './tabs';
import { buildThisWeek, type ThisWeek } from './thisWeek';
import { predictFromAnalysis, verdictMessage, type PredictionResult } from './predict/predict';
import type { Cell } from './values';

export interface ReportInput extends Inputs {
  /** The History tab's values from the previous refresh, if the add-on has one. */
  readonly history?: ReadonlyArray<ReadonlyArray<Cell>> | undefined;
  readonly headerRows?: Readonly<Partial<Record<RangeKind, number>>>;
  readonly settings: Settings;
  readonly zone: Zone;
  readonly locale: string;
  /** The refresh instant; the as-of day is its calendar day in the spreadsheet's zone. */
  readonly now: number;
  /** The campaigns the data sheet holds (issue 14), when there is one. */
  readonly campaigns?: CampaignsRead | undefined;
}

export interface Report {
  readonly analysis: Analysis;
  readonly summary: readonly StageSummary[];
  readonly counts: Readonly<Record<StageId, number>>;
  readonly history: History;
  readonly prediction: PredictionResult;
  /** Why there are no predicted numbers (too little data…), in the report's language. */
  readonly predictionNote: string | undefined;
  /** Every tab's grid as written: the notice line on top (grid.ts), then the tab. */
  readonly tabs: Readonly<Record<TabId, Grid>>;
  /** Where the funnel tab's 予測の確かさ table is, for its chart; undefined when it has none. */
  readonly accuracyTable: AccuracyTable | undefined;
  /** The sidebar's line on how the prediction did over the holdout period (issue 15). */
  readonly accuracyLine: string | undefined;
  /** The funnel tab's as-of date cell (0-based in its grid), which the FanFunnelAsOf name points at. */
  readonly asOfCell: { readonly row: number; readonly column: number };
  /** The funnel tab's stage table (0-based row in its grid), which the chart is placed beside. */
  readonly stageTableRow: number;
  /** 今週やること: the lists at the top of the funnel tab and the sidebar. */
  readonly thisWeek: ThisWeek;
  /** Every campaign with this refresh's result (frozen ones as they were); undefined without a data sheet. */
  readonly campaigns: StoredCampaign[] | undefined;
}

export function buildReport(input: ReportInput): Report {
  const { zone, settings } = input;
  const read = readInputs(input, { zone, settings, locale: input.locale, headerRows: input.headerRows });
  const asOf = zone.dayOf(input.now);
  const a = analyze(read, asOf, settings);
  const before = input.history === undefined ? EMPTY_HISTORY : readHistory(input.history, zone);
  const baseline = baselineFor(before, asOf);
  const stages = stagesOf(a);
  const summary = summarizeStages(a, baseline?.stages);
  const counts = Object.fromEntries(ALL_STAGES.map((s) => [s, 0])) as Record<StageId, number>;
  for (const s of stages.values()) counts[s]++;
  const history = recordSnapshot(before, { asOf, refreshedAt: input.now, counts }, stages, baseline);
  const prediction = predictFromAnalysis(a);
  // VIPs on the baseline day, from the same orders and settings: who became a VIP since then.
  const vipsBefore =
    baseline === undefined
      ? undefined
      : new Set(analyze(read, baseline.day, settings).ranking.filter((r) => r.vip).map((r) => r.customer.key));
  const thisWeek = buildThisWeek({ analysis: a, prediction, settings, baseline, vipsBefore });
  const campaigns = input.campaigns === undefined ? undefined : measureAll(input.campaigns, a, settings);
  const funnel = funnelGrid({
    analysis: a,
    zone,
    refreshedAt: input.now,
    summary,
    transitions: baseline === undefined ? undefined : transitions(baseline.stages, stages),
    baselineDay: baseline?.day,
    fan: fanMatrix(a),
    emotion: emotionMatrix(a),
    prediction,
    thisWeek,
    campaigns: campaigns === undefined ? undefined : { total: campaigns.length, lines: funnelCampaignLines(campaigns, a.lang) },
  });
  const bare = {
    funnel: funnel.grid,
    customers: customersGrid(a, zone, prediction),
    vip: vipGrid(a, zone, settings),
    history: historyTab(history, zone, a.lang),
  };
  const notice = TAB_NOTICE.line[a.lang];
  const tabs = {
    funnel: withNotice(bare.funnel, notice),
    customers: withNotice(bare.customers, notice),
    vip: withNotice(bare.vip, notice),
    history: withNotice(bare.history, notice),
  };
  const asOfCell = { row: FUNNEL_AS_OF_CELL.row + NOTICE_ROWS, column: FUNNEL_AS_OF_CELL.column };
  const predictionNote = verdictMessage(prediction.verdict, a.lang) ?? verdictMessage(prediction.spendVerdict, a.lang);
  const stageTableRow = funnel.stageTableRow + NOTICE_ROWS;
  // The notice line moves every row of the funnel tab down: the chart's table moves with it.
  const accuracyTable = funnel.accuracyTable === undefined ? undefined : { ...funnel.accuracyTable, headerRow: funnel.accuracyTable.headerRow + NOTICE_ROWS };
  return {
    analysis: a,
    summary,
    counts,
    history,
    prediction,
    predictionNote,
    tabs,
    asOfCell,
    stageTableRow,
    thisWeek,
    campaigns,
    accuracyTable,
    accuracyLine: accuracyLine(prediction.backtest, a.lang),
  };
}
