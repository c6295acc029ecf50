/**
 * The sample shop's calendar on the Tokyo wall clock: times are "local ms" (ms since 1970-01-01 on
 * the Tokyo wall clock), and their text as each export writes it.
 */

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const MINUTE = 60_000;

/** `YYYY-MM-DD` → local ms of that day's midnight. */
export function dayMs(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${iso}`);
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!);
}

export const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function parts(ms: number): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const t = new Date(ms);
  return {
    y: t.getUTCFullYear(),
    mo: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    h: t.getUTCHours(),
    mi: t.getUTCMinutes(),
    s: t.getUTCSeconds(),
  };
}

/** `2025-05-01 10:00:00 +0900` (Shopify). */
export function shopifyTime(ms: number): string {
  const p = parts(ms);
  return `${p.y}-${pad(p.mo)}-${pad(p.d)} ${pad(p.h)}:${pad(p.mi)}:${pad(p.s)} +0900`;
}

/** `2025/05/01 10:00` (Japanese carts). */
export function jaTime(ms: number): string {
  const p = parts(ms);
  return `${p.y}/${pad(p.mo)}/${pad(p.d)} ${pad(p.h)}:${pad(p.mi)}`;
}

/** `2025/06/01 12:34:56` (Google Forms, Japanese locale). */
export function formsTime(ms: number): string {
  const p = parts(ms);
  return `${p.y}/${pad(p.mo)}/${pad(p.d)} ${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}`;
}

/** `1985/04/12`. */
export function jaDate(ms: number): string {
  const p = parts(ms);
  return `${p.y}/${pad(p.mo)}/${pad(p.d)}`;
}

/** `2025-05-01`. */
export function isoDate(ms: number): string {
  const p = parts(ms);
  return `${p.y}-${pad(p.mo)}-${pad(p.d)}`;
}

/** Same day-of-month `n` months later (clamped to the month's length). */
export function addMonths(ms: number, n: number): number {
  const p = parts(ms);
  const first = Date.UTC(p.y, p.mo - 1 + n, 1);
  const last = new Date(Date.UTC(p.y, p.mo + n, 0)).getUTCDate();
  return first + (Math.min(p.d, last) - 1) * DAY + (ms % DAY);
}
