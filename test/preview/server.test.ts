/**
 * The local preview serves the owner's real customers on 127.0.0.1, and every web page the owner
 * visits can send requests there. These tests send what such a page can send — a foreign Host
 * (DNS rebinding), a cross-site `text/plain` POST (no preflight), a call of any global of the
 * bundle, an oversized body — over real sockets, and check that only the preview's own page is
 * served and that a refused request changes nothing.
 */
import http from 'node:http';
import net from 'node:net';
import { startPreviewServer, type PreviewServer } from '../../preview/server';
import { PreviewWorkbook } from '../../preview/workbook';
import { SIDEBAR_SERVER_FUNCTIONS } from '../../src/sidebar/serverFunctions';
import { bundleSource } from '../../emulator/bundle';
import { SAMPLE_AS_OF, sampleShopSheets } from '../support/sampleSheets';

interface Answer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly text: string;
}

let server: PreviewServer;
let wb: PreviewWorkbook;
let port: number;
let own: string;

beforeAll(async () => {
  wb = new PreviewWorkbook({ sheets: sampleShopSheets(60), now: SAMPLE_AS_OF });
  server = await startPreviewServer(wb, { port: 0 });
  port = Number(new URL(server.url).port);
  own = `http://127.0.0.1:${port}`;
});
afterAll(() => server.close());

/** One request with exactly these headers (Host included), as a browser or a script sends it. */
function request(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...headers }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** What a state-changing request could change: settings, the last refresh, triggers, an order cell. */
function state(): unknown {
  const answer = wb.run('getSidebarState', []);
  if (!answer.ok || answer.json === undefined) throw new Error('getSidebarState failed');
  const s = JSON.parse(answer.json) as { settings: unknown; last: unknown; autoRefreshInstalled: boolean };
  return {
    settings: s.settings,
    last: s.last,
    autoRefreshInstalled: s.autoRefreshInstalled,
    triggers: wb.env.triggers.list().length,
    firstOrder: wb.env.sheet('Orders').values[1],
    now: wb.now(),
  };
}

const json = (v: unknown): string => JSON.stringify(v);
const saveAutoRefresh = json({ name: 'saveSettings', args: [{ autoRefresh: { enabled: true, every: 'hour' } }] });
const editCell = json({ sheet: 'Orders', row: 2, column: 1, value: 'X-999' });

describe('Host: only 127.0.0.1:PORT and localhost:PORT (DNS rebinding)', () => {
  test('a foreign Host gets no page and no data; the preview’s own hosts are served', async () => {
    for (const host of ['attacker.example', `attacker.example:${port}`, `127.0.0.1:${port + 1}`, '127.0.0.1', `127.0.0.1.attacker.example:${port}`]) {
      for (const path of ['/api/sheet?name=Orders', '/api/tabs', '/api/export', '/', '/sidebar']) {
        const r = await request('GET', path, { host });
        expect({ host, path, status: r.status }).toEqual({ host, path, status: 403 });
        expect(r.text).not.toMatch(/@|顧客ID|<iframe|PK/);
      }
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
      const r = await request('GET', '/api/sheet?name=Orders', { host });
      expect({ host, status: r.status }).toEqual({ host, status: 200 });
      expect(r.text).toContain('顧客ID');
      // Nor can another site embed it with <script src> or <img> (no-cors): same-origin only.
      expect(r.headers['cross-origin-resource-policy']).toBe('same-origin');
    }
  });
});

