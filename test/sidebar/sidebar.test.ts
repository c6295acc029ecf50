/**
 * The sidebar page (dist/Sidebar.html) in Debian's chromium, its server calls answered by the
 * built bundle on the in-memory Sheets: refresh with progress, the funnel chart against the Fan
 * Funnel tab, warnings, errors, Japanese, and text that looks like HTML shown as text.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StageId } from '../../src/core/labels';
import { ALL_STAGES } from '../../src/core/shared';
import { PROPERTY_KEYS } from '../../src/gas/keys';
import type { RefreshOutcome } from '../../src/gas/refresh';
import type { SidebarState } from '../../src/gas/sidebarApi';
import { DIST, projectRoot } from '../../emulator/project';
import { describeInBrowser, useSidebarPages, type SidebarSession } from '../support/sidebarPage';
import { SAMPLE_AS_OF, sampleShopSheets } from '../support/sampleSheets';
import { sidebarServer } from '../../emulator/scriptRun';

const ARTIFACTS = join(projectRoot(), 'test-artifacts');
const XSS = '<img src=x onerror=alert(1)>';

/** The counts the funnel chart shows: bands of the SVG and the list of the other stages. */
async function chartCounts(s: SidebarSession): Promise<Record<string, { count: number; text: string }>> {
  const rows = await s.page.$$eval('svg.funnel g.band, ul.outside li', (els) =>
    els.map((e) => [e.getAttribute('data-stage') ?? '', { count: Number(e.getAttribute('data-count')), text: e.textContent ?? '' }] as const),
  );
  return Object.fromEntries(rows);
}

/** Stage → customers, read off the Fan Funnel tab the refresh wrote. */
function tabCounts(values: unknown[][], labels: Readonly<Record<StageId, string>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const stage of ALL_STAGES) {
    const row = values.find((r) => r[0] === labels[stage]);
    if (row !== undefined) out[stage] = row[1] as number;
  }
  return out;
}

function lastCall<T>(s: SidebarSession, name: string): T {
  const call = [...s.calls].reverse().find((c) => c.name === name);
  if (call === undefined || !call.ok) throw new Error(`no successful ${name} call: ${JSON.stringify(call)}`);
  return call.result as T;
}

async function text(s: SidebarSession, selector: string): Promise<string> {
  return (await s.page.locator(selector).first().textContent()) ?? '';
}

