/**
 * Reading single cell values as Sheets hands them over (numbers, strings, booleans, `Date`s and
 * `''` for blanks) or as a CSV export spells them (SPEC §1.4).
 *
 * Parsers return `NaN` / `undefined` for "unreadable" instead of throwing, so one bad cell never
 * takes a row, let alone a sheet, down. Callers decide what a blank means.
 */
import { DAY_MS, SERIAL_EPOCH_OFFSET, dayFromCivil, type Zone } from './dates';

/** A cell as Sheets passes it to Apps Script. */
export type Cell = string | number | boolean | Date | null | undefined;

/** `Date` test that also works across realms (values made in another `vm` context or frame). */
export function isDate(v: unknown): v is Date {
  // `typeof` first keeps strings and numbers (most cells) off the slower tag check; `null` fails the tag check.
  return typeof v === 'object' && (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]');
}

export function isBlank(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') {
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 0x3000 && c !== 10 && c !== 13 && c !== 0xa0) return false;
    }
    return true;
  }
  return false;
}

/** A cell error as Sheets hands it to a script (`#N/A`, `#REF!`, `#VALUE!`…): text, but never a
 *  value — a failed lookup in the owner's sheet must not become a customer, a date or an amount. */
const CELL_ERROR_RE = /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!|LOADING!?)$/i;

export function isCellError(v: unknown): boolean {
  return typeof v === 'string' && CELL_ERROR_RE.test(v);
}

/** A cell that can never be a customer key: a cell error or a boolean (a checkbox). */
export function isBadKeyCell(v: unknown): boolean {
  return typeof v === 'boolean' || isCellError(v);
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7e) return false;
  return true;
}

/** NFKC only where it can change something: ASCII text is left as it is (the common case). */
export function nfkc(s: string): string {
  return isAscii(s) ? s : s.normalize('NFKC');
}

/** A cell as the owner typed it, trimmed — for names shown back to them. */
/** A Date as text; an invalid one (`new Date(NaN)`) as Date's own "Invalid Date". */
const dateText = (d: Date): string => (Number.isFinite(d.getTime()) ? d.toISOString() : String(d));

export function displayText(v: unknown): string {
  if (isBlank(v)) return '';
  if (isDate(v)) return dateText(v);
  return String(v).trim();
}

/** A cell as normalised text, for matching and messages (a boolean as Sheets shows it: TRUE). */
export function cellText(v: unknown): string {
  if (isBlank(v)) return '';
  if (isDate(v)) return dateText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return nfkc(String(v)).trim();
}

// ---------------------------------------------------------------------------------------------
// Customer keys

/**
 * The customer key of a cell: NFKC, trimmed, a leading `'` dropped (Shopify writes `'123` to keep
 * IDs as text), e-mail addresses lower-cased; the number 1001 and the text "1001" are one key.
 * Returns '' for a blank.
 */
export function normalizeKey(v: unknown): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (isBlank(v) || isDate(v) || isBadKeyCell(v)) return '';
  let s = nfkc(String(v)).trim();
  if (s.charCodeAt(0) === 39 /* ' */) s = s.slice(1).trim();
  if (s.indexOf('@') >= 0) s = s.toLowerCase();
  return s;
}

/**
 * Whether text is already its own key: printable ASCII with no outer space, no leading `'` or `#`
 * (a cell error such as `#N/A` is no key: normalizeKey decides), and no capital letter if it is an
 * e-mail address. Most IDs and e-mails are; a scan of a dozen
 * characters is cheaper than a cache lookup.
 */
function isPlainKey(s: string): boolean {
  const n = s.length;
  if (s.charCodeAt(0) <= 32 || s.charCodeAt(0) === 39 || s.charCodeAt(0) === 35 || s.charCodeAt(n - 1) <= 32) return false;
  let upper = false;
  let at = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7e) return false; // a control character inside is kept by normalizeKey too
    if (c >= 65 && c <= 90) upper = true;
    else if (c === 64) at = true;
  }
  return !(upper && at);
}

/** What shops write in an ID column for a guest (SPEC §1.4): "no ID", so the key falls back to the
 *  e-mail, then to the phone. Compared lower-cased, after `normalizeKey`. */
export const GUEST_PLACEHOLDERS: readonly string[] = ['0', '-', 'guest', 'ゲスト', '非会員'];

/**
 * A phone number as a key: digits only, the Japanese country code `+81` written as the leading 0.
 * A number that Sheets made of a pasted phone (`09011110001` → 9011110001) gets its 0 back: a
 * Japanese number has 10 or 11 digits and starts with 0. '' when it holds fewer than 6 digits.
 */