describe('state-changing requests: the page’s own Origin and application/json', () => {
  const cases: Array<[string, string, string]> = [
    ['POST', '/api/run', saveAutoRefresh],
    ['POST', '/api/run', json({ name: 'refreshFromSidebar', args: [] })],
    ['POST', '/api/trigger', '{}'],
    ['POST', '/api/advance', json({ days: 1 })],
    ['PUT', '/api/cell', editCell],
  ];

  test('a cross-site text/plain POST (no preflight) does nothing', async () => {
    const before = state();
    const statuses: unknown[] = [];
    for (const [method, path, body] of cases) {
      // What <form enctype="text/plain"> or fetch(…, {mode: 'no-cors'}) on another site sends.
      const r = await request(method, path, { origin: 'https://attacker.example', 'content-type': 'text/plain;charset=UTF-8' }, body);
      statuses.push([path, r.status]);
    }
    expect(state()).toEqual(before);
    expect(statuses).toEqual(cases.map(([, path]) => [path, 403]));
  });

  test('a foreign, opaque or missing Origin, or a body that is not application/json, is refused', async () => {
    const before = state();
    const refused: Array<Record<string, string>> = [
      { origin: 'https://attacker.example', 'content-type': 'application/json' },
      { origin: 'null', 'content-type': 'application/json' },
      { origin: `http://localhost:${port}`, 'content-type': 'application/json' }, // another origin than the page's (Host 127.0.0.1)
      { origin: `http://127.0.0.1:${port + 1}`, 'content-type': 'application/json' },
      { 'content-type': 'application/json' },
      { origin: own, 'content-type': 'text/plain' },
      { origin: own, 'content-type': 'application/x-www-form-urlencoded' },
      { origin: own, 'content-type': 'multipart/form-data; boundary=x' },
      { origin: own },
    ];
    const served: unknown[] = [];
    for (const [method, path, body] of cases) {
      for (const headers of refused) {
        const r = await request(method, path, headers, body);
        if (r.status !== 403 && r.status !== 415) served.push({ path, headers, status: r.status });
      }
    }
    expect(state()).toEqual(before);
    expect(served).toEqual([]);
  });

  test('the page’s own request is served (127.0.0.1 or localhost, charset allowed)', async () => {
    const r = await request('POST', '/api/run', { origin: own, 'content-type': 'application/json; charset=utf-8' }, json({ name: 'getSidebarState', args: [] }));
    expect(r.status).toBe(200);
    expect((JSON.parse(r.text) as { ok: boolean }).ok).toBe(true);
    const local = await request('POST', '/api/run', { host: `localhost:${port}`, origin: `http://localhost:${port}`, 'content-type': 'application/json' }, json({ name: 'getSidebarState', args: [] }));
    expect(local.status).toBe(200);
  });
});

describe('/api/run: only the sidebar’s server functions', () => {
  test('the list is the typed wrapper’s, and each is a top-level function of the built bundle', () => {
    expect([...SIDEBAR_SERVER_FUNCTIONS].sort()).toEqual(['appendImportRows', 'connectBigQuery', 'deleteCampaign', 'deleteSegment', 'downloadSegment', 'getBigQueryView', 'getSegmentsView', 'getSidebarState', 'listCampaigns', 'previewSegment', 'readBigQueryColumns', 'readImportKeys', 'refreshFromSidebar', 'saveSegment', 'saveSettings', 'selectCustomer', 'startCampaign']);
    // gas-webpack-plugin writes each top-level function's stub at the top of dist/Code.js.
    for (const name of SIDEBAR_SERVER_FUNCTIONS) expect(bundleSource()).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
  });

  test('onAutoRefresh, constructor, toString and the other globals of the bundle are not run', async () => {
    const before = state();
    const others = ['onAutoRefresh', 'refreshFromMenu', 'onOpen', 'onInstall', 'showSidebar', 'FANSTAGE', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'eval', 'Function', 'refresh_'];
    const answers: unknown[] = [];
    for (const name of others) {
      const r = await request('POST', '/api/run', { origin: own, 'content-type': 'application/json' }, json({ name, args: [] }));
      answers.push({ name, status: r.status, ...(JSON.parse(r.text) as object) });
    }
    expect(state()).toEqual(before);
    expect(answers).toEqual(
      others.map((name) => ({ name, status: 200, ok: false, message: `${name} is not one of the sidebar's server functions (${SIDEBAR_SERVER_FUNCTIONS.join(', ')})` })),
    );
  });
});

