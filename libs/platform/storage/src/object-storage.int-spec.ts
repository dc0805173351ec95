import {
  DeleteBucketCommand,
  DeleteObjectsCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
// Test files may use the testing lib; the boundary rule does not yet tell tests from code (see report).
import { localInfrastructure, testNamespace } from '@demarches/testing';
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { sha256OfStream } from './checksum';
import { ObjectStorage } from './object-storage';
import { S3HealthIndicator } from './s3-health.indicator';
import { StorageOptions } from './storage.options';

// S3 bucket names allow no underscores.
const bucket = testNamespace(__filename).replace(/_/g, '-').replace(/-+$/, '');
const options: StorageOptions = {
  endpoint: localInfrastructure.s3.endpoint,
  region: localInfrastructure.s3.region,
  accessKeyId: localInfrastructure.s3.accessKey,
  secretAccessKey: localInfrastructure.s3.secretKey,
  bucket,
};
const storage = new ObjectStorage(options);
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

async function upload(url: string, headers: Record<string, string>, body: Buffer): Promise<Response> {
  return fetch(url, { method: 'PUT', headers, body });
}

describe(`${ObjectStorage.name} against the local S3 server`, () => {
  beforeAll(() => storage.ensureBucket());
  afterAll(async () => {
    const admin = new S3Client({
      endpoint: options.endpoint,
      region: options.region,
      forcePathStyle: true,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    });
    const listed = await admin.send(new ListObjectsV2Command({ Bucket: bucket }));
    const keys = (listed.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
    if (keys.length > 0)
      await admin.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys } }));
    await admin.send(new DeleteBucketCommand({ Bucket: bucket }));
    admin.destroy();
    storage.onApplicationShutdown();
  });

  it('creates its bucket once and tolerates being asked again', async () => {
    await expect(storage.ensureBucket()).resolves.toBeUndefined();
    await expect(new S3HealthIndicator(storage).check()).resolves.toBeUndefined();
  });

  it('accepts a browser-style upload through a presigned PUT, then verifies its size and SHA-256', async () => {
    const body = randomBytes(64 * 1024);
    const presigned = await storage.presignPut('uploads/piece.pdf', {
      contentType: 'application/pdf',
      contentLength: body.length,
      checksumSha256: sha256(body),
    });
    const res = await upload(presigned.url, presigned.headers, body);
    expect(res.status).toBe(200);

    expect(await storage.head('uploads/piece.pdf')).toMatchObject({
      size: body.length,
      contentType: 'application/pdf',
    });
    expect(await storage.verify('uploads/piece.pdf', { size: body.length, sha256: sha256(body) })).toEqual({
      ok: true,
      size: body.length,
      sha256: sha256(body),
    });
    expect(
      await storage.verify('uploads/piece.pdf', { size: body.length + 1, sha256: sha256(body) }),
    ).toMatchObject({ ok: false, reason: 'size_mismatch' });
    expect(
      await storage.verify('uploads/piece.pdf', { size: body.length, sha256: 'f'.repeat(64) }),
    ).toMatchObject({ ok: false, reason: 'checksum_mismatch' });
    expect(await storage.verify('uploads/absent.pdf', { size: 1, sha256: 'f'.repeat(64) })).toEqual({
      ok: false,
      reason: 'not_found',
    });
  });

  it('refuses an upload whose size differs from the one that was signed', async () => {
    const presigned = await storage.presignPut('uploads/sized.bin', {
      contentType: 'application/octet-stream',
      contentLength: 10,
    });
    const res = await upload(
      presigned.url,
      { ...presigned.headers, 'content-length': '11' },
      Buffer.alloc(11),
    );
    expect(res.ok).toBe(false);
    await expect(storage.head('uploads/sized.bin')).rejects.toMatchObject({ code: 'OBJECT_NOT_FOUND' });
  });

  it('refuses content that does not match the declared SHA-256', async () => {
    const declared = Buffer.from('the declared content');
    const presigned = await storage.presignPut('uploads/tampered.txt', {
      contentType: 'text/plain',
      contentLength: declared.length,
      checksumSha256: sha256(declared),
    });
    const res = await upload(presigned.url, presigned.headers, Buffer.from('other content of len'));
    expect(res.ok).toBe(false);
    await expect(storage.head('uploads/tampered.txt')).rejects.toMatchObject({ code: 'OBJECT_NOT_FOUND' });
  });

  it('assembles a multipart upload of presigned parts and verifies the whole by streaming it', async () => {
    const partSize = 5 * 1024 * 1024; // the S3 minimum for every part but the last
    const parts = [randomBytes(partSize), randomBytes(partSize), randomBytes(1000)];
    const whole = Buffer.concat(parts);
    const { uploadId } = await storage.createMultipart('uploads/big.zip', { contentType: 'application/zip' });
    const completed = await Promise.all(
      parts.map(async (part, i) => {
        const presigned = await storage.presignPart('uploads/big.zip', uploadId, i + 1, {
          contentLength: part.length,
        });
        const res = await upload(presigned.url, presigned.headers, part);
        expect(res.status).toBe(200);
        return { partNumber: i + 1, etag: res.headers.get('etag') ?? '' };
      }),
    );
    await storage.completeMultipart('uploads/big.zip', uploadId, completed.reverse());
    expect(await storage.verify('uploads/big.zip', { size: whole.length, sha256: sha256(whole) })).toEqual({
      ok: true,
      size: whole.length,
      sha256: sha256(whole),
    });
  });

  it('forgets an aborted multipart upload', async () => {
    const { uploadId } = await storage.createMultipart('uploads/aborted.bin', {
      contentType: 'application/octet-stream',
    });
    const presigned = await storage.presignPart('uploads/aborted.bin', uploadId, 1);
    const res = await upload(presigned.url, presigned.headers, Buffer.from('abc'));
    await storage.abortMultipart('uploads/aborted.bin', uploadId);
    await expect(
      storage.completeMultipart('uploads/aborted.bin', uploadId, [
        { partNumber: 1, etag: res.headers.get('etag') ?? '' },
      ]),
    ).rejects.toThrow();
    await expect(storage.head('uploads/aborted.bin')).rejects.toMatchObject({ code: 'OBJECT_NOT_FOUND' });
  });

  it('hands out a presigned download with the original file name', async () => {
    const body = Buffer.from('%PDF-1.7 attestation');
    await storage.putObject('attestations/a1.pdf', body, { contentType: 'application/pdf' });
    const presigned = await storage.presignGet('attestations/a1.pdf', {
      filename: 'Attestation de dépôt.pdf',
    });
    const res = await fetch(presigned.url);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(body);
    expect(res.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''Attestation%20de%20d%C3%A9p%C3%B4t.pdf`,
    );
  });

  it('writes streams of unknown length, reads them back and deletes them', async () => {
    const chunks = [randomBytes(1000), randomBytes(2000)];
    await storage.putObject('exports/e1.csv', Readable.from(chunks), { contentType: 'text/csv' });
    expect(await sha256OfStream(await storage.getObjectStream('exports/e1.csv'))).toEqual({
      sha256: sha256(Buffer.concat(chunks)),
      size: 3000,
    });
    await storage.delete('exports/e1.csv');
    await expect(storage.getObjectStream('exports/e1.csv')).rejects.toMatchObject({
      code: 'OBJECT_NOT_FOUND',
    });
    await expect(storage.delete('exports/e1.csv')).resolves.toBeUndefined();
  });

  it('reads only the requested first bytes of an object', async () => {
    const body = randomBytes(100_000);
    await storage.putObject('uploads/range.bin', body, { contentType: 'application/octet-stream' });
    expect(await storage.getRange('uploads/range.bin', 0, 16)).toEqual(body.subarray(0, 16));
    expect(await storage.getRange('uploads/range.bin', 99_990, 64)).toEqual(body.subarray(99_990));
    await expect(storage.getRange('uploads/missing.bin', 0, 16)).rejects.toMatchObject({
      code: 'OBJECT_NOT_FOUND',
    });
  });

  it('reports a missing bucket as unhealthy', async () => {
    const other = new ObjectStorage({ ...options, bucket: `${bucket}-missing` });
    await expect(new S3HealthIndicator(other).check()).rejects.toThrow();
    other.onApplicationShutdown();
  });
});