export function phoneKey(v: unknown): string {
  if (isBlank(v) || isDate(v) || isBadKeyCell(v)) return '';
  const text = typeof v === 'number' ? (Number.isInteger(v) && v > 0 ? String(v) : '') : nfkc(String(v)).trim();
  let digits = text.replace(/\D/g, '');
  if (/^\+\s*81/.test(text)) digits = `0${digits.slice(2).replace(/^0/, '')}`;
  else if (!text.startsWith('+') && digits.charCodeAt(0) !== 48 && (digits.length === 9 || digits.length === 10)) digits = `0${digits}`;
  return digits.length >= 6 ? digits : '';
}

/** `normalizeKey` with a per-read cache: a shop's export repeats each key many times. */
export function keyReader(): (v: unknown) => string {
  const cache = new Map<unknown, string>();
  return (v) => {
    if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
    if (typeof v === 'string' && isPlainKey(v)) return v;
    let k = cache.get(v);
    if (k === undefined) {
      k = normalizeKey(v);
      cache.set(v, k);
    }
    return k;
  };
}

// ---------------------------------------------------------------------------------------------
// Amounts

const AMOUNT_RE =
  /^([+\-−▲△]?)\s*(?:[¥$€£]|jpy|usd|eur)?\s*([+\-−]?)\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(?:円|jpy|usd|eur|yen)?$/i;

/** The largest amount read: beyond it yen are no longer exact integers, and a sum of a few such
 *  cells would reach `Infinity` (`1e308` twice) — a typo or a broken formula, never an order. */
export const MAX_AMOUNT = Number.MAX_SAFE_INTEGER;

const finiteAmount = (n: number): number => (n >= -MAX_AMOUNT && n <= MAX_AMOUNT ? n : NaN);

/**
 * An amount: a number, or text such as `¥12,800`, `12,800円`, `１２，８００`, `$1,234.50`, `-500`,
 * `▲500` (the Japanese accounting minus). `NaN` when unreadable, blank, or beyond ±`MAX_AMOUNT`.
 */
export function parseAmount(v: unknown): number {
  if (typeof v === 'number') return finiteAmount(v);
  if (typeof v !== 'string') return NaN;
  // AMOUNT_RE allows white space around the amount (and reads no blank).
  const m = AMOUNT_RE.exec(nfkc(v));
  if (!m) return NaN;
  const negative = (m[1] !== '' && m[1] !== '+') !== (m[2] !== '' && m[2] !== '+');
  const n = Number(m[3]!.replace(/,/g, '') + (m[4] ?? ''));
  return finiteAmount(negative ? -n : n);
}

/** `parseAmount` with a per-read cache for text amounts. */
export function amountReader(): (v: unknown) => number {
  const cache = new Map<string, number>();
  return (v) => {
    if (typeof v === 'number') return finiteAmount(v);
    if (typeof v !== 'string') return NaN;
    let n = cache.get(v);
    if (n === undefined) {
      n = parseAmount(v);
      cache.set(v, n);
    }
    return n;
  };
}

// ---------------------------------------------------------------------------------------------
// Booleans

const TRUE_WORDS = new Set([
  'true', '1', 'yes', 'y', 'はい', 'あり', '有', '○', '〇', '◯', '✓', '✔', '済', '済み', '登録', '登録済',
  '登録済み', '加入', '加入中', '定期', 'active', 'subscribed', 'on',
]);

/**
 * A yes/no cell (SPEC §1.4): yes for TRUE_WORDS only. SPEC's false words (`FALSE`, `0`, `no`, `いいえ`,
 * `なし`, `×`, `未`, `解約`…), blanks and unknown words are all false — a flag a person cannot read as
 * "yes" should not promote a customer; a date in a "LINE登録" column (when they joined) is true.
 */
export function parseFlag(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0 && Number.isFinite(v);
  if (isDate(v)) return true;
  if (typeof v !== 'string') return false;
  const s = nfkc(v).trim().toLowerCase();
  return TRUE_WORDS.has(s);
}

/** `parseFlag` with a per-read cache for text flags (`定期`, `yes`…), which repeat on every row. */
export function flagReader(): (v: unknown) => boolean {
  const cache = new Map<string, boolean>();
  return (v) => {
    if (typeof v !== 'string') return parseFlag(v);
    let b = cache.get(v);
    if (b === undefined) {
      b = parseFlag(v);
      cache.set(v, b);
    }
    return b;
  };
}

