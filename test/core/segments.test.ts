/**
 * セグメント / Segments (issue 14), as pure data: who a definition selects, the rules it combines
 * them by (alternatives within a kind, all kinds at once), why an empty one is empty, the sheet's
 * rows and the CSV's bytes-to-be, and what Shift_JIS cannot hold.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { dayFromCivil, isoDay, makeZone } from '../../src/core/dates';
import type { StageId, TierId } from '../../src/core/labels';
import { buildReport } from '../../src/core/report';
import {
  EMPTY_SEGMENT,
  SEGMENT_LISTS,
  TIERS,
  contactsOf,
  csvText,
  describeSegment,
  findUnencodable,
  lineAudienceText,
  readSegment,
  readSegments,
  segmentCsvRows,
  segmentFacts,
  segmentGrid,
  segmentMembers,
  type SegmentDefinition,
  type SegmentInput,
} from '../../src/core/segments';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { ALL_STAGES } from '../../src/core/shared';
import { SMALL_SHOP_NOW, smallShopSheets } from '../support/smallShop';

const zone = makeZone('Asia/Tokyo');
const AS_OF = dayFromCivil(2026, 11, 30);

function inputOf(orders: Array<Array<string | number>>, customers?: Array<Array<string | number>>): SegmentInput {
  const r = buildReport({ orders, customers, settings: DEFAULT_SETTINGS, zone, locale: 'ja_JP', now: SMALL_SHOP_NOW });
  return { analysis: r.analysis, prediction: r.prediction, thisWeek: r.thisWeek, contacts: contactsOf(r.analysis, orders) };
}

const seg = (over: Partial<Omit<SegmentDefinition, 'filters'>> & { filters?: Partial<SegmentDefinition['filters']> } = {}): SegmentDefinition => ({
  ...EMPTY_SEGMENT,
  name: 'テスト',
  ...over,
  filters: { ...EMPTY_SEGMENT.filters, ...over.filters },
});
const keys = (input: SegmentInput, def: SegmentDefinition): string[] => segmentMembers(input, def).members.map((m) => m.key);

/** The small shop (test/support/smallShop.ts) with e-mails and LINE user IDs on its customers sheet. */
function smallShopWithContacts(): SegmentInput {
  const shop = smallShopSheets();
  const customers = shop.Customers.map((row, i) => {
    if (i === 0) return [...row, 'メールアドレス', 'LINEユーザーID', 'LINE登録'];
    const email = i % 3 === 0 ? '' : `s${i}@example.jp`;
    // S05 carries a LINE ID (the one people search for), which no audience accepts.
    const line = i === 5 ? 'yamada_line' : i % 2 === 1 ? `U${String(i).padStart(32, '0')}` : '';
    return [...row, email, line, i <= 8 ? '○' : '×'];
  });
  return inputOf(shop.Orders, customers);
}

