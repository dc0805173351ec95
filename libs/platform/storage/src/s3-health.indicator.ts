import { Injectable } from '@nestjs/common';
import type { HealthIndicator } from '@demarches/platform-health';
import { ObjectStorage } from './object-storage';

/** Ready when the service's bucket answers a HEAD with our credentials. */
@Injectable()
export class S3HealthIndicator implements HealthIndicator {
  readonly name = 's3';

  constructor(private readonly storage: ObjectStorage) {}

  async check(): Promise<void> {
    await this.storage.headBucket();
  }
}