describe('413: an oversized body gets its answer and the connection is closed', () => {
  /** Sends a request over a raw socket; resolves with all it read when the server closes it. */
  function rawExchange(head: string, body: Buffer, tail = ''): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1');
      let got = '';
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`the connection was still open after 2 s; read so far: ${JSON.stringify(got)}`));
      }, 2000);
      socket.on('data', (d: Buffer) => (got += d.toString('utf8')));
      socket.on('error', () => undefined); // EPIPE while the rest of the body is still being sent
      socket.on('close', () => {
        clearTimeout(timer);
        resolve(got);
      });
      socket.write(head);
      socket.write(body);
      if (tail !== '') socket.write(tail);
    });
  }

  const headers = (extra: string): string =>
    `POST /api/run HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${own}\r\nContent-Type: application/json\r\n${extra}\r\n`;
  const big = Buffer.alloc(3_000_000, ' ');

  test('with a Content-Length', async () => {
    const got = await rawExchange(headers(`Content-Length: ${big.length}\r\n`), big);
    expect(got).toMatch(/^HTTP\/1\.1 413 /);
    expect(got).toMatch(/connection: close/i);
    expect(got).toContain('{"error":"request too large');
  });

  test('chunked (the size is known only while reading)', async () => {
    const got = await rawExchange(headers('Transfer-Encoding: chunked\r\n'), Buffer.concat([Buffer.from(`${big.length.toString(16)}\r\n`), big]), '\r\n0\r\n\r\n');
    expect(got).toMatch(/^HTTP\/1\.1 413 /);
    expect(got).toMatch(/connection: close/i);
    expect(got).toContain('{"error":"request too large');
  });

  test('the server still answers afterwards', async () => {
    expect((await request('GET', '/api/tabs', {})).status).toBe(200);
  });
});

describe('Content-Security-Policy', () => {
  const policy = (r: Answer): Map<string, string> =>
    new Map(
      String(r.headers['content-security-policy'] ?? '')
        .split(';')
        .map((d) => d.trim())
        .filter((d) => d !== '')
        .map((d) => [d.split(/\s+/)[0]!, d.slice(d.split(/\s+/)[0]!.length).trim()]),
    );

  test('the page: its own script and style only, no framing by another site', async () => {
    const csp = policy(await request('GET', '/', {}));
    expect(csp.get('default-src')).toBe("'none'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('style-src')).toBe("'self'");
    expect(csp.get('connect-src')).toBe("'self'");
    expect(csp.get('frame-src')).toBe("'self'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('form-action')).toBe("'none'");
  });

  test('the sidebar: only its own inline script and style (by hash), framed only by the page', async () => {
    const r = await request('GET', '/sidebar', {});
    const csp = policy(r);
    expect(csp.get('default-src')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'self'");
    const scripts = (csp.get('script-src') ?? '').split(' ');
    const inline = [...r.text.matchAll(/<script>([\s\S]*?)<\/script>/g)].length;
    expect(inline).toBeGreaterThanOrEqual(2); // the bridge and the sidebar's own script
    expect(scripts).toHaveLength(inline);
    for (const s of scripts) expect(s).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/);
    expect(csp.get('style-src')).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/);
  });
});

describe('the page in the workbook’s language; days going by', () => {
  test('a Japanese workbook gets the page in Japanese, an English one in English, every slot filled', async () => {
    const ja = await request('GET', '/', {});
    expect(ja.text).toMatch(/<html lang="ja">/);
    expect(ja.text).toContain('>1日進める<');
    expect(ja.text).toContain('>1週間進める<');
    expect(ja.text).not.toContain('{{');
    const enBook = new PreviewWorkbook({ sheets: sampleShopSheets(20), now: SAMPLE_AS_OF, locale: 'en_US' });
    const en = await startPreviewServer(enBook, { port: 0 });
    try {
      const page = await (await fetch(en.url)).text();
      expect(page).toMatch(/<html lang="en">/);
      expect(page).toContain('>Advance 1 day<');
      expect(page).not.toContain('{{');
      expect(page).not.toContain('1日進める');
    } finally {
      await en.close();
    }
  });

  test('POST /api/advance lets one day go by and the trigger refresh; a wrong number of days is refused', async () => {
    const headers = { origin: own, 'content-type': 'application/json' };
    const before = wb.now();
    for (const bad of [json({ days: 0 }), json({ days: 1.5 }), json({ days: 32 }), json({ days: '1' }), json({})]) {
      expect((await request('POST', '/api/advance', headers, bad)).status).toBe(400);
    }
    expect(wb.now()).toBe(before);
    const r = await request('POST', '/api/advance', headers, json({ days: 1 }));
    expect(r.status).toBe(200);
    const days = (JSON.parse(r.text) as { days: Array<{ now: string; trigger: { ok: boolean } }> }).days;
    expect(days.map((d) => [Date.parse(d.now) - before, d.trigger.ok])).toEqual([[86_400_000, true]]);
    const tabs = JSON.parse((await request('GET', '/api/tabs', {})).text) as { now: string; lang: string };
    expect([Date.parse(tabs.now) - before, tabs.lang]).toEqual([86_400_000, 'ja']);
  });
});
