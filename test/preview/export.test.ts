/**
 * `npm start -- --lang en --export FILE.xlsx` as the owner runs it (the package's start script,
 * without the build that `prestart` runs first: `npm test` has built dist/), on a small shop; the
 * written file is then opened with exceljs. Excel refuses a sheet named "History" (a name it
 * reserves), which the English History tab is called in Sheets.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { writeCsv } from '../../scripts/csv';
import { NOTICE_ROWS } from '../../src/core/grid';
import { TAB_NAMES, TAB_NOTICE } from '../../src/core/labels';
import { projectRoot } from '../../emulator/project';
import { sampleShopSheets } from '../support/sampleSheets';

/** What Excel accepts as a sheet name (Excel's rename dialog): ≤ 31 characters, none of : \ / ? * [ ],
 *  no leading or trailing apostrophe, not "History". */
function excelRefuses(name: string): string | undefined {
  if (name.length === 0 || name.length > 31) return 'length';
  if (/[:\\/?*[\]]/.test(name)) return 'character';
  if (/^'|'$/.test(name)) return 'apostrophe';
  if (name.toLowerCase() === 'history') return 'reserved';
  return undefined;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fan-funnel-export-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('npm start -- --lang en --export x.xlsx writes a workbook Excel opens; History is exported as "History (Fan Funnel)"', async () => {
  const inputs = sampleShopSheets(40);
  for (const [name, rows] of Object.entries(inputs)) writeFileSync(join(dir, `${name}.csv`), writeCsv(rows));
  const out = join(dir, 'x.xlsx');
  const start = (JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start.split(' ');
  const run = spawnSync(
    start[0] === 'node' ? process.execPath : start[0]!,
    [
      ...start.slice(1),
      ...['--orders', join(dir, 'Orders.csv'), '--customers', join(dir, 'Customers.csv'), '--survey', join(dir, 'Survey.csv')],
      ...['--as-of', '2026-10-31', '--lang', 'en', '--export', out, '--no-serve'],
    ],
    { cwd: projectRoot(), encoding: 'utf8' },
  );
  expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  expect(run.stdout).toMatch(/^Wrote .*x\.xlsx/m);

  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(out);
  const names = book.worksheets.map((w) => w.name);
  expect(names.map((n) => [n, excelRefuses(n)]).filter(([, why]) => why !== undefined)).toEqual([]);
  expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  expect(names).toEqual(expect.arrayContaining(['Orders', 'Formulas', TAB_NAMES.funnel.en, TAB_NAMES.vip.en, 'History (Fan Funnel)', 'Charts']));

  // The History tab's snapshot of the as-of day, under its Excel name.
  const history = book.getWorksheet('History (Fan Funnel)')!;
  expect(history.rowCount).toBeGreaterThanOrEqual(2);
  const day = history.getCell(`A${2 + NOTICE_ROWS}`).value;
  expect(day instanceof Date ? day.toISOString().slice(0, 10) : day).toBe('2026-10-31');
  expect(book.getWorksheet(TAB_NAMES.funnel.en)!.getCell('A1').value).toBe(TAB_NOTICE.line.en);
  expect(book.getWorksheet(TAB_NAMES.funnel.en)!.getCell(`A${1 + NOTICE_ROWS}`).value).toBe(TAB_NAMES.funnel.en);

  // The chart's data names the sheets as the file calls them.
  const charts = book.getWorksheet('Charts')!;
  const text = charts.getSheetValues().flat().map(String).join('\n');
  expect(text).toContain(`'History (Fan Funnel)'!A${1 + NOTICE_ROWS}:`);
  expect(text).not.toMatch(/(^|[^'])History!/m);
});
