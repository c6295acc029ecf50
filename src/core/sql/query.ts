/**
 * SPEC §2–§4 as SQL (issue 16): from the owner's settings and a typed orders table, the query of
 * the customer table (metrics, stage, rank, tier, VIP) and of the funnel summary (customers and
 * revenue per stage). One description, two dialects (./dialect.ts).
 *
 * The rules are not restated here: the stage CASE is written from `stageRules` (stages.ts), the
 * ranking from the same key order as `compareRanking`, tiers and VIPs from the settings' numbers,
 * cancelled statuses from `CANCEL_STATUS` (values.ts). test/core/sql/equality.test.ts runs the
 * DuckDB form against the core on random shops.
 *
 * What the SQL reads is a clean table, one row per order line (./lines.ts makes one from a sheet):
 * typed columns, blanks as NULL. What it does itself is what the core does after reading cells:
 * lines → orders (first non-NULL value per order id, or the sum of the live lines), cancelled
 * orders out, customer keys (NFKC, `'` prefix, e-mail lower-case, guest placeholders → e-mail),
 * e-mail → ID linking, the as-of day and LTV window, refunds.
 *
 * The orders table, and optionally a customers sheet's table (registration, subscription and
 * reaction counts) and a survey's (promoters and satisfied answers up to the as-of day are the
 * reactions), test/core/sql/customers.test.ts: without them, registration is the orders' consent
 * column if mapped, else assumed, and positive reactions are 0, as in the core. A guest with
 * neither ID nor e-mail is keyed by phone when a phone column is mapped. Not here: name-keyed
 * exports (WooCommerce Analytics) and platform profiles (./lines.ts reads the generic layout).
 */
import { isoDay, type Day } from '../dates';
import { STAGE_LABELS, TIER_LABELS, type Lang, type StageId, type TierId } from '../labels';
import type { Settings } from '../settings';
import { ALL_STAGES } from '../shared';
import { PROMOTER_NPS, SATISFIED } from '../metrics';
import { stageRules } from '../stages';
import { CANCEL_STATUS, GUEST_PLACEHOLDERS } from '../values';
import type { Dialect } from './dialect';

/** Column names of the typed orders table. Optional ones may be absent from the table. */
export interface OrderColumns {
  /** Position of the line in the export (an integer): which line of an order comes first, and
   *  which of two orders at the same time is the later one. */
  readonly line: string;
  readonly orderId?: string;
  readonly customerId?: string;
  readonly email?: string;
  readonly orderedAt: string;
  readonly amount: string;
  readonly status?: string;
  /** Non-NULL cancels the line (Shopify `Cancelled at`). */
  readonly cancelledAt?: string;
  /** BOOL. */
  readonly subscription?: string;
  /** BOOL: marketing consent (Shopify `Accepts Marketing`), which then decides "registered". */
  readonly consent?: string;
  readonly name?: string;
  /** A guest's phone (text): the key of an order with neither ID nor e-mail (SPEC §1.4). */
  readonly phone?: string;
}

/** Column names of the typed customers table (SPEC §1.2; ./lines.ts `typedCustomers`). */
export interface CustomerColumns {
  /** The row's position: a later row for the same customer wins. */
  readonly line: string;
  readonly customerId?: string;
  readonly email?: string;
  readonly name?: string;
  /** BOOL: LINE/newsletter registration, which then decides "registered" for every customer. */
  readonly registered?: string;
  /** BOOL: overrides the orders' subscription for the customers listed. */
  readonly subscribed?: string;
  /** INT64: positive reactions. */
  readonly reactions?: string;
}

/** Column names of the typed survey table (SPEC §1.3; ./lines.ts `typedSurvey`). */
export interface SurveyColumns {
  readonly line: string;
  readonly customerId?: string;
  readonly email?: string;
  /** DATETIME on the shop's wall clock; absent: every response counts whatever the as-of day. */
  readonly respondedAt?: string;
  readonly nps?: string;
  readonly satisfaction?: string;
}

export interface CustomersTable {
  readonly name: string;
  readonly columns: CustomerColumns;
}

export interface OrdersTable {
  /** `project.dataset.table` (BigQuery) or a DuckDB table name. */
  readonly name: string;
  readonly columns: OrderColumns;
  /** 'instant': a TIMESTAMP, read on the wall clock of the zone (what BigQuery connectors load);
   *  'wallClock': a DATETIME already in the shop's zone (what a sheet holds). */
  readonly orderedAt: 'instant' | 'wallClock';
}

