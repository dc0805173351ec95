import type { CompletedPart, PresignedRequest, VerifyResult } from '@demarches/platform-storage';

/** The object store as the attachments need it: presigned transfers, checks, deletion. */
export abstract class Fichiers {
  abstract presignPut(
    key: string,
    options: { contentType: string; contentLength: number; checksumSha256: string },
  ): Promise<PresignedRequest>;
  abstract createMultipart(key: string, contentType: string): Promise<string>;
  abstract presignPart(
    key: string,
    uploadId: string,
    partNumber: number,
    contentLength: number,
  ): Promise<PresignedRequest>;
  abstract completeMultipart(key: string, uploadId: string, parts: CompletedPart[]): Promise<void>;
  abstract abortMultipart(key: string, uploadId: string): Promise<void>;
  /** Size, then SHA-256 from the server or streamed through this process in constant memory. */
  abstract verify(key: string, expected: { size: number; sha256: string }): Promise<VerifyResult>;
  abstract head(key: string, length: number): Promise<Buffer>;
  abstract presignGet(
    key: string,
    options: { filename: string; contentType?: string; expiresIn: number },
  ): Promise<PresignedRequest>;
  abstract delete(key: string): Promise<void>;
}
