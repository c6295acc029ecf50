/**
 * Loads the built bundle (dist/Code.js) the way Apps Script does: one global scope, top-level
 * functions called by name, with stand-ins for the services the custom functions touch.
 *
 * Values handed to the functions should be made *inside* the context (`ctx.date(...)`,
 * `ctx.eval(...)`), as Sheets' values are the script runtime's own objects; a `Date` from the
 * test's realm is a different class there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import vm from 'node:vm';

/** The project root: the nearest folder up from the working directory with our package.json.
 *  (Not `__dirname`: scripts run this file bundled from elsewhere.) */
export function projectRoot(from = process.cwd()): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'fan-funnel') return dir;
    if (dirname(dir) === dir) throw new Error('run this from inside the fan-funnel project');
  }
}

export const DIST = join(projectRoot(), 'dist');

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
}

export interface LoadedBundle {
  readonly context: vm.Context;
  /** Calls a top-level function of the bundle by name, as Apps Script does. */
  call(name: string, ...args: unknown[]): unknown;
  /** Evaluates code in the bundle's realm (to build values as Sheets would pass them). */
  eval<T = unknown>(code: string): T;
  /** A `Date` of the bundle's realm for an instant. */
  date(iso: string): Date;
  /** Deep-copies plain test data into the bundle's realm (arrays, Dates, primitives). */
  sheetValues(rows: unknown[][]): unknown[][];
  /** Menus and sidebars the bundle asked the UI for. */
  readonly ui: { menus: Array<{ items: Array<[string, string]> }>; sidebars: string[] };
  readonly properties: Map<string, string>;
}

export function bundleSource(): string {
  return readFileSync(join(DIST, 'Code.js'), 'utf8');
}

export function loadBundle(env: SheetEnv = {}): LoadedBundle {
  const properties = new Map(Object.entries(env.properties ?? {}));
  const ui: LoadedBundle['ui'] = { menus: [], sidebars: [] };
  const cache = new Map<string, string>();

  const spreadsheet = {
    getSpreadsheetTimeZone: () => env.timeZone ?? 'Asia/Tokyo',
    getSpreadsheetLocale: () => env.locale ?? 'ja_JP',
  };
  const services = {
    SpreadsheetApp: {
      getActive: () => spreadsheet,
      getActiveSpreadsheet: () => spreadsheet,
      getUi: () => ({
        createAddonMenu: () => {
          const menu = { items: [] as Array<[string, string]> };
          const builder = {
            addItem: (label: string, fn: string) => (menu.items.push([label, fn]), builder),
            addSeparator: () => builder,
            addToUi: () => void ui.menus.push(menu),
          };
          return builder;
        },
        showSidebar: (html: { title: string }) => void ui.sidebars.push(html.title),
      }),
    },
    PropertiesService: {
      getDocumentProperties: () => ({
        getProperty: (k: string) => properties.get(k) ?? null,
        setProperty: (k: string, v: string) => properties.set(k, String(v)),
        getProperties: () => Object.fromEntries(properties),
      }),
    },
    CacheService: {
      getDocumentCache: () => ({
        get: (k: string) => cache.get(k) ?? null,
        put: (k: string, v: string) => void cache.set(k, v),
      }),
    },
    Session: { getActiveUserLocale: () => (env.locale ?? 'ja_JP').slice(0, 2) },
    HtmlService: {
      createHtmlOutputFromFile: (file: string) => {
        const page = { file, title: '', setTitle: (t: string) => ((page.title = t), page) };
        return page;
      },
    },
    console,
  };
  let context: vm.Context;
  if (env.realm === 'this') {
    Object.assign(globalThis, services);
    context = globalThis;
    vm.runInThisContext(bundleSource(), { filename: 'Code.js' });
  } else {
    context = vm.createContext(services);
    vm.runInContext(bundleSource(), context, { filename: 'Code.js' });
  }

  const evalIn = <T>(code: string): T =>
    (env.realm === 'this' ? vm.runInThisContext(code) : vm.runInContext(code, context)) as T;
  if (env.now !== undefined) {
    if (env.realm === 'this') throw new Error('a fixed clock needs an isolated realm');
    evalIn(`Date.now = () => ${env.now};`);
  }
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
      return fn(...args);
    },
    eval: evalIn,
    date: (iso) => evalIn<Date>(`new Date(${JSON.stringify(iso)})`),
    sheetValues: (rows) => toRealm(rows) as unknown[][],
    ui,
    properties,
  };
}
