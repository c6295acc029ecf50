/**
 * The preview's HTTP server (127.0.0.1 only): the page (preview/page/, bundled by esbuild when the
 * server starts), the real sidebar (dist/Sidebar.html) with its `google.script.run` relayed here,
 * and a small JSON API over the workbook:
 *
 *   GET  /api/tabs                     the tabs, in order
 *   GET  /api/sheet?name=N             one tab as the page draws it (at most 500 rows)
 *   PUT  /api/cell {sheet,row,column,value}   a person types into a cell; recalculates formulas
 *   POST /api/run {name,args}          one google.script.run call of the sidebar
 *   POST /api/trigger                  the time trigger, now
 *   GET  /api/export                   the workbook as .xlsx
 *
 * Any web page the owner visits can send requests to 127.0.0.1, so the server answers only its
 * own page: a request whose Host is not 127.0.0.1:PORT or localhost:PORT is refused (DNS
 * rebinding); a request that changes something (any method but GET) must carry the page's own
 * Origin and `Content-Type: application/json` (a cross-site form or `no-cors` fetch can send
 * neither, and a cross-site JSON request needs a preflight this server never grants); /api/run
 * calls only the sidebar's server functions; the page and the sidebar run under a
 * Content-Security-Policy and cannot be framed by another site.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { DIST, projectRoot } from '../emulator/project';
import { SHIM } from '../emulator/scriptRun';
import type { PreviewWorkbook } from './workbook';
import { exportXlsx } from './xlsx';

export interface PreviewServer {
  readonly url: string;
  close(): Promise<void>;
}

const PAGE_DIR = join(projectRoot(), 'preview', 'page');

/** Relays the sidebar's calls to /api/run and tells the page that something may have changed. */
const BRIDGE = `<script>
window.__gasRun = function (name, json) {
  return fetch('/api/run', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: name, args: JSON.parse(json) }) })
    .then(function (r) { return r.text(); })
    .then(function (text) {
      try { window.parent.postMessage({ type: 'fanfunnel:server-call', name: name }, window.location.origin); } catch (e) { /* not framed */ }
      return text;
    });
};
${SHIM}
</script>`;

async function pageScript(): Promise<string> {
  const out = await build({
    entryPoints: [join(PAGE_DIR, 'main.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome100', 'firefox100', 'safari15'],
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The largest request body read (a settings object or one cell is a few kB). */
const MAX_BODY = 1_000_000;

/**
 * The request body as JSON. Beyond MAX_BODY it stops collecting and throws 413 — the rest is not
 * read, so the answer closes the connection (see `fail`).
 */
function body(req: http.IncomingMessage): Promise<unknown> {
  if (Number(req.headers['content-length']) > MAX_BODY) return Promise.reject(new HttpError(413, 'request too large'));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= MAX_BODY) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData).off('end', onEnd);
      reject(new HttpError(413, 'request too large'));
    };
    const onEnd = (): void => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'));
      } catch {
        reject(new HttpError(400, 'the body must be JSON'));
      }
    };
    req.on('data', onData).on('end', onEnd).on('error', reject);
  });
}

/** The media type of a Content-Type header, without its parameters (`; charset=utf-8`). */
function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

/** The policy of the preview page: its own script, style, API and sidebar frame — nothing else. */
const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The policy of the sidebar page: it is one self-contained file (inline script and style, as Apps
 * Script serves it), so exactly its inline blocks are allowed, by hash; it may call the API and be
 * framed by the preview page only.
 */
