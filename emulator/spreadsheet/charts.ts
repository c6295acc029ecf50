/**
 * Embedded charts: Sheet.newChart() builders that record what a script asked for (type, ranges,
 * position, options), the charts inserted into sheets, and the `Charts` global's enums.
 */
import { a1Of } from './a1';
import { Ctx, Fake, defineEnums, enumName, finishFake, isInt, makeEnum, real, signatureError } from '../core';
import type { BookModel, SheetModel } from './book';
import { FakeRange } from './range';

type Builder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type Chart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

export const ChartType = makeEnum('ChartType', [
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TIMELINE',
  'TREEMAP',
  'WATERFALL',
]);
export const ChartHiddenDimensionStrategy = makeEnum('ChartHiddenDimensionStrategy', [
  'IGNORE_BOTH',
  'IGNORE_ROWS',
  'IGNORE_COLUMNS',
  'SHOW_BOTH',
]);
export const ChartMergeStrategy = makeEnum('ChartMergeStrategy', ['MERGE_COLUMNS', 'MERGE_ROWS']);
export const Position = makeEnum('Position', ['TOP', 'RIGHT', 'BOTTOM', 'NONE']);

export interface ChartRange {
  sheet: SheetModel;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export interface ChartRecord {
  /** null until inserted into a sheet. */
  id: number | null;
  sheet: SheetModel;
  type: string | null;
  ranges: ChartRange[];
  position: { anchorRow: number; anchorColumn: number; offsetX: number; offsetY: number };
  options: Map<string, unknown>;
  numHeaders: number;
  transposeRowsAndColumns: boolean;
  hiddenDimensionStrategy: string;
  mergeStrategy: string;
}

function copyRecord(r: ChartRecord): ChartRecord {
  return { ...r, ranges: r.ranges.slice(), position: { ...r.position }, options: new Map(r.options) };
}

export function describeChart(r: ChartRecord) {
  return {
    chartId: r.id,
    type: r.type,
    ranges: r.ranges.map((x) => `${x.sheet.name}!${a1Of(x.row, x.col, x.numRows, x.numCols)}`),
    position: { ...r.position },
    options: Object.fromEntries(r.options),
    numHeaders: r.numHeaders,
    transposeRowsAndColumns: r.transposeRowsAndColumns,
    hiddenDimensionStrategy: r.hiddenDimensionStrategy,
    mergeStrategy: r.mergeStrategy,
  };
}

export function newChartBuilder(ctx: Ctx, book: BookModel, sheet: SheetModel): Builder {
  return real(
    new FakeEmbeddedChartBuilder(ctx, book, {
      id: null,
      sheet,
      type: null,
      ranges: [],
      position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 },
      options: new Map(),
      numHeaders: -1,
      transposeRowsAndColumns: false,
      hiddenDimensionStrategy: 'IGNORE_ROWS',
      mergeStrategy: 'MERGE_COLUMNS',
    }),
  );
}

export function chartFacade(ctx: Ctx, book: BookModel, rec: ChartRecord): Chart {
  return real(new FakeEmbeddedChart(ctx, book, rec));
}

function rangeOf(ctx: Ctx, range: unknown, method: string): ChartRange {
  if (!(range instanceof FakeRange)) return signatureError(ctx, [range], `SpreadsheetApp.EmbeddedChartBuilder.${method}`);
  return { sheet: range._sheet, row: range._row, col: range._col, numRows: range._numRows, numCols: range._numCols };
}

type BuilderImpl =
  | 'addRange'
  | 'removeRange'
  | 'clearRanges'
  | 'getRanges'
  | 'setChartType'
  | 'getChartType'
  | 'setPosition'
  | 'setOption'
  | 'setNumHeaders'
  | 'setTransposeRowsAndColumns'
  | 'setHiddenDimensionStrategy'
  | 'setMergeStrategy'
  | 'getContainer'
  | 'build';

