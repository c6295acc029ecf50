/**
 * The optional ranges beside the orders (SPEC §1.2, §1.3): a customers sheet (registration,
 * subscription, birthday, reaction counts) and a survey (Google Forms responses with NPS and
 * satisfaction). Both are linked to the orders' customer keys — through the orders' e-mail column
 * when they are keyed by e-mail and the orders by ID, as a Google Form collects e-mails, not IDs.
 */
import { DAY_MS, type Day, type Zone } from './dates';
import type { ColumnMap, Field } from './headers';
import type { Lang } from './labels';
import { headerTexts, missingColumns, requireTable, resolveColumns, type KeyKind, type SkippedRow } from './orders';
import type { Settings } from './settings';
import { cellText, dateReader, isBlank, keyReader, parseAmount, parseFlag, type Cell } from './values';

/** How the orders identify customers, for linking other ranges to them. */
export interface KeyLink {
  readonly keyKind: KeyKind;
  keyForEmail(email: string): string | undefined;
}

export interface CustomerRecord {
  readonly key: string;
  readonly name: string;
  readonly registered: boolean | undefined;
  readonly subscribed: boolean | undefined;
  readonly birthday: Day | undefined;
  readonly reactions: number | undefined;
  /** The e-mail address as written in the sheet (trimmed), '' when none: what a mail tool imports. */
  readonly email: string;
  /** The LINE user ID as written (trimmed), '' when none or the sheet has no such column. */
  readonly lineUserId: string;
  readonly row: number;
}

export interface CustomersRead {
  readonly byKey: ReadonlyMap<string, CustomerRecord>;
  /** The key of a customer listed with this e-mail (a customer who has not ordered yet is
   *  known by e-mail only here). */
  keyForEmail(email: string): string | undefined;
  readonly hasRegistered: boolean;
  readonly hasSubscribed: boolean;
  readonly hasReactions: boolean;
  readonly hasBirthday: boolean;
  /** The sheet has a LINE user ID column (issue 14: a segment's LINE audience). */
  readonly hasLineUserId: boolean;
  readonly skipped: SkippedRow[];
  readonly rows: number;
  readonly columns: ColumnMap;
}

export interface SurveyResponse {
  readonly key: string;
  /** Wall-clock ms of the response; -Infinity when the survey has no timestamp column. */
  readonly localMs: number;
  readonly nps: number | undefined;
  readonly satisfaction: number | undefined;
}

export interface SurveyRead {
  readonly responses: SurveyResponse[];
  readonly skipped: SkippedRow[];
  readonly rows: number;
  readonly columns: ColumnMap;
}

interface RangeOptions {
  readonly zone: Zone;
  readonly settings: Pick<Settings, 'columns'>;
  readonly lang: Lang;
  readonly headerRow?: number;
  /** The zone whose wall clock `Date` cells carry, when not the spreadsheet's. */
  readonly cellZone?: Zone;
}

/** The key of a row of a customers/survey range in the orders' terms. */
function linker(link: KeyLink): (id: Cell, email: Cell) => string {
  const keyOf = keyReader();
  return (idCell, emailCell) => {
    const id = keyOf(idCell);
    const email = keyOf(emailCell);
    if (link.keyKind === 'id') return id !== '' ? id : email !== '' ? (link.keyForEmail(email) ?? email) : '';
    return email !== '' ? email : id;
  };
}

const cell = (row: readonly Cell[], col: number | undefined): Cell => (col === undefined ? undefined : row[col]);

/**
 * The non-blank rows of a customers or survey range with their customer key (in the orders'
 * terms); a row without a key is reported and left out.
 */
function* keyedRows(
  table: ReadonlyArray<ReadonlyArray<Cell>>,
  columns: ColumnMap,
  link: KeyLink,
  headerRow: number,
  skipped: SkippedRow[],
): Generator<{ row: readonly Cell[]; sheetRow: number; key: string }> {
  const keyOf = linker(link);
  for (let r = 1; r < table.length; r++) {
    const row = table[r]!;
    if (row.every(isBlank)) continue;
    const key = keyOf(cell(row, columns.customerId), cell(row, columns.email));
    if (key === '') skipped.push({ row: headerRow + r, reason: 'customer', value: '' });
    else yield { row, sheetRow: headerRow + r, key };
  }
}

/** Non-blank data rows of a range. */
const countRows = (table: ReadonlyArray<ReadonlyArray<Cell>>): number => table.slice(1).filter((row) => !row.every(isBlank)).length;

