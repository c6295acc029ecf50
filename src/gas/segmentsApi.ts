/**
 * The sidebar's セグメント section (issue 14), server side: what it shows, the count as the owner
 * chooses, リストを作成 (save + write the sheet), CSVをダウンロード, and delete. Every answer is
 * JSON-safe (google.script.run carries no Date) and in the spreadsheet's language.
 *
 * The count comes from one server call per change (the client waits until the owner pauses): the
 * same rules that choose the sheet's rows (core `selectSegment`) applied to each customer's facts as
 * the last refresh kept them (src/gas/segmentFactsCache.ts) — a cache read, where reading the sheets
 * again took 19 s (projected) for a 3,000-customer shop. The sidebar holds no customer data to count
 * from, and a document property (9 KB) could not hold a shop's customers for it.
 *
 * The CSV is encoded here through Apps Script's Blob
 * (https://developers.google.com/apps-script/reference/base/blob: setDataFromString(string, charset),
 * getBytes(), getDataAsString(charset)) and crosses as base64 (Utilities.base64Encode); the page
 * turns it into a download. Shift_JIS is written as Windows-31J (Microsoft's Shift_JIS, what Excel
 * and Windows save as "Shift_JIS" and Japanese mail services read): its table holds 髙, 﨑, ①, ～
 * that JIS X 0208's does not. A character it cannot hold is reported by line and column.
 */
import { isoDay } from '../core/dates';
import { SEGMENT_TEXT, SIDEBAR_TEXT, STAGE_LABELS, TIER_LABELS, pickLang, type Lang } from '../core/labels';
import {
  SJIS_CHARSET,
  MAX_SEGMENT_NAME,
  MAX_SEGMENTS,
  SEGMENT_LISTS,
  TIERS,
  csvText,
  describeSegment,
  findUnencodable,
  lineAudienceText,
  readSegment,
  segmentCsvRows,
  segmentFacts,
  selectSegment,
  type SegmentDefinition,
} from '../core/segments';
import { ALL_STAGES } from '../core/shared';
import { message } from './properties';
import { zoneFor } from './env';
import { keptSegmentFacts, rememberSegmentFacts } from './segmentFactsCache';
import { currentSegmentInput } from './segmentInput';
import { deleteSegmentSheet, ownSegmentSheets, segmentJob, writeSegmentSheet } from './segmentSheets';
import { loadSegments, storeSegments, withSegment } from './segmentStore';
import { loadSettings } from './settingsStore';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The section's static words (the functions among SEGMENT_TEXT are filled on the server). */
type StaticKeys = { [K in keyof typeof SEGMENT_TEXT]: (typeof SEGMENT_TEXT)[K] extends { ja: string } ? K : never }[keyof typeof SEGMENT_TEXT];

export interface SavedSegmentView {
  readonly definition: SegmentDefinition;
  /** Its sheet's name, when the add-on's sheet of it exists. */
  readonly sheet: string | undefined;
}

export interface SegmentsView {
  readonly lang: Lang;
  readonly text: Readonly<Record<StaticKeys, string>>;
  readonly stages: ReadonlyArray<{ id: string; label: string }>;
  readonly tiers: ReadonlyArray<{ id: string; label: string }>;
  readonly lists: ReadonlyArray<{ id: string; label: string }>;
  readonly formats: ReadonlyArray<{ id: CsvFormat; label: string }>;
  readonly maxName: number;
  /** The VIP thank-you template, offered as a new segment's message. */
  readonly defaultMessage: string;
  readonly saved: readonly SavedSegmentView[];
}

export type CsvFormat = 'utf8' | 'sjis' | 'line';
const FORMATS: readonly CsvFormat[] = ['utf8', 'sjis', 'line'];

function langOf(ss: Spreadsheet): Lang {
  return pickLang(loadSettings().language, ss.getSpreadsheetLocale());
}

export function getSegmentsView(): SegmentsView {
  const ss = SpreadsheetApp.getActive();
  const settings = loadSettings();
  const lang = pickLang(settings.language, ss.getSpreadsheetLocale());
  const T = SEGMENT_TEXT;
  const text = Object.fromEntries(
    Object.entries(T)
      .filter(([, v]) => typeof (v as { ja: unknown }).ja === 'string')
      .map(([k, v]) => [k, (v as Record<Lang, string>)[lang]]),
  ) as Record<StaticKeys, string>;
  const sheets = ownSegmentSheets(ss);
  return {
    lang,
    text,
    stages: ALL_STAGES.map((id) => ({ id, label: STAGE_LABELS[id][lang] })),
    tiers: TIERS.map((id) => ({ id, label: TIER_LABELS[id][lang] })),
    lists: SEGMENT_LISTS.map((id) => ({ id, label: (id === 'buySoon' ? T.listBuySoon : T.listWinBack)[lang] })),
    formats: FORMATS.map((id) => ({ id, label: (id === 'utf8' ? T.formatUtf8 : id === 'sjis' ? T.formatSjis : T.formatLine)[lang] })),
    maxName: MAX_SEGMENT_NAME,
    defaultMessage: settings.messageTemplate[lang],
    saved: loadSegments().map((definition) => ({ definition, sheet: sheets.get(definition.name)?.getName() })),
  };
}