describeInBrowser('sidebar in a browser', () => {
  const { open } = useSidebarPages();
  beforeAll(() => mkdirSync(ARTIFACTS, { recursive: true }));

  test('showSidebar serves this very page (dist/Sidebar.html) through HtmlService', () => {
    const html = readFileSync(join(DIST, 'Sidebar.html'), 'utf8');
    const { env } = sidebarServer({ htmlFiles: { Sidebar: html } });
    env.call('showSidebar');
    expect(env.ui.sidebars).toHaveLength(1);
    expect(env.ui.sidebars[0]!.title).toBe('Fan Funnel');
    expect(env.ui.sidebars[0]!.content).toBe(html);
  });

  test('(a) Refresh shows progress, then the funnel with the counts of the Fan Funnel tab', async () => {
    const sheets = sampleShopSheets();
    // Two rows the refresh must skip, reported with their row numbers.
    const header = sheets.Orders[0]!;
    const bad = (patch: Record<string, string>): string[] => header.map((h, i) => patch[String(h)] ?? String(sheets.Orders[1]![i]));
    sheets.Orders.push(bad({ 注文番号: '99001', 注文日時: 'someday' }), bad({ 注文番号: '99002', 合計金額: 'abc' }));
    const badRows = [sheets.Orders.length - 1, sheets.Orders.length];
    const server = sidebarServer({ locale: 'en_US', now: SAMPLE_AS_OF, sheets });
    const s = await open(server.backend, { latencyMs: 500, height: 600 });

    const button = s.page.locator('#refresh');
    await button.waitFor();
    expect(await button.textContent()).toBe('Refresh');
    expect(await s.page.locator('[data-never]').textContent()).toBe('Not refreshed yet. Press Refresh.');

    await button.click();
    // While it runs: the button is disabled and says so, and a progress line shows. Both are read
    // in one step inside the page: on a loaded machine the refresh may be over by a second look.
    const busy = await s.page.waitForFunction(() => {
      const b = document.querySelector('#refresh[disabled][aria-busy="true"]');
      const p = document.querySelector('[data-progress]');
      return b !== null && p !== null ? [b.textContent, p.textContent] : null;
    });
    expect(await busy.jsonValue()).toEqual(['Refreshing…', 'Reading the sheets…']);
    await s.page.screenshot({ path: join(ARTIFACTS, 'sidebar-progress.png'), animations: 'disabled' });

    await s.page.waitForSelector('svg.funnel');
    expect(await button.isDisabled()).toBe(false);
    expect(await s.page.locator('[data-progress]').count()).toBe(0);

    const { outcome, state } = lastCall<{ outcome: RefreshOutcome; state: SidebarState }>(s, 'refreshFromSidebar');
    expect(outcome.ok).toBe(true);
    const chart = await chartCounts(s);
    const fromTab = tabCounts(server.env.sheet('Fan Funnel').values, state.stageLabels);
    for (const stage of ALL_STAGES) {
      expect({ stage, count: chart[stage]?.count }).toEqual({ stage, count: outcome.counts![stage] });
      expect({ stage, count: fromTab[stage] }).toEqual({ stage, count: outcome.counts![stage] });
      // What a person reads: the stage's name and its count.
      expect(chart[stage]!.text).toContain(state.stageLabels[stage]);
      expect(chart[stage]!.text).toContain(outcome.counts![stage].toLocaleString('en-US'));
    }
    expect(Object.values(outcome.counts!).reduce((a, b) => a + b, 0)).toBe(400);
    expect(await s.page.locator('[data-total]').getAttribute('data-total')).toBe('400');
    // The five funnel stages are stacked bands that narrow downwards.
    const widths = await s.page.$$eval('svg.funnel g.band', (gs) => gs.map((g) => (g as SVGGElement).getBBox().width));
    expect(widths).toHaveLength(5);
    for (let i = 1; i < widths.length; i++) expect(widths[i]!).toBeLessThan(widths[i - 1]!);

    // When: the ISO instant on the spreadsheet's wall clock (Tokyo), 2026/11/01 00:00 in English
    // too (issue 17: one date shape), whatever the browser's locale.
    expect(await s.page.locator('[data-at]').getAttribute('data-at')).toBe(outcome.at);
    expect(await text(s, '[data-at]')).toBe('2026/11/01 00:00 (sidebar)');
    expect(await text(s, '[data-duration]')).toMatch(/^\d+\.\ds$/);

    // Skipped rows with their numbers and reasons (the sample has a few guest orders too).
    expect(await s.page.locator('[data-skipped-total]').textContent()).toBe(String(outcome.skippedTotal));
    const skipped = await s.page.$$eval('[data-notice="skipped"] li', (lis) => lis.map((li) => [li.getAttribute('data-row'), li.textContent]));
    expect(skipped.map(([row]) => Number(row))).toEqual(outcome.skipped!.map((r) => r.row));
    expect(skipped.slice(-2)).toEqual([
      [String(badRows[0]), `Orders row ${badRows[0]} unreadable date someday`],
      [String(badRows[1]), `Orders row ${badRows[1]} unreadable amount abc`],
    ]);
    expect(skipped[0]![1]).toBe(`Orders row ${outcome.skipped![0]!.row} no customer ID, e-mail or phone`);
    expect(await s.page.locator('[data-notice="registration"]').count()).toBe(0);
    // Whatever else the refresh has to say is shown too.
    expect(await s.page.locator('[data-notice="prediction"]').count()).toBe(outcome.predictionNote ? 1 : 0);
    if (outcome.predictionNote) expect(await text(s, '[data-notice="prediction"]')).toBe(outcome.predictionNote);
    // The one-line verdict on the prediction over the last 90 days (issue 15), as the refresh recorded it.
    expect(outcome.accuracyLine).toBeDefined();
    expect(await text(s, '[data-notice="accuracy"]')).toBe(outcome.accuracyLine);
    const warnings = outcome.warnings ?? [];
    expect(await s.page.$$eval('[data-notice="warnings"] p', (ps) => ps.map((p) => p.textContent))).toEqual(warnings);

    await s.page.screenshot({ path: join(ARTIFACTS, 'sidebar.png'), fullPage: true });
    await s.page.click('details.settings > summary');
    await s.page.click('details.mapping[data-kind="orders"] > summary');
    await s.page.screenshot({ path: join(ARTIFACTS, 'sidebar-settings.png'), fullPage: true });
    expect(s.calls.map((c) => c.name)).toEqual(['getSidebarState', 'refreshFromSidebar']);
  });

  test('(c) customer keys, sheet names, headers and error messages that look like HTML are shown as text', async () => {
    const orders = [
      ['Customer ID', 'Order date', 'Total', XSS],
      [XSS, '2026/10/01', 5000, 'x'],
      ['C2', '2026/10/02', XSS, 'y'],
      ['C3', XSS, 3000, 'z'],
    ];
    const server = sidebarServer({ locale: 'en_US', now: SAMPLE_AS_OF, sheets: { [XSS]: orders, '<b>Notes</b>': [['just notes']] } });
    const s = await open(server.backend);
    await s.page.click('#refresh');
    await s.page.waitForSelector('svg.funnel');
    const { outcome } = lastCall<{ outcome: RefreshOutcome }>(s, 'refreshFromSidebar');
    expect(outcome.ok).toBe(true);
    expect(Object.values(outcome.counts!).reduce((a, b) => a + b, 0)).toBe(1); // the customer keyed XSS
    // No customers sheet: every customer counts as registered, and the sidebar says so.
    expect(outcome.registrationAssumed).toBe(true);
    expect(await text(s, '[data-notice="registration"]')).toBe('No registration (LINE / newsletter) column: every customer counts as registered.');

    // The skipped rows quote the offending cells as text.
    const skipped = await s.page.$$eval('[data-notice="skipped"] li q', (qs) => qs.map((q) => q.textContent));
    expect(skipped).toEqual([XSS, XSS]);
    // The sheet names in the source selects and the detected mapping; the header in the column selects.
    await s.page.click('details.settings > summary');
    const options = await s.page.$$eval('select[data-path="sources.orders"] option', (os) => os.map((o) => o.textContent));
    expect(options).toEqual(['Detect', XSS, '<b>Notes</b>']);
    expect(await s.page.locator('details.mapping[data-kind="orders"] .sheet-name').textContent()).toBe(XSS);
    const headers = await s.page.$$eval('select[data-path="columns.orders.customerId"] option', (os) => os.map((o) => o.textContent));
    expect(headers).toContain(XSS);
    expect(await s.page.locator('img, b, script:not(:first-of-type)').count()).toBe(0);

    // An error message carrying a sheet name: the chosen orders sheet is not there any more.
    server.env.properties.document.map.set(PROPERTY_KEYS.settings, JSON.stringify({ sources: { orders: '<img src=y onerror=alert(2)>' } }));
    await s.page.click('#refresh');
    await s.page.waitForSelector('[data-notice="error"]');
    const failed = lastCall<{ outcome: RefreshOutcome }>(s, 'refreshFromSidebar').outcome;
    expect(failed.error).toContain('"<img src=y onerror=alert(2)>"');
    expect(await text(s, '[data-notice="error"] p')).toBe(failed.error);
    expect(await s.page.locator('img').count()).toBe(0);
    expect(await s.page.evaluate(() => document.body.innerHTML.includes('<img'))).toBe(false);
    // (afterEach: no dialog opened, no request for "x" or "y" was made.)
  });

  test('(d) Japanese when the spreadsheet locale is ja_JP, whatever the browser says', async () => {
    const server = sidebarServer({ locale: 'ja_JP', now: SAMPLE_AS_OF, sheets: sampleShopSheets(120) });
    const s = await open(server.backend, { locale: 'en-US' });
    await s.page.locator('#refresh').waitFor();
    expect(await s.page.locator('#refresh').textContent()).toBe('更新する');
    expect(await s.page.evaluate(() => document.documentElement.lang)).toBe('ja');
    await s.page.click('#refresh');
    await s.page.waitForSelector('svg.funnel');
    const chart = await chartCounts(s);
    expect(chart.visitor!.text).toContain('ビジター');
    expect(chart.partner!.text).toContain('パートナー');
    expect(chart.dormant!.text).toContain('一時離脱');
    expect(chart.lapsed!.text).toContain('離脱');
    expect(await text(s, '.chart h2')).toBe('ステージ別の顧客数');
    expect(await text(s, '.chart h3')).toBe('ファネルの外');
    expect(await text(s, '.meta dt')).toBe('前回の更新');
    await s.page.click('details.settings > summary');
    expect(await text(s, 'fieldset[data-section="stages"] legend')).toBe('ステージの条件');
    expect(await text(s, 'label[for="f-stages-activeDays"]')).toBe('アクティブ(日未満)');
    // The Fan Funnel tab is the Japanese one.
    expect(server.env.sheetNames()).toContain('ファンファネル');

    // Choosing English in the settings switches the sidebar at once.
    await s.page.selectOption('select[data-path="language"]', 'en');
    await s.page.click('button.save');
    await s.page.waitForFunction(() => document.querySelector('#refresh')?.textContent === 'Refresh');
    expect(await text(s, '.save-status')).toBe('Saved');
    expect(await text(s, '.chart h2')).toBe('Customers per stage');
    await s.page.screenshot({ path: join(ARTIFACTS, 'sidebar-ja-then-en.png'), fullPage: true });
  });

  test('(d) Japanese sidebar screenshot', async () => {
    const server = sidebarServer({ locale: 'ja_JP', now: SAMPLE_AS_OF, sheets: sampleShopSheets(200) });
    const s = await open(server.backend, { locale: 'ja-JP' });
    await s.page.click('#refresh');
    await s.page.waitForSelector('svg.funnel');
    expect(await text(s, '[data-at]')).toBe('2026/11/01 00:00 (サイドバー)');
    await s.page.screenshot({ path: join(ARTIFACTS, 'sidebar-ja.png'), fullPage: true });
  });

  test('(e) a failing refresh shows its error and that the previous tabs were kept', async () => {
    const sheets = sampleShopSheets(60);
    const server = sidebarServer({ locale: 'en_US', now: SAMPLE_AS_OF, sheets });
    const s = await open(server.backend);
    await s.page.click('#refresh');
    await s.page.waitForSelector('svg.funnel');
    const before = await chartCounts(s);

    // The orders disappear: the next refresh fails; its error shows, the last funnel stays.
    server.env.run(() => server.env.spreadsheet.deleteSheet(server.env.spreadsheet.getSheetByName('Orders')!));
    await s.page.click('#refresh');
    await s.page.waitForSelector('[data-notice="error"]');
    const { outcome } = lastCall<{ outcome: RefreshOutcome }>(s, 'refreshFromSidebar');
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatch(/orders sheet/i);
    const lines = await s.page.$$eval('[data-notice="error"] > *', (els) => els.map((e) => e.textContent));
    expect(lines).toEqual(['The refresh failed', outcome.error, 'The previous tabs were left as they were.']);
    expect(await s.page.locator('[data-notice="error"]').getAttribute('role')).toBe('alert');
    expect(await chartCounts(s)).toEqual(before);
    await s.page.screenshot({ path: join(ARTIFACTS, 'sidebar-error.png'), fullPage: true });
  });

  test('(e) a first refresh that fails, in Japanese: its error, and no claim of "previous tabs" that never existed', async () => {
    const server = sidebarServer({ locale: 'ja_JP', now: SAMPLE_AS_OF, sheets: { メモ: [['仕入れメモ']] } });
    const s = await open(server.backend);
    await s.page.click('#refresh');
    await s.page.waitForSelector('[data-notice="error"]');
    const lines = await s.page.$$eval('[data-notice="error"] > *', (els) => els.map((e) => e.textContent));
    expect(lines).toEqual([
      '更新できませんでした',
      '注文のシートが見つかりません。注文データ(顧客ID・注文日・金額の見出し付き)を貼り付けるか、設定で注文シートを選んでください。',
    ]);
  });

  test('(e) a stored outcome of an unexpected shape (an older version, a damaged property): the sidebar shows what it can', async () => {
    const server = sidebarServer({ locale: 'en_US', now: SAMPLE_AS_OF, sheets: sampleShopSheets(30) });
    server.env.properties.document.map.set(
      PROPERTY_KEYS.lastRefresh,
      JSON.stringify({ ok: true, cause: 'menu', at: '2026-10-31T15:00:00.000Z', durationMs: 'slow', warnings: 'the chart could not be drawn', skipped: { row: 3 }, counts: { partner: 'x' } }),
    );
    const s = await open(server.backend);
    await s.page.locator('#refresh').waitFor();
    expect(await s.page.$$eval('[data-notice="warnings"] p', (ps) => ps.map((p) => p.textContent))).toEqual(['the chart could not be drawn']);
    expect(await s.page.locator('[data-at]').getAttribute('data-at')).toBe('2026-10-31T15:00:00.000Z');
    expect(await s.page.locator('svg.funnel').count()).toBe(0);
    // (afterEach: no page error, such as "e.lines.map is not a function".)
  });

  test('(e) a refresh Apps Script stopped while writing: the sidebar says which tabs are new and which old', async () => {
    const server = sidebarServer({ locale: 'en_US', now: SAMPLE_AS_OF, sheets: sampleShopSheets(30) });
    server.env.call('refreshFromMenu');
    // What a refresh stopped at 6 minutes leaves: its record, the funnel written, the customers tab cut short.
    server.env.properties.document.map.set(
      PROPERTY_KEYS.refreshRun,
      JSON.stringify({ startedAt: '2026-10-31T15:00:00.000Z', cause: 'trigger', lang: 'en', phase: 'writing', asOf: '2026-11-01', written: ['funnel'], writing: 'customers', names: { funnel: 'Fan Funnel', customers: 'Customers', vip: 'VIP', history: 'History' } }),
    );
    const s = await open(server.backend);
    await s.page.waitForSelector('[data-notice="error"]');
    const lines = await s.page.$$eval('[data-notice="error"] > *', (els) => els.map((e) => e.textContent));
    expect(lines).toEqual([
      'The refresh failed',
      'The refresh started at 2026/11/01 00:00 did not finish (Apps Script stopped it, e.g. at its 6-minute limit).',
      'New tabs (as of 2026/11/01): Fan Funnel. Tabs whose rewrite was cut short: Customers. Tabs still from the previous refresh: VIP; History. Refresh again to bring every tab up to date.',
    ]);
    expect(await text(s, '[data-notice="error"]')).not.toContain('left as they were');
    // The next refresh repairs them, and the sidebar says so no more.
    await s.page.click('#refresh');
    await s.page.waitForSelector('svg.funnel');
    expect(await s.page.locator('[data-notice="error"]').count()).toBe(0);
  });

  test('(e) the automatic refresh: on, whose, and how its last run ended', async () => {
    const server = sidebarServer({ locale: 'en_US', now: SAMPLE_AS_OF, sheets: sampleShopSheets(30), userEmail: 'owner@example.com' });
    const st = server.env.call('getSidebarState') as SidebarState;
    server.env.call('saveSettings', { ...st.settings, autoRefresh: { enabled: true, every: 'day', hour: 7 } });
    server.env.triggers.fire(server.env.triggers.list()[0]!);
    const s = await open(server.backend);
    await s.page.locator('#refresh').waitFor();
    expect(await text(s, '[data-auto-refresh]')).toBe('Automatic refresh: daily between 7:00 and 8:00 (owner@example.com)');
    expect(await text(s, '[data-auto-last]')).toMatch(/^Last automatic run: .+ — refreshed$/);
  });

  test('(e) another refresh holding the lock: "busy"', async () => {
    const server = sidebarServer({ locale: 'en_US', now: SAMPLE_AS_OF, sheets: sampleShopSheets(30) });
    const s = await open(server.backend);
    await s.page.locator('#refresh').waitFor();
    server.env.locks.document.holdByOther();
    await s.page.click('#refresh');
    await s.page.waitForSelector('[data-notice="busy"]');
    expect(await text(s, '[data-notice="busy"]')).toBe('Another refresh (e.g. the automatic one) is running. Try again in a moment.');
    expect(await s.page.locator('svg.funnel').count()).toBe(0);
  });

  test('(e) google.script.run failing (several Google accounts) shows the permission hint', async () => {
    const server = sidebarServer({ locale: 'en_US', now: SAMPLE_AS_OF, sheets: sampleShopSheets(30) });
    let fail = false;
    const s = await open(server.backend, { failWith: (name) => (fail && name === 'refreshFromSidebar' ? 'PERMISSION_DENIED' : undefined) });
    await s.page.locator('#refresh').waitFor();
    fail = true;
    await s.page.click('#refresh');
    await s.page.waitForSelector('[data-notice="call-error"]');
    const lines = await s.page.$$eval('[data-notice="call-error"] > *', (els) => els.map((e) => e.textContent));
    expect(lines).toEqual([
      'The refresh failed',
      'PERMISSION_DENIED',
      'This can fail when you are signed in to several Google accounts. Sign out of the others or use a private window.',
    ]);
    expect(await s.page.locator('#refresh').isDisabled()).toBe(false);
  });

  test('(e) the very first call failing: the hint still shows, in the browser language', async () => {
    const server = sidebarServer({ locale: 'ja_JP' });
    for (const [locale, hint] of [
      ['en-US', 'This can fail when you are signed in to several Google accounts.'],
      ['ja-JP', 'Google アカウントに複数ログインしていると動かないことがあります。'],
    ] as const) {
      const s = await open(server.backend, { locale, failWith: () => 'PERMISSION_DENIED' });
      await s.page.waitForSelector('[data-notice="call-error"]');
      expect(await text(s, '[data-notice="call-error"]')).toContain(hint);
      expect(await s.page.locator('#refresh').count()).toBe(0);
    }
  });

  test('the bridge is as strict as google.script.run: a Date either way fails the call', async () => {
    const server = sidebarServer({ locale: 'en_US' });
    const s = await open({
      call: (name, args) => (name === 'refreshFromSidebar' ? { when: new Date(0) } : server.backend.call(name, args)),
    });
    await s.page.locator('#refresh').waitFor();
    const result = await s.page.evaluate(() => {
      type Runner = Record<string, (...a: unknown[]) => void> & {
        withSuccessHandler(f: (v: unknown) => void): Runner;
        withFailureHandler(f: (e: unknown) => void): Runner;
      };
      const run = (window as unknown as { google: { script: { run: Runner } } }).google.script.run;
      const call = (name: string, ...args: unknown[]) =>
        new Promise<string>((resolve) => {
          run
            .withSuccessHandler((v) => resolve(`ok: ${JSON.stringify(v)}`))
            .withFailureHandler((e) => resolve(`failed: ${(e as Error).message}`))
            [name]!(...args);
        });
      return Promise.all([call('saveSettings', { when: new Date(0) }), call('refreshFromSidebar')]);
    });
    expect(result[0]).toBe('failed: Failed due to illegal value in property: 0.when (a Date)');
    expect(result[1]).toMatch(/^failed: the result of refreshFromSidebar: a Date cannot cross google.script.run \(value.when\)$/);
    expect(s.calls.map((c) => c.name)).toEqual(['getSidebarState', 'refreshFromSidebar']);
  });
});