describe('the small shop: who a segment selects, in the columns a mail tool imports', () => {
  const input = smallShopWithContacts();

  test('a rule-of-thumb list and an e-mail: the members with their e-mail, stage, LTV, dates and a message', () => {
    const r = segmentMembers(input, seg({ lists: ['buySoon'], filters: { hasEmail: true }, message: '{name}様、いつもありがとうございます({stage}・累計{ltv}円)' }));
    // buySoon is S01, S02, S07, S08 (test/core/thisWeek.test.ts); S03 has no e-mail on the sheet (i % 3 === 0 → S03, S06, S09, S12).
    expect(r.members.map((m) => [m.key, m.email])).toEqual([
      ['S01', 's1@example.jp'],
      ['S02', 's2@example.jp'],
      ['S08', 's8@example.jp'],
      ['S07', 's7@example.jp'],
    ]);
    const s01 = r.members[0]!;
    expect(s01.message).toBe(`山田 花子様、いつもありがとうございます(${s01.stage === 'partner' ? 'パートナー' : s01.stage === 'supporter' ? 'サポーター' : s01.stage === 'visitor' ? 'ビジター' : 'フォロワー'}・累計12,000円)`);
    expect(r.listsUsed).toEqual([expect.objectContaining({ id: 'buySoon', basis: 'rule' })]);
    expect(r.empty).toBeUndefined();
  });

  test('birthdays this month: 11/15 (S02), not 12/02 (S01) — the calendar month of the as-of day', () => {
    expect(keys(input, seg({ birthdaysThisMonth: true }))).toEqual(['S02']);
  });

  test('a LINE ID that is not a user ID is left blank and said so; has-LINE keeps the real user IDs only', () => {
    const r = segmentMembers(input, seg({ filters: { hasLineUserId: true } }));
    expect(r.withLine).toBe(true);
    expect(r.members.map((m) => m.key).sort()).toEqual(['S01', 'S03', 'S07', 'S09', 'S11']);
    expect(r.notes.join()).toMatch(/LINEユーザーIDの形\(U で始まる 33 文字\)でない値が 1件/);
    expect(lineAudienceText(r).split('\n').filter(Boolean)).toHaveLength(5);
    expect(lineAudienceText(r)).toMatch(/^U0{31}1\n/);
  });

  test('an empty segment says which criterion left nobody, and why nobody could pass it', () => {
    const r = segmentMembers(input, seg({ stages: ['partner'], vipOnly: true }));
    if (r.members.length === 0) expect(r.empty).toMatch(/^該当する方がいません: 「(ステージ: パートナー|VIP)」で \d+人 → 0人になりました。$/);
    const noLine = inputOf(smallShopSheets().Orders, smallShopSheets().Customers);
    const r2 = segmentMembers(noLine, seg({ filters: { hasLineUserId: true } }));
    expect(r2.members).toEqual([]);
    expect(r2.empty).toBe('該当する方がいません: 「LINEユーザーIDあり」で 12人 → 0人になりました。 顧客シートに「LINEユーザーID」の列がありません(LINE 連携ツールから書き出した列を顧客シートに入れてください)。');
    const r3 = segmentMembers(noLine, seg({ filters: { ltv: { min: 1_000_000, max: null } } }));
    expect(r3.empty).toBe('該当する方がいません: 「LTV 1,000,000以上円」で 12人 → 0人になりました。');
  });

  test('the sheet: summary line, then the header frozen, one row per member; the CSV the same rows', () => {
    const def = seg({ name: '呼び戻し', lists: ['winBack'] });
    const r = segmentMembers(input, def);
    const grid = segmentGrid(r, describeSegment(def, segmentFacts(input)), zone);
    expect(grid.values[0]![0]).toBe('セグメント「呼び戻し」 2人(基準日 2026/11/30)・条件: リスト: 呼び戻したい方');
    const header = grid.values[grid.frozenRows - 1]!;
    expect(header.filter(Boolean)).toEqual(['メールアドレス', '氏名', '顧客', 'ステージ', 'LTV', '最終購入日', '次回購入予測日', 'メッセージ', 'LINEユーザーID']);
    expect(grid.values.length - grid.frozenRows).toBe(r.members.length);
    const csv = segmentCsvRows(r);
    expect(csv.slice(1).map((row) => row[2])).toEqual(['S03', 'S04']);
    expect(csv[1]).toEqual(['', '鈴木 次郎', 'S03', csv[1]![3], '12000', isoDay(AS_OF - 160).replace(/-/g, '/'), '', '', 'U' + '3'.padStart(32, '0')]);
  });

  test('e-mails come from the orders when the customers sheet has none: the most recent order that has one', () => {
    const orders: Array<Array<string | number>> = [
      ['注文番号', '顧客ID', 'メールアドレス', '注文日', '金額'],
      ['1', 'C1', 'old@example.jp', '2026/01/10', 1000],
      ['2', 'C1', 'new@example.jp', '2026/10/10', 1000],
      ['3', 'C1', '', '2026/11/01', 1000],
      ['4', 'C2', '', '2026/11/01', 1000],
    ];
    const r = segmentMembers(inputOf(orders), seg({ filters: { hasEmail: true } }));
    expect(r.members.map((m) => [m.key, m.email])).toEqual([['C1', 'new@example.jp']]);
  });
});

