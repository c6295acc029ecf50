/**
 * Utilities.newBlob and Base.Blob (https://developers.google.com/apps-script/reference/base/blob) as
 * the segments' CSV uses them: a string set in a charset, its bytes as Java's byte[] (-128…127), read
 * back in a charset; a character the charset cannot hold becomes "?" (Java's String.getBytes), and a
 * charset the emulator does not model says so instead of guessing.
 */
import { createGasEnvironment } from '../index';
import { thrown } from './thrown';

const g = () => createGasEnvironment({ now: Date.parse('2026-11-30T00:00:00Z') }).globals;

describe('Blob', () => {
  test('UTF-8 with a BOM: EF BB BF as Java bytes (-17, -69, -65), then the text; read back as written', () => {
    const { Utilities } = g();
    const blob = Utilities.newBlob('').setDataFromString('\uFEFF山田,"a"\r\n', 'UTF-8');
    const bytes = blob.getBytes();
    expect(bytes.slice(0, 3)).toEqual([-17, -69, -65]);
    expect(Buffer.from(bytes.map((b) => b & 0xff)).toString('utf8')).toBe('\uFEFF山田,"a"\r\n');
    expect(blob.getDataAsString('UTF-8')).toBe('\uFEFF山田,"a"\r\n');
    expect(Utilities.base64Encode(bytes)).toBe(Buffer.from('\uFEFF山田,"a"\r\n', 'utf8').toString('base64'));
  });

  test('Windows-31J: 山田 is 8E 52 93 63, 髙 is FB FC; an emoji becomes "?" (0x3F)', () => {
    const { Utilities } = g();
    const bytes = Utilities.newBlob('').setDataFromString('山田髙😀', 'windows-31j').getBytes().map((b) => b & 0xff);
    expect(bytes).toEqual([0x8e, 0x52, 0x93, 0x63, 0xfb, 0xfc, 0x3f]);
    expect(Utilities.newBlob(bytes).getDataAsString('MS932')).toBe('山田髙?');
  });

  test('a charset the emulator does not model is named, not guessed', () => {
    const { Utilities } = g();
    expect(thrown(() => Utilities.newBlob('').setDataFromString('山田', 'Shift_JIS'))).toMatch(/not implemented in the in-memory Sheets: Blob charset Shift_JIS/);
  });
});
