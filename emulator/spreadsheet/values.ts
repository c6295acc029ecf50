/**
 * What Sheets makes of a value written by a script, and how it shows a stored value.
 *
 * Sheets stores numbers, text and booleans; a date is a serial number with a date format. A string
 * written by setValue(s) is read as if a person typed it ("user entered"): `=…` is a formula,
 * `'…` is text without the apostrophe, "123" becomes the number 123, "TRUE" a boolean, "12%" 0.12,
 * "2024-01-05" a date — unless the cell's format is plain text ('@').
 */
import { isDate, type Scalar } from '../core';
import { formatSheetsDate, instantOfSerial, instantOfWall, isDateFormat, serialOfInstant, wallOfSerial, type Zone } from '../time';

export interface Cell {
  v: Scalar;
  /** The formula, with its '='. */
  f?: string;
  /** Number format. */
  nf?: string;
  fw?: string;
  bg?: string;
  fc?: string;
  ha?: string;
}

export interface LocaleInfo {
  locale: string;
  zone: Zone;
}

export const DEFAULT_NUMBER_FORMAT = '0.###############';

/** A cell's text formats (`Cell` keys) and what Sheets reports for a cell without one. */
export const FORMAT_DEFAULTS = { fw: 'normal', fc: '#000000', bg: '#ffffff', ha: 'general' } as const;
export type FormatKey = keyof typeof FORMAT_DEFAULTS;

/** The date-time format Sheets gives a cell a script wrote a Date into. */
export function dateTimeFormat(locale: string): string {
  return locale.startsWith('ja') || locale.startsWith('zh') || locale.startsWith('ko') ? 'yyyy/MM/dd H:mm:ss' : 'M/d/yyyy H:mm:ss';
}

function dateFormat(locale: string, iso: boolean): string {
  if (iso) return 'yyyy-mm-dd';
  return locale.startsWith('ja') || locale.startsWith('zh') || locale.startsWith('ko') ? 'yyyy/MM/dd' : 'M/d/yyyy';
}

function currencySymbols(locale: string): string {
  if (locale.startsWith('ja')) return '¥￥';
  if (locale === 'en_GB') return '£';
  if (/^(de|fr|es|it|nl|pt_PT)/.test(locale)) return '€';
  return '$';
}

/** Locales whose decimal separator is '.', the only ones whose numbers the fake parses with grouping. */
function dotDecimal(locale: string): boolean {
  return /^(en|ja|zh|ko|th|he|hi)/.test(locale) || locale === '';
}

const NUM = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PERCENT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s?%$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?: (\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;
const SLASH_YMD = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const SLASH_MDY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

function validDate(y: number, m: number, d: number, h: number, mi: number, s: number): boolean {
  if (m < 1 || m > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return false;
  return new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
}

/** A typed-in string as Sheets reads it, or null when it stays text. */
export function parseEntered(text: string, li: LocaleInfo): { v: Scalar; nf?: string } | null {
  const t = text.trim();
  if (t === '') return null;
  if (/^(true|false)$/i.test(t)) return { v: t.toLowerCase() === 'true' };
  const dot = dotDecimal(li.locale);
  if (NUM.test(t) && (dot || !t.includes('.'))) {
    const n = Number(t) + 0;
    return Number.isFinite(n) ? { v: n, ...(/e/i.test(t) ? { nf: '0.00E+00' } : {}) } : null;
  }
  if (dot && GROUPED.test(t)) return { v: Number(t.replace(/,/g, '')), nf: t.includes('.') ? '#,##0.00' : '#,##0' };
  const pct = PERCENT.exec(t);
  if (pct && (dot || !pct[1]!.includes('.'))) return { v: Number(pct[1]) / 100, nf: pct[1]!.includes('.') ? '0.00%' : '0%' };
  const sym = currencySymbols(li.locale);
  const cur = new RegExp(`^([+-]?)([${sym}])\\s?(\\d[\\d,]*(?:\\.\\d+)?)$`).exec(t);
  if (cur && dot && (NUM.test(cur[3]!) || GROUPED.test(cur[3]!))) {
    const n = Number(cur[3]!.replace(/,/g, '')) * (cur[1] === '-' ? -1 : 1);
    const s = cur[2] === '￥' ? '¥' : cur[2]!;
    return { v: n, nf: `"${s}"#,##0${cur[3]!.includes('.') ? '.00' : ''}` };
  }
  let m = ISO_DATE.exec(t);
  let ymd: [number, number, number] | null = null;
  let iso = false;
  if (m) {
    ymd = [Number(m[1]), Number(m[2]), Number(m[3])];
    iso = true;
  } else if ((m = SLASH_YMD.exec(t))) ymd = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = SLASH_MDY.exec(t)) && li.locale.startsWith('en_US')) ymd = [Number(m[3]), Number(m[1]), Number(m[2])];
  if (ymd && m) {
    const [h, mi, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
    if (!validDate(ymd[0], ymd[1], ymd[2], h, mi, s)) return null;
    const wall = Date.UTC(ymd[0], ymd[1] - 1, ymd[2], h, mi, s, iso && m[7] ? Number(m[7].padEnd(3, '0')) : 0);
    const serial = serialOfInstant(instantOfWall(wall, li.zone), li.zone);
    return { v: serial, nf: dateFormat(li.locale, iso) + (m[4] === undefined ? '' : ' H:mm:ss') };
  }
  const tm = TIME.exec(t);
  if (tm) {
    const [h, mi, s] = [Number(tm[1]), Number(tm[2]), Number(tm[3] ?? 0)];
    if (h > 23 || mi > 59 || s > 59) return null;
    return { v: (h * 3600 + mi * 60 + s) / 86400, nf: tm[3] === undefined ? 'H:mm' : 'H:mm:ss' };
  }
  return null;
}

export class UnsupportedValue extends Error {}

/**
 * A script value written into a cell (setValue/setValues): the new value, formula and automatic
 * number format. `currentFormat` is the cell's number format before the write.
 */
export function fromScript(value: unknown, currentFormat: string | undefined, li: LocaleInfo): { v: Scalar; f?: string; nf?: string } {
  if (value === null || value === undefined) return { v: '' };
  if (typeof value === 'boolean') return { v: value };
  if (typeof value === 'number') return { v: value };
  if (isDate(value)) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) return { v: 'Invalid Date' };
    return { v: serialOfInstant(ms, li.zone), ...(isDateFormat(currentFormat) ? {} : { nf: dateTimeFormat(li.locale) }) };
  }
  if (typeof value === 'string') {
    if (value.startsWith("'")) return { v: value.slice(1) };
    if (currentFormat === '@') return { v: value };
    if (value.startsWith('=') && value.length > 1) return { v: '', f: value };
    const parsed = parseEntered(value, li);
    if (!parsed) return { v: value };
    // A format the person chose (not General) is kept, as when typing into a formatted cell.
    const keep = currentFormat !== undefined && currentFormat !== DEFAULT_NUMBER_FORMAT && currentFormat !== 'General';
    return { v: parsed.v, ...(parsed.nf && !keep ? { nf: parsed.nf } : {}) };
  }
  throw new UnsupportedValue(`writing a ${Array.isArray(value) ? 'array' : typeof value} into a cell (${String(value)})`);
}