function sidebarCsp(page: string): string {
  const hashes = (tag: string): string[] =>
    [...page.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => `'sha256-${createHash('sha256').update(m[1]!, 'utf8').digest('base64')}'`);
  return [
    "default-src 'none'",
    `script-src ${hashes('script').join(' ')}`,
    `style-src ${hashes('style').join(' ')}`,
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
}

export async function startPreviewServer(wb: PreviewWorkbook, options: { port?: number } = {}): Promise<PreviewServer> {
  const script = await pageScript();
  const html = readFileSync(join(PAGE_DIR, 'index.html'), 'utf8');
  const css = readFileSync(join(PAGE_DIR, 'preview.css'), 'utf8');

  const send = (res: http.ServerResponse, status: number, type: string, data: string | Buffer, extra: Record<string, string> = {}): void => {
    res.writeHead(status, {
      'content-type': type,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'cross-origin-resource-policy': 'same-origin',
      ...extra,
    });
    res.end(data);
  };
  const json = (res: http.ServerResponse, data: unknown, status = 200): void => send(res, status, 'application/json; charset=utf-8', JSON.stringify(data));

  /** Set once listening: the only Host values answered (the port is known then). */
  let hosts: ReadonlySet<string> = new Set();

  /** Refuses what the preview's own page would not send (see the top of this file). */
  const admit = (req: http.IncomingMessage): void => {
    const host = (req.headers.host ?? '').toLowerCase();
    if (!hosts.has(host)) throw new HttpError(403, `this preview answers only at ${[...hosts].map((h) => `http://${h}/`).join(' or ')}`);
    if (req.method === 'GET') return;
    if (req.headers.origin !== `http://${host}`) throw new HttpError(403, 'a change must come from the preview page itself (Origin)');
    if (mediaType(req.headers['content-type']) !== 'application/json') throw new HttpError(415, 'a change must be sent as application/json');
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    admit(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /':
        return send(res, 200, 'text/html; charset=utf-8', html, { 'content-security-policy': PAGE_CSP });
      case 'GET /app.js':
        return send(res, 200, 'text/javascript; charset=utf-8', script);
      case 'GET /favicon.ico':
        res.writeHead(204).end();
        return;
      case 'GET /preview.css':
        return send(res, 200, 'text/css; charset=utf-8', css);
      case 'GET /sidebar': {
        // dist/Sidebar.html as built (read at each request), the bridge first in <head>.
        const page = readFileSync(join(DIST, 'Sidebar.html'), 'utf8');
        const at = page.indexOf('<head>');
        if (at < 0) throw new HttpError(500, 'dist/Sidebar.html has no <head>');
        const served = page.slice(0, at + 6) + BRIDGE + page.slice(at + 6);
        return send(res, 200, 'text/html; charset=utf-8', served, { 'content-security-policy': sidebarCsp(served) });
      }
      case 'GET /api/tabs':
        return json(res, { tabs: wb.tabs(), now: new Date(wb.env.clock.now()).toISOString(), timeZone: wb.timeZone, selection: wb.selection() });
      case 'GET /api/sheet': {
        const name = url.searchParams.get('name');
        if (name === null) throw new HttpError(400, 'name is required');
        return json(res, wb.grid(name));
      }
      case 'PUT /api/cell': {
        const b = (await body(req)) as { sheet?: unknown; row?: unknown; column?: unknown; value?: unknown } | null;
        if (b === null || typeof b.sheet !== 'string' || typeof b.row !== 'number' || typeof b.column !== 'number' || typeof b.value !== 'string') {
          throw new HttpError(400, 'expected {sheet: string, row: number, column: number, value: string}');
        }
        return json(res, wb.edit(b.sheet, b.row, b.column, b.value));
      }
      case 'POST /api/run': {
        const b = (await body(req)) as { name?: unknown; args?: unknown } | null;
        if (b === null || typeof b.name !== 'string' || !Array.isArray(b.args)) throw new HttpError(400, 'expected {name: string, args: []}');
        return json(res, wb.run(b.name, b.args));
      }
      case 'POST /api/trigger':
        return json(res, wb.runTrigger());
      case 'GET /api/export':
        return send(res, 200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', await exportXlsx(wb), {
          'content-disposition': 'attachment; filename="fan-funnel.xlsx"',
        });
      default:
        throw new HttpError(404, `no ${route}`);
    }
  };

  /**
   * The error's answer. A request answered before its body was read to the end (refused, or too
   * large) gets `Connection: close`: Node discards what still arrives and closes the socket once
   * the answer is sent, so the client gets its answer and the connection ends instead of hanging.
   */
  const fail = (req: http.IncomingMessage, res: http.ServerResponse, e: unknown): void => {
    if (res.headersSent) {
      res.end();
      return;
    }
    if (!req.complete) res.setHeader('connection', 'close');
    json(res, { error: e instanceof Error ? e.message : String(e) }, e instanceof HttpError ? e.status : 422);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => fail(req, res, e));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