// ---------------------------------------------------------------------------------------------
// Cancelled / refunded status words

/** The status rule as data, so the SQL generator (src/core/sql) applies the same words: a status
 *  that contains any of `words` is not a purchase — cancelled, refunded or returned, or (SPEC §1.4)
 *  a payment that failed or expired; unpaid is not failed: `pending`, 入金待ち, 未入金 stay
 *  purchases. One that contains `refunded` is excluded unless it also contains `partially`.
 *  Compared on NFKC, lower-cased text. */
export const CANCEL_STATUS = {
  words: ['キャンセル', '取消', '取り消し', '返品', '返金', '返送', 'cancel', 'void', 'failed', 'expired', '決済失敗', '決済エラー'],
  refunded: 'refunded',
  partially: 'partially',
} as const;
const CANCEL_WORDS = CANCEL_STATUS.words;

/**
 * Whether a status cell says the order is not a purchase (substring, case-insensitive): cancelled,
 * refunded, or a payment that failed or expired. `refunded` excludes the order,
 * `partially_refunded` does not: the order stands, less the refunded amount.
 */
export function isExcludedStatus(v: unknown): boolean {
  // A blank, a checkbox (`true`/`false`), `null` as text hold none of the words.
  const s = nfkc(String(v)).toLowerCase();
  for (const w of CANCEL_WORDS) if (s.indexOf(w) >= 0) return true;
  return s.indexOf(CANCEL_STATUS.refunded) >= 0 && s.indexOf(CANCEL_STATUS.partially) < 0;
}

// ---------------------------------------------------------------------------------------------
// Dates

/** `M/D/YYYY` (or `D/M/YYYY`, `D.M.YYYY` in a day-first column), optionally with a time. */
const US_RE = /^(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?)?$/i;
const DMY_HEAD_RE = /^(\d{1,2})[/.]\d{1,2}[/.]\d{4}/;

/** How a date column's cells are read, beyond the spreadsheet's zone. */
export interface DateReading {
  /** The zone whose wall clock a `Date` cell carries. A custom function's arguments are `Date`s
   *  made in the script's zone (appsscript.json), not the spreadsheet's (SPEC §5). Default: the
   *  spreadsheet's zone. */
  readonly cellZone?: Zone | undefined;
  /** The column writes `D/M/YYYY` (decided for the whole column: `isDayFirstText`). */
  readonly dayFirst?: boolean | undefined;
  /** The column's header names a zone (`Created (UTC)`): its wall-clock values are times at this
   *  UTC offset (ms), placed on the spreadsheet's calendar. */
  readonly offsetMs?: number | undefined;
}

/**
 * Whether a date cell shows that its column is day-first: `D/M/YYYY` or `D.M.YYYY` text whose first
 * field is above 12 (`31/12/2023`). One such cell makes the whole column day-first (SPEC §1.4).
 */
export function isDayFirstText(v: unknown): boolean {
  // No shortcut on the raw text's characters: a cell pasted with a leading space (` 13/1/2024`) shows
  // it as well. The anchored expression fails at the first field of any other text.
  if (typeof v !== 'string') return false;
  const m = DMY_HEAD_RE.exec(v.trim());
  return m !== null && Number(m[1]) > 12;
}
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL_RE = /^\d{1,6}(?:\.\d+)?$/;

/** Serial numbers of the years 1900–2199 — anything else in a date column is not a date. */
const MIN_SERIAL = 1;
const MAX_SERIAL = dayFromCivil(2200, 1, 1) + SERIAL_EPOCH_OFFSET;
/** The years a date may fall in (a serial, a `Date`, a text): anything else is a typo. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validCivil(y: number, mo: number, d: number): boolean {
  if (y < MIN_YEAR || y > MAX_YEAR || mo < 1 || mo > 12 || d < 1) return false;
  const leap = mo === 2 && (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? 1 : 0;
  return d <= MONTH_DAYS[mo - 1]! + leap;
}

function wall(y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  if (!validCivil(y, mo, d) || h > 23 || mi > 59 || s > 59) return NaN;
  return dayFromCivil(y, mo, d) * DAY_MS + ((h * 60 + mi) * 60 + s) * 1000;
}

/** Japanese notation to ISO-like: `2024年1月5日(金) 10時11分` → `2024/1/5 10:11`. */
function westernize(s: string): string {
  return s
    .replace(/[(（][月火水木金土日][)）]/g, ' ')
    .replace(/年/g, '/')
    .replace(/月/g, '/')
    .replace(/日/g, ' ')
    .replace(/(\d+)時(\d+)分(\d+)秒?/, '$1:$2:$3')
    .replace(/(\d+)時(\d+)分?/, '$1:$2')
    .replace(/(\d+)時/, '$1:00')
    .trim();
}

