/**
 * Loads the built bundle (dist/Code.js) the way Apps Script does: one global scope, top-level
 * functions called by name, with the services of the in-memory Apps Script environment
 * (emulator/, exposed as `env`: sheets, properties, locks, triggers, UI, I/O counts).
 *
 * Values handed to the functions should be made *inside* the context (`ctx.date(...)`,
 * `ctx.eval(...)`), as Sheets' values are the script runtime's own objects; a `Date` from the
 * test's realm is a different class there.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { customFunctionsIn } from './customFunctions';
import { createGasEnvironment, type GasEnvironment, type GasEnvironmentOptions, type SheetSpec } from './index';
import { DIST, projectRoot } from './project';
import { parseFormula as parseFormulaName, sheetsCall, type CellResult, type SheetsCallOptions } from './sheetsCall';

export interface SheetEnv {
  /** The spreadsheet's time zone (File → Settings). Default Asia/Tokyo. */
  timeZone?: string;
  /** The spreadsheet's locale, e.g. 'ja_JP', 'en_US'. Default ja_JP. */
  locale?: string;
  /** Document properties, as stored strings. */
  properties?: Record<string, string>;
  /** The script clock, ms since epoch; default the real clock. */
  now?: number;
  /**
   * 'isolated' (default): a fresh vm context, as tests want. 'this': the bundle runs in this
   * process's own global scope — for the benchmark, since a vm context's global object answers
   * every lookup of `Math`, `Map`… through an interceptor that Apps Script's V8 does not have.
   */
  realm?: 'isolated' | 'this';
  /** The spreadsheet's sheets: name → values (as getValues returns them), in tab order. */
  sheets?: Record<string, SheetSpec>;
  /** Anything else of the in-memory environment (user, add-on limits, grid mode…). */
  gas?: GasEnvironmentOptions;
  /**
   * The manifest the project was pushed with (a path from the project root): its oauthScopes decide
   * whether Connected Sheets may reach BigQuery (gas.bigQuery.scopeGranted, unless given). Default
   * dist/appsscript.json, the add-on's default build; 'appsscript.bigquery.json' is the BigQuery build.
   */
  manifest?: string;
}

/** Whether a manifest grants a BigQuery scope (the one enableBigQueryExecution needs, or wider). */
export function manifestGrantsBigQuery(path: string): boolean {
  const file = join(projectRoot(), path);
  if (!existsSync(file)) return false;
  const scopes = (JSON.parse(readFileSync(file, 'utf8')).oauthScopes ?? []) as string[];
  return scopes.some((s) => /^https:\/\/www\.googleapis\.com\/auth\/bigquery(\.readonly)?$/.test(s));
}

export interface LoadedBundle {
  readonly context: vm.Context;
  /** Calls a top-level function of the bundle by name, as Apps Script does. */
  call(name: string, ...args: unknown[]): unknown;
  /**
   * A custom function as Sheets calls it from a cell: `b.formula('=FANSTAGE(注文!A:H, A2)')` — its
   * arguments read from the sheets, 30 s of projected time, the result size limit (sheetsCall.ts).
   */
  formula(formula: string, options?: SheetsCallOptions): CellResult;
  /** Evaluates code in the bundle's realm (to build values as Sheets would pass them). */
  eval<T = unknown>(code: string): T;
  /** A `Date` of the bundle's realm for an instant. */
  date(iso: string): Date;
  /** Deep-copies plain test data into the bundle's realm (arrays, Dates, primitives). */
  sheetValues(rows: unknown[][]): unknown[][];
  /** Menus (their items) and sidebars (their titles) the bundle asked the UI for; see env.ui for all. */
  readonly ui: { readonly menus: Array<{ items: Array<[string, string]> }>; readonly sidebars: string[] };
  /** The document properties (env.properties.document.map). */
  readonly properties: Map<string, string>;
  /** The in-memory Apps Script environment the bundle runs in. */
  readonly env: GasEnvironment;
}