export class FakeEmbeddedChartBuilder extends Fake<Builder> implements Pick<Builder, BuilderImpl> {
  constructor(
    ctx: Ctx,
    private _book: BookModel,
    readonly _rec: ChartRecord,
  ) {
    super(ctx);
  }
  private _self(): Builder {
    return real(this);
  }
  addRange(range: GoogleAppsScript.Spreadsheet.Range): Builder {
    this._rec.ranges.push(rangeOf(this._ctx, range, 'addRange'));
    return this._self();
  }
  removeRange(range: GoogleAppsScript.Spreadsheet.Range): Builder {
    const r = rangeOf(this._ctx, range, 'removeRange');
    this._rec.ranges = this._rec.ranges.filter((x) => !(x.sheet === r.sheet && x.row === r.row && x.col === r.col && x.numRows === r.numRows && x.numCols === r.numCols));
    return this._self();
  }
  clearRanges(): Builder {
    this._rec.ranges = [];
    return this._self();
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return rangesOf(this._ctx, this._book, this._rec);
  }
  setChartType(type: GoogleAppsScript.Charts.ChartType): Builder {
    const name = enumName(type);
    if (name === undefined || !(name in ChartType) || typeof type !== 'object') signatureError(this._ctx, [type], 'SpreadsheetApp.EmbeddedChartBuilder.setChartType');
    this._rec.type = name;
    return this._self();
  }
  getChartType(): GoogleAppsScript.Charts.ChartType {
    return (this._rec.type === null ? null : ChartType[this._rec.type as keyof typeof ChartType]) as never;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): Builder {
    const args = [anchorRowPos, anchorColPos, offsetX, offsetY];
    if (arguments.length !== 4 || !args.every(isInt)) signatureError(this._ctx, args, 'SpreadsheetApp.EmbeddedChartBuilder.setPosition');
    this._rec.position = { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY };
    return this._self();
  }
  setOption(option: string, value: unknown): Builder {
    if (typeof option !== 'string') signatureError(this._ctx, [option, value], 'SpreadsheetApp.EmbeddedChartBuilder.setOption');
    this._rec.options.set(option, value);
    return this._self();
  }
  setNumHeaders(headers: number): Builder {
    this._rec.numHeaders = headers;
    return this._self();
  }
  setTransposeRowsAndColumns(transpose: boolean): Builder {
    this._rec.transposeRowsAndColumns = !!transpose;
    return this._self();
  }
  setHiddenDimensionStrategy(strategy: GoogleAppsScript.Charts.ChartHiddenDimensionStrategy): Builder {
    this._rec.hiddenDimensionStrategy = enumName(strategy) ?? String(strategy);
    return this._self();
  }
  setMergeStrategy(mergeStrategy: GoogleAppsScript.Charts.ChartMergeStrategy): Builder {
    this._rec.mergeStrategy = enumName(mergeStrategy) ?? String(mergeStrategy);
    return this._self();
  }
  getContainer(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    return real(new FakeContainerInfo(this._ctx, this._rec));
  }
  build(): Chart {
    if (this._rec.type === null) this._ctx.fail('The chart type must be set before building the chart (setChartType).');
    if (this._rec.ranges.length === 0) this._ctx.fail('The chart needs at least one range (addRange).');
    return chartFacade(this._ctx, this._book, copyRecord(this._rec));
  }
}
finishFake(FakeEmbeddedChartBuilder, 'Spreadsheet.EmbeddedChartBuilder');

function rangesOf(ctx: Ctx, book: BookModel, rec: ChartRecord): GoogleAppsScript.Spreadsheet.Range[] {
  return ctx.realm.array(rec.ranges.map((r) => real(new FakeRange(ctx, book, r.sheet, r.row, r.col, r.numRows, r.numCols))));
}

type ChartImpl = 'getChartId' | 'getRanges' | 'getOptions' | 'getContainerInfo' | 'getNumHeaders' | 'getTransposeRowsAndColumns' | 'getHiddenDimensionStrategy' | 'getMergeStrategy' | 'modify';

export class FakeEmbeddedChart extends Fake<Chart> implements Pick<Chart, ChartImpl> {
  constructor(
    ctx: Ctx,
    private _book: BookModel,
    readonly _rec: ChartRecord,
  ) {
    super(ctx);
  }
  getChartId(): number {
    return this._rec.id as number;
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return rangesOf(this._ctx, this._book, this._rec);
  }
  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    return real(new FakeChartOptions(this._ctx, this._rec));
  }
  getContainerInfo(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    return real(new FakeContainerInfo(this._ctx, this._rec));
  }
  getNumHeaders(): number {
    return this._rec.numHeaders;
  }
  getTransposeRowsAndColumns(): boolean {
    return this._rec.transposeRowsAndColumns;
  }
  getHiddenDimensionStrategy(): GoogleAppsScript.Charts.ChartHiddenDimensionStrategy {
    return ChartHiddenDimensionStrategy[this._rec.hiddenDimensionStrategy as keyof typeof ChartHiddenDimensionStrategy] as never;
  }
  getMergeStrategy(): GoogleAppsScript.Charts.ChartMergeStrategy {
    return ChartMergeStrategy[this._rec.mergeStrategy as keyof typeof ChartMergeStrategy] as never;
  }
  modify(): Builder {
    return real(new FakeEmbeddedChartBuilder(this._ctx, this._book, copyRecord(this._rec)));
  }
}
finishFake(FakeEmbeddedChart, 'Spreadsheet.EmbeddedChart');

export class FakeContainerInfo
  extends Fake<GoogleAppsScript.Spreadsheet.ContainerInfo>
  implements Pick<GoogleAppsScript.Spreadsheet.ContainerInfo, 'getAnchorRow' | 'getAnchorColumn' | 'getOffsetX' | 'getOffsetY'>
{
  constructor(
    ctx: Ctx,
    private _rec: ChartRecord,
  ) {
    super(ctx);
  }
  getAnchorRow(): number {
    return this._rec.position.anchorRow;
  }
  getAnchorColumn(): number {
    return this._rec.position.anchorColumn;
  }
  getOffsetX(): number {
    return this._rec.position.offsetX;
  }
  getOffsetY(): number {
    return this._rec.position.offsetY;
  }
}
finishFake(FakeContainerInfo, 'Spreadsheet.ContainerInfo');

export class FakeChartOptions extends Fake<GoogleAppsScript.Charts.ChartOptions> implements Pick<GoogleAppsScript.Charts.ChartOptions, 'get'> {
  constructor(
    ctx: Ctx,
    private _rec: ChartRecord,
  ) {
    super(ctx);
  }
  get(option: string): unknown {
    return this._rec.options.has(option) ? this._rec.options.get(option) : null;
  }
}
finishFake(FakeChartOptions, 'Charts.ChartOptions');

/** The `Charts` global: only its enums (the standalone chart builders are not faked). */
export class FakeCharts extends Fake<GoogleAppsScript.Charts.Charts> {}
defineEnums(FakeCharts, { ChartType, ChartHiddenDimensionStrategy, ChartMergeStrategy, Position });
finishFake(FakeCharts, 'Charts.Charts');