/**
 * Wall-clock ms of a date cell in the spreadsheet's zone, or `NaN` when unreadable.
 *
 * - `Date` objects (what Sheets passes) are instants: converted to the zone's wall clock.
 * - Text with an offset (`2024-01-05 10:11:12 +0900`, `…Z`) is an instant too.
 * - Text without one (`2024/1/5 10:11`, `2024年1月5日`, `2024-01-05`) is already wall-clock time:
 *   a date-only ISO string is that calendar day, not UTC midnight as `Date.parse` would have it.
 * - Numbers (and numeric text) are spreadsheet serial days; 8-digit text is `YYYYMMDD`;
 *   `M/D/YYYY` is read the American way (Google Forms in an en-US locale writes it).
 */
export function parseLocalMs(v: unknown, zone: Zone, reading: DateReading = {}): number {
  const offset = reading.offsetMs;
  if (isDate(v)) {
    const t = v.getTime();
    if (!Number.isFinite(t)) return NaN;
    const local = (reading.cellZone ?? zone).localMs(t);
    return offset === undefined ? checkYear(local) : atOffset(local, offset, zone);
  }
  if (typeof v === 'number') return atOffset(serialToLocalMs(v), offset, zone);
  if (typeof v !== 'string') return NaN;
  let s = v.trim();
  if (!isAscii(s)) s = westernize(s.normalize('NFKC'));
  // NaN: not of the ISO family (or an out-of-range instant, which no later shape matches either).
  const iso = scanIso(s, zone, offset);
  if (iso === iso) return iso;
  let m = COMPACT_RE.exec(s);
  if (m) return atOffset(wall(+m[1]!, +m[2]!, +m[3]!, 0, 0, 0), offset, zone);
  if (SERIAL_RE.test(s)) return atOffset(serialToLocalMs(Number(s)), offset, zone);
  m = US_RE.exec(s);
  if (m) {
    let h = +(m[5] ?? 0);
    const ampm = m[8]?.toLowerCase();
    if (ampm !== undefined && (h < 1 || h > 12)) return NaN;
    if (ampm === 'pm' && h < 12) h += 12;
    if (ampm === 'am' && h === 12) h = 0;
    const [mo, d] = reading.dayFirst ? [+m[3]!, +m[1]!] : [+m[1]!, +m[3]!];
    return atOffset(wall(+m[4]!, mo, d, h, +(m[6] ?? 0), +(m[7] ?? 0)), offset, zone);
  }
  return NaN;
}

/** A wall-clock time at a fixed UTC offset, on the zone's wall clock (unchanged without one). */
function atOffset(local: number, offsetMs: number | undefined, zone: Zone): number {
  if (offsetMs === undefined || local !== local) return local;
  return checkYear(zone.localMs(local - offsetMs));
}

// The ISO family — `2024-01-05`, `2024/1/5 10:11`, `2024-01-05 10:11:12 +0900`,
// `2024-01-05T10:11:12.345Z` — is what exports write on every row, so it is read by a character
// scanner rather than a regular expression:
//   YYYY[-/.]M[-/.]D ( [T ]+ H:M[:S[.f]] )? \s* ( Z | UTC | GMT | JST | ±HH[:]MM | ±HH )?
// The scanner keeps its position in a local; `digitsAt` reports a field's value and length in one
// small integer, so that no state outlives a call and the hot loop stays one pass per field.

/** The ASCII digits at `from`, at most `max` (≤ 9) of them: their value × 16 + how many there are
 *  (`& 15` is the count, `>> 4` the value — exact for the 4-digit fields the scanner reads). */
function digitsAt(s: string, from: number, max: number): number {
  let v = 0;
  let k = 0;
  while (k < max && from + k < s.length) {
    const c = s.charCodeAt(from + k) - 48;
    if (c < 0 || c > 9) break;
    v = (v * 10 + c) | 0;
    k++;
  }
  return (v << 4) | k;
}

/** The scanner reads ASCII or NFKC text, where a no-break or ideographic space is already a space. */
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;
const isDateSep = (c: number): boolean => c === 45 || c === 47 || c === 46; // - / .

/**
 * Wall-clock ms of ISO-family text in the zone: as written when it names no offset (or, given
 * `headerOffset`, the instant at that offset), else the instant it names on the zone's wall clock.
 * NaN if the text is not of that shape.
 */
