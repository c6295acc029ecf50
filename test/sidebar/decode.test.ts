/**
 * Decoding a chosen file (src/sidebar/decode.ts) with Node's TextDecoder, which implements the
 * same WHATWG Encoding Standard as the browser's (the browser test runs it in chromium). The bytes
 * come from iconv-lite, an encoder that is not ours: CP932 as 楽天 and カラーミー write it, EUC-JP,
 * UTF-8 with and without a BOM, UTF-16 as Excel's "Unicode text" writes it.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { decodeBytes } from '../../src/sidebar/decode';

const bytes = (b: Buffer | number[]): Uint8Array => Uint8Array.from(b);

/** Characters of an order export: ASCII, kana, kanji, and CP932's own (髙 﨑 ① ～ and friends). */
const CHARS = [
  ...'abcXYZ0189 ,.-@:/"',
  ...'あいうえおかきくけこさんをー',
  ...'アイウエオカキクケコサンヲ',
  ...'注文番号日時顧客名前金額送料合計発送済東京都渋谷区田中一郎山崎橋',
  ...'髙﨑①②⑩Ⅰ㈱～∥－￢',
];
const japaneseLine = fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 30 }).map((a) => a.join(''));
/** A file: lines of text, at least one with a kana (an export always has some). */
const exportText = fc
  .tuple(fc.array(japaneseLine, { minLength: 1, maxLength: 8 }), fc.constantFrom('\r\n', '\n'))
  .map(([lines, nl]) => `注文番号,お名前\r\n${lines.join(nl)}${nl}`);

describe('decodeBytes', () => {
  test('CP932: 髙, 﨑, ①, ～ (0x8160 → U+FF5E) and the rest come back as written', () => {
    const text = '注文番号,注文者名,商品名\r\n1,髙橋 﨑子,①お試し～3種\r\n';
    const b = iconv.encode(text, 'cp932');
    // The bytes are CP932's, not Unicode's: 髙 is an IBM extension (0xFBFC), ～ is 0x8160.
    expect(b.includes(Buffer.from([0xfb, 0xfc]))).toBe(true);
    expect(b.includes(Buffer.from([0x81, 0x60]))).toBe(true);
    expect(decodeBytes(bytes(b))).toEqual({ ok: true, text, encoding: 'Shift_JIS (CP932)' });
  });

  test('any export text written in CP932 reads back exactly', () => {
    fc.assert(
      fc.property(exportText, (text) => {
        expect(decodeBytes(bytes(iconv.encode(text, 'cp932')))).toEqual({ ok: true, text, encoding: 'Shift_JIS (CP932)' });
      }),
      { numRuns: 300 },
    );
  });

  test('UTF-8 with and without a BOM reads back exactly (the BOM is not part of the text)', () => {
    fc.assert(
      fc.property(exportText, fc.boolean(), (text, bom) => {
        const b = Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text, 'utf8')]);
        expect(decodeBytes(bytes(b))).toEqual({ ok: true, text, encoding: bom ? 'UTF-8 (BOM)' : 'UTF-8' });
      }),
      { numRuns: 300 },
    );
  });

  test('EUC-JP (older carts) and UTF-16 with a BOM (Excel’s Unicode text)', () => {
    const text = '注文番号,お名前\r\n1,山田 花子\r\n';
    expect(decodeBytes(bytes(iconv.encode(text, 'euc-jp')))).toEqual({ ok: true, text, encoding: 'EUC-JP' });
    expect(decodeBytes(bytes(iconv.encode(text, 'utf-16le', { addBOM: true })))).toEqual({ ok: true, text, encoding: 'UTF-16LE' });
  });

  test('refused, with the reason: empty, Excel, zip, PDF, image, binary', () => {
    expect(decodeBytes(new Uint8Array())).toEqual({ ok: false, problem: 'empty' });
    expect(decodeBytes(bytes([0xef, 0xbb, 0xbf]))).toEqual({ ok: false, problem: 'empty' });
    expect(decodeBytes(bytes(Buffer.from('\r\n  \r\n')))).toEqual({ ok: false, problem: 'empty' });
    const zipWith = (name: string): number[] => [0x50, 0x4b, 0x03, 0x04, ...new Array<number>(26).fill(0), ...Buffer.from(name)];
    expect(decodeBytes(bytes(zipWith('[Content_Types].xml')))).toMatchObject({ ok: false, problem: 'excel' });
    expect(decodeBytes(bytes(zipWith('orders.csv')))).toMatchObject({ ok: false, problem: 'zip' });
    expect(decodeBytes(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toMatchObject({ ok: false, problem: 'excel' });
    expect(decodeBytes(bytes(Buffer.from('%PDF-1.7\n')))).toMatchObject({ ok: false, problem: 'pdf' });
    expect(decodeBytes(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toMatchObject({ ok: false, problem: 'image' });
    expect(decodeBytes(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toMatchObject({ ok: false, problem: 'image' });
    expect(decodeBytes(bytes([0x41, 0x00, 0x42, 0x01, 0x02]))).toMatchObject({ ok: false, problem: 'binary' });
  });

  test('mixed encodings (a UTF-8 line among CP932 lines) are refused, naming lines of each kind', () => {
    const utf8 = Buffer.from('注文番号,お名前\r\n1,山田 花子\r\n', 'utf8');
    const sjis = iconv.encode('2,田中 一郎\r\n3,髙橋 﨑子\r\n', 'cp932');
    expect(decodeBytes(bytes(Buffer.concat([utf8, sjis])))).toEqual({ ok: false, problem: 'mixed', utf8Lines: [1, 2], otherLines: [3, 4] });
  });
});