export function readCustomers(input: unknown, link: KeyLink, opts: RangeOptions): CustomersRead {
  const table = requireTable(input, 'customers', opts.lang);
  const headers = headerTexts(table);
  const columns = resolveColumns('customers', headers, opts.settings.columns.customers);
  if (columns.customerId === undefined && columns.email === undefined) {
    missingColumns('customers', [['customerId', 'email']], headers, opts.lang);
  }
  const readDate = dateReader(opts.zone, { cellZone: opts.cellZone });
  const byKey = new Map<string, CustomerRecord>();
  const emailToKey = new Map<string, string>();
  const emailOf = keyReader();
  const skipped: SkippedRow[] = [];
  for (const { row, sheetRow, key } of keyedRows(table, columns, link, opts.headerRow ?? 1, skipped)) {
    const email = emailOf(cell(row, columns.email));
    if (email !== '' && email !== key) emailToKey.set(email, key);
    const birthday = readDate(cell(row, columns.birthday));
    const reactions = parseAmount(cell(row, columns.reactions));
    // A later row for the same customer wins: the sheet's latest word on them.
    byKey.set(key, {
      key,
      name: cellText(cell(row, columns.name)),
      registered: columns.registered === undefined ? undefined : parseFlag(cell(row, columns.registered)),
      subscribed: columns.subscribed === undefined ? undefined : parseFlag(cell(row, columns.subscribed)),
      birthday: birthday === birthday ? Math.floor(birthday / DAY_MS) : undefined,
      reactions: reactions === reactions ? Math.max(0, Math.floor(reactions)) : undefined,
      email: cellText(cell(row, columns.email)).trim(),
      lineUserId: cellText(cell(row, columns.lineUserId)).trim(),
      row: sheetRow,
    });
  }
  return {
    byKey,
    keyForEmail: (email) => emailToKey.get(email),
    hasRegistered: columns.registered !== undefined,
    hasSubscribed: columns.subscribed !== undefined,
    hasReactions: columns.reactions !== undefined,
    hasBirthday: columns.birthday !== undefined,
    hasLineUserId: columns.lineUserId !== undefined,
    skipped,
    rows: countRows(table),
    columns,
  };
}

/** 0–10 scores: NPS answers. */
function isScore(v: Cell): boolean {
  const n = parseAmount(v);
  return Number.isInteger(n) && n >= 0 && n <= 10;
}

/**
 * Google Forms names a column by its question, so an NPS item that no alias names is found as the
 * one column whose answers are all whole numbers 0–10 (HEADERS.md).
 */
export function findScoreColumn(table: ReadonlyArray<ReadonlyArray<Cell>>, columns: ColumnMap): number | undefined {
  const claimed = new Set(Object.values(columns));
  const width = table[0]?.length ?? 0;
  const found: number[] = [];
  for (let c = 0; c < width; c++) {
    if (claimed.has(c)) continue;
    let any = false;
    let ok = true;
    for (let r = 1; r < table.length && ok; r++) {
      const v = table[r]![c];
      if (isBlank(v)) continue;
      any = true;
      ok = isScore(v);
    }
    if (any && ok) found.push(c);
  }
  return found.length === 1 ? found[0] : undefined;
}

export function readSurvey(input: unknown, link: KeyLink, opts: RangeOptions): SurveyRead {
  const table = requireTable(input, 'survey', opts.lang);
  const headers = headerTexts(table);
  const resolved = resolveColumns('survey', headers, opts.settings.columns.survey);
  const columns: ColumnMap = { ...resolved };
  if (columns.nps === undefined && opts.settings.columns.survey?.nps === undefined) {
    const c = findScoreColumn(table, columns);
    if (c !== undefined) columns.nps = c;
  }
  const missing: Field[][] = [];
  if (columns.customerId === undefined && columns.email === undefined) missing.push(['customerId', 'email']);
  if (columns.nps === undefined && columns.satisfaction === undefined) missing.push(['nps', 'satisfaction']);
  if (missing.length > 0) missingColumns('survey', missing, headers, opts.lang);

  const readDate = dateReader(opts.zone, { cellZone: opts.cellZone });
  const responses: SurveyResponse[] = [];
  const skipped: SkippedRow[] = [];
  const score = (v: Cell): number | undefined => {
    const n = parseAmount(v);
    return n === n ? n : undefined;
  };
  for (const { row, sheetRow, key } of keyedRows(table, columns, link, opts.headerRow ?? 1, skipped)) {
    let localMs = -Infinity;
    if (columns.date !== undefined) {
      localMs = readDate(row[columns.date]);
      if (localMs !== localMs) {
        skipped.push({ row: sheetRow, reason: 'date', value: cellText(row[columns.date]) });
        continue;
      }
    }
    responses.push({ key, localMs, nps: score(cell(row, columns.nps)), satisfaction: score(cell(row, columns.satisfaction)) });
  }
  return { responses, skipped: skipped.sort((x, y) => x.row - y.row), rows: countRows(table), columns };
}
