/**
 * A small, generic document model rendered to PDF: what an attestation, a dossier summary or a receipt needs
 * (title, paragraphs, label/value sections, images, a QR code, a footer on every page) and nothing more.
 * Callers build the model from their own data; this library knows nothing of démarches or dossiers.
 */

export type Alignment = 'left' | 'center' | 'right';

export interface PdfHeading {
  kind: 'heading';
  text: string;
  /** 1 is the largest; defaults to 2 (the document title is rendered as level 1). */
  level?: 1 | 2 | 3;
}

export interface PdfParagraph {
  kind: 'paragraph';
  /** Plain text; "\n" breaks a line. */
  text: string;
  align?: Alignment | 'justify';
  italic?: boolean;
  bold?: boolean;
}

export interface PdfField {
  label: string;
  value: string;
}

/** A section of label / value pairs (« Nom : Dupont »), optionally under its own heading. */
export interface PdfFields {
  kind: 'fields';
  title?: string;
  rows: PdfField[];
}

/** A PNG or JPEG image (the only formats PDF embeds natively), scaled down to fit the box, never up. */
export interface PdfImage {
  kind: 'image';
  data: Buffer;
  maxWidth?: number;
  maxHeight?: number;
  align?: Alignment;
}

/** A QR code drawn as vector squares (sharp at any zoom, no image library needed). */
export interface PdfQrCode {
  kind: 'qrCode';
  value: string;
  /** Side in points; defaults to 90 (about 3 cm). */
  size?: number;
  caption?: string;
  align?: Alignment;
}

export interface PdfSpacer {
  kind: 'spacer';
  /** In points; defaults to one line. */
  height?: number;
}

export interface PdfPageBreak {
  kind: 'pageBreak';
}

export type PdfBlock =
  PdfHeading | PdfParagraph | PdfFields | PdfImage | PdfQrCode | PdfSpacer | PdfPageBreak;

export interface PdfDocumentModel {
  /** Document information Title (what viewers show in their title bar) and, unless `showTitle` is false, a heading. */
  title: string;
  showTitle?: boolean;
  author?: string;
  subject?: string;
  /** Image (PNG or JPEG) at the top of the first page. */
  logo?: Buffer;
  blocks: PdfBlock[];
  /** Text at the bottom of every page. */
  footer?: string;
  /** « Page n / N » at the bottom right of every page. */
  pageNumbers?: boolean;
  /** Creation date written in the document information (defaults to now); fixed in tests for stable output. */
  createdAt?: Date;
}

export interface RenderOptions {
  /**
   * Compress content streams (default true). Tests turn it off to find the rendered text in the bytes; pdfkit
   * writes text as hex glyph strings, so use `pdfTextFragments` or the document information to check content.
   */
  compress?: boolean;
}
