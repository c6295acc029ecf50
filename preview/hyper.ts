/**
 * The add-on's custom functions inside HyperFormula (GPL-3.0: a development dependency of the
 * preview and its tests, never bundled into dist/). `=FANSTAGE(…)`, `=LTVRANK(…)` and
 * `=NEXTPURCHASE(…)` call the BUILT bundle's top-level functions by name, with the values Sheets
 * would pass (a 2-D array for a range, a Date for a date cell, '' for a blank), and spill the
 * arrays they return.
 *
 * HyperFormula registers plugins globally and evaluates synchronously, so the bundle to call is
 * whatever host `withHost` has set for the duration of one HyperFormula operation.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type SimpleCellAddress,
} from 'hyperformula';
import { ALL_CUSTOMERS, TABLE_MAX_CUSTOMERS, TABLE_NOTES_MAX } from '../src/core/functions';

/** A Sheets value as getValues gives it (Dates of this realm). */
export type SheetsValue = string | number | boolean | Date;

/** What the plugin needs from the workbook: the bundle, and which cells hold dates. */
export interface FormulaHost {
  /** Calls the bundle's top-level function NAME as Sheets runs a custom function. */
  call(name: string, args: unknown[]): unknown;
  /** Whether a number in this cell is a date (a Date in Sheets). */
  isDateCell(sheet: number, row: number, col: number): boolean;
  /** Records which cells of a formula's result are dates (all of them replaced at each evaluation). */
  markDates(formula: SimpleCellAddress, cells: ReadonlyArray<readonly [number, number]>): void;
  /** Spreadsheet serial number (wall clock in the spreadsheet's zone) ↔ Date. */
  serialToDate(serial: number): Date;
  dateToSerial(date: Date): number;
}

let current: FormulaHost | undefined;

/** Runs one HyperFormula operation (build, edit) with `host` answering the custom functions. */
export function withHost<T>(host: FormulaHost, fn: () => T): T {
  const before = current;
  current = host;
  try {
    return fn();
  } finally {
    current = before;
  }
}

/** Columns of each function's table (with its header row), for the spill size. */
const TABLE_WIDTH = { FANSTAGE: 8, LTVRANK: 7, NEXTPURCHASE: 5 } as const;
type Name = keyof typeof TABLE_WIDTH;
/** Rows assumed for a whole-column reference (`Orders!A:H`), whose height the AST does not tell. */
const COLUMN_RANGE_ROWS = 10_000;

interface AstNode {
  type: string;
  start?: { row: number; col: number };
  end?: { row: number; col: number };
  value?: unknown;
}
interface FunctionAst {
  args: AstNode[];
}

function rangeSize(node: AstNode | undefined): { rows: number; cols: number } | undefined {
  if (node === undefined) return undefined;
  if (node.type === 'CELL_RANGE' && node.start && node.end) {
    return { rows: Math.abs(node.end.row - node.start.row) + 1, cols: Math.abs(node.end.col - node.start.col) + 1 };
  }
  if (node.type === 'COLUMN_RANGE' && node.start && node.end) {
    return { rows: COLUMN_RANGE_ROWS, cols: Math.abs(node.end.col - node.start.col) + 1 };
  }
  return undefined;
}

/**
 * The spill size, declared before evaluation from the AST alone: one cell per customer asked for
 * (the shape of the customer argument), else the table (the argument left out or `"*"`) — at most
 * as many rows as the orders range, or the cap, and its note rows.
 */
function resultSize(name: Name, ast: FunctionAst): { rows: number; cols: number } {
  const customer = ast.args[1];
  const all = customer === undefined || customer.type === 'EMPTY' || (customer.type === 'STRING' && customer.value === ALL_CUSTOMERS);
  if (!all) return rangeSize(customer) ?? { rows: 1, cols: 1 };
  const orders = rangeSize(ast.args[0]) ?? { rows: 1, cols: 1 };
  return { rows: Math.min(Math.max(orders.rows, 1), TABLE_MAX_CUSTOMERS + 1) + TABLE_NOTES_MAX, cols: TABLE_WIDTH[name] };
}

interface ExtendedNumber {
  val: number;
  getDetailedType(): string;
}
const isExtendedNumber = (v: unknown): v is ExtendedNumber =>
  typeof v === 'object' && v !== null && typeof (v as ExtendedNumber).val === 'number' && typeof (v as ExtendedNumber).getDetailedType === 'function';

