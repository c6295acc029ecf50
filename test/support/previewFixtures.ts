/** Helpers of the local preview's tests (test/preview/): a customer whose stage an edit changes. */
import type { PreviewWorkbook } from '../../preview/workbook';
import { TAB_TEXT } from '../../src/core/labels';
import { columnOf } from './tables';

/** A lapsed (離脱) customer of the sample shop and the row and column of one of their orders' date. */
export function lapsedCustomer(wb: PreviewWorkbook): { key: string; orderRow: number; dateColumn: number } {
  const table = wb.formulaValues();
  const row = table.find((r) => r[columnOf(table, 'stage')] === '離脱');
  if (row === undefined) throw new Error('no lapsed customer in the sample');
  const key = String(row[columnOf(table, 'customer')]);
  const orders = wb.env.sheet('Orders').values;
  const h = orders[0]!;
  const id = h.indexOf('顧客ID');
  const status = h.indexOf('注文ステータス');
  const i = orders.findIndex((r) => r[id] === key && !/キャンセル|返品/.test(String(r[status])));
  return { key, orderRow: i + 1, dateColumn: h.indexOf('注文日時') + 1 };
}

/** The stage the Formulas sheet's FANSTAGE table gives the customer. */
export function stageOf(wb: PreviewWorkbook, key: string): unknown {
  const table = wb.formulaValues();
  return table.find((r) => r[columnOf(table, 'customer')] === key)?.[columnOf(table, 'stage')];
}


/** The stage-move matrix of the funnel tab: [from, to, count] of every move to another stage. */
export function stageMoves(cells: string[][]): Array<[string, string, number]> {
  const at = cells.findIndex((r) => r[0] === TAB_TEXT.fromTo.ja);
  if (at < 0) return [];
  const to = cells[at]!;
  const moves: Array<[string, string, number]> = [];
  for (const row of cells.slice(at + 1)) {
    if (row[0] === '' || row[0] === undefined) break;
    row.forEach((v, c) => c > 0 && to[c] !== '' && to[c] !== row[0] && Number(v.replace(/,/g, '')) > 0 && moves.push([row[0]!, to[c]!, Number(v)]));
  }
  return moves;
}
