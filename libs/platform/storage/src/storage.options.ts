import type { S3Env } from '@demarches/platform-config';

export interface StorageOptions {
  endpoint: string;
  /** Address put in presigned URLs when browsers reach S3 under another name than the service does. */
  publicEndpoint?: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  bucket: string;
  /** Path-style (http://host/bucket/key): what MinIO, versitygw and most on-premise S3 servers expect. */
  forcePathStyle?: boolean;
}

export const STORAGE_OPTIONS = 'demarches:STORAGE_OPTIONS';

/** Maps the s3Env config fragment to StorageOptions. */
export function storageOptionsFromEnv(env: S3Env): StorageOptions {
  return {
    endpoint: env.S3_ENDPOINT,
    ...(env.S3_PUBLIC_ENDPOINT !== undefined ? { publicEndpoint: env.S3_PUBLIC_ENDPOINT } : {}),
    region: env.S3_REGION,
    accessKeyId: env.S3_ACCESS_KEY,
    secretAccessKey: env.S3_SECRET_KEY,
    bucket: env.S3_BUCKET,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
  };
}
