import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { randomUUID } from 'node:crypto';
import { Model } from 'mongoose';
import { Sighting, User } from '../domain/user';
import { PivotIdentity } from '../keycloak/keycloak-admin';
import { UserRepository } from './user.repository';
import { USER_COLLECTION, UserDocument } from './user.schema';

@Injectable()
export class MongoUserRepository extends UserRepository {
  constructor(@InjectModel(USER_COLLECTION) private readonly users: Model<UserDocument>) {
    super();
  }

  async recordSighting({ sub, email, roles, at, idp }: Sighting): Promise<User> {
    // One atomic upsert: no read-then-write window, and $setOnInsert keeps the id and first visit forever.
    // `version` counts the writes ($inc creates it at 1), for the optimistic updates the identity issue will add.
    const doc = await this.users
      .findOneAndUpdate(
        { sub },
        {
          $set: { email, roles, lastSeenAt: at, ...(idp ? { idp } : {}) },
          ...(idp ? {} : { $unset: { idp: '' } }),
          $setOnInsert: { _id: randomUUID(), firstSeenAt: at },
          $inc: { version: 1 },
        },
        { upsert: true, new: true, lean: true },
      )
      .exec();
    if (!doc) throw new Error('upsert returned no document');
    return toUser(doc);
  }

  async savePivotIdentity(sub: string, pivot: PivotIdentity): Promise<void> {
    await this.users.updateOne({ sub }, { $set: { pivotIdentity: pivot }, $inc: { version: 1 } }).exec();
  }

  async updateEmail(sub: string, email: string): Promise<void> {
    await this.users.updateOne({ sub }, { $set: { email }, $inc: { version: 1 } }).exec();
  }

  async anonymize(sub: string, at: Date): Promise<void> {
    await this.users
      .updateOne(
        { sub },
        {
          $set: { email: `supprime-${sub}@invalid`, roles: [], deletedAt: at },
          $unset: { pivotIdentity: '', idp: '' },
          $inc: { version: 1 },
        },
      )
      .exec();
  }

  async findBySub(sub: string): Promise<User | null> {
    const doc = await this.users.findOne({ sub }).lean<UserDocument>().exec();
    return doc ? toUser(doc) : null;
  }
}

function toUser(doc: UserDocument): User {
  const optional: Partial<User> = {};
  if (doc.idp) optional.idp = doc.idp;
  if (doc.pivotIdentity) optional.pivotIdentity = doc.pivotIdentity;
  return {
    ...optional,
    id: doc._id,
    sub: doc.sub,
    email: doc.email,
    roles: doc.roles,
    firstSeenAt: doc.firstSeenAt,
    lastSeenAt: doc.lastSeenAt,
    version: doc.version,
  };
}
