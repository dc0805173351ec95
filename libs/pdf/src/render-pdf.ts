import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { Readable } from 'node:stream';
import { imageFormatOf } from './image-format';
import type {
  Alignment,
  PdfBlock,
  PdfDocumentModel,
  PdfFields,
  PdfImage,
  PdfQrCode,
  RenderOptions,
} from './pdf-document';

type Doc = PDFKit.PDFDocument;
/** pdfkit's openImage (parsed once, drawn with its size) is missing from @types/pdfkit. */
type PdfImageRef = { width: number; height: number };
const openImage = (doc: Doc, data: Buffer): PdfImageRef =>
  (doc as Doc & { openImage(src: Buffer): PdfImageRef }).openImage(data);

const MARGIN = 56; // 2 cm
const FOOTER_HEIGHT = 36;
const FONT = 'Helvetica';
const FONT_BOLD = 'Helvetica-Bold';
const FONT_ITALIC = 'Helvetica-Oblique';
const HEADING_SIZES = { 1: 20, 2: 15, 3: 12 } as const;
const BODY_SIZE = 11;
const LOGO_MAX = { width: 160, height: 80 };

export class PdfRenderError extends Error {}

/**
 * Standard PDF fonts encode WinAnsi (Latin-1 plus ’ « » € œ…): French text renders; characters outside it (emoji,
 * other scripts) would print as garbage, so they are replaced by « ? » explicitly.
 */
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
function printable(text: string): string {
  return [...text.replace(/\r\n?/g, '\n').replace(/\t/g, '    ')]
    .map((char) => {
      const code = char.codePointAt(0) ?? 0;
      if (char === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) return char;
      return WIN_ANSI_EXTRA.includes(char) ? char : '?';
    })
    .join('');
}

function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function xFor(doc: Doc, width: number, align: Alignment = 'left'): number {
  const left = doc.page.margins.left;
  if (align === 'center') return left + (contentWidth(doc) - width) / 2;
  if (align === 'right') return left + contentWidth(doc) - width;
  return left;
}

function bottomLimit(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page when `height` does not fit below the cursor, so a block is never cut across pages. */
function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
}

function checkedImage(data: Buffer, what: string): Buffer {
  if (!imageFormatOf(data)) throw new PdfRenderError(`${what}: only PNG and JPEG images can be embedded`);
  return data;
}

function drawImage(doc: Doc, block: Pick<PdfImage, 'data' | 'maxWidth' | 'maxHeight' | 'align'>): void {
  const image = openImage(doc, checkedImage(block.data, 'image'));
  const maxWidth = Math.min(block.maxWidth ?? contentWidth(doc), contentWidth(doc));
  const maxHeight = Math.min(block.maxHeight ?? 300, bottomLimit(doc) - doc.page.margins.top);
  const scale = Math.min(1, maxWidth / image.width, maxHeight / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  ensureRoom(doc, height);
  doc.image(image as unknown as Buffer, xFor(doc, width, block.align), doc.y, { width, height });
  doc.y += height + BODY_SIZE / 2;
  doc.x = doc.page.margins.left;
}

function drawQrCode(doc: Doc, block: PdfQrCode): void {
  const size = block.size ?? 90;
  const captionHeight = block.caption ? BODY_SIZE * 2 : 0;
  ensureRoom(doc, size + captionHeight);
  const { modules } = QRCode.create(block.value, { errorCorrectionLevel: 'M' });
  // A quiet zone of two modules around the symbol, as scanners expect.
  const cell = size / (modules.size + 4);
  const x0 = xFor(doc, size, block.align);
  const y0 = doc.y;
  doc.save().fillColor('black');
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) doc.rect(x0 + (col + 2) * cell, y0 + (row + 2) * cell, cell, cell);
    }
  }
  doc.fill().restore();
  doc.y = y0 + size;
  if (block.caption) {
    doc
      .font(FONT)
      .fontSize(BODY_SIZE - 2)
      .text(printable(block.caption), xFor(doc, Math.max(size, 200), block.align), doc.y, {
        width: Math.max(size, 200),
        align: block.align ?? 'left',
      });
  }
  doc.x = doc.page.margins.left;
  doc.moveDown(0.5);
}

