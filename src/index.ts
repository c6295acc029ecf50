/**
 * Wires the entry points that become top-level functions of the Apps Script bundle — nothing else.
 *
 * gas-webpack-plugin turns each `global.NAME = …` into `function NAME(params) {}` at the top of
 * the bundle (the parameters only when the right-hand side is a function literal, hence the arrows
 * below) and copies the comment above it; `@preserve` keeps that comment through esbuild, and
 * Sheets reads `@customfunction` from it to list the function with its help.
 */
import { FANSTAGE, LTVRANK, NEXTPURCHASE } from './gas/customFunctions';
import { FANFUNNEL_ARGS, showDiagnostics } from './gas/diagnostics';
import { onInstall, onOpen, refreshFromMenu, showSidebar } from './gas/menu';
import { getSidebarState, refreshFromSidebar, saveSettings, selectCustomer } from './gas/sidebarApi';
import { appendImportRows, readImportKeys } from './gas/importer';
import { connectBigQuery, getBigQueryView, readBigQueryColumns } from './gas/connectedSheets';
import { deleteSegment, downloadSegment, getSegmentsView, previewSegment, saveSegment } from './gas/segmentsApi';
import { onAutoRefresh } from './gas/trigger';
import { deleteCampaign, listCampaigns, startCampaign } from './gas/campaignApi';

declare const global: Record<string, unknown>;

/**
 * Fan stage of customers from an order export: パートナー, サポーター, ビジター, フォロワー, 一時離脱 …
 * Example: =FANSTAGE(Orders!A:H, A2, FanFunnelAsOf) or =FANSTAGE(Orders!A:H, "*", FanFunnelAsOf) for the whole table.
 * FanFunnelAsOf is the date each refresh keeps: passed as as_of, the stages age with it.
 *
 * @param {Orders!A:H} orders The orders range including its header row (customer, date, amount…).
 * @param {A2} customer [optional] A customer ID, e-mail or phone, or a range of them. Omit, or write "*" where later arguments follow, for a table of every customer.
 * @param {FanFunnelAsOf} as_of [optional] The day to evaluate on: FanFunnelAsOf (kept by each refresh) or a date. Left out: the day Sheets last recalculated it (when typed, or when the orders changed), not today.
 * @param {Customers!A:F} customers [optional] Customers range: registration (LINE/メルマガ), subscription, reactions.
 * @param {Survey!A:E} survey [optional] Survey responses (e.g. Google Forms) with NPS or satisfaction.
 * @return The stage of each customer, or a table: customer, stage, purchases, LTV, last order, days since last, subscribed, positive reactions.
 * @customfunction
 * @preserve
 */
global.FANSTAGE = (orders: unknown, customer?: unknown, as_of?: unknown, customers?: unknown, survey?: unknown) =>
  FANSTAGE(orders, customer, as_of, customers, survey);

/**
 * LTV rank of customers from an order export (1 = highest lifetime value).
 * Example: =LTVRANK(Orders!A:H, A2, FanFunnelAsOf) or =LTVRANK(Orders!A:H, "*", FanFunnelAsOf) for the ranking with tiers and VIPs.
 *
 * @param {Orders!A:H} orders The orders range including its header row (customer, date, amount…).
 * @param {A2} customer [optional] A customer ID, e-mail or phone, or a range of them. Omit, or write "*" where later arguments follow, for the whole ranking.
 * @param {FanFunnelAsOf} as_of [optional] The day to evaluate on: FanFunnelAsOf (kept by each refresh) or a date. Left out: the day Sheets last recalculated it (when typed, or when the orders changed), not today.
 * @return The rank of each customer, or a table: rank, customer, LTV, purchases, last order, tier, VIP.
 * @customfunction
 * @preserve
 */
global.LTVRANK = (orders: unknown, customer?: unknown, as_of?: unknown) => LTVRANK(orders, customer, as_of);

/**
 * Next-purchase prediction (fitted on the orders): when each customer is likely to buy again,
 * P(still active) and 12-month value. Needs at least 50 repeat buyers. Model: the one the last
 * refresh chose by how well it predicted the last 90 days (the Fan Funnel tab's 予測の確かさ names
 * it) — BG/NBD, unless Pareto/NBD or MBG/NBD did clearly better, and BG/NBD before the first
 * refresh; spend by Gamma-Gamma.
 * Example: =NEXTPURCHASE(Orders!A:H, A2, FanFunnelAsOf) or =NEXTPURCHASE(Orders!A:H, "*", FanFunnelAsOf) for the whole table.
 *
 * @param {Orders!A:H} orders The orders range including its header row (customer, date, amount…).
 * @param {A2} customer [optional] A customer ID, e-mail or phone, or a range of them. Omit, or write "*" where later arguments follow, for a table of every customer.
 * @param {FanFunnelAsOf} as_of [optional] The day to predict from (orders after it are ignored): FanFunnelAsOf (kept by each refresh) or a date. Left out: the day Sheets last recalculated it, not today.
 * @return The day by which each customer's next purchase is more likely than not (blank if not within 12 months), or a table: customer, P(alive), expected purchases in 90 days, next purchase by, 12-month value.
 * @customfunction
 * @preserve
 */