/** One HyperFormula value → what Sheets passes for that cell. */
function cellToSheets(host: FormulaHost, v: unknown, at?: { sheet: number; row: number; col: number }): SheetsValue {
  if (v === EmptyValue || v === null || v === undefined) return '';
  if (v instanceof CellError) return `#${v.type}`;
  if (isExtendedNumber(v)) {
    return /DATE|TIME/.test(v.getDetailedType()) && !/^NUMBER_TIME$/.test(v.getDetailedType()) ? host.serialToDate(v.val) : v.val;
  }
  if (typeof v === 'number') return at !== undefined && host.isDateCell(at.sheet, at.row, at.col) ? host.serialToDate(v) : v;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

function argToSheets(host: FormulaHost, v: unknown): SheetsValue | SheetsValue[][] {
  if (v instanceof SimpleRangeValue) {
    const start = v.range?.start;
    return v.rawData().map((row, r) =>
      row.map((cell, c) => cellToSheets(host, cell, start === undefined ? undefined : { sheet: start.sheet, row: start.row + r, col: start.col + c })),
    );
  }
  return cellToSheets(host, v);
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

function errorMessage(e: unknown): string {
  if (typeof e === 'object' && e !== null && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}

export class FanFunnelPlugin extends FunctionPlugin {
  static override implementedFunctions = Object.fromEntries(
    (Object.keys(TABLE_WIDTH) as Name[]).map((name) => [
      name,
      {
        method: 'evaluate',
        sizeOfResultArrayMethod: 'size',
        // The orders range, then customer, as_of (and for FANSTAGE customers, survey): ANY takes a
        // value or a range, and lets an argument be left empty (`=FANSTAGE(A1:H9, , , C1:F9)`).
        parameters: [
          { argumentType: FunctionArgumentType.RANGE },
          ...Array.from({ length: name === 'FANSTAGE' ? 4 : 2 }, () => ({ argumentType: FunctionArgumentType.ANY, optionalArg: true })),
        ],
      },
    ]),
  );

  size(ast: FunctionAst & { procedureName: string }): ArraySize {
    const { rows, cols } = resultSize(ast.procedureName as Name, ast);
    return rows === 1 && cols === 1 ? ArraySize.scalar() : new ArraySize(cols, rows);
  }

  evaluate(ast: FunctionAst & { procedureName: string }, state: { formulaAddress: SimpleCellAddress }): unknown {
    const name = ast.procedureName as Name;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const self = this as any;
    return self.runFunction(ast.args, state, self.metadata(name), (...values: unknown[]) => {
      const host = current;
      if (host === undefined) return new CellError(ErrorType.ERROR, 'Fan Funnel: no bundle to run (preview/hyper.ts withHost)');
      const args: unknown[] = values.map((v, i) => (ast.args[i] === undefined || ast.args[i]!.type === 'EMPTY' ? undefined : argToSheets(host, v)));
      while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
      let result: unknown;
      try {
        result = host.call(name, args);
      } catch (e) {
        host.markDates(state.formulaAddress, []);
        return new CellError(ErrorType.ERROR, errorMessage(e));
      }
      return this.toHyper(host, name, ast, state.formulaAddress, result);
    });
  }

  /** The bundle's answer as a HyperFormula value, padded to the declared spill size. */
  private toHyper(host: FormulaHost, name: Name, ast: FunctionAst, at: SimpleCellAddress, result: unknown): unknown {
    const dates: Array<[number, number]> = [];
    const cell = (v: unknown, r: number, c: number): string | number | boolean => {
      if (v === null || v === undefined) return '';
      if (isDate(v)) {
        dates.push([r, c]);
        return host.dateToSerial(v);
      }
      if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
      return String(v);
    };
    const { rows, cols } = resultSize(name, ast);
    const grid = Array.isArray(result) ? (result as unknown[]).map((row) => (Array.isArray(row) ? row : [row])) : [[result]];
    if (rows === 1 && cols === 1) {
      const value = cell(grid[0]?.[0], 0, 0);
      host.markDates(at, dates);
      return value;
    }
    const out = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => cell(grid[r]?.[c], r, c)));
    host.markDates(at, dates);
    return SimpleRangeValue.onlyValues(out);
  }
}

let registered = false;

/** Registers FANSTAGE, LTVRANK and NEXTPURCHASE with HyperFormula (once per process). */
export function registerFanFunnelFunctions(): void {
  if (registered) return;
  const names = Object.fromEntries(Object.keys(TABLE_WIDTH).map((n) => [n, n]));
  HyperFormula.registerFunctionPlugin(FanFunnelPlugin, { enGB: names });
  registered = true;
}