function scanIso(s: string, zone: Zone, headerOffset: number | undefined): number {
  let r = digitsAt(s, 0, 4);
  if ((r & 15) < 4) return NaN;
  const y = r >> 4;
  let pos = 4;
  if (!isDateSep(s.charCodeAt(pos++))) return NaN;
  r = digitsAt(s, pos, 2);
  if ((r & 15) === 0) return NaN;
  const mo = r >> 4;
  pos += r & 15;
  if (!isDateSep(s.charCodeAt(pos++))) return NaN;
  r = digitsAt(s, pos, 2);
  if ((r & 15) === 0) return NaN;
  const d = r >> 4;
  pos += r & 15;
  let h = 0;
  let mi = 0;
  let sec = 0;
  let p = pos;
  while (p < s.length && (isSpace(s.charCodeAt(p)) || (s.charCodeAt(p) | 32) === 116)) p++; // spaces, T, t
  const c = s.charCodeAt(p) - 48;
  if (p > pos && c >= 0 && c <= 9) {
    r = digitsAt(s, p, 2);
    h = r >> 4;
    pos = p + (r & 15);
    if (s.charCodeAt(pos++) !== 58) return NaN; // :
    r = digitsAt(s, pos, 2);
    if ((r & 15) === 0) return NaN;
    mi = r >> 4;
    pos += r & 15;
    if (s.charCodeAt(pos) === 58) {
      r = digitsAt(s, ++pos, 2);
      if ((r & 15) === 0) return NaN;
      sec = r >> 4;
      pos += r & 15;
      if (s.charCodeAt(pos) === 46) {
        // Fractions of a second: 1–9 digits, read and dropped (only their count is used).
        r = digitsAt(s, ++pos, 9);
        if ((r & 15) === 0) return NaN;
        pos += r & 15;
      }
    }
  }
  while (pos < s.length && isSpace(s.charCodeAt(pos))) pos++;
  // An offset (written, or named by the column's header): the text is an instant.
  let offset: number;
  const rest = s.slice(pos).toLowerCase();
  const sign = rest.charCodeAt(0);
  if (pos === s.length) {
    if (headerOffset === undefined) return wall(y, mo, d, h, mi, sec);
    offset = headerOffset;
  } else if (rest === 'z' || rest === 'utc' || rest === 'gmt') offset = 0;
  else if (rest === 'jst') offset = 9 * 3_600_000;
  else if (sign === 43 || sign === 45) {
    r = digitsAt(s, ++pos, 2);
    if ((r & 15) < 2) return NaN;
    const hh = r >> 4;
    pos += 2;
    if (s.charCodeAt(pos) === 58) pos++;
    let mm = 0;
    if (pos < s.length) {
      r = digitsAt(s, pos, 2);
      if ((r & 15) < 2) return NaN;
      mm = r >> 4;
      pos += 2;
    }
    if (pos !== s.length) return NaN;
    offset = (sign === 45 ? -1 : 1) * (hh * 60 + mm) * 60_000;
  } else return NaN;
  const local = wall(y, mo, d, h, mi, sec);
  return local === local ? checkYear(zone.localMs(local - offset)) : NaN;
}

function serialToLocalMs(serial: number): number {
  if (!Number.isFinite(serial) || serial < MIN_SERIAL || serial >= MAX_SERIAL) return NaN;
  return Math.round((serial - SERIAL_EPOCH_OFFSET) * DAY_MS);
}

const MIN_LOCAL_MS = dayFromCivil(MIN_YEAR, 1, 1) * DAY_MS;
const MAX_LOCAL_MS = dayFromCivil(MAX_YEAR + 1, 1, 1) * DAY_MS;

function checkYear(localMs: number): number {
  return localMs >= MIN_LOCAL_MS && localMs < MAX_LOCAL_MS ? localMs : NaN;
}

/**
 * `parseLocalMs` for a whole column: `Date` cells go through the zone's per-day offset cache;
 * Japanese-notation text (the slow path: NFKC and rewriting) is parsed once per distinct string.
 * ASCII text is scanned directly — date-times are nearly all distinct, so a cache would only grow.
 */
export function dateReader(zone: Zone, reading: DateReading = {}): (v: unknown) => number {
  const cache = new Map<string, number>();
  return (v) => {
    if (typeof v !== 'string' || isAscii(v)) return parseLocalMs(v, zone, reading);
    let ms = cache.get(v);
    if (ms === undefined) {
      ms = parseLocalMs(v, zone, reading);
      cache.set(v, ms);
    }
    return ms;
  };
}
