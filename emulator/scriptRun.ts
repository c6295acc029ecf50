/**
 * `google.script.run` as Apps Script runs it, for anything that serves the real sidebar page
 * (the browser tests, the local preview): the page side (SHIM, a stand-in for Apps Script's client
 * library that relays each call), what may cross (arguments and results are JSON; a `Date` or a
 * function fails the call), and the server side — the built bundle on the in-memory Apps Script,
 * each call one execution of a top-level function, as Apps Script runs it.
 */
import vm from 'node:vm';
import { bundleSource } from './bundle';
import { createGasEnvironment, type GasEnvironment, type GasEnvironmentOptions } from './index';

/** Whatever answers the page's server calls, by function name, with JSON-parsed arguments. */
export interface ServerBackend {
  call(name: string, args: unknown[]): unknown;
}

/** Throws the error Apps Script gives when a value cannot cross google.script.run. */
export function assertTransportable(value: unknown, where: string, path = 'value'): void {
  const tag = Object.prototype.toString.call(value);
  if (tag === '[object Date]') throw new Error(`${where}: a Date cannot cross google.script.run (${path})`);
  if (typeof value === 'function') throw new Error(`${where}: a function cannot cross google.script.run (${path})`);
  if (typeof value === 'number' && !Number.isFinite(value)) return; // Apps Script sends null, as JSON does
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) assertTransportable(v, where, `${path}.${k}`);
  }
}

/** What the page's `window.__gasRun(name, argsJson)` resolves to (as JSON text): the call's answer. */
export type RunAnswer = { ok: true; json?: string } | { ok: false; message: string };

/** The page side: `google.script.run` as Apps Script's client library shapes it. */
export const SHIM = `(() => {
  const tag = (v) => Object.prototype.toString.call(v);
  const check = (v, path) => {
    if (tag(v) === '[object Date]') throw new Error('Failed due to illegal value in property: ' + path + ' (a Date)');
    if (typeof v === 'function') throw new Error('Failed due to illegal value in property: ' + path + ' (a function)');
    if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) check(v[k], path + '.' + k);
  };
  const runner = (success, failure) => new Proxy({}, {
    get(_, prop) {
      if (prop === 'withSuccessHandler') return (f) => runner(f, failure);
      if (prop === 'withFailureHandler') return (f) => runner(success, f);
      if (prop === 'withUserObject') return () => runner(success, failure);
      if (typeof prop !== 'string' || prop === 'then') return undefined;
      return (...args) => {
        const fail = (message) => { if (failure) failure(new Error(message)); };
        let json;
        try { args.forEach((a, i) => check(a, String(i))); json = JSON.stringify(args); }
        catch (e) { setTimeout(() => fail(e.message), 0); return; }
        window.__gasRun(prop, json).then((answer) => {
          const r = JSON.parse(answer);
          if (r.ok) { if (success) success(r.json === undefined ? undefined : JSON.parse(r.json)); }
          else fail(r.message);
        }, (e) => fail(String(e && e.message || e)));
      };
    },
  });
  Object.defineProperty(window, 'google', { value: { script: { run: runner(null, null) } }, configurable: false });
})();`;

/** The bundle loaded for the sidebar's calls: its environment, the calls' answerer, its realm. */
export interface SidebarServer {
  readonly env: GasEnvironment;
  readonly backend: ServerBackend;
  readonly context: vm.Context;
}

/** The built bundle (dist/Code.js) on a fresh in-memory Apps Script, answering the sidebar's calls. */
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
