import { ObjectStorage, StorageException } from '@demarches/platform-storage';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Readable } from 'node:stream';
import { DemarcheFiles } from './demarche-files';

const UPLOAD_TTL_S = 900;
const DOWNLOAD_TTL_S = 300;

async function firstBytes(stream: Readable, count: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    chunks.push(buffer);
    size += buffer.length;
    if (size >= count) break;
  }
  stream.destroy();
  return Buffer.concat(chunks).subarray(0, count);
}

@Injectable()
export class S3DemarcheFiles extends DemarcheFiles implements OnModuleInit {
  constructor(private readonly storage: ObjectStorage) {
    super();
  }

  /** The bucket is created at boot if missing, so a fresh environment needs no manual step. */
  async onModuleInit(): Promise<void> {
    await this.storage.ensureBucket();
  }

  async presignUpload(key: string, contentType: string, size: number) {
    const request = await this.storage.presignPut(key, {
      contentType,
      contentLength: size,
      expiresIn: UPLOAD_TTL_S,
    });
    return { ...request, expiresAt: request.expiresAt.toISOString() };
  }

  async inspect(key: string, headBytes: number): Promise<{ size: number; head: Buffer } | null> {
    try {
      const { size } = await this.storage.head(key);
      const head =
        size === 0 ? Buffer.alloc(0) : await firstBytes(await this.storage.getObjectStream(key), headBytes);
      return { size, head };
    } catch (error: unknown) {
      if (error instanceof StorageException && error.kind === 'not_found') return null;
      throw error;
    }
  }

  async downloadUrl(key: string, filename: string, contentType: string): Promise<string> {
    return (await this.storage.presignGet(key, { filename, contentType, expiresIn: DOWNLOAD_TTL_S })).url;
  }

  remove(key: string): Promise<void> {
    return this.storage.delete(key);
  }
}
