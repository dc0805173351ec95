import { Injectable } from '@nestjs/common';
import type { HealthIndicator } from '@demarches/platform-health';
import { CommuneIndex } from './commune-index';
import { InjectCommuneIndex } from './communes.provider';

/** Geo has no database: it is ready once the reference data is indexed. */
@Injectable()
export class CommuneIndexHealthIndicator implements HealthIndicator {
  readonly name = 'reference-data';

  constructor(@InjectCommuneIndex() private readonly index: CommuneIndex) {}

  async check(): Promise<void> {
    if (this.index.size === 0) throw new Error('commune index is empty');
  }
}