export interface QueryOptions {
  readonly table: OrdersTable;
  readonly settings: Pick<Settings, 'stages' | 'vip' | 'tiers' | 'ltvWindowDays' | 'sumOrderRows'>;
  /** The as-of day, or 'today' in `zone` when the query runs (a data source that Connected Sheets
   *  refreshes on a schedule stays current). */
  readonly asOf: Day | 'today';
  /** The spreadsheet's IANA time zone. */
  readonly zone: string;
  /** Language of the label columns. */
  readonly lang: Lang;
  /** A customers sheet's table (registration, subscription, reactions), when there is one. */
  readonly customers?: CustomersTable;
  /** A survey's table: its positive answers on or before the as-of day are the reactions. */
  readonly survey?: { readonly name: string; readonly columns: SurveyColumns };
  /** IDs that mean "no ID" (SPEC §1.4), compared lower-cased; the key falls back to the e-mail. */
  readonly guestPlaceholders?: readonly string[];
}

/** Output columns of the customer query, in order. */
export const CUSTOMER_COLUMNS = [
  'customer_key', 'name', 'stage', 'stage_label', 'purchases', 'ltv', 'first_order', 'last_order',
  'days_since_last', 'subscribed', 'registered', 'positive_reactions', 'ltv_rank', 'tier', 'tier_label', 'vip',
] as const;

/** Output columns of the summary query, in order. */
export const SUMMARY_COLUMNS = ['position', 'stage', 'stage_label', 'customers', 'revenue'] as const;

const TIER_ORDER: readonly TierId[] = ['diamond', 'platinum', 'gold'];

/** A finite number as a SQL literal (settings are whole numbers; Infinity never reaches here). */
function num(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  return String(n);
}

/** `phoneKey` (values.ts) on trimmed NFKC text: digits only, `+81` as the leading 0, a 9–10 digit
 *  number without its 0 given it back; NULL under 6 digits. */
function phoneKeyExpr(d: Dialect, text: string): string {
  const digits = d.digits(text);
  const intl = `SUBSTR(${digits}, 3)`;
  const made = `CASE
        WHEN ${d.matches(text, '^[+][ \t]*81')} THEN '0' || CASE WHEN SUBSTR(${intl}, 1, 1) = '0' THEN SUBSTR(${intl}, 2) ELSE ${intl} END
        WHEN SUBSTR(${text}, 1, 1) <> '+' AND SUBSTR(${digits}, 1, 1) <> '0' AND LENGTH(${digits}) IN (9, 10) THEN '0' || ${digits}
        ELSE ${digits}
      END`;
  return `CASE WHEN LENGTH(${digits}) >= 6 THEN ${made} END`;
}

/** Key normalisation of SPEC §1.4 on trimmed NFKC text: a leading `'` dropped, an e-mail
 *  lower-cased, '' → NULL; with `guests`, a placeholder ID → NULL. */
function keyExpr(d: Dialect, text: string, guests: readonly string[] | undefined): string {
  const unquoted = `CASE WHEN SUBSTR(${text}, 1, 1) = ${d.string("'")} THEN TRIM(SUBSTR(${text}, 2)) ELSE ${text} END`;
  const cased = `CASE WHEN STRPOS(k, '@') > 0 THEN LOWER(k) ELSE k END`.replace(/\bk\b/g, `(${unquoted})`);
  const guestTest = guests !== undefined && guests.length > 0 ? ` OR LOWER(${cased}) IN (${guests.map(d.string).join(', ')})` : '';
  return `CASE WHEN ${cased} = ''${guestTest} THEN NULL ELSE ${cased} END`;
}

function stageCase(d: Dialect, s: QueryOptions['settings']): string {
  const when: string[] = [
    `WHEN NOT registered THEN 'unregistered'`,
    // As in `classify`: every funnel rule needs a purchase (partnerMinPurchases ≥ 1).
    `WHEN purchases <= 0 THEN 'noPurchase'`,
  ];
  const interval = (col: string, i: { min: number; max: number }): string[] => [
    ...(i.min !== -Infinity ? [`${col} >= ${num(i.min)}`] : []),
    ...(i.max !== Infinity ? [`${col} < ${num(i.max)}`] : []),
  ];
  for (const rule of stageRules(s.stages)) {
    const parts = [
      ...(rule.registered === undefined ? [] : [rule.registered ? 'registered' : 'NOT registered']),
      ...interval('purchases', rule.purchases),
      // NULL days (no purchase) fail every comparison, as `undefined` fails the core's.
      ...(rule.daysSinceLast === undefined ? [] : interval('days_since_last', rule.daysSinceLast)),
      ...(rule.subscribed === undefined ? [] : [rule.subscribed ? 'subscribed' : 'NOT subscribed']),
      ...interval('positive_reactions', rule.positiveReactions),
    ];
    when.push(`WHEN ${parts.length === 0 ? 'TRUE' : parts.join(' AND ')} THEN ${d.string(rule.stage)}`);
  }
  return `CASE\n      ${when.join('\n      ')}\n      ELSE 'unclassified'\n    END`;
}

