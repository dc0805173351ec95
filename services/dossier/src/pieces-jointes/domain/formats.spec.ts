import { contenuConforme, extensionOf, sniff, verifierDeclaration } from './formats';

/** A ZIP local file header for `name`, stored (method 0), followed by `data`. */
function zipEntry(name: string, data: string, method = 0): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(method, 8);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(data.length, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, Buffer.from(name, 'latin1'), Buffer.from(data, 'latin1')]);
}

const samples: Record<string, Buffer> = {
  pdf: Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'),
  jpeg: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]),
  png: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  ole2: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
  docx: Buffer.concat([zipEntry('[Content_Types].xml', '<Types/>'), zipEntry('word/document.xml', '<w/>')]),
  xlsx: Buffer.concat([zipEntry('[Content_Types].xml', '<Types/>'), zipEntry('xl/workbook.xml', '<x/>')]),
  pptx: Buffer.concat([
    zipEntry('[Content_Types].xml', '<Types/>'),
    zipEntry('ppt/presentation.xml', '<p/>'),
  ]),
  odt: zipEntry('mimetype', 'application/vnd.oasis.opendocument.text'),
  ods: zipEntry('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'),
  odp: zipEntry('mimetype', 'application/vnd.oasis.opendocument.presentation'),
  zip: zipEntry('photo.jpg', 'xxxx'),
  csv: Buffer.from('nom;prénom;montant\nDupont;Émile;12,50\n', 'utf8'),
  exe: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]),
};

describe('pièces justificatives: formats', () => {
  it.each([
    ['pdf', 'pdf'],
    ['jpeg', 'jpeg'],
    ['png', 'png'],
    ['ole2', 'ole2'],
    ['docx', 'ooxml-word'],
    ['xlsx', 'ooxml-excel'],
    ['pptx', 'ooxml-powerpoint'],
    ['odt', 'odt'],
    ['ods', 'ods'],
    ['odp', 'odp'],
    ['zip', 'zip'],
    ['csv', 'text'],
    ['exe', 'unknown'],
  ])('recognises %s from its first bytes', (sample, signature) => {
    expect(sniff(samples[sample] as Buffer)).toBe(signature);
  });

  it.each([
    ['attestation.PDF', 'pdf'],
    ['photo.jpg', 'jpeg'],
    ['photo.jpeg', 'jpeg'],
    ['scan.png', 'png'],
    ['lettre.doc', 'ole2'],
    ['budget.xls', 'ole2'],
    ['diapos.ppt', 'ole2'],
    ['lettre.docx', 'docx'],
    ['budget.xlsx', 'xlsx'],
    ['diapos.pptx', 'pptx'],
    ['lettre.odt', 'odt'],
    ['budget.ods', 'ods'],
    ['diapos.odp', 'odp'],
    ['liste.csv', 'csv'],
  ])('accepts %s whose bytes match its extension', (fileName, sample) => {
    expect(contenuConforme(fileName, samples[sample] as Buffer)).toBe(true);
  });

  it.each([
    ['facture.pdf', 'exe'],
    ['photo.jpg', 'png'],
    ['lettre.docx', 'xlsx'],
    ['lettre.docx', 'zip'],
    ['lettre.odt', 'ods'],
    ['liste.csv', 'pdf'],
    ['budget.xlsx', 'odt'],
    ['programme.exe', 'exe'],
  ])('refuses %s whose bytes are %s', (fileName, sample) => {
    expect(contenuConforme(fileName, samples[sample] as Buffer)).toBe(false);
  });

  it('accepts a declaration whose type matches the extension', () => {
    expect(verifierDeclaration('Justificatif de domicile.pdf', 'application/pdf')).toBeNull();
    expect(verifierDeclaration('liste.csv', 'application/vnd.ms-excel')).toBeNull();
    expect(verifierDeclaration('liste.csv', 'text/csv; charset=utf-8')).toBeNull();
  });

  it('refuses an extension outside the accepted formats and a type that contradicts the extension', () => {
    expect(verifierDeclaration('programme.exe', 'application/octet-stream')).toBe('extension_refusee');
    expect(verifierDeclaration('sans-extension', 'application/pdf')).toBe('extension_refusee');
    expect(verifierDeclaration('photo.jpg', 'application/pdf')).toBe('type_incoherent');
  });

  it('reads the extension case-insensitively from the last dot', () => {
    expect(extensionOf('rapport.final.DOCX')).toBe('docx');
    expect(extensionOf('README')).toBe('');
  });
});
