/**
 * The CSV import as the sidebar runs it, without the DOM (issue 13), so that it can be run and
 * tested on its own against the built bundle: read each chosen file (size, bytes, decoding, CSV,
 * header), ask the server for the keys of the orders already in the sheet each file goes to, plan
 * each file (src/core/importPlan.ts) — later files of one choice planned on top of earlier ones
 * that go to the same sheet — and then send the new orders, chunk by chunk, each chunk expecting
 * the sheet exactly as the previous one left it.
 */
import { readCsv, type CsvRecord } from '../core/csv';
import { makeZone } from '../core/dates';
import { IMPORT_LIMITS, cellsAdded, fitsSheet } from '../core/imports';
import { planImport, type ImportPlan } from '../core/importPlan';
import { IMPORT_ERRORS, IMPORT_TEXT, type Lang } from '../core/labels';
import { InputError } from '../core/orders';
import type { Settings } from '../core/settings';
import { fillTemplate } from '../core/shared';
import type { ImportAppended, ImportKeysPage, ImportSheetView } from '../gas/importer';
import { decodeBytes, type Encoding } from './decode';

/** The two server functions the import calls (src/sidebar/server.ts gives them). */
export interface ImportServer {
  readImportKeys(request: { header: string[]; fromRow: number }): Promise<ImportKeysPage>;
  appendImportRows(request: { header: string[]; rows: Array<Array<string | number>>; expected: { sheetId: number | null; lastRow: number } }): Promise<ImportAppended>;
}