function labelCase(d: Dialect, col: string, labels: Readonly<Record<string, { ja: string; en: string }>>, ids: readonly string[], lang: Lang): string {
  return `CASE ${col} ${ids.map((id) => `WHEN ${d.string(id)} THEN ${d.string(labels[id]![lang])}`).join(' ')} END`;
}

/**
 * The customers sheet (contacts.ts `readCustomers`): each row's key in the orders' terms — where
 * the orders have an ID column, its ID, else its e-mail mapped to the ID the orders carry for it,
 * else the e-mail; where they are keyed by e-mail, the e-mail, else the ID — and the latest row of
 * each customer; then every key, from the orders or the sheet (a listed customer who never bought).
 * Empty when there is no customers table.
 */
function customerSheetCtes(d: Dialect, o: QueryOptions): string {
  const cs = o.customers;
  if (cs === undefined) return '';
  const c = cs.columns;
  const col = (name: string | undefined, type: string): string => (name === undefined ? `CAST(NULL AS ${type})` : d.column(name));
  const text = (name: string | undefined, normalise = true): string =>
    name === undefined ? `CAST(NULL AS ${d.text})` : `NULLIF(TRIM(${normalise ? d.nfkc(`CAST(${d.column(name)} AS ${d.text})`) : `CAST(${d.column(name)} AS ${d.text})`}), '')`;
  return `  sheet_rows AS (
    SELECT ${d.column(c.line)} AS line,
      ${keyExpr(d, text(c.customerId), undefined)} AS id_key,
      ${keyExpr(d, text(c.email), undefined)} AS email_key,
      ${text(c.name)} AS name,
      ${col(c.registered, 'BOOL')} AS registered,
      ${col(c.subscribed, 'BOOL')} AS subscribed,
      ${col(c.reactions, 'BIGINT')} AS reactions
    FROM ${d.table(cs.name)}
  ),
  sheet_keyed AS (
    SELECT
      ${linkedKey(o)} AS customer_key,
      sr.line, sr.name, sr.registered, sr.subscribed, sr.reactions
    FROM sheet_rows sr LEFT JOIN email_ids e ON e.email_key = CASE WHEN sr.id_key IS NULL THEN sr.email_key END
  ),
  -- A later row for the same customer wins: the sheet's latest word on them.
  sheet_latest AS (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY customer_key ORDER BY line DESC) AS n
    FROM sheet_keyed WHERE customer_key IS NOT NULL
  ),
  sheet_customers AS (SELECT * FROM sheet_latest WHERE n = 1),
  all_keys AS (
    SELECT customer_key FROM (
      SELECT customer_key FROM dated
      UNION ALL SELECT customer_key FROM sheet_customers
    ) u GROUP BY customer_key
  ),`;
}

/** The key of a customers-sheet or survey row in the orders' terms (contacts.ts `linker`). */
function linkedKey(o: QueryOptions): string {
  return o.table.columns.customerId !== undefined ? 'COALESCE(sr.id_key, e.id_key, sr.email_key)' : 'COALESCE(sr.email_key, sr.id_key)';
}

/**
 * The survey (contacts.ts `readSurvey`, metrics.ts): per customer, the responses on or before the
 * as-of day whose NPS is a promoter's or whose satisfaction is satisfied. Empty without a survey.
 */
