import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Readable } from 'node:stream';
import { base64ToHex, contentDisposition, hexToBase64, sha256OfStream } from './checksum';
import { isNotFound, StorageException } from './storage.errors';
import { STORAGE_OPTIONS, StorageOptions } from './storage.options';

export interface PresignedRequest {
  url: string;
  method: 'PUT' | 'GET';
  /** Headers the client must send exactly as given: they are part of the signature. */
  headers: Record<string, string>;
  expiresAt: Date;
}

export interface PresignPutOptions {
  contentType: string;
  contentLength: number;
  /** Hex SHA-256 of the whole body; S3 then refuses any other content. */
  checksumSha256?: string;
  expiresIn?: number;
}

export interface ObjectHead {
  size: number;
  contentType?: string;
  /** Hex, only when the server stored a full-object SHA-256 (not a multipart composite). */
  checksumSha256?: string;
  etag?: string;
}

export type VerifyResult =
  | { ok: true; size: number; sha256: string }
  | {
      ok: false;
      reason: 'not_found' | 'size_mismatch' | 'checksum_mismatch';
      size?: number;
      sha256?: string;
    };

export interface CompletedPart {
  partNumber: number;
  etag: string;
}

const DEFAULT_PUT_EXPIRY_S = 15 * 60;
// Downloads are handed out per click; a leaked link must die quickly.
const DEFAULT_GET_EXPIRY_S = 60;

/** The object store of one service, on one bucket. Keys are chosen by the service (never by the client). */
@Injectable()
export class ObjectStorage implements OnApplicationShutdown {
  readonly bucket: string;
  private readonly client: S3Client;
  private readonly presignClient: S3Client;

  constructor(@Inject(STORAGE_OPTIONS) options: StorageOptions) {
    this.bucket = options.bucket;
    this.client = createClient(options, options.endpoint);
    // Signatures cover the host, so URLs for browsers are signed against the public address.
    this.presignClient = options.publicEndpoint ? createClient(options, options.publicEndpoint) : this.client;
  }

  async ensureBucket(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch (error: unknown) {
      if (!isNotFound(error)) throw error;
      try {
        await this.client.send(new CreateBucketCommand({ Bucket: this.bucket }));
      } catch (createError: unknown) {
        // Another replica created it between our HEAD and CREATE.
        if (!(createError instanceof Error && createError.name === 'BucketAlreadyOwnedByYou'))
          throw createError;
      }
    }
  }

  async headBucket(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
  }