export function bundleSource(): string {
  return readFileSync(join(DIST, 'Code.js'), 'utf8');
}

/** The project's HTML files as pushed (dist/*.html), by name. */
function htmlFiles(): Record<string, string> {
  if (!existsSync(DIST)) return {};
  const files = readdirSync(DIST).filter((f) => f.endsWith('.html'));
  return Object.fromEntries(files.map((f) => [f.replace(/\.html$/, ''), readFileSync(join(DIST, f), 'utf8')]));
}

function scriptTimeZone(): string | undefined {
  const manifest = join(DIST, 'appsscript.json');
  return existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')).timeZone as string | undefined) : undefined;
}

export function loadBundle(env: SheetEnv = {}): LoadedBundle {
  if (env.now !== undefined && env.realm === 'this') throw new Error('a fixed clock needs an isolated realm');
  const source = bundleSource();
  const tz = scriptTimeZone();
  const gas = createGasEnvironment({
    timeZone: env.timeZone ?? 'Asia/Tokyo',
    locale: env.locale ?? 'ja_JP',
    htmlFiles: htmlFiles(),
    ...(tz === undefined ? {} : { scriptTimeZone: tz }),
    ...(env.now === undefined ? {} : { now: env.now }),
    ...(env.sheets === undefined ? {} : { sheets: env.sheets }),
    ...env.gas,
    properties: { ...env.gas?.properties, document: { ...env.gas?.properties?.document, ...env.properties } },
    ...(env.gas?.bigQuery === undefined
      ? {}
      : { bigQuery: { scopeGranted: manifestGrantsBigQuery(env.manifest ?? 'dist/appsscript.json'), ...env.gas.bigQuery } }),
  });
  let context: vm.Context;
  if (env.realm === 'this') {
    gas.install(globalThis);
    context = globalThis;
    vm.runInThisContext(source, { filename: 'Code.js' });
  } else {
    context = vm.createContext({});
    gas.install(context);
    vm.runInContext(source, context, { filename: 'Code.js' });
  }
  // Sheets runs custom functions in AuthMode.CUSTOM_FUNCTION (read-only, no UI); the rest as a
  // person at the document would.
  const custom = new Set(customFunctionsIn(source).map((f) => f.name));

  const evalIn = <T>(code: string): T =>
    (env.realm === 'this' ? vm.runInThisContext(code) : vm.runInContext(code, context)) as T;
  const toRealm = evalIn<(v: unknown) => unknown>(
    `(function copy(v) {
       if (Array.isArray(v)) return v.map(copy);
       if (v && typeof v === 'object' && typeof v.getTime === 'function') return new Date(v.getTime());
       return v;
     })`,
  );
  return {
    context,
    call: (name, ...args) => {
      const fn = (context as Record<string, unknown>)[name];
      if (typeof fn !== 'function') throw new Error(`the bundle has no top-level function ${name}`);
      return custom.has(name) ? gas.callAs({ authMode: 'CUSTOM_FUNCTION', ui: false }, name, ...args) : gas.call(name, ...args);
    },
    formula: (formula, options) => {
      const { name } = parseFormulaName(formula);
      if (!custom.has(name)) throw new Error(`${name} is not a custom function of the bundle (@customfunction)`);
      return sheetsCall(gas, formula, options);
    },
    eval: evalIn,
    date: (iso) => evalIn<Date>(`new Date(${JSON.stringify(iso)})`),
    sheetValues: (rows) => toRealm(rows) as unknown[][],
    ui: {
      get menus() {
        return gas.ui.menus.map((m) => ({
          items: m.entries.flatMap((e): Array<[string, string]> => (e.kind === 'item' ? [[e.caption, e.functionName]] : [])),
        }));
      },
      get sidebars() {
        return gas.ui.sidebars.map((p) => p.title);
      },
    },
    properties: gas.properties.document.map,
    env: gas,
  };
}
