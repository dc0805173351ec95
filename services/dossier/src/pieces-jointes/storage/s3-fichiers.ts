import {
  type CompletedPart,
  ObjectStorage,
  type PresignedRequest,
  type VerifyResult,
} from '@demarches/platform-storage';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Fichiers } from './fichiers';

@Injectable()
export class S3Fichiers extends Fichiers implements OnModuleInit {
  constructor(private readonly storage: ObjectStorage) {
    super();
  }

  /** The bucket exists before the first upload URL is handed out (idempotent, safe with several replicas). */
  async onModuleInit(): Promise<void> {
    await this.storage.ensureBucket();
  }

  presignPut(
    key: string,
    options: { contentType: string; contentLength: number; checksumSha256: string },
  ): Promise<PresignedRequest> {
    return this.storage.presignPut(key, options);
  }

  async createMultipart(key: string, contentType: string): Promise<string> {
    return (await this.storage.createMultipart(key, { contentType })).uploadId;
  }

  presignPart(
    key: string,
    uploadId: string,
    partNumber: number,
    contentLength: number,
  ): Promise<PresignedRequest> {
    return this.storage.presignPart(key, uploadId, partNumber, { contentLength });
  }

  completeMultipart(key: string, uploadId: string, parts: CompletedPart[]): Promise<void> {
    return this.storage.completeMultipart(key, uploadId, parts);
  }

  abortMultipart(key: string, uploadId: string): Promise<void> {
    return this.storage.abortMultipart(key, uploadId);
  }

  verify(key: string, expected: { size: number; sha256: string }): Promise<VerifyResult> {
    return this.storage.verify(key, expected);
  }

  head(key: string, length: number): Promise<Buffer> {
    return this.storage.getRange(key, 0, length);
  }

  presignGet(
    key: string,
    options: { filename: string; contentType?: string; expiresIn: number },
  ): Promise<PresignedRequest> {
    return this.storage.presignGet(key, options);
  }

  delete(key: string): Promise<void> {
    return this.storage.delete(key);
  }
}