/** What getValues returns for a stored cell: a Date for numbers shown as dates. */
export function toScript(cell: Cell | undefined, zone: Zone): Scalar | Date {
  if (!cell) return '';
  if (typeof cell.v === 'number' && isDateFormat(cell.nf)) return new Date(instantOfSerial(cell.v, zone));
  return cell.v;
}


// ---------------------------------------------------------------------------------------------
// Display values

function group(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function generalNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}

/** Formats a number with a Sheets number format such as '#,##0.00', '0%', '"¥"#,##0'. */
export function formatNumber(n: number, format: string | undefined): string {
  if (format === undefined || format === DEFAULT_NUMBER_FORMAT || format === 'General' || format === '@') return generalNumber(n);
  if (isDateFormat(format)) return formatSheetsDate(wallOfSerial(n), format);
  const sections = format.split(';');
  let f = sections[0]!;
  let value = n;
  if (n < 0 && sections[1] !== undefined) {
    f = sections[1];
    value = -n;
  }
  f = f.replace(/\[\$([^-\]]*)(?:-[^\]]*)?\]/g, '"$1"');
  const lit = (s: string) => s.replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1');
  const m = /^((?:"[^"]*"|\\.|[^0#?.,%])*)([0#?,]*(?:\.[0#?]*)?)(.*)$/.exec(f);
  if (!m || m[2] === '') return generalNumber(n);
  const [, prefix, num, rest] = m as unknown as [string, string, string, string];
  const percent = rest.includes('%') || num.includes('%');
  if (percent) value *= 100;
  const [intPat, decPat = ''] = num.split('.') as [string, string?];
  const minDec = (decPat.match(/0/g) ?? []).length;
  const maxDec = decPat.length;
  let text = Math.abs(value).toFixed(maxDec);
  if (maxDec > minDec) text = text.replace(new RegExp(`0{0,${maxDec - minDec}}$`), '').replace(/\.$/, '');
  const [intText, d] = text.split('.') as [string, string?];
  let i = intText;
  const minInt = (intPat.match(/0/g) ?? []).length;
  if (i === '0' && minInt === 0) i = '';
  i = i.padStart(minInt, '0');
  if (intPat.includes(',')) i = group(i);
  const sign = value < 0 && Number(text) !== 0 ? '-' : '';
  return sign + lit(prefix) + i + (d !== undefined ? '.' + d : '') + lit(rest);
}

/** What getDisplayValues shows for a stored cell. */
export function displayOf(cell: Cell | undefined): string {
  if (!cell) return '';
  const v = cell.v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return formatNumber(v, cell.nf);
  return v;
}
