import { CSV_BOM, encodeField, encodeRecord } from './csv-encoder';

describe('CSV encoding (RFC 4180)', () => {
  it('leaves plain fields as they are', () => {
    expect(encodeRecord(['abc', 42, 'Élodie'])).toBe('abc,42,Élodie\r\n');
  });

  it('quotes fields holding a comma, a quote or a line break, doubling the quotes', () => {
    expect(encodeField('a,b')).toBe('"a,b"');
    expect(encodeField('il a dit "oui"')).toBe('"il a dit ""oui"""');
    expect(encodeField('ligne 1\nligne 2')).toBe('"ligne 1\nligne 2"');
    expect(encodeField('a\r\nb')).toBe('"a\r\nb"');
  });

  it('writes empty fields for missing values', () => {
    expect(encodeRecord([null, undefined, ''])).toBe(',,\r\n');
  });

  it('neutralises values a spreadsheet would run as formulas', () => {
    expect(encodeField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(encodeField('+33 6 12')).toBe("'+33 6 12");
    expect(encodeField('-5')).toBe("'-5");
    expect(encodeField('@cmd')).toBe("'@cmd");
  });

  it('keeps numbers as numbers, negative ones included', () => {
    expect(encodeField(-5)).toBe('-5');
  });

  it('starts files with a UTF-8 byte order mark so Excel reads accents right', () => {
    expect(Buffer.from(CSV_BOM, 'utf8')).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