function surveyCtes(d: Dialect, o: QueryOptions, asOf: string): string {
  const sv = o.survey;
  if (sv === undefined) return '';
  const c = sv.columns;
  const text = (name: string | undefined): string =>
    name === undefined ? `CAST(NULL AS ${d.text})` : `NULLIF(TRIM(${d.nfkc(`CAST(${d.column(name)} AS ${d.text})`)}), '')`;
  const positive = [
    ...(c.nps === undefined ? [] : [`${d.column(c.nps)} >= ${num(PROMOTER_NPS)}`]),
    ...(c.satisfaction === undefined ? [] : [`${d.column(c.satisfaction)} >= ${num(SATISFIED)}`]),
  ];
  return `
  survey_rows AS (
    SELECT
      ${keyExpr(d, text(c.customerId), undefined)} AS id_key,
      ${keyExpr(d, text(c.email), undefined)} AS email_key,
      ${c.respondedAt === undefined ? 'TRUE' : `CAST(${d.column(c.respondedAt)} AS DATE) <= ${asOf}`} AS in_time,
      ${positive.length === 0 ? 'FALSE' : `COALESCE(${positive.join(' OR ')}, FALSE)`} AS positive
    FROM ${d.table(sv.name)}
  ),
  positives AS (
    SELECT ${linkedKey(o)} AS customer_key, COUNT(*) AS n
    FROM survey_rows sr LEFT JOIN email_ids e ON e.email_key = CASE WHEN sr.id_key IS NULL THEN sr.email_key END
    WHERE sr.in_time AND sr.positive
    GROUP BY 1
  ),`;
}

