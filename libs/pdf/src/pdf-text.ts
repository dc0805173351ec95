const WIN_ANSI_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWinAnsi(hex: string): string {
  let text = '';
  for (let i = 0; i + 1 < hex.length; i += 2) {
    const code = parseInt(hex.slice(i, i + 2), 16);
    text += code >= 0x80 && code <= 0x9f ? WIN_ANSI_HIGH[code - 0x80] : String.fromCharCode(code);
  }
  return text;
}

/**
 * The lines of text of a PDF this library rendered with `compress: false`, in drawing order (footers last): a
 * test helper, so tests assert on what a reader sees rather than on bytes. Not a general PDF text extractor.
 */
export function extractPdfText(pdf: Buffer): string[] {
  const source = pdf.toString('latin1');
  return [...source.matchAll(/\[((?:<[0-9a-f]*>\s*-?[\d.]*\s*)+)\]\s*TJ/g)].map((match) =>
    [...match[1].matchAll(/<([0-9a-f]*)>/g)].map((piece) => decodeWinAnsi(piece[1])).join(''),
  );
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };

function unescapeLiteral(literal: string): string {
  return literal.replace(/\\([0-7]{1,3}|.)/g, (_, escaped: string) =>
    /^[0-7]+$/.test(escaped) ? String.fromCharCode(parseInt(escaped, 8)) : (ESCAPES[escaped] ?? escaped),
  );
}

/** The document information Title (pdfkit writes it as a literal or a UTF-16BE hex string). */
export function pdfInfoTitle(pdf: Buffer): string | null {
  const source = pdf.toString('latin1');
  const ref = /\/Title\s+(\d+)\s+0\s+R/.exec(source);
  const value = ref
    ? new RegExp(`\\n${ref[1]} 0 obj\\s*([\\s\\S]*?)\\s*endobj`).exec(source)?.[1]
    : undefined;
  const inline = value ?? /\/Title\s*(\([^)]*\)|<[0-9a-fA-F]*>)/.exec(source)?.[1];
  if (!inline) return null;
  const bytes = inline.startsWith('(')
    ? Buffer.from(unescapeLiteral(inline.slice(1, -1)), 'latin1')
    : Buffer.from(inline.slice(1, -1), 'hex');
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  return decodeWinAnsi(bytes.toString('hex'));
}
