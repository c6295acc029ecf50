/**
 * What a script would cost in real Apps Script: each service call and each cell read or written
 * costs projected time, and the script's own JavaScript costs the time Node takes to run it. The
 * emulator adds it up per execution (env.cost), and the time limits of limits.ts — 6 minutes per
 * execution, 30 seconds per custom function or simple trigger, 90 minutes a day of trigger time —
 * are enforced on this projected time, never on Node's own clock (tests run on a shared machine;
 * the in-memory Sheets is far faster than Google's servers).
 *
 * The calibration is ours, derived from the few published measurements (research: the team's
 * google-limits.md §6). Sources:
 *   G1  Google, Best Practices (https://developers.google.com/apps-script/guides/support/best-practices,
 *       last updated 2026-04-01): 100 × 100 cells set one by one with cell.offset(y, x).setBackgroundColor(c)
 *       and a flush after each row "takes about 70 seconds", one setBackgrounds of the same cells
 *       "runs in just 1 second".
 *   G3  Google, Apps Script blog, 2010-06-01 (http://googleappsscript.blogspot.com/2010/06/optimizing-spreadsheet-operations.html):
 *       "Every time you do a read, we must first empty (commit) the write cache".
 *   C1  community, Stack Overflow "What is faster: ScriptDb or SpreadsheetApp?" (≤ 2014): "a single
 *       write of a 4000-cell spreadsheet took less than 50ms, and adding a call to flush() increased
 *       that to 610ms"; 400 rows each written and flushed "almost 12 seconds".
 *   C2  community, bugbugnow.net (2019-03, https://www.bugbugnow.net/2019/03/GoogleAppsScript-speed-up.html):
 *       1,000 getRange(i, 1).getValue() calls 3,064 ms; getLastRow() in a 1,000-row loop condition
 *       160 s against 0.78 s hoisted.
 *   C5  community, Luis Peralta, "Google Apps Script APIs performance" (https://ziritione.org/post/apps_script_performance,
 *       date not stated; 100 runs, averages): setProperty 62 ms, getProperty 30 ms, cache put 93 ms,
 *       cache get 3 ms. (Justin Poehnelt's blog measured put+get ≈ 63 ms and set+get ≈ 80 ms: the same order.)
 *
 * Checks of the calibration against them (the model errs on the slow side):
 *   G1 slow: 10,000 × (7 + 0.15) ms + 100 commits × 30 ms = 74.5 s  (Google: ≈ 70 s)
 *   G1 fast: 7 ms + 10,000 × 0.15 ms = 1.5 s                        (Google: ≈ 1 s)
 *   C1: one 4,000-cell write and a flush: 7 + 600 + 30 = 637 ms     (610 ms); 400 row writes, each
 *       flushed: 400 × (7 + 1.5 + 30) = 15.4 s                       (≈ 12 s)
 *   C2: 1,000 single-cell reads: 1,000 × (3 + 0.15) = 3.15 s        (3.06 s)
 * Not found anywhere: a per-cell cost of *reads* apart from writes (taken equal: the number most
 * worth measuring in the owner's spreadsheet), how long Apps Script takes to start an execution
 * (not charged), and how much slower Apps Script's V8 runs JavaScript than this Node (factor 1).
 */
import type { SurfaceKey } from './surface';

/** How a service call is charged. */
export type CallKind =
  | 'sheetRead' // a read of cells or their formats: getValues, getValue, getFormulas, getNumberFormats…
  | 'sheetWrite' // a change to the spreadsheet: setValues, set*Format*, insert*, delete*, clear…
  | 'sheetMetadata' // the grid's size: getLastRow, getLastColumn, getMaxRows, getMaxColumns, getDataRange
  | 'flush' // SpreadsheetApp.flush()
  | 'propertyRead'
  | 'propertyWrite'
  | 'cacheRead'
  | 'cacheWrite'
  | 'local' // no round trip: a range's geometry, getRange/offset, chart builders
  | 'other'; // any other service call: Session, Utilities, ScriptApp, getSheetByName, Logger…

export interface Calibration {
  /** Milliseconds per call, by kind. */
  readonly call: Readonly<Record<CallKind, number>>;
  /** Milliseconds per cell read (getValues…, and each cell Sheets passes to a custom function). */
  readonly cellRead: number;
  /** Milliseconds per cell written (values or formats). */
  readonly cellWritten: number;
  /** Milliseconds of a commit of pending writes: a flush, a read after writes (G3), the end of an execution. */
  readonly commit: number;
  /** Projected ms per ms that Node spends in the script's own code. */
  readonly scriptFactor: number;
  /** Milliseconds to start an execution. */
  readonly startup: number;
}

