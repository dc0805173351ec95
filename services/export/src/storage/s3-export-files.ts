import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectConfig } from '@demarches/platform-config';
import { ObjectStorage } from '@demarches/platform-storage';
import { Readable } from 'node:stream';
import { ExportConfig } from '../config';
import { ExportFiles } from '../persistence/ports';

/** Export files in the service's bucket, downloaded through short-lived signed links. */
@Injectable()
export class S3ExportFiles extends ExportFiles implements OnModuleInit {
  constructor(
    private readonly storage: ObjectStorage,
    @InjectConfig() private readonly config: Pick<ExportConfig, 'EXPORT_URL_TTL_S'>,
  ) {
    super();
  }

  /** The bucket is created at boot if missing, so a fresh environment needs no manual step. */
  async onModuleInit(): Promise<void> {
    await this.storage.ensureBucket();
  }

  async upload(key: string, body: Readable, contentType: string): Promise<{ sizeBytes: number }> {
    await this.storage.putObject(key, body, { contentType });
    const head = await this.storage.head(key);
    return { sizeBytes: head.size };
  }

  async downloadUrl(key: string, filename: string): Promise<string> {
    const request = await this.storage.presignGet(key, {
      filename,
      expiresIn: this.config.EXPORT_URL_TTL_S,
      contentType: 'text/csv; charset=utf-8',
    });
    return request.url;
  }
}