// ---------------------------------------------------------------------------------------------
// The rules, on random shops and random definitions.

const lineId = (i: number): string => `U${i.toString(16).padStart(32, 'a')}`;
const shopArb = fc
  .array(
    fc.record({
      orders: fc.array(fc.record({ ago: fc.integer({ min: 0, max: 500 }), amount: fc.integer({ min: 500, max: 60_000 }) }), { maxLength: 6 }),
      email: fc.boolean(),
      line: fc.constantFrom('', 'id', 'bad'),
      registered: fc.boolean(),
      month: fc.integer({ min: 1, max: 12 }),
    }),
    { minLength: 1, maxLength: 14 },
  )
  .map((cs) => {
    const orders: Array<Array<string | number>> = [['注文番号', '顧客ID', '注文日', '金額']];
    const customers: Array<Array<string | number>> = [['顧客ID', 'メールアドレス', 'LINEユーザーID', 'LINE登録', '誕生日']];
    let n = 0;
    cs.forEach((c, i) => {
      const id = `K${i}`;
      for (const o of c.orders) orders.push([String(++n), id, isoDay(AS_OF - o.ago).replace(/-/g, '/'), o.amount]);
      customers.push([id, c.email ? `k${i}@example.jp` : '', c.line === 'id' ? lineId(i) : c.line === 'bad' ? '@shop' : '', c.registered ? '○' : '×', `1990/${c.month}/10`]);
    });
    if (orders.length === 1) orders.push(['0', 'K0', '2026/11/01', 1000]);
    return inputOf(orders, customers);
  });

const range = fc.option(fc.integer({ min: 0, max: 80_000 }), { nil: null });
const defArb: fc.Arbitrary<SegmentDefinition> = fc.record({
  name: fc.constant('P'),
  stages: fc.subarray([...ALL_STAGES]),
  tiers: fc.subarray([...TIERS]),
  vipOnly: fc.boolean(),
  lists: fc.subarray([...SEGMENT_LISTS]),
  birthdaysThisMonth: fc.boolean(),
  filters: fc.record({
    registeredOnly: fc.boolean(),
    hasEmail: fc.boolean(),
    hasLineUserId: fc.boolean(),
    ltv: fc.tuple(range, range).map(([a, b]) => (a !== null && b !== null && a > b ? { min: b, max: a } : { min: a, max: b })),
    daysSinceLast: fc.tuple(range, range).map(([a, b]) => (a !== null && b !== null && a > b ? { min: b, max: a } : { min: a, max: b })),
  }),
  message: fc.constantFrom('', '{name}様', '{stage} {tier} {ltv}円 {purchases}回'),
});

/** One more criterion on top of a definition (a kind left empty means "any": narrowing it picks one). */
const narrowing: fc.Arbitrary<(d: SegmentDefinition) => SegmentDefinition> = fc.oneof(
  fc.constantFrom<StageId>(...ALL_STAGES).map((s) => (d: SegmentDefinition) => ({ ...d, stages: d.stages.length === 0 || d.stages.includes(s) ? [s] : d.stages })),
  fc.constantFrom<TierId>(...TIERS).map((t) => (d: SegmentDefinition) => ({ ...d, tiers: d.tiers.length === 0 || d.tiers.includes(t) ? [t] : d.tiers })),
  fc.constant((d: SegmentDefinition) => ({ ...d, vipOnly: true })),
  fc.constant((d: SegmentDefinition) => ({ ...d, birthdaysThisMonth: true })),
  fc.constantFrom('registeredOnly', 'hasEmail', 'hasLineUserId').map((k) => (d: SegmentDefinition) => ({ ...d, filters: { ...d.filters, [k]: true } })),
  fc.integer({ min: 0, max: 80_000 }).map((min) => (d: SegmentDefinition) => ({ ...d, filters: { ...d.filters, ltv: { min: Math.max(min, d.filters.ltv.min ?? 0), max: d.filters.ltv.max } } })),
  fc.integer({ min: 0, max: 500 }).map((max) => (d: SegmentDefinition) => ({ ...d, filters: { ...d.filters, daysSinceLast: { min: d.filters.daysSinceLast.min, max: Math.min(max, d.filters.daysSinceLast.max ?? max) } } })),
);