export interface SegmentProblemView {
  readonly field: string;
  readonly message: string;
}

function validated(def: unknown, lang: Lang, nameRequired: boolean): { segment: SegmentDefinition | undefined; problems: SegmentProblemView[] } {
  const draft = nameRequired ? def : { ...(typeof def === 'object' && def !== null ? def : {}), name: (def as { name?: unknown } | null)?.name || '-' };
  const { segment, problems } = readSegment(draft);
  return { segment, problems: problems.map((p) => ({ field: p.field, message: p.message[lang] })) };
}

export interface SegmentPreview {
  readonly ok: boolean;
  readonly problems: readonly SegmentProblemView[];
  readonly count?: number;
  readonly countText?: string;
  readonly rule?: string;
  readonly empty?: string;
  readonly notes?: readonly string[];
  /** The first few members' names (or keys), to see who the rule picks. */
  readonly sample?: readonly string[];
  readonly error?: string;
}

const SAMPLE = 5;

/**
 * The count as the owner chooses (the name may still be blank): from the facts the last refresh (or
 * the last count) kept, when they are for today and these settings — one cache read — else from the
 * sheets, keeping the facts for the next click.
 */
export function previewSegment(def: unknown): SegmentPreview {
  const ss = SpreadsheetApp.getActive();
  const settings = loadSettings();
  const lang = pickLang(settings.language, ss.getSpreadsheetLocale());
  const { segment, problems } = validated(def, lang, false);
  if (segment === undefined) return { ok: false, problems };
  try {
    const zone = zoneFor(ss.getSpreadsheetTimeZone());
    let facts = keptSegmentFacts(settings, zone.dayOf(Date.now()));
    if (facts === null) {
      facts = segmentFacts(currentSegmentInput(ss).input);
      try {
        rememberSegmentFacts(facts, settings);
      } catch {
        // Counted again at the next click.
      }
    }
    const { chosen, empty, notes } = selectSegment(facts, segment);
    return {
      ok: true,
      problems: [],
      count: chosen.length,
      countText: SEGMENT_TEXT.count[lang](chosen.length),
      rule: describeSegment(segment, facts),
      ...(empty !== undefined ? { empty } : {}),
      notes,
      sample: chosen.slice(0, SAMPLE).map((f) => f.name || f.key),
    };
  } catch (e) {
    return { ok: false, problems: [], error: message(e) };
  }
}

export interface SegmentSaved {
  readonly ok: boolean;
  readonly problems: readonly SegmentProblemView[];
  readonly message?: string;
  readonly view: SegmentsView;
}

/** リストを作成: stores the definition (replacing one of the same name) and writes its sheet now. */
export function saveSegment(def: unknown): SegmentSaved {
  const ss = SpreadsheetApp.getActive();
  const lang = langOf(ss);
  const { segment, problems } = validated(def, lang, true);
  if (segment === undefined) return { ok: false, problems, view: getSegmentsView() };
  const next = withSegment(loadSegments(), segment);
  if (next === 'tooMany' || next === 'tooBig') {
    const text = next === 'tooMany' ? SEGMENT_TEXT.tooMany[lang](MAX_SEGMENTS) : SEGMENT_TEXT.tooBig[lang];
    return { ok: false, problems: [{ field: '', message: text }], view: getSegmentsView() };
  }
  const lock = LockService.getDocumentLock();
  if (lock !== null && !lock.tryLock(10_000)) return { ok: false, problems: [{ field: '', message: SIDEBAR_TEXT.busy[lang] }], view: getSegmentsView() };
  try {
    const { input, zone } = currentSegmentInput(ss);
    const facts = segmentFacts(input);
    const job = segmentJob(input, segment, zone, facts);
    storeSegments(next);
    try {
      rememberSegmentFacts(facts, loadSettings());
    } catch {
      // Only the next count's speed depends on it.
    }
    const { sheet, note } = writeSegmentSheet(ss, ownSegmentSheets(ss).get(segment.name), job, lang);
    const made = SEGMENT_TEXT.made[lang](sheet.getName(), job.result.members.length);
    return { ok: true, problems: [], message: [made, note, job.result.empty].filter((x) => x !== undefined).join(' '), view: getSegmentsView() };
  } catch (e) {
    return { ok: false, problems: [{ field: '', message: message(e) }], view: getSegmentsView() };
  } finally {
    lock?.releaseLock();
  }
}