export const CALIBRATION: Calibration = {
  call: {
    sheetRead: 3, // C2: 3,064 ms / 1,000 getValue calls (the cell itself in cellRead)
    sheetWrite: 7, // G1: ≈ 70 s / 10,000 single-cell writes, the flushes' share included
    sheetMetadata: 160, // C2: getLastRow() in a loop, 160 s / 1,000 — an upper bound (it may include a commit)
    flush: 0, // the flush costs its commit (below)
    propertyRead: 30, // C5: getProperty, average of 100
    propertyWrite: 62, // C5: setProperty, average of 100
    cacheRead: 3, // C5: cache get
    cacheWrite: 93, // C5: cache put
    local: 0, // G1's 7 ms per cell covers cell.offset() and the write together
    other: 3, // no figure found: C2's per-call cost borrowed
  },
  cellRead: 0.15, // no read figure found: taken equal to a write, on the slow side
  cellWritten: 0.15, // C1: 560 ms for a 4,000-cell commit (0.14); G1: 1 s for 10,000 cells (0.10)
  commit: 30, // C1: 12 s / 400 row writes each with a flush, less the row's cells; G1: 100 flushes in its 70 s
  scriptFactor: 1, // unknown: Apps Script's V8 is probably slower than this Node
  startup: 0, // not found: not charged
};

const SHEET_READ = /^(get(Values|Value|DisplayValues?|Formulas?|FormulasR1C1|FormulaR1C1|NumberFormats?|FontWeights?|FontColors?|FontColorObjects?|Backgrounds?|HorizontalAlignments?|Notes?|RichTextValues?|SheetValues)|isBlank)$/;
const SHEET_METADATA = /^(getLastRow|getLastColumn|getMaxRows|getMaxColumns|getDataRange)$/;
const RANGE_LOCAL = /^(getRow|getRowIndex|getColumn|getLastRow|getLastColumn|getNumRows|getNumColumns|getHeight|getWidth|getA1Notation|getGridId|getSheet|getCell|offset)$/;
const WRITE = /^(set|insert|delete|remove|clear|add|append|hide|show|unhide|update|sort|copy|move|activate|rename|merge|auto|protect)/;

/** How a call of `iface.method` is charged. */
export function callKind(iface: SurfaceKey, method: string): CallKind {
  const [ns, name] = iface.split('.') as [string, string];
  if (ns === 'Spreadsheet') {
    if (name === 'SpreadsheetApp' && method === 'flush') return 'flush';
    if (name === 'Range' && RANGE_LOCAL.test(method)) return 'local';
    if (name === 'Sheet' && method === 'getRange') return 'local';
    if (name === 'Spreadsheet' && method === 'getRange') return 'local';
    if (name.startsWith('EmbeddedChartBuilder') || name.endsWith('ChartBuilder') || method === 'build' || method === 'modify') return 'local';
    if (name !== 'Range' && SHEET_METADATA.test(method)) return 'sheetMetadata';
    if (SHEET_READ.test(method)) return 'sheetRead';
    if (WRITE.test(method)) return 'sheetWrite';
    return 'other';
  }
  if (ns === 'Properties' && name === 'Properties') return /^(get)/.test(method) ? 'propertyRead' : 'propertyWrite';
  if (ns === 'Cache' && name === 'Cache') return /^(get)/.test(method) ? 'cacheRead' : 'cacheWrite';
  return 'other';
}

export type ExecutionKind = 'script' | 'customFunction' | 'simpleTrigger' | 'trigger';

/** What an execution used, counted. */
export interface CostBreakdown {
  /** Calls by kind (the outermost call of a service only: a fake calling another is one call). */
  readonly calls: Record<CallKind, number>;
  cellsRead: number;
  cellsWritten: number;
  /** Cells Sheets read to pass a custom function its arguments (sheetsCall.ts). */
  argumentCells: number;
  commits: number;
  /** Time spent waiting: Utilities.sleep, waiting for a lock. */
  waitedMs: number;
  /** Node's time in the script's own code (not in the in-memory services). */
  scriptMs: number;
}

export interface TimeLimit {
  readonly ms: number;
  /** The error Apps Script stops the execution with. */
  readonly message: string;
}

export interface ExecutionReport {
  readonly name: string;
  readonly kind: ExecutionKind;
  readonly user: string;
  /** The fake clock when it started. */
  readonly startedAt: number;
  readonly limit: TimeLimit | null;
  readonly breakdown: CostBreakdown;
  /** Projected Apps Script time, ms (see projectedMs). */
  projectedMs: number;
  /** The most cells the spreadsheet had during the execution (every sheet's grid). */
  peakCells: number;
  /**
   * 'done'; 'threw' (the script threw); 'stopped' (Apps Script would have stopped it at its limit:
   * `error` says with which message). A 'stopped' execution with `enforced: false` ran to its end
   * anyway (timeLimits: 'report'), so its projectedMs says how long it would have needed.
   */
  outcome: 'running' | 'done' | 'threw' | 'stopped';
  error?: string;
  enforced: boolean;
}

