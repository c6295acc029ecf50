/**
 * The ONE typed wrapper of `google.script.run` (STYLE habit 3, enuchi's `serverFunctions.ts`):
 * keyed on the types of the server's exported functions, each call a Promise. Only types are
 * imported from the server, so no server code is bundled into the page. Pages call `server.x()`,
 * never `google.script.run` itself.
 */
import { SIDEBAR_SERVER_FUNCTIONS, type ServerFns, type SidebarServerFunction as Name } from './serverFunctions';

export type ServerFunctions = {
  readonly [K in Name]: (...args: Parameters<ServerFns[K]>) => Promise<ReturnType<ServerFns[K]>>;
};

interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
  [fn: string]: unknown;
}

declare const google: { script: { run: ScriptRun } } | undefined;

function toError(e: unknown): Error {
  if (e instanceof Error) return e;
  if (typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string') {
    return new Error((e as { message: string }).message);
  }
  return new Error(String(e));
}

function call<K extends Name>(name: K, args: unknown[]): Promise<ReturnType<ServerFns[K]>> {
  return new Promise((resolve, reject) => {
    if (typeof google === 'undefined' || google?.script?.run === undefined) {
      reject(new Error('google.script.run is not available (open the page from Google Sheets)'));
      return;
    }
    const run = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<ServerFns[K]>))
      .withFailureHandler((error) => reject(toError(error)));
    const fn = run[name];
    if (typeof fn !== 'function') {
      reject(new Error(`google.script.run has no function ${name}`));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(run, args);
  });
}

export const server: ServerFunctions = Object.fromEntries(
  SIDEBAR_SERVER_FUNCTIONS.map((name) => [name, (...args: unknown[]) => call(name, args)]),
) as unknown as ServerFunctions;