/** Deletes a saved segment and the add-on's sheet of it. */
export function deleteSegment(name: unknown): SegmentSaved {
  const ss = SpreadsheetApp.getActive();
  const lang = langOf(ss);
  const list = loadSegments();
  const target = typeof name === 'string' ? list.find((s) => s.name === name) : undefined;
  if (target === undefined) return { ok: false, problems: [{ field: '', message: SEGMENT_TEXT.notFound[lang](String(name)) }], view: getSegmentsView() };
  try {
    storeSegments(list.filter((s) => s !== target));
    deleteSegmentSheet(ss, target.name);
    return { ok: true, problems: [], message: SEGMENT_TEXT.removed[lang](target.name), view: getSegmentsView() };
  } catch (e) {
    return { ok: false, problems: [{ field: '', message: message(e) }], view: getSegmentsView() };
  }
}

export interface SegmentDownload {
  readonly ok: boolean;
  readonly problems: readonly SegmentProblemView[];
  readonly filename?: string;
  readonly mimeType?: string;
  /** The file's bytes, base64. */
  readonly base64?: string;
  /** What the owner should know of the file (characters Shift_JIS cannot hold…). */
  readonly warnings?: readonly string[];
  readonly error?: string;
}

/** At most this many places are listed of characters Shift_JIS cannot hold. */
const UNENCODABLE_SHOWN = 10;

const SJIS = SJIS_CHARSET;

/** CSVをダウンロード: the segment as the form defines it, in the chosen format. */
export function downloadSegment(def: unknown, format: unknown): SegmentDownload {
  const ss = SpreadsheetApp.getActive();
  const lang = langOf(ss);
  const { segment, problems } = validated(def, lang, true);
  if (segment === undefined) return { ok: false, problems };
  const f: CsvFormat = FORMATS.includes(format as CsvFormat) ? (format as CsvFormat) : 'utf8';
  try {
    const { input, zone } = currentSegmentInput(ss);
    const r = segmentJob(input, segment, zone).result;
    const base = `${segment.name}_${isoDay(r.asOf)}`;
    if (f === 'line') {
      const text = lineAudienceText(r);
      if (text === '') return { ok: false, problems: [], error: r.withLine ? SEGMENT_TEXT.noLineIds[lang] : SEGMENT_TEXT.noLineColumn[lang] };
      const bytes = Utilities.newBlob('').setDataFromString(text, 'UTF-8').getBytes();
      return { ok: true, problems: [], filename: `${base}_LINE.txt`, mimeType: 'text/plain', base64: Utilities.base64Encode(bytes), warnings: [...r.notes] };
    }
    const rows = segmentCsvRows(r);
    const csv = csvText(rows);
    const warnings = [...r.notes, ...(r.empty !== undefined ? [r.empty] : [])];
    let bytes: number[];
    if (f === 'sjis') {
      const roundTrip = (t: string): string => Utilities.newBlob('').setDataFromString(t, SJIS).getDataAsString(SJIS);
      const bad = findUnencodable(rows, roundTrip);
      if (bad.length > 0) {
        const shown = bad.slice(0, UNENCODABLE_SHOWN).map((u) => SEGMENT_TEXT.unencodable[lang](u.line, u.column, u.chars));
        warnings.push(`${SEGMENT_TEXT.unencodableIntro[lang](bad.length)} ${shown.join('、')}${bad.length > UNENCODABLE_SHOWN ? '…' : ''}`);
      }
      bytes = Utilities.newBlob('').setDataFromString(csv, SJIS).getBytes();
    } else {
      // The BOM (EF BB BF) tells Excel the file is UTF-8.
      bytes = Utilities.newBlob('').setDataFromString(`\uFEFF${csv}`, 'UTF-8').getBytes();
    }
    return { ok: true, problems: [], filename: `${base}${f === 'sjis' ? '_sjis' : ''}.csv`, mimeType: 'text/csv', base64: Utilities.base64Encode(bytes), warnings };
  } catch (e) {
    return { ok: false, problems: [], error: message(e) };
  }
}
