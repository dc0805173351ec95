import { Readable } from 'node:stream';
import { base64ToHex, contentDisposition, hexToBase64, sha256OfStream } from './checksum';

describe('checksum helpers', () => {
  const helloSha256 = '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824';

  it('hashes a stream and counts its bytes', async () => {
    expect(await sha256OfStream(Readable.from([Buffer.from('hel'), Buffer.from('lo')]))).toEqual({
      sha256: helloSha256,
      size: 5,
    });
  });

  it('converts between the hex we expose and the base64 S3 wants', () => {
    expect(base64ToHex(hexToBase64(helloSha256))).toBe(helloSha256);
    expect(() => hexToBase64('not-hex')).toThrow(/64 hex/);
  });

  it('keeps accented file names exact for modern browsers with an ASCII fallback', () => {
    expect(contentDisposition("Pièce d'identité (recto).pdf")).toBe(
      `attachment; filename="Piece d'identite (recto).pdf"; filename*=UTF-8''Pi%C3%A8ce%20d%27identit%C3%A9%20%28recto%29.pdf`,
    );
  });

  it('cannot be tricked into a second header parameter by quotes in the name', () => {
    expect(contentDisposition('a".pdf; filename="evil.exe')).toMatch(
      /^attachment; filename="a_.pdf; filename=_evil.exe"; filename\*=/,
    );
  });
});
