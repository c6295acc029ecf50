/**
 * The server side of the sidebar's browser tests: the built bundle (dist/Code.js) loaded into a vm
 * context with the in-memory Apps Script services of test/support/gas installed as its globals,
 * its top-level functions called by name as one execution each — as `google.script.run` does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { parseCsv, toRange, type SheetValue } from '../../scripts/csv';
import { createGasEnvironment, type GasEnvironment, type GasEnvironmentOptions } from './gas';
import { bundleSource, projectRoot } from './gasBundle';
import type { ServerBackend } from './sidebarPage';

export interface SidebarServer {
  readonly env: GasEnvironment;
  readonly backend: ServerBackend;
  readonly context: vm.Context;
}

export function sidebarServer(options: GasEnvironmentOptions = {}): SidebarServer {
  const env = createGasEnvironment(options);
  const context = vm.createContext({});
  env.install(context);
  vm.runInContext(bundleSource(), context, { filename: 'Code.js' });
  // Arguments arrive as JSON and are parsed in the script's realm, as Apps Script hands them over.
  const parse = vm.runInContext('JSON.parse', context) as (json: string) => unknown;
  return {
    env,
    context,
    backend: {
      call(name, args) {
        if (name.endsWith('_')) throw new Error(`Script function not found: ${name}`); // private in Apps Script
        return env.call(name, ...args.map((a) => (a === undefined ? undefined : parse(JSON.stringify(a)))));
      },
    },
  };
}

/** The sample shop's as-of instant (samples/README.md): the end of 2026-10-31 in Japan. */
export const SAMPLE_AS_OF = Date.parse('2026-10-31T15:00:00Z');

/**
 * The sample shop (samples/), cut to its first `customers` customers so that a refresh in the
 * browser tests stays quick: the orders, customers and survey sheets as pasted CSVs.
 */
export function sampleShopSheets(customers = 400): Record<'Orders' | 'Customers' | 'Survey', SheetValue[][]> {
  const csv = (file: string): SheetValue[][] => toRange(parseCsv(readFileSync(join(projectRoot(), 'samples', file), 'utf8')));
  const orders = csv('orders_ja.csv');
  const people = csv('customers.csv');
  const survey = csv('survey.csv');
  const keep = (id: unknown): boolean => typeof id === 'string' && Number(id.slice(1)) <= customers;
  const idColumn = orders[0]!.indexOf('顧客ID');
  const kept = [people[0]!, ...people.slice(1).filter((r) => keep(r[0]))];
  const emails = new Set(kept.slice(1).map((r) => r[people[0]!.indexOf('メールアドレス')]));
  const emailColumn = survey[0]!.indexOf('メールアドレス');
  return {
    Orders: [orders[0]!, ...orders.slice(1).filter((r) => keep(r[idColumn]))],
    Customers: kept,
    Survey: [survey[0]!, ...survey.slice(1).filter((r) => emails.has(r[emailColumn]!))],
  };
}