  async presignPut(key: string, options: PresignPutOptions): Promise<PresignedRequest> {
    const expiresIn = options.expiresIn ?? DEFAULT_PUT_EXPIRY_S;
    const headers: Record<string, string> = {
      'content-type': options.contentType,
      'content-length': String(options.contentLength),
    };
    const checksum = options.checksumSha256 === undefined ? undefined : hexToBase64(options.checksumSha256);
    if (checksum !== undefined) headers['x-amz-checksum-sha256'] = checksum;
    const command = new PutObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ContentType: options.contentType,
      ContentLength: options.contentLength,
      ...(checksum !== undefined ? { ChecksumSHA256: checksum } : {}),
    });
    const url = await getSignedUrl(this.presignClient, command, {
      expiresIn,
      // Signed headers bind the upload to the declared type, size and checksum.
      signableHeaders: new Set(['content-type', 'content-length']),
      unhoistableHeaders: new Set(['x-amz-checksum-sha256']),
    });
    return { url, method: 'PUT', headers, expiresAt: expiry(expiresIn) };
  }

  async presignGet(
    key: string,
    options: { filename: string; expiresIn?: number; contentType?: string },
  ): Promise<PresignedRequest> {
    const expiresIn = options.expiresIn ?? DEFAULT_GET_EXPIRY_S;
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ResponseContentDisposition: contentDisposition(options.filename),
      ...(options.contentType !== undefined ? { ResponseContentType: options.contentType } : {}),
    });
    const url = await getSignedUrl(this.presignClient, command, { expiresIn });
    return { url, method: 'GET', headers: {}, expiresAt: expiry(expiresIn) };
  }

  async createMultipart(key: string, options: { contentType: string }): Promise<{ uploadId: string }> {
    const result = await this.client.send(
      new CreateMultipartUploadCommand({ Bucket: this.bucket, Key: key, ContentType: options.contentType }),
    );
    if (!result.UploadId) throw new Error('S3 returned no UploadId');
    return { uploadId: result.UploadId };
  }

  async presignPart(
    key: string,
    uploadId: string,
    partNumber: number,
    options: { contentLength?: number; expiresIn?: number } = {},
  ): Promise<PresignedRequest> {
    const expiresIn = options.expiresIn ?? DEFAULT_PUT_EXPIRY_S;
    const command = new UploadPartCommand({
      Bucket: this.bucket,
      Key: key,
      UploadId: uploadId,
      PartNumber: partNumber,
      ...(options.contentLength !== undefined ? { ContentLength: options.contentLength } : {}),
    });
    const url = await getSignedUrl(this.presignClient, command, { expiresIn });
    const headers: Record<string, string> =
      options.contentLength !== undefined ? { 'content-length': String(options.contentLength) } : {};
    return { url, method: 'PUT', headers, expiresAt: expiry(expiresIn) };
  }

  async completeMultipart(key: string, uploadId: string, parts: CompletedPart[]): Promise<void> {
    const ordered = [...parts].sort((a, b) => a.partNumber - b.partNumber);
    await this.client.send(
      new CompleteMultipartUploadCommand({
        Bucket: this.bucket,
        Key: key,
        UploadId: uploadId,
        MultipartUpload: { Parts: ordered.map((p) => ({ PartNumber: p.partNumber, ETag: p.etag })) },
      }),
    );
  }

  async abortMultipart(key: string, uploadId: string): Promise<void> {
    await this.client.send(
      new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId: uploadId }),
    );
  }

  async head(key: string): Promise<ObjectHead> {
    try {
      const result = await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: key, ChecksumMode: 'ENABLED' }),
      );
      const head: ObjectHead = { size: result.ContentLength ?? 0 };
      if (result.ContentType !== undefined) head.contentType = result.ContentType;
      if (result.ETag !== undefined) head.etag = result.ETag;
      // A composite multipart checksum looks like "base64-N" and is not the SHA-256 of the object.
      const checksum = result.ChecksumSHA256;
      if (checksum !== undefined && !checksum.includes('-') && result.ChecksumType !== 'COMPOSITE')
        head.checksumSha256 = base64ToHex(checksum);
      return head;
    } catch (error: unknown) {
      if (isNotFound(error)) throw StorageException.notFound(key);
      throw error;
    }
  }

  /**
   * Checks that what the client uploaded is what it declared. Size first (one HEAD); the SHA-256 from the
   * server when it kept one, else computed by streaming the object through this process.
   */
  async verify(key: string, expected: { size: number; sha256: string }): Promise<VerifyResult> {
    let head: ObjectHead;
    try {
      head = await this.head(key);
    } catch (error: unknown) {
      if (error instanceof StorageException) return { ok: false, reason: 'not_found' };
      throw error;
    }
    if (head.size !== expected.size) return { ok: false, reason: 'size_mismatch', size: head.size };
    const sha256 = head.checksumSha256 ?? (await sha256OfStream(await this.getObjectStream(key))).sha256;
    if (sha256.toLowerCase() !== expected.sha256.toLowerCase())
      return { ok: false, reason: 'checksum_mismatch', size: head.size, sha256 };
    return { ok: true, size: head.size, sha256 };
  }

  /** Server-side writes (generated PDFs, exports). Streams of unknown length go through a multipart upload. */
  async putObject(
    key: string,
    body: Buffer | string | Readable,
    options: { contentType: string; contentLength?: number },
  ): Promise<void> {
    if (body instanceof Readable && options.contentLength === undefined) {
      await new Upload({
        client: this.client,
        params: { Bucket: this.bucket, Key: key, Body: body, ContentType: options.contentType },
      }).done();
      return;
    }
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: body,
        ContentType: options.contentType,
        ...(options.contentLength !== undefined ? { ContentLength: options.contentLength } : {}),
      }),
    );
  }

  async getObjectStream(key: string): Promise<Readable> {
    try {
      const result = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!(result.Body instanceof Readable)) throw new Error('S3 returned no readable body');
      return result.Body;
    } catch (error: unknown) {
      if (isNotFound(error)) throw StorageException.notFound(key);
      throw error;
    }
  }

  /**
   * The bytes [start, start + length) of an object (fewer when the object is shorter): a ranged GET, so a content
   * sniffer reads the first kilobytes of a 200 MB upload without fetching the rest.
   */
  async getRange(key: string, start: number, length: number): Promise<Buffer> {
    try {
      const result = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Range: `bytes=${start}-${start + length - 1}`,
        }),
      );
      if (!(result.Body instanceof Readable)) throw new Error('S3 returned no readable body');
      const chunks: Buffer[] = [];
      let size = 0;
      // Bounded even if a server ignores the Range header and sends the whole object.
      for await (const chunk of result.Body) {
        const buffer = chunk as Buffer;
        chunks.push(buffer);
        size += buffer.length;
        if (size >= length) {
          result.Body.destroy();
          break;
        }
      }
      return Buffer.concat(chunks).subarray(0, length);
    } catch (error: unknown) {
      if (isNotFound(error)) throw StorageException.notFound(key);
      // An empty object has no byte 0: S3 answers 416 InvalidRange.
      if (error instanceof Error && error.name === 'InvalidRange') return Buffer.alloc(0);
      throw error;
    }
  }

  /** Idempotent: deleting a missing key succeeds, as in S3. */
  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  onApplicationShutdown(): void {
    this.client.destroy();
    if (this.presignClient !== this.client) this.presignClient.destroy();
  }
}

function createClient(options: StorageOptions, endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    region: options.region,
    forcePathStyle: options.forcePathStyle ?? true,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    // Recent SDKs add CRC32 checksums to every request and presigned URL by default, which S3-compatible
    // servers often reject; checksums are sent only where we ask for them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

function expiry(expiresIn: number): Date {
  return new Date(Date.now() + expiresIn * 1000);
}
