/**
 * Time zones and date patterns: wall-clock parts of an instant in a zone (via Intl), Java
 * SimpleDateFormat patterns (Utilities.formatDate) and Sheets' serial numbers.
 */

export interface Zone {
  /** The name as given ('Asia/Tokyo', 'GMT+9', 'UTC'). */
  readonly id: string;
  /** Minutes east of UTC at an instant. */
  offsetAt(ms: number): number;
  /** Short name as Java prints for 'z' (JST, EST, GMT+09:00). */
  shortName(ms: number): string;
  longName(ms: number): string;
}

const FIXED = /^(?:GMT|UTC)?([+-])(\d{1,2})(?::?(\d{2}))?$/;
const JAVA_SHORT: Record<string, string> = { 'Asia/Tokyo': 'JST', 'Asia/Seoul': 'KST', 'Asia/Shanghai': 'CST', 'Asia/Kolkata': 'IST' };

function fixedZone(id: string, minutes: number): Zone {
  const name = minutes === 0 ? 'GMT' : `GMT${offsetText(minutes, true)}`;
  return { id, offsetAt: () => minutes, shortName: () => name, longName: () => name };
}

const zoneCache = new Map<string, Zone>();

/** True when Intl (or the GMT±h form) knows the zone. */
export function isKnownZone(id: string): boolean {
  if (FIXED.test(id) || id === 'GMT' || id === 'UTC') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: id });
    return true;
  } catch {
    return false;
  }
}

/** A zone by id. Unknown ids fall back to GMT, as Java's TimeZone.getTimeZone does. */
export function zone(id: string): Zone {
  const cached = zoneCache.get(id);
  if (cached) return cached;
  let z: Zone;
  const m = FIXED.exec(id);
  if (m) z = fixedZone(id, (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)));
  else if (!isKnownZone(id)) z = fixedZone(id, 0);
  else {
    const fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: id,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    const short = new Intl.DateTimeFormat('en-US', { timeZone: id, timeZoneName: 'short' });
    const long = new Intl.DateTimeFormat('en-US', { timeZone: id, timeZoneName: 'long' });
    const name = (f: Intl.DateTimeFormat, ms: number) => f.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? id;
    z = {
      id,
      offsetAt(ms) {
        const p: Record<string, string> = {};
        for (const part of fmt.formatToParts(Math.floor(ms / 1000) * 1000)) p[part.type] = part.value;
        const year = p.era === 'BC' ? 1 - Number(p.year) : Number(p.year);
        const wall = Date.UTC(year, Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
        return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60000);
      },
      shortName(ms) {
        if (JAVA_SHORT[id]) return JAVA_SHORT[id]!;
        const n = name(short, ms);
        const g = /^GMT([+-]\d+)(?::(\d+))?$/.exec(n);
        return g ? `GMT${offsetText(this.offsetAt(ms), true)}` : n === 'UTC' ? 'UTC' : n;
      },
      longName: (ms) => name(long, ms),
    };
  }
  zoneCache.set(id, z);
  return z;
}

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  /** 1 = Monday … 7 = Sunday (ISO, Java's 'u'). */
  isoWeekday: number;
  offsetMinutes: number;
}

export function wallClock(ms: number, z: Zone): WallClock {
  const offset = z.offsetAt(ms);
  const d = new Date(ms + offset * 60000);
  const wd = d.getUTCDay();
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
    isoWeekday: wd === 0 ? 7 : wd,
    offsetMinutes: offset,
  };
}

/** The instant at which the zone's clocks show `wallMs` (a Date.UTC of the wall-clock fields). */
export function instantOfWall(wallMs: number, z: Zone): number {
  let guess = wallMs - z.offsetAt(wallMs) * 60000;
  guess = wallMs - z.offsetAt(guess) * 60000;
  return guess;
}

// ---------------------------------------------------------------------------------------------
// Sheets serial numbers: days since 1899-12-30 00:00 on the spreadsheet's wall clock.

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86400000;

export function serialOfInstant(ms: number, z: Zone): number {
  return (ms + z.offsetAt(ms) * 60000 - SERIAL_EPOCH) / DAY;
}

export function instantOfSerial(serial: number, z: Zone): number {
  return Math.round(instantOfWall(SERIAL_EPOCH + serial * DAY, z));
}

/** Wall-clock fields of a serial number (no zone involved). */
export function wallOfSerial(serial: number): WallClock {
  return wallClock(Math.round(SERIAL_EPOCH + serial * DAY), zone('UTC'));
}

// ---------------------------------------------------------------------------------------------
// Java SimpleDateFormat (Utilities.formatDate)

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

export function offsetText(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `${sign}${pad(Math.floor(a / 60), 2)}${colon ? ':' : ''}${pad(a % 60, 2)}`;
}

function dayOfYear(w: WallClock): number {
  return (Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(w.year, 0, 1)) / DAY + 1;
}

export class PatternError extends Error {}

