/** What form-builder needs of object storage for the description's files; S3 in production, a fake in unit tests. */
export abstract class DemarcheFiles {
  /** A presigned PUT binding the upload to its content type and size. */
  abstract presignUpload(
    key: string,
    contentType: string,
    size: number,
  ): Promise<{ url: string; method: string; headers: Record<string, string>; expiresAt: string }>;
  /** Size and first bytes of a stored object, or null when nothing was uploaded under the key. */
  abstract inspect(key: string, headBytes: number): Promise<{ size: number; head: Buffer } | null>;
  abstract downloadUrl(key: string, filename: string, contentType: string): Promise<string>;
  /** Removes an object no démarche points at any more; deleting a missing object is not an error. */
  abstract remove(key: string): Promise<void>;
}