/** The common CTEs: lines → orders → keyed orders → per-customer metrics → stages and ranking. */
function customersCte(d: Dialect, o: QueryOptions): string {
  const c = o.table.columns;
  const col = (name: string | undefined): string | undefined => (name === undefined ? undefined : d.column(name));
  /** Trimmed text, '' as NULL; NFKC for what is matched (keys, ids, statuses), not for names,
   *  which are shown as typed. */
  const textOf = (name: string | undefined, normalise = true): string => {
    if (name === undefined) return `CAST(NULL AS ${d.text})`;
    const cast = `CAST(${col(name)} AS ${d.text})`;
    return `NULLIF(TRIM(${normalise ? d.nfkc(cast) : cast}), '')`;
  };
  const orNull = (name: string | undefined, type: string): string => col(name) ?? `CAST(NULL AS ${type})`;
  const s = o.settings;
  const cs = o.customers;
  /** The alias that holds every customer's key: the orders' totals, or with a customers sheet the keys of both. */
  const kk = cs === undefined ? 't' : 'k';
  const asOf = o.asOf === 'today' ? d.today(o.zone) : `DATE '${isoDay(o.asOf)}'`;
  const wall = o.table.orderedAt === 'instant' ? d.wallClock(col(c.orderedAt)!, o.zone) : col(c.orderedAt)!;

  const status = 'status_text';
  const cancelParts: string[] = [];
  if (c.status !== undefined) {
    const words = CANCEL_STATUS.words.map((w) => `STRPOS(${status}, ${d.string(w)}) > 0`);
    words.push(`(STRPOS(${status}, ${d.string(CANCEL_STATUS.refunded)}) > 0 AND STRPOS(${status}, ${d.string(CANCEL_STATUS.partially)}) = 0)`);
    cancelParts.push(`COALESCE(${words.join(' OR ')}, FALSE)`);
  }
  if (c.cancelledAt !== undefined) cancelParts.push(`${col(c.cancelledAt)} IS NOT NULL`);
  const cancelled = cancelParts.length === 0 ? 'FALSE' : cancelParts.join(' OR ');

  const first = (expr: string): string => d.firstNonNull(expr, 'line');
  // First-amount layouts: an order is cancelled when any line is; sum layouts: a cancelled line
  // drops out, and the order is cancelled when all its lines are (orders.ts, pass 2).
  const sum = s.sumOrderRows;
  const amount = sum ? 'SUM(CASE WHEN NOT cancelled THEN amount END)' : first('amount');
  const cancelledOrder = sum ? 'MIN(CASE WHEN cancelled THEN 1 ELSE 0 END) = 1' : 'MAX(CASE WHEN cancelled THEN 1 ELSE 0 END) = 1';
  const guests = o.guestPlaceholders ?? GUEST_PLACEHOLDERS;
  const ltvFrom = s.ltvWindowDays === null ? undefined : d.minusDays(asOf, s.ltvWindowDays - 1);
  const vip = s.vip;
  const byLtv = `ltv >= ${num(vip.minLtv)}`;
  const byCount = `purchases >= ${num(vip.minPurchases)}`;
  const candidate = vip.mode === 'and' ? `${byLtv} AND ${byCount}` : `${byLtv} OR ${byCount}`;
  const tier = `CASE ${TIER_ORDER.map((t) => `WHEN ltv >= ${num(s.tiers[t])} THEN '${t}'`).join(' ')} END`;

  return `WITH
  source AS (
    -- Only the mapped columns: BigQuery bills the columns a query reads.
    SELECT ${[...new Set(Object.values(c) as string[])].map((n) => d.column(n)).join(', ')}, LOWER(${textOf(c.status)}) AS status_text
    FROM ${d.table(o.table.name)}
  ),
  -- One row per line of the export, typed; a cancelled line is marked.
  lines AS (
    SELECT
      ${col(c.line)} AS line,
      ${textOf(c.orderId)} AS order_id,
      ${textOf(c.customerId)} AS customer_text,
      ${textOf(c.email)} AS email_text,
      ${wall} AS ordered_at,
      ${col(c.amount)} AS amount,
      ${cancelled} AS cancelled,
      ${orNull(c.subscription, 'BOOL')} AS subscription,
      ${orNull(c.consent, 'BOOL')} AS consent,
      ${textOf(c.name, false)} AS name,
      ${textOf(c.phone)} AS phone_text
    FROM source
  ),
  -- Lines with one order id are one order: the first non-NULL value of each column, in line
  -- order; a line without an order id is an order of its own.
  orders AS (
    SELECT
      MIN(line) AS line,
      ${first('customer_text')} AS customer_text,
      ${first('email_text')} AS email_text,
      ${first('ordered_at')} AS ordered_at,
      ${amount} AS amount,
      ${cancelledOrder} AS cancelled,
      ${first('subscription')} AS subscription,
      ${first('consent')} AS consent,
      ${first('name')} AS name,
      ${first('phone_text')} AS phone_text
    FROM lines
    GROUP BY order_id, CASE WHEN order_id IS NULL THEN line END
  ),
  keyed AS (
    SELECT *,
      ${keyExpr(d, 'customer_text', guests)} AS id_key,
      ${keyExpr(d, 'email_text', undefined)} AS email_key,
      ${phoneKeyExpr(d, 'phone_text')} AS phone_key
    FROM orders
  ),
  -- An order keyed only by e-mail belongs to the ID that the first order with that e-mail carries
  -- (cancelled orders included, as in the core), so one person is one customer.
  email_ids AS (
    SELECT email_key, ${d.firstNonNull('id_key', 'line')} AS id_key
    FROM keyed
    WHERE email_key IS NOT NULL AND id_key IS NOT NULL
    GROUP BY email_key
  ),
  dated AS (
    SELECT
      COALESCE(k.id_key, e.id_key, k.email_key, k.phone_key) AS customer_key,
      k.line, k.ordered_at, CAST(k.ordered_at AS DATE) AS day, k.amount, k.subscription, k.consent, k.name
    -- An equality alone, so both engines hash-join (a condition on one side made DuckDB loop).
    FROM keyed k LEFT JOIN email_ids e ON e.email_key = CASE WHEN k.id_key IS NULL THEN k.email_key END
    WHERE NOT k.cancelled AND k.ordered_at IS NOT NULL AND k.amount IS NOT NULL
      AND COALESCE(k.id_key, e.id_key, k.email_key, k.phone_key) IS NOT NULL
      AND CAST(k.ordered_at AS DATE) <= ${asOf}
  ),
  -- The most recent purchase (latest time, then the later line) decides subscription and consent;
  -- the most recent order with a name gives the name.
  recent AS (
    SELECT customer_key, subscription, consent,
      ROW_NUMBER() OVER (PARTITION BY customer_key ORDER BY ordered_at DESC, line DESC) AS n
    FROM dated WHERE amount >= 0
  ),
  named AS (
    SELECT customer_key, name,
      ROW_NUMBER() OVER (PARTITION BY customer_key ORDER BY ordered_at DESC, line DESC) AS n
    FROM dated WHERE name IS NOT NULL
  ),
${customerSheetCtes(d, o)}${surveyCtes(d, o, asOf)}
  totals AS (
    SELECT
      customer_key,
      SUM(CASE WHEN amount >= 0 THEN 1 ELSE 0 END) AS purchases,
      ${ltvFrom === undefined ? 'SUM(amount)' : `SUM(CASE WHEN day >= ${ltvFrom} THEN amount ELSE 0 END)`} AS ltv,
      MIN(CASE WHEN amount >= 0 THEN day END) AS first_order,
      MAX(CASE WHEN amount >= 0 THEN day END) AS last_order
    FROM dated
    GROUP BY customer_key
  ),
  metrics AS (
    SELECT
      ${kk}.customer_key, ${cs === undefined ? 'nm.name' : `COALESCE(cs.name, nm.name)`} AS name,
      COALESCE(t.purchases, 0) AS purchases, COALESCE(t.ltv, 0) AS ltv, t.first_order, t.last_order,
      ${d.daysBetween('t.last_order', asOf)} AS days_since_last,
      ${cs?.columns.subscribed === undefined ? 'COALESCE(r.subscription, FALSE)' : 'CASE WHEN cs.customer_key IS NOT NULL THEN cs.subscribed ELSE COALESCE(r.subscription, FALSE) END'} AS subscribed,
      ${cs?.columns.registered !== undefined ? 'COALESCE(cs.registered, FALSE)' : c.consent === undefined ? 'TRUE' : 'COALESCE(r.consent, FALSE)'} AS registered,
      ${o.survey !== undefined ? 'COALESCE(sv.n, 0)' : cs?.columns.reactions === undefined ? '0' : 'COALESCE(cs.reactions, 0)'} AS positive_reactions
    FROM ${cs === undefined ? 'totals t' : 'all_keys k'}
    ${cs === undefined ? '' : 'LEFT JOIN totals t ON t.customer_key = k.customer_key'}
    LEFT JOIN recent r ON r.customer_key = ${kk}.customer_key AND r.n = 1
    LEFT JOIN named nm ON nm.customer_key = ${kk}.customer_key AND nm.n = 1
    ${cs === undefined ? '' : 'LEFT JOIN sheet_customers cs ON cs.customer_key = k.customer_key'}
    ${o.survey === undefined ? '' : `LEFT JOIN positives sv ON sv.customer_key = ${kk}.customer_key`}
  ),
  staged AS (
    SELECT *,
    ${stageCase(d, s)} AS stage
    FROM metrics
  ),
  -- SPEC §4: LTV desc, purchases desc, last order desc, key asc (code points); buyers only.
  ranked AS (
    SELECT customer_key,
      ROW_NUMBER() OVER (ORDER BY ltv DESC, purchases DESC, last_order DESC, customer_key ASC) AS ltv_rank,
      CASE WHEN ${candidate} THEN 1 ELSE 0 END AS candidate
    FROM metrics WHERE purchases > 0
  ),
  vips AS (
    SELECT customer_key, ltv_rank,
      candidate = 1 AND SUM(candidate) OVER (ORDER BY ltv_rank ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) <= ${num(vip.count)} AS vip
    FROM ranked
  ),
  customers AS (
    SELECT
      s.customer_key, s.name, s.stage, ${labelCase(d, 's.stage', STAGE_LABELS, ALL_STAGES, o.lang)} AS stage_label,
      s.purchases, s.ltv, s.first_order, s.last_order, s.days_since_last, s.subscribed, s.registered,
      s.positive_reactions, v.ltv_rank,
      CASE WHEN v.ltv_rank IS NOT NULL THEN ${tier} END AS tier,
      COALESCE(v.vip, FALSE) AS vip
    FROM staged s LEFT JOIN vips v ON v.customer_key = s.customer_key
  )`;
}

