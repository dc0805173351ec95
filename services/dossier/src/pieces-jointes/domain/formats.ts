/**
 * Accepted formats of a pièce justificative (seed, « Formats de pièces-jointes acceptés » : .pdf, .doc, .docx, .xls,
 * .xlsx, .csv, .ppt, .pptx, .odt, .ods, .odp, .jpg, .jpeg, .png), and a sniffer of their first bytes: the file name's
 * extension, the declared content type and the bytes must all tell the same story.
 */

/** What the first bytes say a file is. */
export type Signature =
  | 'pdf'
  | 'jpeg'
  | 'png'
  | 'ole2' // legacy Office: .doc, .xls, .ppt share one container
  | 'ooxml-word'
  | 'ooxml-excel'
  | 'ooxml-powerpoint'
  | 'ooxml' // an Office Open XML package whose part names are not in the first bytes
  | 'odt'
  | 'ods'
  | 'odp'
  | 'zip'
  | 'text'
  | 'unknown';

interface Format {
  contentTypes: readonly string[];
  signatures: readonly Signature[];
}

const OLE2 = ['ole2'] as const;

export const FORMATS: Readonly<Record<string, Format>> = {
  pdf: { contentTypes: ['application/pdf'], signatures: ['pdf'] },
  jpg: { contentTypes: ['image/jpeg', 'image/pjpeg'], signatures: ['jpeg'] },
  jpeg: { contentTypes: ['image/jpeg', 'image/pjpeg'], signatures: ['jpeg'] },
  png: { contentTypes: ['image/png'], signatures: ['png'] },
  doc: { contentTypes: ['application/msword'], signatures: OLE2 },
  xls: { contentTypes: ['application/vnd.ms-excel'], signatures: OLE2 },
  ppt: { contentTypes: ['application/vnd.ms-powerpoint'], signatures: OLE2 },
  docx: {
    contentTypes: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    signatures: ['ooxml-word', 'ooxml'],
  },
  xlsx: {
    contentTypes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    signatures: ['ooxml-excel', 'ooxml'],
  },
  pptx: {
    contentTypes: ['application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    signatures: ['ooxml-powerpoint', 'ooxml'],
  },
  odt: { contentTypes: ['application/vnd.oasis.opendocument.text'], signatures: ['odt'] },
  ods: { contentTypes: ['application/vnd.oasis.opendocument.spreadsheet'], signatures: ['ods'] },
  odp: { contentTypes: ['application/vnd.oasis.opendocument.presentation'], signatures: ['odp'] },
  // Browsers on Windows declare CSV files as Excel's; a CSV is plain text whatever it is called.
  csv: { contentTypes: ['text/csv', 'application/vnd.ms-excel', 'text/plain'], signatures: ['text'] },
};

export const EXTENSIONS_ACCEPTEES = Object.keys(FORMATS);

/** How many leading bytes the sniffer needs: enough to see the first part names of an Office package. */
export const SNIFF_BYTES = 64 * 1024;

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** The bare media type, lower case, without parameters (`text/csv; charset=utf-8` → `text/csv`). */
export function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

export type FormatProblem = 'extension_refusee' | 'type_incoherent';

/** Checks what the client declares before any byte is sent. */
export function verifierDeclaration(fileName: string, contentType: string): FormatProblem | null {
  const format = FORMATS[extensionOf(fileName)];
  if (!format) return 'extension_refusee';
  return format.contentTypes.includes(mediaType(contentType)) ? null : 'type_incoherent';
}

/** Checks that the uploaded bytes are of the format the file name announces. */
export function contenuConforme(fileName: string, head: Buffer): boolean {
  const format = FORMATS[extensionOf(fileName)];
  return format !== undefined && format.signatures.includes(sniff(head));
}

const startsWith = (head: Buffer, bytes: readonly number[], offset = 0): boolean =>
  head.length >= offset + bytes.length && bytes.every((byte, i) => head[offset + i] === byte);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];

export function sniff(head: Buffer): Signature {
  if (startsWith(head, PDF)) return 'pdf';
  if (startsWith(head, JPEG)) return 'jpeg';
  if (startsWith(head, PNG)) return 'png';
  if (startsWith(head, OLE2_MAGIC)) return 'ole2';
  if (startsWith(head, ZIP_LOCAL_HEADER)) return sniffZip(head);
  return isText(head) ? 'text' : 'unknown';
}

const ODF: Record<string, Signature> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
};

/** Names of the local file headers found in the head of a ZIP archive (entries may be cut at the end). */
function zipEntryNames(
  head: Buffer,
): { name: string; dataStart: number; storedSize: number; method: number }[] {
  const entries = [];
  let offset = 0;
  while (startsWith(head, ZIP_LOCAL_HEADER, offset) && offset + 30 <= head.length) {
    const method = head.readUInt16LE(offset + 8);
    const compressedSize = head.readUInt32LE(offset + 18);
    const nameLength = head.readUInt16LE(offset + 26);
    const extraLength = head.readUInt16LE(offset + 28);
    const flags = head.readUInt16LE(offset + 6);
    const nameStart = offset + 30;
    if (nameStart + nameLength > head.length) break;
    const name = head.toString('latin1', nameStart, nameStart + nameLength);
    const dataStart = nameStart + nameLength + extraLength;
    entries.push({ name, dataStart, storedSize: compressedSize, method });
    // With a data descriptor (flag bit 3) the size is only known after the data: stop walking there.
    if ((flags & 0x08) !== 0 || compressedSize === 0xffffffff) break;
    offset = dataStart + compressedSize;
  }
  return entries;
}

function sniffZip(head: Buffer): Signature {
  const entries = zipEntryNames(head);
  const first = entries[0];
  // OpenDocument: the first entry is `mimetype`, stored uncompressed (ODF 1.2 §3.3).
  if (first?.name === 'mimetype' && first.method === 0) {
    const type = head.toString('latin1', first.dataStart, first.dataStart + first.storedSize).trim();
    return ODF[type] ?? 'zip';
  }
  const names = entries.map((entry) => entry.name);
  if (names.some((name) => name.startsWith('word/'))) return 'ooxml-word';
  if (names.some((name) => name.startsWith('xl/'))) return 'ooxml-excel';
  if (names.some((name) => name.startsWith('ppt/'))) return 'ooxml-powerpoint';
  return names.includes('[Content_Types].xml') ? 'ooxml' : 'zip';
}

/** Text: no NUL and no control byte other than tab, new lines and form feed; UTF-8 or a legacy 8-bit charset. */
function isText(head: Buffer): boolean {
  if (head.length === 0) return false;
  for (const byte of head) {
    if (byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d) continue;
    if (byte < 0x20 || byte === 0x7f) return false;
  }
  return true;
}
