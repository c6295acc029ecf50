/** A1 notation: "B2", "A1:C3", "A:C", "2:5", "A2:C" (open below), "'My sheet'!A1:B2". */

export interface A1Range {
  sheet?: string;
  row: number;
  col: number;
  /** Last row; null when open-ended (whole columns, "A2:C"). */
  lastRow: number | null;
  /** Last column; null when open-ended (whole rows). */
  lastCol: number | null;
}

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const PART = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

/** Parses A1 notation; null when it is not A1 (e.g. a named range). */
export function parseA1(text: string): A1Range | null {
  let s = text.trim();
  let sheet: string | undefined;
  const bang = s.lastIndexOf('!');
  if (bang >= 0) {
    sheet = s.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    s = s.slice(bang + 1);
  }
  const [a, b, extra] = s.split(':');
  if (a === undefined || extra !== undefined || a === '') return null;
  const p = PART.exec(a);
  const q = b === undefined ? p : PART.exec(b);
  if (!p || !q || (p[1] === undefined && p[2] === undefined) || (q[1] === undefined && q[2] === undefined)) return null;
  const c1 = p[1] ? columnNumber(p[1]) : null;
  const r1 = p[2] ? Number(p[2]) : null;
  const c2 = q[1] ? columnNumber(q[1]) : null;
  const r2 = q[2] ? Number(q[2]) : null;
  if (b === undefined && (c1 === null || r1 === null)) return null; // "A" or "3" alone
  if (r1 === 0 || r2 === 0) return null;
  const row = Math.min(r1 ?? 1, r2 ?? r1 ?? 1);
  const col = Math.min(c1 ?? 1, c2 ?? c1 ?? 1);
  const lastRow = r1 !== null && r2 !== null ? Math.max(r1, r2) : null;
  const lastCol = c1 === null || c2 === null ? null : Math.max(c1, c2);
  return { ...(sheet === undefined ? {} : { sheet }), row, col, lastRow, lastCol };
}

export function a1Of(row: number, col: number, numRows: number, numCols: number): string {
  const start = `${columnLetters(col)}${row}`;
  if (numRows === 1 && numCols === 1) return start;
  return `${start}:${columnLetters(col + numCols - 1)}${row + numRows - 1}`;
}

/** A sheet name as A1 needs it: quoted when not a plain word. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