/** The projected time of what was counted. */
export function projectedMs(b: CostBreakdown, c: Calibration): number {
  let ms = c.startup + b.scriptMs * c.scriptFactor + b.waitedMs + b.commits * c.commit;
  ms += (b.cellsRead + b.argumentCells) * c.cellRead + b.cellsWritten * c.cellWritten;
  for (const k of Object.keys(b.calls) as CallKind[]) ms += b.calls[k] * c.call[k];
  return ms;
}

function emptyBreakdown(): CostBreakdown {
  const calls = {} as Record<CallKind, number>;
  for (const k of Object.keys(CALIBRATION.call) as CallKind[]) calls[k] = 0;
  return { calls, cellsRead: 0, cellsWritten: 0, argumentCells: 0, commits: 0, waitedMs: 0, scriptMs: 0 };
}

/**
 * Adds up one execution at a time. Outside an execution (a unit test calling the services
 * directly) it still counts, into an 'outside' report with no limit.
 */
export class CostMeter {
  readonly executions: ExecutionReport[] = [];
  current: ExecutionReport;
  /** Writes not yet committed (a read, a flush or the end of the execution commits them). */
  private pending = false;
  /** performance.now() when the script's own code last resumed, or null when it is not running. */
  private resumedAt: number | null = null;
  /** Set when the projected time passed the limit: the message Apps Script stops with. */
  stoppedWith: string | null = null;
  private running = false;

  constructor(
    public calibration: Calibration,
    /** 'enforce': stop the execution at its limit, as Apps Script does; 'report': only record it. */
    public mode: 'enforce' | 'report' = 'enforce',
  ) {
    this.current = this.blank('outside an execution', 'script', '', 0, null, 0);
  }

  private blank(name: string, kind: ExecutionKind, user: string, at: number, limit: TimeLimit | null, peak: number): ExecutionReport {
    return { name, kind, user, startedAt: at, limit, breakdown: emptyBreakdown(), projectedMs: 0, peakCells: peak, outcome: 'running', enforced: this.mode === 'enforce' };
  }

  begin(name: string, kind: ExecutionKind, user: string, at: number, limit: TimeLimit | null, cells: number): ExecutionReport {
    this.current = this.blank(name, kind, user, at, limit, cells);
    this.pending = false;
    this.stoppedWith = null;
    this.running = true;
    this.resumedAt = performance.now();
    this.update();
    return this.current;
  }

  /** Ends the execution: the script's last stretch of code and the final commit are counted. */
  end(error?: string): ExecutionReport {
    this.pauseScript();
    if (this.pending) this.commit();
    const r = this.current;
    this.update();
    if (this.stoppedWith !== null) {
      r.outcome = 'stopped';
      r.error = this.stoppedWith;
      // Apps Script stops it there: what the script did after (its catch blocks) took no time.
      if (this.mode === 'enforce' && r.limit !== null) r.projectedMs = r.limit.ms;
    } else if (error !== undefined) {
      r.outcome = 'threw';
      r.error = error;
    } else r.outcome = 'done';
    this.executions.push(r);
    this.resumedAt = null;
    this.running = false;
    this.stoppedWith = null;
    this.current = this.blank('outside an execution', 'script', '', r.startedAt, null, r.peakCells);
    return r;
  }

  /** The script's own code stops running (a service is called). */
  pauseScript(): void {
    if (this.resumedAt === null) return;
    this.current.breakdown.scriptMs += performance.now() - this.resumedAt;
    this.resumedAt = null;
  }
  /** The script's own code runs again (the service returned). */
  resumeScript(): void {
    if (this.running) this.resumedAt = performance.now();
  }

  call(kind: CallKind): void {
    const b = this.current.breakdown;
    if ((kind === 'sheetRead' || kind === 'sheetMetadata') && this.pending) this.commit();
    if (kind === 'flush') this.commit();
    if (kind === 'sheetWrite') this.pending = true;
    b.calls[kind]++;
  }
  cells(kind: 'read' | 'written' | 'argument', n: number): void {
    const b = this.current.breakdown;
    if (kind === 'read') b.cellsRead += n;
    else if (kind === 'written') {
      b.cellsWritten += n;
      this.pending = true;
    } else b.argumentCells += n;
  }
  wait(ms: number): void {
    this.current.breakdown.waitedMs += Math.max(0, ms);
  }
  private commit(): void {
    this.current.breakdown.commits++;
    this.pending = false;
  }

  /** Recomputes the projected time; returns the message to stop with when it passed the limit. */
  update(): string | null {
    const r = this.current;
    r.projectedMs = projectedMs(r.breakdown, this.calibration);
    if (r.limit !== null && this.stoppedWith === null && r.projectedMs > r.limit.ms) this.stoppedWith = r.limit.message;
    return this.mode === 'enforce' ? this.stoppedWith : null;
  }

  get last(): ExecutionReport | undefined {
    return this.executions.at(-1);
  }
}
