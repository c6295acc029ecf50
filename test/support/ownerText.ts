/**
 * What a Japanese owner must never read (issue 17): an internal id of ours (a stage, tier, platform
 * profile, field, tab or cause id as the code spells it), Sheets' `TRUE`/`FALSE`, or an ISO date
 * `2026-11-30` — checked on text the owner sees (tab cells, sidebar text).
 */
import { GENERIC_FIELDS } from '../../src/core/headers';
import { TAB_NAMES, TIER_LABELS } from '../../src/core/labels';
import { GENERIC_PROFILE, PROFILES } from '../../src/core/profiles';
import { ALL_STAGES } from '../../src/core/stages';

/** Every id the code uses for something the owner reads under another name. */
export const INTERNAL_IDS: ReadonlySet<string> = new Set([
  ...ALL_STAGES,
  ...Object.keys(TIER_LABELS),
  ...PROFILES.map((p) => p.id),
  GENERIC_PROFILE.id,
  ...Object.values(GENERIC_FIELDS).flatMap((fields) => fields.map(([f]) => f)),
  ...Object.keys(TAB_NAMES),
  // Refresh causes and skip reasons (RefreshOutcome).
  'trigger',
  'menu',
  'sidebar',
  'customer',
  'amount',
]);

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/** A file the owner named (`samples/customers.csv`): its name is theirs, not an id of ours. */
const FILE = /[\w./-]+\.(?:csv|xlsx)\b/gi;
/** A command-line flag (`--customers`) is typed as it is spelled. */
const FLAG = /--[a-z][\w-]*/g;
const ISO_DATE = /\d{4}-\d{2}-\d{2}/;

/** What is wrong with one text the owner reads, or [] (ids are matched as whole words, case and all). */
export function ownerTextProblems(text: string): string[] {
  const problems: string[] = [];
  const words = text.replace(EMAIL, ' ').replace(FILE, ' ').replace(FLAG, ' ').match(/[A-Za-z][A-Za-z0-9]*/g) ?? [];
  for (const w of words) if (INTERNAL_IDS.has(w)) problems.push(`internal id "${w}"`);
  if (/\b(?:TRUE|FALSE)\b/.test(text)) problems.push('TRUE/FALSE');
  if (ISO_DATE.test(text)) problems.push(`ISO date ${ISO_DATE.exec(text)![0]}`);
  return problems;
}
