import { DomainError } from '@demarches/platform-errors';

export enum StorageErrorCode {
  ObjectNotFound = 'OBJECT_NOT_FOUND',
}

export class StorageException extends DomainError<StorageErrorCode> {
  static notFound(key: string): StorageException {
    return new StorageException(StorageErrorCode.ObjectNotFound, 'not_found', "Le fichier n'existe pas.", {
      key,
    });
  }
}

/** S3 answers "missing" in several dialects depending on the operation and the server. */
export function isNotFound(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const name = 'name' in error ? error.name : undefined;
  const status =
    '$metadata' in error &&
    typeof error.$metadata === 'object' &&
    error.$metadata !== null &&
    'httpStatusCode' in error.$metadata
      ? error.$metadata.httpStatusCode
      : undefined;
  return name === 'NotFound' || name === 'NoSuchKey' || name === 'NoSuchBucket' || status === 404;
}
