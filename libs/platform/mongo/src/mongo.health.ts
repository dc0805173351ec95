import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import type { HealthIndicator } from '@demarches/platform-health';

@Injectable()
export class MongoHealthIndicator implements HealthIndicator {
  readonly name = 'mongo';

  constructor(@InjectConnection() private readonly connection: Connection) {}

  async check(): Promise<void> {
    const db = this.connection.db;
    if (!db || this.connection.readyState !== 1) throw new Error('mongo connection is not open');
    await db.command({ ping: 1 });
  }
}
