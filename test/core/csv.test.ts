/**
 * The CSV reader (src/core/csv.ts) that the sidebar's import, `npm start` and the fixtures share:
 * whatever an RFC 4180 writer writes, it reads back; each record knows the line of the file it
 * starts on (what the owner sees in a text editor); the delimiter is found from the first record.
 */
import fc from 'fast-check';
import { detectDelimiter, parseCsv, readCsv } from '../../src/core/csv';
import { writeCsv } from '../../scripts/csv';

/** Field text with everything that needs quoting: delimiters, quotes, CR, LF, CRLF, spaces, Japanese. */
const field = fc.array(fc.constantFrom('a', 'Z', '1', ' ', ',', ';', '\t', '"', '\r', '\n', '\r\n', 'あ', '髙', '①', '～', '¥', '='), { maxLength: 8 }).map((parts) => parts.join(''));
const rows = fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 });
const delimiter = fc.constantFrom(',', '\t', ';');
const newline = fc.constantFrom('\r\n', '\n', '\r');

/** Line breaks as a text editor counts them: CRLF once, a lone CR or LF once. */
const breaks = (s: string): number => (s.match(/\r\n|\r|\n/g) ?? []).length;

describe('readCsv', () => {
  test('reads back what an RFC 4180 writer writes, whatever the delimiter, line ends and BOM (parse ∘ write = id)', () => {
    fc.assert(
      fc.property(rows, delimiter, newline, fc.boolean(), (table, d, nl, bom) => {
        expect(parseCsv(writeCsv(table, { delimiter: d, newline: nl, bom }), { delimiter: d })).toEqual(table);
      }),
      { numRuns: 400 },
    );
  });

  test('each record starts on the line a text editor shows it on, and the file has as many lines as the editor counts', () => {
    fc.assert(
      fc.property(rows, newline, (table, nl) => {
        const text = writeCsv(table, { newline: nl });
        const read = readCsv(text, { delimiter: ',' });
        let line = 1;
        const expected = table.map((row) => {
          const at = line;
          line += 1 + row.reduce((n, f) => n + breaks(f), 0);
          return at;
        });
        expect(read.records.map((r) => r.line)).toEqual(expected);
        expect(read.lines).toBe(line - 1);
        expect(read.unclosedQuote).toBeUndefined();
      }),
    );
  });

  test('the delimiter is the one the first record uses (comma, tab — Amazon — or semicolon)', () => {
    const plain = fc.stringMatching(/^[a-zA-Z0-9あ-ん ]{1,6}$/);
    fc.assert(
      fc.property(fc.array(fc.array(plain, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 4 }), delimiter, (table, d) => {
        const text = writeCsv(table, { delimiter: d });
        expect(detectDelimiter(text)).toBe(d);
        expect(readCsv(text).delimiter).toBe(d);
        expect(parseCsv(text)).toEqual(table);
      }),
    );
    // Delimiters inside quotes do not count: this header has one comma and three quoted tabs.
    expect(detectDelimiter('"a\tb\tc\td",e\r\n')).toBe(',');
  });

  test('quoted fields with commas, line breaks and "" escapes; blank lines; no final line break', () => {
    const text = '注文番号,備考,金額\r\n1001,"赤い箱, 大\r\n(2個)",1280\r\n\r\n1002,"彼は""はい""と言った",-500';
    const read = readCsv(text);
    expect(read.records).toEqual([
      { line: 1, fields: ['注文番号', '備考', '金額'] },
      { line: 2, fields: ['1001', '赤い箱, 大\r\n(2個)', '1280'] },
      { line: 4, fields: [''] },
      { line: 5, fields: ['1002', '彼は"はい"と言った', '-500'] },
    ]);
    expect(read.lines).toBe(5);
  });

  test('a quote that is never closed: the line it opens on is reported (what follows is one field)', () => {
    const read = readCsv('a,b\r\n1,2\r\n3,"oops\r\n4,5\r\n');
    expect(read.unclosedQuote).toBe(3);
    expect(read.records.at(-1)).toEqual({ line: 3, fields: ['3', 'oops\r\n4,5\r\n'] });
  });
});
