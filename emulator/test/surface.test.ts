/**
 * The member lists the fakes complete themselves against (emulator/surface.ts) match the
 * installed @types/google-apps-script, and every fake object answers each real method — either
 * implemented or with a "not implemented" error, never `undefined is not a function`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGasEnvironment, NOT_IMPLEMENTED } from '../index';
import { renderSurfaceModule } from '../surface.extract';
import { SURFACE } from '../surface';
import { projectRoot } from '../project';

test('surface.ts is generated from the installed typings (regenerate: node scripts/run-ts.mjs emulator/surface.generate.ts)', () => {
  expect(readFileSync(join(projectRoot(), 'emulator/surface.ts'), 'utf8')).toBe(renderSurfaceModule());
});

test('every method of the faked interfaces exists on the fakes', () => {
  const env = createGasEnvironment();
  const g = env.globals;
  const ss = g.SpreadsheetApp.getActive();
  const sheet = ss.getSheets()[0]!;
  const range = sheet.getRange('A1');
  const objects: Array<[keyof typeof SURFACE, object]> = [
    ['Spreadsheet.SpreadsheetApp', g.SpreadsheetApp],
    ['Spreadsheet.Spreadsheet', ss],
    ['Spreadsheet.Sheet', sheet],
    ['Spreadsheet.Range', range],
    ['Properties.Properties', g.PropertiesService.getDocumentProperties()],
    ['Cache.Cache', g.CacheService.getScriptCache()],
    ['Lock.Lock', g.LockService.getScriptLock()],
    ['Script.ScriptApp', g.ScriptApp],
    ['Script.ClockTriggerBuilder', g.ScriptApp.newTrigger('f').timeBased()],
    ['HTML.HtmlOutput', g.HtmlService.createHtmlOutput('')],
    ['Base.Ui', g.SpreadsheetApp.getUi()],
    ['Base.Session', g.Session],
    ['Utilities.Utilities', g.Utilities],
    ['Spreadsheet.EmbeddedChartBuilder', sheet.newChart()],
  ];
  for (const [key, obj] of objects) {
    for (const m of SURFACE[key].methods) expect([key, m, typeof (obj as Record<string, unknown>)[m]]).toEqual([key, m, 'function']);
  }
  let message = '';
  try {
    range.autoFill(range, undefined as never);
  } catch (e) {
    message = (e as Error).message;
  }
  expect(message.startsWith(NOT_IMPLEMENTED)).toBe(true);
});
