/**
 * The sidebar in a real browser: Debian's chromium driven by playwright-core, dist/Sidebar.html
 * served from 127.0.0.1, and the `google.script.run` shim of emulator/scriptRun.ts in the page,
 * relaying each call to server functions running in Node (the built bundle on the in-memory Sheets).
 *
 * What crosses the bridge is what crosses `google.script.run`: the arguments and the result are
 * JSON-serialised, and a `Date` anywhere (or a function) makes the call fail, as in Apps Script.
 * The page may make no request except for the page itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DIST } from '../../emulator/project';
import { SHIM, assertTransportable, type ServerBackend } from '../../emulator/scriptRun';

export const CHROMIUM = '/usr/bin/chromium';

/** The flags Debian's chromium needs here (headless, root, closed network). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Browser tests run when chromium is there, and always in CI (where a missing browser must fail
 * loudly rather than skip). Returns why they are skipped, or undefined.
 */
function browserSkipReason(): string | undefined {
  if (existsSync(CHROMIUM) || process.env.CI) return undefined;
  return `${CHROMIUM} is missing: skipping the sidebar browser tests (apt-get install -y chromium; CI installs it)`;
}

/** `describe` for a suite that needs chromium; without it the suite is skipped, saying why. */
export function describeInBrowser(title: string, body: () => void): void {
  const skip = browserSkipReason();
  if (skip === undefined) {
    describe(title, body);
    return;
  }
  process.stderr.write(`\n${skip}\n`);
  describe(title, () => {
    test.skip(skip, () => undefined);
  });
  describe.skip(title, body);
}

export interface ServerCall {
  readonly name: string;
  readonly args: unknown[];
  readonly ok: boolean;
  readonly result?: unknown;
  readonly error?: string;
}

export interface BridgeOptions {
  /** The browser's locale (Intl formatting), e.g. 'ja-JP'. Default en-US. */
  readonly locale?: string;
  /** Sidebar width: Sheets' sidebars are 300 px wide. */
  readonly width?: number;
  readonly height?: number;
  /** Milliseconds each server call takes, to see the progress state. */
  readonly latencyMs?: number;
  /** Makes a call fail as google.script.run does (e.g. PERMISSION_DENIED): return an error message. */
  readonly failWith?: (name: string, args: unknown[]) => string | undefined;
}

export interface SidebarSession {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Every server call the page made, in order. */
  readonly calls: ServerCall[];
  /** Requests the page tried to make other than for the page itself (must stay empty). */
  readonly foreignRequests: string[];
  /** Dialogs (alert, confirm…) the page opened (must stay empty). */
  readonly dialogs: string[];
  /** Uncaught page errors and console errors. */
  readonly pageErrors: string[];
  /** Resolves when no server call is in flight. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

let browserPromise: Promise<Browser> | undefined;

/** One chromium per test file; closed by `closeBrowser`. */
export async function browser(): Promise<Browser> {
  if (browserPromise === undefined) {
    browserPromise = chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
  }
  return browserPromise;
}

export async function closeBrowser(): Promise<void> {
  const b = browserPromise;
  browserPromise = undefined;
  if (b !== undefined) await (await b).close();
}

/** Serves dist/Sidebar.html (read at each request, as built) on 127.0.0.1 at a random port. */
export async function servePage(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && (req.url === '/' || req.url === '/Sidebar.html')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(readFileSync(join(DIST, 'Sidebar.html')));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/Sidebar.html`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Opens the sidebar page with its server calls answered by `backend`. */
export async function openSidebar(backend: ServerBackend, options: BridgeOptions = {}): Promise<SidebarSession> {
  const served = await servePage();
  try {
    return await openOn(served, backend, options);
  } catch (e) {
    await served.close();
    throw e;
  }
}

async function openOn(served: { url: string; close(): Promise<void> }, backend: ServerBackend, options: BridgeOptions): Promise<SidebarSession> {
  const context = await (await browser()).newContext({
    viewport: { width: options.width ?? 300, height: options.height ?? 900 },
    locale: options.locale ?? 'en-US',
    timezoneId: 'Asia/Tokyo',
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  const calls: ServerCall[] = [];
  const foreignRequests: string[] = [];
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  let inFlight = 0;
  let waiters: Array<() => void> = [];
  const settle = (): void => {
    if (inFlight > 0) return;
    const w = waiters;
    waiters = [];
    for (const f of w) f();
  };

  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === served.url) return route.continue();
    foreignRequests.push(url);
    return route.abort();
  });
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });

  await page.exposeFunction('__gasRun', async (name: string, argsJson: string): Promise<string> => {
    inFlight++;
    try {
      if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
      const args = JSON.parse(argsJson) as unknown[];
      const injected = options.failWith?.(name, args);
      if (injected !== undefined) {
        calls.push({ name, args, ok: false, error: injected });
        return JSON.stringify({ ok: false, message: injected });
      }
      try {
        const result = backend.call(name, args);
        assertTransportable(result, `the result of ${name}`);
        const json = result === undefined ? undefined : JSON.stringify(result);
        calls.push({ name, args, ok: true, result: json === undefined ? undefined : JSON.parse(json) });
        return JSON.stringify({ ok: true, json });
      } catch (e) {
        const message = e instanceof Error || (typeof e === 'object' && e !== null && 'message' in e) ? String((e as Error).message) : String(e);
        calls.push({ name, args, ok: false, error: message });
        return JSON.stringify({ ok: false, message });
      }
    } finally {
      inFlight--;
      setTimeout(settle, 0);
    }
  });
  await page.addInitScript(SHIM);
  await page.goto(served.url);

  return {
    page,
    context,
    calls,
    foreignRequests,
    dialogs,
    pageErrors,
    idle: () =>
      new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(settle, 0);
      }),
    close: async () => {
      await context.close();
      await served.close();
    },
  };
}

/**
 * For a jest suite: `open` starts a page; after each test the page is checked (no request outside,
 * no dialog, no page error) and closed; after the suite the browser is closed.
 */
export function useSidebarPages(): { open(backend: ServerBackend, options?: BridgeOptions): Promise<SidebarSession>; current(): SidebarSession | undefined } {
  let session: SidebarSession | undefined;
  const finish = async (): Promise<void> => {
    const s = session;
    session = undefined;
    if (s === undefined) return;
    try {
      expect({ foreignRequests: s.foreignRequests, dialogs: s.dialogs, pageErrors: s.pageErrors }).toEqual({ foreignRequests: [], dialogs: [], pageErrors: [] });
    } finally {
      await s.close();
    }
  };
  afterEach(finish);
  afterAll(closeBrowser);
  return {
    async open(backend, options) {
      await finish();
      session = await openSidebar(backend, options);
      return session;
    },
    current: () => session,
  };
}
