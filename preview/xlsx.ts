/**
 * .xlsx in and out (exceljs): an order export saved from Excel as input, and the refreshed
 * workbook (every tab with its number formats, bold, fills and column widths, the Formulas sheet's
 * values, and the data of the charts) as output that Excel or LibreOffice opens.
 */
import ExcelJS from 'exceljs';
import { DATE_PATTERN, DATE_TIME_PATTERN } from '../src/core/dates';
import { XLSX_CHART_TEXT, pickLang } from '../src/core/labels';
import { quoteSheet, type PreviewWorkbook, type Zone } from './workbook';

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/**
 * Names Excel keeps for itself: it refuses "History" for a sheet (the log of its change
 * tracking), which is the English name of the add-on's History tab. Such a tab is renamed as the
 * add-on renames a tab whose name is taken (src/gas/ownSheets.ts): "History (Fan Funnel)".
 */
const EXCEL_RESERVED = new Map([['history', 'History (Fan Funnel)']]);

/**
 * A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ], no apostrophe at
 * either end, not a reserved name, and unique (ignoring case) among `taken`.
 */
function excelSheetName(name: string, taken: Set<string>): string {
  const cleaned = name.replace(/[:\\/?*[\]]/g, '_').replace(/^'+|'+$/g, '');
  const base = (EXCEL_RESERVED.get(cleaned.toLowerCase()) ?? cleaned).slice(0, 31) || 'Sheet';
  let out = base;
  for (let i = 2; taken.has(out.toLowerCase()); i++) out = `${base.slice(0, 28)} ${i}`;
  taken.add(out.toLowerCase());
  return out;
}

/** A Sheets number format as Excel writes it (the common subset is the same). */
function excelFormat(format: string): string | undefined {
  if (format === '' || format === 'General' || format === '0.###############') return undefined;
  return format;
}

/** A Date (an instant) as the wall-clock Date exceljs writes for the spreadsheet's zone. */
function wallClock(zone: Zone, d: Date): Date {
  return new Date(Math.round((zone.dateToSerial(d) - 25569) * 86_400_000));
}

