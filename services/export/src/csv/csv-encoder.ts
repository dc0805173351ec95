/**
 * CSV per RFC 4180: fields separated by commas, records ended by CRLF, a field quoted when it holds a comma, a quote,
 * CR or LF (quotes doubled inside). Spreadsheet formula injection is neutralised: a text cell starting with
 * = + - @ or a tab/CR would be run as a formula by Excel/LibreOffice, so it gets a leading apostrophe (OWASP advice).
 */
export const CSV_BOM = '\uFEFF';
const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function encodeField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function encodeRecord(fields: ReadonlyArray<string | number | null | undefined>): string {
  return fields.map(encodeField).join(',') + '\r\n';
}