global.NEXTPURCHASE = (orders: unknown, customer?: unknown, as_of?: unknown) => NEXTPURCHASE(orders, customer, as_of);

/**
 * Diagnostics: shows how Sheets passed each argument to a custom function — its type (undefined,
 * "", number, string, boolean, Date, 2-D array), a Date's instant and time zone, a range's shape and
 * first cells — and the script's and the spreadsheet's time zones. Changes nothing.
 * Example: =FANFUNNEL_ARGS(A2, , A1:C3) shows whether the skipped second argument is undefined or "".
 *
 * @param {A2} values [optional] Any cells, ranges or values, as many as you like; leave one empty to see how a skipped argument arrives.
 * @return A table: one row per argument (position, type, what arrived), then the number of arguments, the time zones, and a date returned to see how it shows (2001/02/03 0:00).
 * @customfunction
 * @preserve
 */
global.FANFUNNEL_ARGS = (...values: unknown[]) => FANFUNNEL_ARGS(values);

/**
 * Adds the Fan Funnel menu.
 * @preserve
 */
global.onOpen = onOpen;

/**
 * Runs when the add-on is installed: adds the menu at once.
 * @preserve
 */
global.onInstall = onInstall;

/**
 * Opens the Fan Funnel sidebar.
 * @preserve
 */
global.showSidebar = showSidebar;

/**
 * Menu: refreshes the Fan Funnel tabs now.
 * @preserve
 */
global.refreshFromMenu = refreshFromMenu;

/**
 * Menu: checks, in this spreadsheet, what only real Sheets can answer, and shows the report.
 * @preserve
 */
global.showDiagnostics = showDiagnostics;

/**
 * Runs from the time-driven trigger the sidebar installs (automatic refresh).
 * @preserve
 */
global.onAutoRefresh = onAutoRefresh;

/**
 * Sidebar: the view state (settings, detected sources, last refresh).
 * @preserve
 */
global.getSidebarState = getSidebarState;

/**
 * Sidebar: the refresh button.
 * @preserve
 */
global.refreshFromSidebar = refreshFromSidebar;

/**
 * Sidebar: validates and stores the settings.
 * @preserve
 */
global.saveSettings = saveSettings;

/**
 * Sidebar: 今週やること — selects a customer's row in the Customers tab.
 * @preserve
 */
global.selectCustomer = selectCustomer;

/**
 * Sidebar: the CSV import — which import sheet a file goes to and the keys of its orders, a page at a time.
 * @preserve
 */
global.readImportKeys = readImportKeys;

/**
 * Sidebar: the CSV import — appends one chunk of whole orders to the import sheet.
 * @preserve
 */
global.appendImportRows = appendImportRows;

/**
 * Sidebar: the BigQuery (Connected Sheets) section — its settings and the table's columns.
 * @preserve
 */
global.getBigQueryView = getBigQueryView;

/**
 * Sidebar: the BigQuery section — reads the orders table's columns and pre-fills the mapping.
 * @preserve
 */
global.readBigQueryColumns = readBigQueryColumns;

/**
 * Sidebar: the BigQuery section — creates or updates the data source sheets and the funnel tab.
 * @preserve
 */
global.connectBigQuery = connectBigQuery;

/**
 * Sidebar: the 施策 section — the campaigns with their last result.
 * @preserve
 */
global.listCampaigns = listCampaigns;

/**
 * Sidebar: the 施策 section — starts a campaign, its targets frozen with their stage on the start day.
 * @preserve
 */
global.startCampaign = startCampaign;

/**
 * Sidebar: the 施策 section — deletes a campaign and its frozen targets.
 * @preserve
 */
global.deleteCampaign = deleteCampaign;

/**
 * Sidebar: the セグメント section — the saved segments and the section's words.
 * @preserve
 */
global.getSegmentsView = getSegmentsView;

/**
 * Sidebar: the セグメント section — how many customers a definition selects now.
 * @preserve
 */
global.previewSegment = previewSegment;

/**
 * Sidebar: the セグメント section — saves a segment and writes its sheet.
 * @preserve
 */
global.saveSegment = saveSegment;

/**
 * Sidebar: the セグメント section — deletes a saved segment and its sheet.
 * @preserve
 */
global.deleteSegment = deleteSegment;

/**
 * Sidebar: the セグメント section — a segment as a CSV (UTF-8 with BOM, Shift_JIS) or LINE user IDs, base64.
 * @preserve
 */
global.downloadSegment = downloadSegment;
