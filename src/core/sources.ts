/**
 * Which of the owner's sheets hold the orders, the customers and the survey, judged by their
 * header rows (SPEC §7: detected, shown, and editable in the sidebar).
 */
import type { ColumnMap, Field, RangeKind } from './headers';
import { headerTexts, ordersReadable, resolveColumns, type Table } from './orders';
import { detectProfile, type ProfileId } from './profiles';
import type { Settings } from './settings';
import { RANGE_KINDS } from './shared';
import { isBlank } from './values';
import { findScoreColumn } from './contacts';

export interface Detected {
  readonly kind: RangeKind;
  readonly profile: ProfileId | undefined;
  readonly headers: readonly string[];
  /** Field → header text, for the sidebar's column mapping. */
  readonly mapping: Readonly<Partial<Record<Field, string>>>;
}

const has = (c: ColumnMap, ...fields: Field[]): boolean => fields.some((f) => c[f] !== undefined);

function mappingOf(columns: ColumnMap, headers: readonly string[]): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {};
  for (const [f, c] of Object.entries(columns) as [Field, number][]) out[f] = headers[c] ?? '';
  return out;
}

/** What a sheet looks like from its header row (and, for a survey, its answers); undefined: none. */
export function detectKind(table: Table, settings: Pick<Settings, 'columns'>): Detected | undefined {
  if (table.length === 0 || (table[0] ?? []).every(isBlank)) return undefined;
  const headers = headerTexts(table);
  const profile = detectProfile(headers);
  const orders = resolveColumns('orders', headers, settings.columns.orders, profile);
  if (ordersReadable(orders, profile)) {
    return { kind: 'orders', profile: profile.id, headers, mapping: mappingOf(orders, headers) };
  }
  const survey = resolveColumns('survey', headers, settings.columns.survey);
  if (has(survey, 'customerId', 'email') && (has(survey, 'nps', 'satisfaction') || (has(survey, 'date') && findScoreColumn(table, survey) !== undefined))) {
    return { kind: 'survey', profile: undefined, headers, mapping: mappingOf(survey, headers) };
  }
  const customers = resolveColumns('customers', headers, settings.columns.customers);
  if (has(customers, 'customerId', 'email') && has(customers, 'registered', 'subscribed', 'reactions', 'birthday')) {
    return { kind: 'customers', profile: undefined, headers, mapping: mappingOf(customers, headers) };
  }
  return undefined;
}

/** The sheet of each kind, and the kinds whose chosen sheet is not there. */
export interface SourceChoice<S> {
  readonly sheets: Partial<Record<RangeKind, S>>;
  /** Kinds the settings name a sheet for that is not (or no longer) one of the owner's sheets. */
  readonly missing: readonly RangeKind[];
}

/**
 * Which sheet is each source — the one rule for the refresh, the sidebar and the settings'
 * validation: the sheet the settings name for that kind; when they say "detect" (null), the first
 * of the owner's other sheets, in tab order, whose headers are of that kind. A named sheet that is
 * gone is reported, never replaced by a detected one: the owner chose it.
 *
 * `sheets` are the owner's sheets only, never the add-on's own tabs. `kindOf` is asked lazily, in
 * tab order, and no more once every kind to detect has its sheet — a refresh reads no sheet it
 * does not need.
 */
export function chooseSources<S extends { readonly name: string }>(
  sheets: readonly S[],
  chosen: Settings['sources'],
  kindOf: (sheet: S) => RangeKind | undefined,
): SourceChoice<S> {
  const out: Partial<Record<RangeKind, S>> = {};
  const missing: RangeKind[] = [];
  const named = new Set<string>();
  for (const kind of RANGE_KINDS) {
    const name = chosen[kind];
    if (name === null) continue;
    const sheet = sheets.find((s) => s.name === name);
    if (sheet === undefined) {
      missing.push(kind);
    } else {
      out[kind] = sheet;
      named.add(name);
    }
  }
  const open = (): boolean => RANGE_KINDS.some((k) => chosen[k] === null && out[k] === undefined);
  for (const sheet of sheets) {
    if (!open()) break;
    if (named.has(sheet.name)) continue;
    const kind = kindOf(sheet);
    if (kind !== undefined && chosen[kind] === null && out[kind] === undefined) out[kind] = sheet;
  }
  return { sheets: out, missing };
}
