/**
 * The cost model (emulator/cost.ts) and the time limits enforced on its projected Apps Script time:
 * Google's and the community's measurements reproduced within their spread, how each call is
 * charged, and 6 minutes per execution, 30 seconds per custom function and simple trigger, 90
 * minutes of trigger time per user per day — each with Apps Script's message.
 */
import { CALIBRATION, createGasEnvironment, type GasEnvironmentOptions } from '../index';
import { thrown } from './thrown';

const EXCEEDED = 'Exception: Exceeded maximum execution time';
const DAILY = 'Exception: Service using too much computer time for one day.';

/** Exact sums: the script's own JavaScript time (Node's, which varies) left out. */
function setup(options: GasEnvironmentOptions = {}) {
  const env = createGasEnvironment({
    now: Date.parse('2024-06-30T00:00:00Z'),
    sheets: { Data: { values: [['x']], maxRows: 1000, maxColumns: 100 } },
    calibration: { scriptFactor: 0 },
    ...options,
  });
  const g = env.globals;
  return { env, g, sheet: g.SpreadsheetApp.getActive().getSheetByName('Data')! };
}

describe('calibration: the published measurements, reproduced', () => {
  test('Google’s Best Practices: 10,000 cells one by one with a flush per row ≈ 70 s; one batched call ≈ 1 s', () => {
    const { env, g, sheet } = setup();
    env.run(() => {
      const cell = sheet.getRange('A1');
      for (let y = 0; y < 100; y++) {
        for (let x = 0; x < 100; x++) cell.offset(y, x).setBackground('#ff0000');
        g.SpreadsheetApp.flush();
      }
    });
    const slow = env.cost.last!.projectedMs;
    expect(slow).toBeGreaterThan(60_000);
    expect(slow).toBeLessThan(90_000);
    env.run(() => sheet.getRange(1, 1, 100, 100).setBackgrounds(Array.from({ length: 100 }, () => new Array(100).fill('#00ff00'))));
    const fast = env.cost.last!.projectedMs;
    expect(fast).toBeGreaterThan(500);
    expect(fast).toBeLessThan(2_000);
  });

  test('a 4,000-cell write and a flush ≈ 610 ms; 1,000 single-cell reads ≈ 3 s (community)', () => {
    const { env, g, sheet } = setup();
    env.run(() => {
      sheet.getRange(1, 1, 400, 10).setValues(Array.from({ length: 400 }, (_, r) => new Array(10).fill(r)));
      g.SpreadsheetApp.flush();
    });
    expect(env.cost.last!.projectedMs).toBeCloseTo(7 + 4000 * 0.15 + 30, 6);
    env.run(() => {
      for (let i = 1; i <= 1000; i++) sheet.getRange(i, 1).getValue();
    });
    expect(env.cost.last!.projectedMs).toBeCloseTo(1000 * (3 + 0.15), 6);
  });
});

describe('what a call costs', () => {
  test('each kind of call, cells read and written, a commit when a read follows writes', () => {
    const { env, g, sheet } = setup();
    env.run(() => {
      sheet.getRange(1, 1, 10, 10).setValues(Array.from({ length: 10 }, () => new Array(10).fill(1))); // write: 7 + 100 cells
      sheet.getLastRow(); // metadata after a write: a commit (30) + 160
      sheet.getRange(1, 1, 10, 10).getValues(); // read: 3 + 100 cells
      g.PropertiesService.getDocumentProperties().setProperty('k', 'v'); // getDocumentProperties: other 3; property write 62
      g.CacheService.getScriptCache().get('k'); // getScriptCache: other 3; cache read 3
    });
    const r = env.cost.last!;
    expect(r.breakdown).toMatchObject({ cellsRead: 100, cellsWritten: 100, commits: 1, waitedMs: 0 });
    expect(r.breakdown.calls).toMatchObject({ sheetWrite: 1, sheetMetadata: 1, sheetRead: 1, propertyWrite: 1, cacheRead: 1, other: 2, local: 2 });
    const c = CALIBRATION;
    expect(r.projectedMs).toBeCloseTo(
      c.call.sheetWrite + 100 * c.cellWritten + c.commit + c.call.sheetMetadata + c.call.sheetRead + 100 * c.cellRead + c.call.propertyWrite + c.call.cacheRead + 2 * c.call.other,
      6,
    );
  });

  test('pending writes are committed at the end of the execution; the outermost call is charged once', () => {
    const { env, sheet } = setup();
    env.run(() => sheet.insertRowBefore(1)); // insertRowBefore → insertRowsBefore inside: one call
    expect(env.cost.last!.breakdown.calls.sheetWrite).toBe(1);
    expect(env.cost.last!.breakdown.commits).toBe(1);
  });

  test('waiting (sleep, a lock held by another execution) is execution time', () => {
    const { env, g } = setup();
    env.locks.document.holdByOther();
    env.run(() => {
      g.Utilities.sleep(1_000);
      g.LockService.getDocumentLock()!.tryLock(2_000);
    });
    expect(env.cost.last!.breakdown.waitedMs).toBe(3_000);
  });

  test('the script’s own JavaScript costs Node’s time (times the factor)', () => {
    const env = createGasEnvironment({ calibration: { scriptFactor: 2 } });
    env.run(() => {
      const until = performance.now() + 30;
      while (performance.now() < until);
    });
    const r = env.cost.last!;
    expect(r.breakdown.scriptMs).toBeGreaterThanOrEqual(30);
    expect(r.projectedMs).toBeGreaterThanOrEqual(2 * r.breakdown.scriptMs);
  });
});