/** The customer table: one row per customer, buyers in ranking order, then the others by key. */
export function customersQuery(d: Dialect, o: QueryOptions): string {
  return `${customersCte(d, o)}
SELECT
  ${CUSTOMER_COLUMNS.map((x) => (x === 'tier_label' ? `${labelCase(d, 'tier', TIER_LABELS, TIER_ORDER, o.lang)} AS tier_label` : x)).join(',\n  ')}
FROM customers
ORDER BY ltv_rank IS NULL, ltv_rank, customer_key
`;
}

/** The funnel summary: every stage (zeros included) in the summary tab's order. */
export function summaryQuery(d: Dialect, o: QueryOptions): string {
  const stages = ALL_STAGES.map(
    (id: StageId, i) => `SELECT ${i + 1} AS position, ${d.string(id)} AS stage, ${d.string(STAGE_LABELS[id][o.lang])} AS stage_label`,
  ).join('\n    UNION ALL ');
  return `${customersCte(d, o)},
  stage_list AS (
    ${stages}
  )
SELECT s.position, s.stage, s.stage_label, COUNT(c.customer_key) AS customers, COALESCE(SUM(c.ltv), 0) AS revenue
FROM stage_list s LEFT JOIN customers c ON c.stage = s.stage
GROUP BY s.position, s.stage, s.stage_label
ORDER BY s.position
`;
}
