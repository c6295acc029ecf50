/**
 * The custom functions' bodies: read the environment, call the core. They only read (SPEC §5):
 * no set* calls and no service that needs authorisation. Errors the owner must fix are re-thrown
 * as plain `Error`s so Sheets shows their message in the cell.
 */
import { fanStage, ltvRank, nextPurchase, type Result } from '../core/functions';
import { InputError } from '../core/orders';
import { spreadsheetEnv } from './env';
import { chosenModel } from './predictionModel';

function forSheets<A extends unknown[]>(fn: (...args: A) => Result): (...args: A) => Result {
  return (...args) => {
    try {
      return fn(...args);
    } catch (e) {
      if (e instanceof InputError) throw new Error(e.message);
      throw e;
    }
  };
}

export const FANSTAGE = forSheets(
  (orders: unknown, customer?: unknown, asOf?: unknown, customers?: unknown, survey?: unknown): Result =>
    fanStage(spreadsheetEnv(), orders, customer, asOf, customers, survey),
);

export const LTVRANK = forSheets(
  (orders: unknown, customer?: unknown, asOf?: unknown): Result => ltvRank(spreadsheetEnv(), orders, customer, asOf),
);

export const NEXTPURCHASE = forSheets(
  (orders: unknown, customer?: unknown, asOf?: unknown): Result => nextPurchase({ ...spreadsheetEnv(), model: chosenModel() }, orders, customer, asOf),
);
