/**
 * Which of the owner's sheets hold the orders, the customers and the survey, judged by their
 * header rows (SPEC §7: detected, shown, and editable in the sidebar).
 */
import type { ColumnMap, Field, RangeKind } from './headers';
import { headerTexts, resolveColumns, type Table } from './orders';
import { detectProfile, type ProfileId } from './profiles';
import type { Settings } from './settings';
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
  if (has(orders, 'customerId', 'email') && has(orders, 'date') && has(orders, 'amount', 'itemPrice')) {
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
