import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import { isDuplicateKeyError } from '@demarches/platform-mongo';
import { AuditEvent, AuditQuery } from '../domain/audit-event';
import { AuditEventRepository } from './audit-event.repository';
import { AUDIT_EVENT_COLLECTION, AuditEventDocument } from './audit-event.schema';

@Injectable()
export class MongoAuditEventRepository extends AuditEventRepository {
  constructor(@InjectModel(AUDIT_EVENT_COLLECTION) private readonly events: Model<AuditEventDocument>) {
    super();
  }

  async append(event: AuditEvent): Promise<void> {
    const { id, ...rest } = event;
    try {
      await this.events.create({ _id: id, ...rest });
    } catch (error: unknown) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  async query({ type, actor, subject, from, to, after, limit }: AuditQuery): Promise<AuditEvent[]> {
    const filter: FilterQuery<AuditEventDocument> = {};
    if (type) filter.type = type;
    if (actor) filter.actor = actor;
    if (subject) filter.subject = subject;
    if (from || to) filter.at = { ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) };
    // Keyset pagination on (at desc, _id desc): stable while new entries arrive.
    if (after) filter.$or = [{ at: { $lt: after.at } }, { at: after.at, _id: { $lt: after.id } }];
    const docs = await this.events
      .find(filter)
      .sort({ at: -1, _id: -1 })
      .limit(limit)
      .lean<AuditEventDocument[]>()
      .exec();
    return docs.map(({ _id, ...rest }) => ({ id: _id, ...rest, details: rest.details ?? {} }));
  }
}
