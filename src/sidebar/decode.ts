/**
 * A chosen file's bytes → text, or why it is not a CSV the import can read (issue 13).
 *
 * Encoding: a byte order mark says it (UTF-8, UTF-16); else text that is valid UTF-8 is UTF-8;
 * else Shift_JIS as Windows writes it (CP932: 楽天, カラーミー, MakeShop, EC-CUBE and Amazon.co.jp
 * export so), which the browser's `TextDecoder('shift_jis')` decodes with the CP932 extensions
 * (NEC's ①, IBM's 髙 﨑, and 0x8160 as ～ U+FF5E: the WHATWG Encoding Standard's Shift_JIS *is*
 * Windows-31J); else EUC-JP, which older Linux-hosted carts write.
 *
 * Refused, with the reason the sidebar names: an empty file; an Excel workbook, zip, PDF or image
 * (recognised by their first bytes); other binary data (NUL or many control bytes); a file that
 * mixes encodings — some lines valid UTF-8 Japanese, others not (two exports pasted together, or
 * a header retyped in another editor) — since no one decoding reads every line right.
 */

export type Encoding = 'UTF-8' | 'UTF-8 (BOM)' | 'UTF-16LE' | 'UTF-16BE' | 'Shift_JIS (CP932)' | 'EUC-JP';

export type NotText = 'empty' | 'excel' | 'zip' | 'pdf' | 'image' | 'binary' | 'mixed' | 'encoding';

export type Decoded =
  | { readonly ok: true; readonly text: string; readonly encoding: Encoding }
  | {
      readonly ok: false;
      readonly problem: NotText;
      /** For 'mixed': the first lines of each kind (1-based). */
      readonly utf8Lines?: readonly number[];
      readonly otherLines?: readonly number[];
    };

const startsWith = (b: Uint8Array, ...sig: number[]): boolean => sig.every((v, i) => b[i] === v);

/** What a file is, by its first bytes, when it is not text at all. */
function sniff(b: Uint8Array): NotText | undefined {
  if (startsWith(b, 0x50, 0x4b, 0x03, 0x04) || startsWith(b, 0x50, 0x4b, 0x05, 0x06)) {
    // An .xlsx (and .docx, .ods) is a zip whose first entry is "[Content_Types].xml" or "mimetype".
    const head = String.fromCharCode(...b.subarray(30, 60));
    return /\[Content_Types\]|xl\/|mimetype/.test(head) ? 'excel' : 'zip';
  }
  if (startsWith(b, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'excel'; // .xls (OLE2)
  if (startsWith(b, 0x25, 0x50, 0x44, 0x46)) return 'pdf'; // %PDF
  if (
    startsWith(b, 0x89, 0x50, 0x4e, 0x47) || // PNG
    startsWith(b, 0xff, 0xd8, 0xff) || // JPEG
    startsWith(b, 0x47, 0x49, 0x46, 0x38) || // GIF8
    startsWith(b, 0x42, 0x4d) || // BMP
    (startsWith(b, 0x52, 0x49, 0x46, 0x46) && startsWith(b.subarray(8), 0x57, 0x45, 0x42, 0x50)) || // RIFF….WEBP
    startsWith(b.subarray(4), 0x66, 0x74, 0x79, 0x70) || // ….ftyp (HEIC, AVIF)
    startsWith(b, 0x49, 0x49, 0x2a, 0x00) ||
    startsWith(b, 0x4d, 0x4d, 0x00, 0x2a) // TIFF
  ) {
    return 'image';
  }
  // Text has no NUL and few control bytes (tab, CR, LF and form feed aside).
  const n = Math.min(b.length, 65_536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c === 0) return 'binary';
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return control > n / 100 ? 'binary' : undefined;
}

/** Valid UTF-8 from `from` to `to`: 0 = not valid, else 1 + the number of 3- or 4-byte characters. */
function utf8Line(b: Uint8Array, from: number, to: number): number {
  let wide = 0;
  for (let i = from; i < to; ) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) [n, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [n, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [n, min] = [3, 0x10000];
    else return 0;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || i + k >= to || (d & 0xc0) !== 0x80) return 0;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
    if (n >= 2) wide++;
    i += n + 1;
  }
  return 1 + wide;
}

/**
 * Lines that are UTF-8 Japanese (valid, with at least two 3-byte characters: Japanese text is, and
 * Shift_JIS text almost never forms two) and lines that are not valid UTF-8. Lines are split at LF,
 * a byte that is never part of a Shift_JIS or EUC-JP character.
 */
function classifyLines(b: Uint8Array): { utf8: number[]; other: number[] } {
  const utf8: number[] = [];
  const other: number[] = [];
  let line = 1;
  for (let start = 0; start < b.length; line++) {
    let end = b.indexOf(10, start);
    if (end < 0) end = b.length;
    const v = utf8Line(b, start, end);
    if (v === 0) other.push(line);
    else if (v >= 3) utf8.push(line);
    start = end + 1;
  }
  return { utf8, other };
}

/** Characters of Japanese words: hiragana, full-width katakana, kanji. */
function japanese(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x3041 && c <= 0x30fa) || (c >= 0x4e00 && c <= 0x9fff)) n++;
  }
  return n;
}

function decodeWith(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** How many line numbers of each kind a 'mixed' answer carries. */
const SHOWN_LINES = 5;

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, problem: 'empty' };
  if (startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff)) {
    const le = bytes[0] === 0xff;
    const text = decodeWith(le ? 'utf-16le' : 'utf-16be', bytes.subarray(2));
    return text === undefined ? { ok: false, problem: 'encoding' } : text.trim() === '' ? { ok: false, problem: 'empty' } : { ok: true, text, encoding: le ? 'UTF-16LE' : 'UTF-16BE' };
  }
  const bom = startsWith(bytes, 0xef, 0xbb, 0xbf);
  const body = bom ? bytes.subarray(3) : bytes;
  if (body.length === 0) return { ok: false, problem: 'empty' };
  const kind = sniff(body);
  if (kind !== undefined) return { ok: false, problem: kind };

  const utf8 = decodeWith('utf-8', body);
  if (utf8 !== undefined) return utf8.trim() === '' ? { ok: false, problem: 'empty' } : { ok: true, text: utf8, encoding: bom ? 'UTF-8 (BOM)' : 'UTF-8' };

  const lines = classifyLines(body);
  if (bom || lines.utf8.length > 0) {
    return { ok: false, problem: 'mixed', utf8Lines: lines.utf8.slice(0, SHOWN_LINES), otherLines: lines.other.slice(0, SHOWN_LINES) };
  }
  const sjis = decodeWith('shift_jis', body);
  const euc = decodeWith('euc-jp', body);
  // EUC-JP text is often valid Shift_JIS too (as half-width katakana), never the other way round
  // once a line has kana: so EUC-JP wins only where it reads as more Japanese.
  if (euc !== undefined && (sjis === undefined || japanese(euc) > japanese(sjis))) return { ok: true, text: euc, encoding: 'EUC-JP' };
  if (sjis !== undefined) return { ok: true, text: sjis, encoding: 'Shift_JIS (CP932)' };
  return { ok: false, problem: 'encoding' };
}