export async function exportXlsx(wb: PreviewWorkbook): Promise<Buffer> {
  const lang = pickLang('auto', wb.env.spreadsheet.getSpreadsheetLocale());
  const book = new ExcelJS.Workbook();
  book.creator = 'Fan Funnel preview';
  book.created = new Date(wb.env.clock.now());
  const taken = new Set<string>();
  /** A tab's name in Sheets → its name in the file. */
  const names = new Map<string, string>();
  const chartData: Array<{ sheet: string; type: string; title: string; range: string }> = [];

  for (const tab of wb.tabs()) {
    names.set(tab.name, excelSheetName(tab.name, taken));
    const ws = book.addWorksheet(names.get(tab.name)!);
    if (tab.kind === 'formulas') {
      const values = wb.formulaValues();
      values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === '' || v === null || v === undefined) return;
          const cell = ws.getCell(r + 1, c + 1);
          const formula = wb.formulaAt(r + 1, c + 1);
          // The value as computed; the formula itself goes in a note (Excel has no FANSTAGE).
          cell.value = isDate(v) ? wallClock(wb.zone, v) : (v as string | number | boolean);
          if (isDate(v)) cell.numFmt = DATE_PATTERN;
          if (formula !== undefined) cell.note = formula;
          if (r === 0) cell.font = { bold: true };
        }),
      );
      ws.views = [{ state: 'frozen', ySplit: 1 }];
      continue;
    }
    const sheet = wb.env.spreadsheet.getSheetByName(tab.name)!;
    const rows = Math.max(sheet.getLastRow(), 1);
    const cols = Math.max(sheet.getLastColumn(), 1);
    const range = sheet.getRange(1, 1, rows, cols);
    const values = range.getValues();
    const formats = range.getNumberFormats();
    const bold = range.getFontWeights();
    const fills = range.getBackgrounds();
    const formulas = range.getFormulas();
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        const hasStyle = String(bold[r]![c]) === 'bold' || (fills[r]![c] !== '#ffffff' && fills[r]![c] !== '');
        if ((v === '' || v === null) && !hasStyle) return;
        const cell = ws.getCell(r + 1, c + 1);
        if (formulas[r]![c] !== '') cell.note = formulas[r]![c]!;
        if (v !== '' && v !== null) cell.value = isDate(v) ? wallClock(wb.zone, v) : (v as string | number | boolean);
        const nf = excelFormat(formats[r]![c]!);
        if (nf !== undefined) cell.numFmt = nf;
        else if (isDate(v)) cell.numFmt = DATE_TIME_PATTERN;
        if (String(bold[r]![c]) === 'bold') cell.font = { bold: true };
        const bg = fills[r]![c]!;
        if (/^#[0-9a-f]{6}$/i.test(bg) && bg.toLowerCase() !== '#ffffff') {
          cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${bg.slice(1).toUpperCase()}` } };
        }
      }),
    );
    for (let c = 1; c <= cols; c++) {
      ws.getColumn(c).width = Math.max(6, Math.round(sheet.getColumnWidth(c) / 7));
      // Ids the add-on keeps for itself (History's stage codes) stay hidden, as in Sheets.
      if (sheet.isColumnHiddenByUser(c)) ws.getColumn(c).hidden = true;
    }
    const frozen = sheet.getFrozenRows();
    if (frozen > 0) ws.views = [{ state: 'frozen', ySplit: frozen }];
    if (tab.kind === 'addon' && sheet.getCharts().length > 0) {
      for (const c of wb.env.sheet(tab.name).charts) {
        for (const r of c.ranges) chartData.push({ sheet: tab.name, type: String(c.type), title: String(c.options.title ?? ''), range: r });
      }
    }
  }

  // Charts do not survive (exceljs writes none): their data does, next to what they plotted.
  // Sheets are named as the file names them.
  if (chartData.length > 0) {
    const ws = book.addWorksheet(excelSheetName(XLSX_CHART_TEXT.sheet[lang], taken));
    const inFile = (range: string): string => {
      const [sheetName, a1] = splitRange(range);
      return `${quoteSheet(names.get(sheetName) ?? sheetName)}!${a1}`;
    };
    const typeName = (type: string): string => XLSX_CHART_TEXT.types[type]?.[lang] ?? type;
    ws.addRow([...XLSX_CHART_TEXT.header[lang]]).font = { bold: true };
    for (const c of chartData) ws.addRow([names.get(c.sheet) ?? c.sheet, typeName(c.type), c.title, inFile(c.range)]);
    ws.addRow([]);
    for (const c of chartData) {
      const [sheetName, a1] = splitRange(c.range);
      const sheet = wb.env.spreadsheet.getSheetByName(sheetName);
      if (sheet === null) continue;
      ws.addRow([`${c.title || typeName(c.type)}: ${inFile(c.range)}`]).font = { bold: true };
      for (const row of sheet.getRange(a1).getValues()) {
        const added = ws.addRow(row.map((v) => (isDate(v) ? wallClock(wb.zone, v) : v === '' ? null : v)));
        row.forEach((v, i) => {
          if (isDate(v)) added.getCell(i + 1).numFmt = DATE_PATTERN;
        });
      }
      ws.addRow([]);
    }
    ws.getColumn(1).width = 24;
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

function splitRange(ref: string): [string, string] {
  const i = ref.lastIndexOf('!');
  const sheet = ref.slice(0, i).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
  return [sheet, ref.slice(i + 1)];
}

/**
 * The first worksheet of an .xlsx as Sheets would hold it after opening the file: numbers, text,
 * booleans, and Dates for date cells (Excel's wall clock read in the spreadsheet's zone).
 */
export async function readXlsx(bytes: Buffer, zone: Zone): Promise<{ sheet: string; rows: unknown[][] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = book.worksheets[0];
  if (ws === undefined) throw new Error('the workbook has no sheet');
  const rows: unknown[][] = [];
  const width = ws.columnCount;
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const out: unknown[] = [];
    for (let c = 1; c <= width; c++) out.push(cellValue(row.getCell(c).value, zone));
    rows[n - 1] = out;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= new Array(width).fill('');
  while (rows.length > 0 && rows[rows.length - 1]!.every((v) => v === '')) rows.pop();
  return { sheet: ws.name, rows };
}

function cellValue(v: ExcelJS.CellValue, zone: Zone): unknown {
  if (v === null || v === undefined) return '';
  if (isDate(v)) return zone.serialToDate(v.getTime() / 86_400_000 + 25569);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'object') {
    if ('result' in v) return cellValue((v as { result?: ExcelJS.CellValue }).result ?? null, zone);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String((v as { text: unknown }).text);
    if ('error' in v) return String(v.error);
  }
  return String(v);
}