function drawFields(doc: Doc, block: PdfFields): void {
  if (block.title) drawHeading(doc, block.title, 3);
  const labelWidth = contentWidth(doc) * 0.35;
  const valueWidth = contentWidth(doc) - labelWidth - 8;
  for (const row of block.rows) {
    const label = printable(row.label);
    const value = printable(row.value === '' ? '—' : row.value);
    doc.fontSize(BODY_SIZE);
    const height = Math.max(
      doc.font(FONT_BOLD).heightOfString(label, { width: labelWidth }),
      doc.font(FONT).heightOfString(value, { width: valueWidth }),
    );
    ensureRoom(doc, height);
    const y = doc.y;
    const left = doc.page.margins.left;
    doc.font(FONT_BOLD).text(label, left, y, { width: labelWidth });
    doc.font(FONT).text(value, left + labelWidth + 8, y, { width: valueWidth });
    doc.x = left;
    doc.y = y + height + 4;
  }
  doc.moveDown(0.5);
}

function drawHeading(doc: Doc, text: string, level: 1 | 2 | 3): void {
  const size = HEADING_SIZES[level];
  ensureRoom(doc, size * 2.5);
  doc.moveDown(level === 1 ? 0 : 0.5);
  doc
    .font(FONT_BOLD)
    .fontSize(size)
    .text(printable(text), doc.page.margins.left, doc.y, {
      width: contentWidth(doc),
      align: level === 1 ? 'center' : 'left',
    });
  doc.moveDown(0.5);
}

function drawBlock(doc: Doc, block: PdfBlock): void {
  switch (block.kind) {
    case 'heading':
      return drawHeading(doc, block.text, block.level ?? 2);
    case 'paragraph':
      doc
        .font(block.bold ? FONT_BOLD : block.italic ? FONT_ITALIC : FONT)
        .fontSize(BODY_SIZE)
        .text(printable(block.text), doc.page.margins.left, doc.y, {
          width: contentWidth(doc),
          align: block.align ?? 'left',
          lineGap: 2,
        });
      doc.moveDown(0.7);
      return;
    case 'fields':
      return drawFields(doc, block);
    case 'image':
      return drawImage(doc, block);
    case 'qrCode':
      return drawQrCode(doc, block);
    case 'spacer':
      doc.y += block.height ?? BODY_SIZE * 1.2;
      return;
    case 'pageBreak':
      doc.addPage();
      return;
  }
}

/** Footer and page numbers go on every page once the content is laid out (pages are buffered for that). */
function drawFooters(doc: Doc, model: PdfDocumentModel): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing inside the bottom margin must not trigger pdfkit's automatic page break.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - bottom + (bottom - FOOTER_HEIGHT) / 2;
    const width = contentWidth(doc);
    doc.font(FONT).fontSize(8).fillColor('#444444');
    if (model.footer) {
      doc.text(printable(model.footer), doc.page.margins.left, y, {
        width: model.pageNumbers ? width - 70 : width,
        align: 'left',
        height: FOOTER_HEIGHT,
        ellipsis: true,
      });
    }
    if (model.pageNumbers) {
      doc.text(`Page ${i - range.start + 1} / ${range.count}`, doc.page.margins.left + width - 70, y, {
        width: 70,
        align: 'right',
      });
    }
    doc.fillColor('black');
    doc.page.margins.bottom = bottom;
  }
}

function layout(doc: Doc, model: PdfDocumentModel): void {
  if (model.logo) drawImage(doc, { data: model.logo, maxWidth: LOGO_MAX.width, maxHeight: LOGO_MAX.height });
  if (model.showTitle !== false) drawHeading(doc, model.title, 1);
  for (const block of model.blocks) drawBlock(doc, block);
  if (model.footer || model.pageNumbers) drawFooters(doc, model);
}

function newDocument(model: PdfDocumentModel, options: RenderOptions): Doc {
  return new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_HEIGHT / 2 },
    compress: options.compress ?? true,
    bufferPages: true,
    info: {
      Title: model.title,
      ...(model.author ? { Author: model.author } : {}),
      ...(model.subject ? { Subject: model.subject } : {}),
      Producer: 'Démarches',
      Creator: 'Démarches',
      CreationDate: model.createdAt ?? new Date(),
    },
    displayTitle: true,
    lang: 'fr-FR',
  });
}

/**
 * The PDF as a stream, for HTTP responses and uploads. Layout errors (an image that is not PNG/JPEG) are thrown
 * here, before any byte is sent.
 */
export function renderPdfStream(model: PdfDocumentModel, options: RenderOptions = {}): Readable {
  const doc = newDocument(model, options);
  try {
    layout(doc, model);
  } catch (error) {
    doc.end();
    doc.resume();
    throw error;
  }
  doc.end();
  return doc;
}

export async function renderPdf(model: PdfDocumentModel, options: RenderOptions = {}): Promise<Buffer> {
  const stream = renderPdfStream(model, options);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}
