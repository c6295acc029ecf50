/**
 * Plain facts that the server and the sidebar page both need: the order of the stages, the kinds
 * of input range, and how a `{name}` template is filled. The one core module the sidebar may
 * import as values (eslint.config.mjs allows exactly this file), so it imports nothing but types
 * and touches neither Apps Script nor the DOM.
 */
import type { RangeKind } from './headers';
import type { StageId } from './labels';

/** The kinds of input range, in the order they are read and shown. */
export const RANGE_KINDS: readonly RangeKind[] = ['orders', 'customers', 'survey'];

/** The five funnel stages, top of the funnel first. */
export const FUNNEL: readonly StageId[] = ['visitor', 'follower', 'supporter', 'partner', 'dormant'];
/** Every stage in the order the summary lists them: the funnel, then the stages outside it. */
export const ALL_STAGES: readonly StageId[] = [...FUNNEL, 'lapsed', 'noPurchase', 'unregistered', 'unclassified'];

/**
 * Fills `{name}` placeholders: the VIP thank-you message (`{name}様、累計{ltv}円のご愛顧に心から
 * 感謝します`) and the sidebar's templates. An unknown placeholder stays as it was typed.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, k: string) =>
    Object.prototype.hasOwnProperty.call(values, k) ? String(values[k]) : whole,
  );
}
