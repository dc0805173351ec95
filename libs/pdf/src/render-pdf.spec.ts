import QRCode from 'qrcode';
import {
  extractPdfText,
  imageFormatOf,
  pdfInfoTitle,
  PdfRenderError,
  renderPdf,
  renderPdfStream,
} from './index';

// A 4×2 red PNG.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000004000000020802000000f0caea340000001049444154789c63f8cfc000470cc81c006faa07f980dc00280000000049454e44ae426082',
  'hex',
);
const uncompressed = { compress: false };

describe('renderPdf', () => {
  it('renders the title, paragraphs and label/value sections in reading order', async () => {
    const pdf = await renderPdf(
      {
        title: 'Attestation d’éligibilité',
        blocks: [
          {
            kind: 'paragraph',
            text: 'Le dossier « n° 42 » est accepté.\nFait pour servir et valoir ce que de droit.',
          },
          { kind: 'fields', title: 'Demandeur', rows: [{ label: 'Nom', value: 'Zoé Dupont' }] },
        ],
      },
      uncompressed,
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfInfoTitle(pdf)).toBe('Attestation d’éligibilité');
    expect(extractPdfText(pdf)).toEqual([
      'Attestation d’éligibilité',
      'Le dossier « n° 42 » est accepté.',
      'Fait pour servir et valoir ce que de droit.',
      'Demandeur',
      'Nom',
      'Zoé Dupont',
    ]);
  });

  it('compresses content by default, so the text is not readable in the bytes', async () => {
    const model = { title: 'Titre', blocks: [{ kind: 'paragraph' as const, text: 'Texte '.repeat(200) }] };
    const compressed = await renderPdf(model);
    expect(extractPdfText(compressed)).toEqual([]);
    expect(pdfInfoTitle(compressed)).toBe('Titre');
    expect(compressed.length).toBeLessThan((await renderPdf(model, uncompressed)).length);
  });

  it('writes the footer and the page numbers on every page', async () => {
    const pdf = await renderPdf(
      {
        title: 'Long',
        blocks: [
          { kind: 'paragraph', text: 'Première page' },
          { kind: 'pageBreak' },
          { kind: 'paragraph', text: 'Seconde page' },
        ],
        footer: 'Préfecture de la Loire',
        pageNumbers: true,
      },
      uncompressed,
    );
    const lines = extractPdfText(pdf);
    expect(lines.filter((line) => line === 'Préfecture de la Loire')).toHaveLength(2);
    expect(lines).toEqual(expect.arrayContaining(['Page 1 / 2', 'Page 2 / 2']));
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(2);
  });

  it('can leave the title out of the page while keeping it in the document information', async () => {
    const pdf = await renderPdf(
      { title: 'Caché', showTitle: false, blocks: [{ kind: 'heading', text: 'Visible', level: 2 }] },
      uncompressed,
    );
    expect(extractPdfText(pdf)).toEqual(['Visible']);
    expect(pdfInfoTitle(pdf)).toBe('Caché');
  });

  it('replaces characters the standard fonts cannot print instead of printing garbage', async () => {
    const pdf = await renderPdf(
      { title: 'T', showTitle: false, blocks: [{ kind: 'paragraph', text: 'Oui 👍 œuvre €' }] },
      uncompressed,
    );
    expect(extractPdfText(pdf)).toEqual(['Oui ? œuvre €']);
  });

  it('embeds PNG images (logo and blocks) and refuses anything else', async () => {
    const pdf = await renderPdf(
      { title: 'Images', logo: PNG, blocks: [{ kind: 'image', data: PNG, maxWidth: 100, align: 'right' }] },
      uncompressed,
    );
    expect(pdf.toString('latin1').match(/\/Subtype \/Image/g)?.length).toBeGreaterThanOrEqual(1);
    expect(() =>
      renderPdfStream({ title: 'x', blocks: [{ kind: 'image', data: Buffer.from('GIF89a') }] }),
    ).toThrow(PdfRenderError);
    await expect(renderPdf({ title: 'x', logo: Buffer.from('<svg/>'), blocks: [] })).rejects.toThrow(
      'only PNG and JPEG',
    );
  });

  it('draws one square per dark module of the QR code, with its caption', async () => {
    const value = 'https://demarches.example/attestations/abc';
    const pdf = await renderPdf(
      { title: 'QR', showTitle: false, blocks: [{ kind: 'qrCode', value, caption: 'Vérifier' }] },
      uncompressed,
    );
    const { modules } = QRCode.create(value, { errorCorrectionLevel: 'M' });
    const dark = Array.from(modules.data).filter((bit) => bit === 1).length;
    expect(pdf.toString('latin1').match(/ re\n/g)).toHaveLength(dark);
    expect(extractPdfText(pdf)).toEqual(['Vérifier']);
  });
});

describe('imageFormatOf', () => {
  it('recognises PNG and JPEG by their signature only', () => {
    expect(imageFormatOf(PNG)).toBe('png');
    expect(imageFormatOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('jpeg');
    expect(imageFormatOf(Buffer.from('GIF89a'))).toBeNull();
    expect(imageFormatOf(Buffer.from('%PDF-1.7'))).toBeNull();
    expect(imageFormatOf(PNG.subarray(0, 4))).toBeNull();
  });
});