/** A chosen file: a browser `File` has all three. */
export interface ChosenFile {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** One file, read and planned. */
export interface FilePreview {
  readonly file: string;
  readonly encoding: Encoding;
  readonly header: string[];
  readonly plan: ImportPlan;
  /** The key of the sheet it goes to in `Prepared.targets`. */
  readonly target: string;
  readonly sheetName: string;
  /** The import creates the sheet. */
  readonly newSheet: boolean;
}

/** A file that cannot be imported, and why (in the owner's words). */
export interface FileProblem {
  readonly file: string;
  readonly lines: string[];
}

/** A sheet files go to, and what the next chunk must find there. */
export interface Target {
  /** Its id (null: the first chunk creates it) and last row. */
  expected: { sheetId: number | null; lastRow: number };
  header: readonly string[];
  keys: ReadonlySet<string>;
  readonly name: string;
  readonly grid: { readonly rows: number; readonly columns: number } | null;
  readonly lastRow: number;
  /** Rows the previewed files add to it, and its width after them. */
  rows: number;
  width: number;
}

export interface Prepared {
  readonly previews: FilePreview[];
  readonly problems: FileProblem[];
  /** Why nothing may be imported (the spreadsheet's cell limit), or null. */
  readonly blocked: string | null;
  /** Sheets that would be too big for the refresh to read in one execution (a warning). */
  readonly tooBigToRefresh: string[];
  readonly targets: Map<string, Target>;
}

export interface PrepareContext {
  readonly server: ImportServer;
  readonly settings: Pick<Settings, 'columns' | 'sumOrderRows'>;
  readonly lang: Lang;
  /** Called as each file is started (for the page's "reading…" line). */
  onFile?(name: string): void;
  /** Chunk sizes (default IMPORT_LIMITS): tests make them small to see several chunks. */
  readonly limits?: { readonly chunkCells: number; readonly chunkBytes: number; readonly refreshCells?: number };
}

type Words = Record<keyof typeof IMPORT_TEXT, string>;

export function importWords(lang: Lang): Words {
  return Object.fromEntries(Object.entries(IMPORT_TEXT).map(([k, v]) => [k, v[lang]])) as Words;
}

const MB = 1024 * 1024;

/** What one file holds, or why it cannot be imported. */
async function readFile(file: ChosenFile, w: Words): Promise<{ encoding: Encoding; header: string[]; data: CsvRecord[] } | string[]> {
  if (file.size > IMPORT_LIMITS.fileBytes) return [fillTemplate(w.tooLarge, { size: (file.size / MB).toFixed(1), max: IMPORT_LIMITS.fileBytes / MB })];
  const decoded = decodeBytes(new Uint8Array(await file.arrayBuffer()));
  if (!decoded.ok) {
    const lines = (l: readonly number[] | undefined): string => (l ?? []).join(', ') || '—';
    return [decoded.problem === 'mixed' ? fillTemplate(w.mixed, { utf8: lines(decoded.utf8Lines), other: lines(decoded.otherLines) }) : w[decoded.problem]];
  }
  const csv = readCsv(decoded.text);
  if (csv.unclosedQuote !== undefined) return [fillTemplate(w.unclosedQuote, { line: csv.unclosedQuote })];
  const long = csv.records.find((r) => r.fields.some((f) => f.length > IMPORT_LIMITS.cellChars));
  if (long !== undefined) return [fillTemplate(w.cellTooLong, { line: long.line })];
  const [head, ...data] = csv.records;
  const header = (head?.fields ?? []).map((f) => f.trim());
  if (header.every((f) => f === '')) return [w.noHeader];
  if (!data.some((r) => r.fields.some((f) => f.trim() !== ''))) return [w.noRows];
  return { encoding: decoded.encoding, header, data };
}

/** The keys of every order in a sheet, page by page; throws if the sheet changes meanwhile. */
async function sheetKeys(server: ImportServer, header: string[], first: ImportKeysPage, lang: Lang): Promise<Set<string>> {
  const keys = new Set(first.keys);
  let next = first.nextRow;
  while (next !== null) {
    const page = await server.readImportKeys({ header, fromRow: next });
    if (page.sheet?.id !== first.sheet?.id || page.sheet?.lastRow !== first.sheet?.lastRow) {
      throw new Error(IMPORT_ERRORS.changed[lang](first.sheet?.name ?? first.newName));
    }
    for (const k of page.keys) keys.add(k);
    next = page.nextRow;
  }
  return keys;
}

function existingTarget(s: ImportSheetView, first: ImportKeysPage, keys: Set<string>): Target {
  return { expected: { sheetId: s.id, lastRow: s.lastRow }, header: s.header, keys, name: s.name, grid: first.grid, lastRow: s.lastRow, rows: 0, width: s.header.length };
}

/** Reads and plans the chosen files; nothing is written. */
export async function prepareImport(files: readonly ChosenFile[], ctx: PrepareContext): Promise<Prepared> {
  const { server, lang } = ctx;
  const w = importWords(lang);
  const previews: FilePreview[] = [];
  const problems: FileProblem[] = [];
  const targets = new Map<string, Target>();
  let room: number | null = null;
  for (const file of files) {
    ctx.onFile?.(file.name);
    const read = await readFile(file, w);
    if (Array.isArray(read)) {
      problems.push({ file: file.name, lines: read });
      continue;
    }
    const { header, data, encoding } = read;
    const first = await server.readImportKeys({ header, fromRow: 2 });
    room ??= first.room;
    let key: string;
    let target: Target | undefined;
    if (first.sheet !== null) {
      key = `sheet:${first.sheet.id}`;
      target = targets.get(key) ?? existingTarget(first.sheet, first, await sheetKeys(server, header, first, lang));
    } else {
      // A sheet an earlier file of this choice creates, if this file fits it; else one more.
      const pending = [...targets.entries()].find(([k, v]) => k.startsWith('new:') && v.header.length > 0 && fitsSheet(v.header, header));
      if (pending !== undefined) {
        [key, target] = pending;
      } else {
        const same = [...targets.values()].filter((v) => v.expected.sheetId === null && (v.name === first.newName || v.name.startsWith(`${first.newName} `))).length;
        key = `new:${targets.size}`;
        target = { expected: { sheetId: null, lastRow: 0 }, header: [], keys: new Set(), name: same === 0 ? first.newName : `${first.newName} ${same + 1}`, grid: null, lastRow: 0, rows: 0, width: 0 };
      }
    }
    let plan: ImportPlan;
    try {
      plan = planImport({ header, records: data, target: { header: target.header, keys: target.keys }, zone: makeZone(first.timeZone), settings: ctx.settings, lang, ...(ctx.limits ? { limits: { chunkCells: ctx.limits.chunkCells, chunkBytes: ctx.limits.chunkBytes } } : {}) });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems.push({ file: file.name, lines: [w.noHeader, e.message] });
      continue;
    }
    if (plan.newRows > 0) {
      target.header = plan.after.header;
      target.width = plan.width;
      target.rows += plan.newRows;
    }
    target.keys = plan.after.keys;
    targets.set(key, target);
    previews.push({ file: file.name, encoding, header, plan, target: key, sheetName: target.name, newSheet: target.expected.sheetId === null });
  }
  // The spreadsheet's 10 million cells: every sheet's growth, before anything is written.
  let need = 0;
  for (const t of targets.values()) if (t.rows > 0) need += Math.max(0, cellsAdded(t.grid, t.lastRow, t.rows, t.width));
  const blocked = room !== null && need > room ? fillTemplate(w.tooManyCells, { need: need.toLocaleString(), room: room.toLocaleString() }) : null;
  const tooBigToRefresh: string[] = [];
  for (const t of targets.values()) {
    const cells = (Math.max(t.lastRow, 1) + t.rows) * t.width;
    const max = ctx.limits?.refreshCells ?? IMPORT_LIMITS.refreshCells;
    if (t.rows > 0 && cells > max) {
      tooBigToRefresh.push(fillTemplate(w.slowRefresh, { sheet: t.name, cells: cells.toLocaleString(), max: max.toLocaleString() }));
    }
  }
  return { previews, problems, blocked, tooBigToRefresh, targets };
}

export interface RunContext {
  readonly server: ImportServer;
  readonly lang: Lang;
  /** Asked before each chunk: the owner pressed Stop. */
  shouldStop(): boolean;
  /** After each chunk: orders written so far, of `total`. */
  onProgress?(done: number, total: number): void;
}

export interface RunOutcome {
  readonly outcome: 'done' | 'stopped' | 'failed';
  /** Orders added, by sheet name. */
  readonly added: ReadonlyMap<string, number>;
  readonly done: number;
  readonly total: number;
  /** Where and why it stopped (outcome 'failed'). */
  readonly failure?: string;
}

/** Sends the new orders of every previewed file, chunk by chunk; stops at the first failure. */
export async function runImport(prepared: Prepared, ctx: RunContext): Promise<RunOutcome> {
  const w = importWords(ctx.lang);
  const files = prepared.previews;
  const total = files.reduce((n, f) => n + f.plan.newOrders, 0);
  const added = new Map<string, number>();
  let done = 0;
  for (const f of files) {
    const target = prepared.targets.get(f.target)!;
    for (let k = 0; k < f.plan.chunks.length; k++) {
      if (ctx.shouldStop()) return { outcome: 'stopped', added, done, total };
      const chunk = f.plan.chunks[k]!;
      try {
        const res = await ctx.server.appendImportRows({ header: f.header, rows: chunk.rows, expected: target.expected });
        target.expected = { sheetId: res.sheet.id, lastRow: res.sheet.lastRow };
        added.set(res.sheet.name, (added.get(res.sheet.name) ?? 0) + chunk.orders);
        done += chunk.orders;
        ctx.onProgress?.(done, total);
      } catch (e) {
        const where = fillTemplate(w.failedAt, {
          k: k + 1,
          total: f.plan.chunks.length,
          from: chunk.firstLine,
          to: chunk.lastLine,
          error: e instanceof Error ? e.message : String(e),
        });
        return { outcome: 'failed', added, done, total, failure: files.length > 1 ? `${f.file}: ${where}` : where };
      }
    }
  }
  return { outcome: 'done', added, done, total };
}
