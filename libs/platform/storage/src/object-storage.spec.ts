import { ObjectStorage } from './object-storage';
import { isNotFound } from './storage.errors';

// Presigning is pure computation: no S3 server is contacted here.
const storage = new ObjectStorage({
  endpoint: 'http://s3.internal:7070',
  publicEndpoint: 'https://files.demarches.example',
  region: 'us-east-1',
  accessKeyId: 'key',
  secretAccessKey: 'secret',
  bucket: 'attachments',
});

describe(ObjectStorage.name, () => {
  afterAll(() => storage.onApplicationShutdown());

  it('signs uploads for the public address, path-style, binding type, size and checksum', async () => {
    const sha256 = 'a'.repeat(64);
    const presigned = await storage.presignPut('dossiers/d1/piece.pdf', {
      contentType: 'application/pdf',
      contentLength: 1234,
      checksumSha256: sha256,
      expiresIn: 120,
    });
    const url = new URL(presigned.url);
    expect(url.origin).toBe('https://files.demarches.example');
    expect(url.pathname).toBe('/attachments/dossiers/d1/piece.pdf');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('120');
    expect(url.searchParams.get('X-Amz-SignedHeaders')?.split(';')).toEqual(
      expect.arrayContaining(['content-length', 'content-type', 'host', 'x-amz-checksum-sha256']),
    );
    // The checksum must travel as a header the client sends, so S3 checks the body against it.
    expect(url.searchParams.has('x-amz-checksum-sha256')).toBe(false);
    expect(presigned.headers).toEqual({
      'content-type': 'application/pdf',
      'content-length': '1234',
      'x-amz-checksum-sha256': Buffer.from(sha256, 'hex').toString('base64'),
    });
  });

  it('signs short-lived downloads that save under the original file name', async () => {
    const presigned = await storage.presignGet('dossiers/d1/piece.pdf', { filename: 'Pièce.pdf' });
    const url = new URL(presigned.url);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('60');
    expect(url.searchParams.get('response-content-disposition')).toBe(
      `attachment; filename="Piece.pdf"; filename*=UTF-8''Pi%C3%A8ce.pdf`,
    );
  });
});

describe(isNotFound.name, () => {
  it('recognises the several ways S3 says "missing"', () => {
    expect(isNotFound(Object.assign(new Error('x'), { name: 'NoSuchKey' }))).toBe(true);
    expect(isNotFound({ name: 'Unknown', $metadata: { httpStatusCode: 404 } })).toBe(true);
    expect(isNotFound({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } })).toBe(false);
  });
});