describe('time limits, on projected time', () => {
  /** A script that writes, then sleeps past its limit, catches the error and tries again. */
  function sleeper(env: ReturnType<typeof setup>['env'], sheet: GoogleAppsScript.Spreadsheet.Sheet, g: ReturnType<typeof setup>['g'], sleeps: number[]) {
    const seen: string[] = [];
    env.install({
      work: () => {
        sheet.getRange('A1').setValue('before');
        try {
          for (const ms of sleeps) g.Utilities.sleep(ms);
        } catch (e) {
          seen.push((e as Error).message);
          seen.push(thrown(() => sheet.getRange('A2').setValue('after')));
        }
        return 'returned';
      },
    });
    return seen;
  }

  test('6 minutes per execution: Apps Script stops it there, whatever the script catches; the writes before stay', () => {
    const { env, g, sheet } = setup();
    const seen = sleeper(env, sheet, g, [300_000, 70_000]);
    expect(thrown(() => env.call('work'))).toBe(EXCEEDED);
    expect(seen).toEqual(['Exceeded maximum execution time', EXCEEDED]);
    expect(env.sheet('Data').values.map((r) => r[0])).toEqual(['before']);
    expect(env.cost.last).toMatchObject({ name: 'work', kind: 'script', outcome: 'stopped', error: 'Exceeded maximum execution time', projectedMs: 360_000 });
  });

  test("'report' mode lets it finish and says it would have been stopped", () => {
    const { env, g, sheet } = setup({ timeLimits: 'report' });
    sleeper(env, sheet, g, [300_000, 70_000]);
    expect(env.call('work')).toBe('returned');
    expect(env.cost.last).toMatchObject({ outcome: 'stopped', enforced: false, error: 'Exceeded maximum execution time' });
    expect(env.cost.last!.projectedMs).toBeGreaterThan(370_000);
  });

  test('30 seconds for a custom function and for a simple trigger (onOpen)', () => {
    const { env, g } = setup();
    let openFor = 29_000;
    env.install({ SLOW: () => g.Utilities.sleep(31_000), onOpen: () => g.Utilities.sleep(openFor) });
    expect(thrown(() => env.callAs({ authMode: 'CUSTOM_FUNCTION', ui: false }, 'SLOW'))).toBe(EXCEEDED);
    expect(env.cost.last).toMatchObject({ kind: 'customFunction', limit: { ms: 30_000 } });
    expect(env.call('SLOW')).toBeUndefined(); // the same code, run as a script, has 6 minutes
    env.open();
    expect(env.cost.last).toMatchObject({ kind: 'simpleTrigger', outcome: 'done' });
    openFor = 31_000;
    expect(thrown(() => env.open())).toBe(EXCEEDED);
  });

  describe('90 minutes of trigger time per user per day', () => {
    function fiveMinuteTrigger(options: GasEnvironmentOptions = {}) {
      const s = setup(options);
      s.env.install({ onAutoRefresh: () => s.g.Utilities.sleep(300_000) });
      const t = s.g.ScriptApp.newTrigger('onAutoRefresh').timeBased().everyHours(1).create();
      return { ...s, t };
    }

    test('the run that crosses it is stopped, the next refused, with Google’s message; it resets after 24 hours', () => {
      const { env, t } = fiveMinuteTrigger();
      for (let i = 0; i < 17; i++) env.triggers.fire(t); // 17 × (5 min + a call) ≈ 85 min
      expect(thrown(() => env.triggers.fire(t))).toBe(DAILY);
      expect(env.cost.triggerTimeUsed()).toBe(90 * 60_000);
      expect(thrown(() => env.triggers.fire(t))).toBe(DAILY);
      expect(env.triggers.runs.map((r) => r.outcome)).toEqual([...new Array(17).fill('done'), 'failed', 'refused']);
      expect(env.triggers.runs.at(-1)).toMatchObject({ handler: 'onAutoRefresh', user: 'owner@example.com', error: 'Service using too much computer time for one day.', projectedMs: 0 });
      env.clock.advance(24 * 3_600_000);
      expect(env.cost.triggerTimeUsed()).toBe(0);
      env.triggers.fire(t);
      expect(env.triggers.runs.at(-1)!.outcome).toBe('done');
    });

    test('per user: another user’s trigger has its own 90 minutes; a Workspace account has 6 hours', () => {
      const { env, t, g } = fiveMinuteTrigger();
      for (let i = 0; i < 18; i++) thrown(() => env.triggers.fire(t));
      env.setUser('editor@example.com');
      const mine = g.ScriptApp.newTrigger('onAutoRefresh').timeBased().everyHours(1).create();
      env.triggers.fire(mine);
      expect(env.cost.triggerTimeUsed('editor@example.com')).toBeCloseTo(300_003, 6);
      const ws = fiveMinuteTrigger({ workspaceAccount: true });
      for (let i = 0; i < 19; i++) ws.env.triggers.fire(ws.t);
      expect(ws.env.triggers.runs.every((r) => r.outcome === 'done')).toBe(true);
    });

    test('time spent outside triggers (menu, sidebar) does not count', () => {
      const { env } = fiveMinuteTrigger();
      env.call('onAutoRefresh');
      expect(env.cost.triggerTimeUsed()).toBe(0);
    });
  });
});