describe('the rules of a segment, on random shops', () => {
  test('adding a criterion or a filter never adds anyone', () => {
    fc.assert(
      fc.property(shopArb, defArb, narrowing, (input, def, narrow) => {
        const wide = new Set(keys(input, def));
        const narrowed = narrow(def);
        // A narrowed range can cross (min above max): then nobody passes, which is still a subset.
        for (const k of keys(input, narrowed)) expect(wide.has(k)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  test('a segment of several stages is the union of its one-stage segments', () => {
    fc.assert(
      fc.property(shopArb, defArb, fc.subarray([...ALL_STAGES], { minLength: 2 }), (input, def, stages) => {
        const union = new Set(stages.flatMap((s) => keys(input, { ...def, stages: [s] })));
        expect(new Set(keys(input, { ...def, stages }))).toEqual(union);
      }),
      { numRuns: 40 },
    );
  });

  test('every member passes every criterion, every customer left out fails one (an oracle over the analysis)', () => {
    fc.assert(
      fc.property(shopArb, defArb, (input, def) => {
        const a = input.analysis;
        const month = new Date(a.asOf * 86_400_000).getUTCMonth();
        const listed = new Set(input.thisWeek.lists.filter((l) => def.lists.includes(l.definition.id as never)).flatMap((l) => l.entries.map((e) => e.key)));
        const inR = (n: number | undefined, r: { min: number | null; max: number | null }): boolean =>
          (r.min === null && r.max === null) || (n !== undefined && (r.min === null || n >= r.min) && (r.max === null || n <= r.max));
        const expected = [...a.byKey.values()]
          .filter((v) => {
            const c = input.contacts.byKey.get(v.metrics.key)!;
            return (
              (def.stages.length === 0 || def.stages.includes(v.stage.stage)) &&
              (def.tiers.length === 0 || (v.ranked?.tier !== undefined && def.tiers.includes(v.ranked.tier))) &&
              (!def.vipOnly || v.ranked?.vip === true) &&
              (def.lists.length === 0 || listed.has(v.metrics.key)) &&
              (!def.birthdaysThisMonth || (v.metrics.birthday !== undefined && new Date(v.metrics.birthday * 86_400_000).getUTCMonth() === month)) &&
              (!def.filters.registeredOnly || v.metrics.registered) &&
              (!def.filters.hasEmail || c.email !== '') &&
              (!def.filters.hasLineUserId || c.lineUserId !== '') &&
              inR(v.metrics.ltv, def.filters.ltv) &&
              inR(v.metrics.daysSinceLast, def.filters.daysSinceLast)
            );
          })
          .map((v) => v.metrics.key);
        expect(new Set(keys(input, def))).toEqual(new Set(expected));
      }),
      { numRuns: 60 },
    );
  });

  test('the count shown is the rows written: sheet rows and CSV rows are the members, and an empty segment says why', () => {
    fc.assert(
      fc.property(shopArb, defArb, (input, def) => {
        const r = segmentMembers(input, def);
        const grid = segmentGrid(r, describeSegment(def, segmentFacts(input)), zone);
        expect(grid.values.length - grid.frozenRows).toBe(r.members.length);
        expect(grid.values[0]![0]).toContain(` ${r.members.length}人(`);
        const csv = segmentCsvRows(r);
        expect(csv.length - 1).toBe(r.members.length);
        expect(parseCsv(csvText(csv))).toEqual(csv.map((row) => row.map((v) => (/^[=+\-@]/.test(v) ? `'${v}` : v))));
        expect(r.empty === undefined).toBe(r.members.length > 0);
        if (r.empty !== undefined) expect(r.empty).toMatch(/^該当する方がいません: /);
        // Highest LTV first.
        for (let i = 1; i < r.members.length; i++) expect(r.members[i - 1]!.ltv).toBeGreaterThanOrEqual(r.members[i]!.ltv);
      }),
      { numRuns: 40 },
    );
  });

  test('a definition survives the trip through its JSON property', () => {
    fc.assert(
      fc.property(defArb, (def) => {
        expect(readSegment(JSON.parse(JSON.stringify(def)))).toEqual({ segment: def, problems: [] });
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------

/** An RFC 4180 reader (quoted fields, doubled quotes, CRLF records), written from the RFC, not from csvText. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else field += text[i++];
      }
    } else while (i < text.length && text[i] !== ',' && text[i] !== '\r') field += text[i++];
    row.push(field);
    if (text[i] === ',') i++;
    else if (text[i] === '\r' && text[i + 1] === '\n') {
      rows.push(row);
      row = [];
      i += 2;
    }
  }
  return rows;
}

describe('CSV text (RFC 4180)', () => {
  test('commas, quotes and line breaks are quoted; a formula-looking field is kept as text', () => {
    expect(csvText([['a', 'b,c', 'say "hi"', 'two\nlines', '=SUM(A1)', '-5']])).toBe('a,"b,c","say ""hi""","two\nlines",\'=SUM(A1),\'-5\r\n');
  });
  test('any cells come back from an RFC 4180 reader as written', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const width = rows[0]!.length;
        const rect = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
        expect(parseCsv(csvText(rect))).toEqual(rect.map((r) => r.map((v) => (/^[=+\-@]/.test(v) ? `'${v}` : v))));
      }),
    );
  });
});

describe('what Shift_JIS (Windows-31J, as Excel and Japanese mail tools write it) cannot hold', () => {
  // The round trip the server makes through Apps Script's Blob, here through iconv-lite's cp932.
  const roundTrip = (text: string): string => iconv.decode(iconv.encode(text, 'cp932'), 'cp932');

  test('髙 and 﨑 (CP932 extensions) and ～ are held; an emoji and ㈱-less Hangul are reported by line and column', () => {
    const rows = [
      ['メールアドレス', '氏名', 'メッセージ'],
      ['a@example.jp', '髙橋 﨑子', '～ありがとう～'],
      ['b@example.jp', '佐藤 😀', 'こんにちは 한'],
    ];
    expect(findUnencodable(rows, roundTrip)).toEqual([
      { line: 3, column: '氏名', chars: '😀' },
      { line: 3, column: 'メッセージ', chars: '한' },
    ]);
  });

  test('nothing is reported for text Shift_JIS holds, whatever it is', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom('山田', '花子', 'abc', '①', 'ｶﾀｶﾅ', '髙', '～', '－', ',', '"', '\n'), { maxLength: 4 }).map((xs) => xs.join('')), { maxLength: 6 }), (cells) => {
        expect(findUnencodable([cells], roundTrip)).toEqual([]);
      }),
    );
  });

  test('on any text, exactly the characters that alone come back as "?" are reported, each in its cell', () => {
    const alone = (ch: string): boolean => ch !== '?' && roundTrip(ch) === '?';
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme', maxLength: 6 }), { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 4 }), (rows) => {
        const found = findUnencodable(rows, roundTrip);
        const expected = rows.flatMap((r, i) =>
          r.map((cell, c) => ({ line: i + 1, column: rows[0]![c]!, chars: [...new Set([...cell.replace(/\u0001/g, '')].filter(alone))].join('') })).filter((x) => x.chars !== ''),
        );
        expect(found).toEqual(expected);
      }),
    );
  });

  test('stored segments: invalid ones and a second of the same name are dropped', () => {
    const good = seg({ name: 'A' });
    expect(readSegments({ segments: [good, { ...good, name: '' }, { ...good, filters: { ...good.filters, ltv: { min: 5, max: 1 } } }, { ...good }] })).toEqual([good]);
    expect(readSegment({ ...good, name: 'x'.repeat(41) }).problems.map((p) => p.field)).toEqual(['name']);
    expect(readSegments('garbage')).toEqual([]);
  });
});