/** Formats like java.text.SimpleDateFormat in the given zone (English names). */
export function formatJava(ms: number, z: Zone, pattern: string): string {
  const w = wallClock(ms, z);
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i]!;
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) throw new PatternError('Unterminated quote');
      out += pattern.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    const h12 = w.hour % 12 === 0 ? 12 : w.hour % 12;
    switch (ch) {
      case 'G':
        out += w.year > 0 ? 'AD' : 'BC';
        break;
      case 'y':
      case 'Y':
        out += n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
        break;
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS[w.month - 1] : n === 3 ? MONTHS[w.month - 1]!.slice(0, 3) : pad(w.month, n);
        break;
      case 'd':
        out += pad(w.day, n);
        break;
      case 'D':
        out += pad(dayOfYear(w), n);
        break;
      case 'E':
        out += n >= 4 ? DAYS[w.isoWeekday - 1] : DAYS[w.isoWeekday - 1]!.slice(0, 3);
        break;
      case 'u':
        out += pad(w.isoWeekday, n);
        break;
      case 'a':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(w.hour, n);
        break;
      case 'k':
        out += pad(w.hour === 0 ? 24 : w.hour, n);
        break;
      case 'K':
        out += pad(w.hour % 12, n);
        break;
      case 'h':
        out += pad(h12, n);
        break;
      case 'm':
        out += pad(w.minute, n);
        break;
      case 's':
        out += pad(w.second, n);
        break;
      case 'S':
        out += pad(w.ms, n);
        break;
      case 'z':
        out += n >= 4 ? z.longName(ms) : z.shortName(ms);
        break;
      case 'Z':
        out += offsetText(w.offsetMinutes, false);
        break;
      case 'X':
        if (w.offsetMinutes === 0) out += 'Z';
        else if (n === 1) out += offsetText(w.offsetMinutes, false).slice(0, 3);
        else out += offsetText(w.offsetMinutes, n >= 3);
        break;
      default:
        throw new PatternError(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Sheets number formats that show dates ("yyyy-mm-dd h:mm:ss", "M/d/yyyy H:mm:ss")

/** True when a Sheets number format shows a date or a time (then getValues returns a Date). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.split(';')[0]!.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return bare !== 'General' && /[ydhms]/i.test(bare);
}

/** Formats wall-clock fields with a Sheets date/time number format. */
export function formatSheetsDate(w: WallClock, format: string): string {
  type Tok = { t: string; text: string };
  const toks: Tok[] = [];
  const f = format.split(';')[0]!;
  for (let i = 0; i < f.length; ) {
    const ch = f[i]!;
    if (ch === '"') {
      const end = f.indexOf('"', i + 1);
      toks.push({ t: 'lit', text: f.slice(i + 1, end < 0 ? f.length : end) });
      i = end < 0 ? f.length : end + 1;
      continue;
    }
    if (ch === '\\') {
      toks.push({ t: 'lit', text: f[i + 1] ?? '' });
      i += 2;
      continue;
    }
    if (ch === '[') {
      const end = f.indexOf(']', i);
      i = end < 0 ? f.length : end + 1;
      continue;
    }
    if (/^am\/pm/i.test(f.slice(i))) {
      toks.push({ t: 'ampm', text: '' });
      i += 5;
      continue;
    }
    const lower = ch.toLowerCase();
    if ('ydhms'.includes(lower)) {
      let n = 1;
      while (f[i + n]?.toLowerCase() === lower) n++;
      toks.push({ t: lower, text: f.slice(i, i + n) });
      i += n;
      if (lower === 's' && f[i] === '.' && f[i + 1] === '0') {
        let z = 0;
        while (f[i + 1 + z] === '0') z++;
        toks.push({ t: 'frac', text: '0'.repeat(z) });
        i += 1 + z;
      }
      continue;
    }
    toks.push({ t: 'lit', text: ch });
    i++;
  }
  const ampm = toks.some((t) => t.t === 'ampm');
  const out: string[] = [];
  toks.forEach((tok, k) => {
    const n = tok.text.length;
    switch (tok.t) {
      case 'y':
        out.push(n <= 2 ? pad(w.year % 100, 2) : String(w.year));
        break;
      case 'd':
        out.push(n >= 4 ? DAYS[w.isoWeekday - 1]! : n === 3 ? DAYS[w.isoWeekday - 1]!.slice(0, 3) : pad(w.day, n));
        break;
      case 'h': {
        const h = ampm ? (w.hour % 12 === 0 ? 12 : w.hour % 12) : w.hour;
        out.push(pad(h, n));
        break;
      }
      case 'm': {
        const prev = toks.slice(0, k).reverse().find((t) => t.t !== 'lit');
        const next = toks.slice(k + 1).find((t) => t.t !== 'lit');
        const minute = prev?.t === 'h' || next?.t === 's';
        if (minute) out.push(pad(w.minute, n));
        else out.push(n >= 4 ? MONTHS[w.month - 1]! : n === 3 ? MONTHS[w.month - 1]!.slice(0, 3) : pad(w.month, n));
        break;
      }
      case 's':
        out.push(pad(w.second, n));
        break;
      case 'frac':
        out.push('.' + pad(w.ms, 3).slice(0, n));
        break;
      case 'ampm':
        out.push(w.hour < 12 ? 'AM' : 'PM');
        break;
      default:
        out.push(tok.text);
    }
  });
  return out.join('');
}
