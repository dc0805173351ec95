import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ApiToken, ExpiryNotice } from '../domain/api-token';
import { ApiTokenRepository } from './api-token.repository';
import { API_TOKEN_COLLECTION, ApiTokenDocument } from './api-token.schema';

@Injectable()
export class MongoApiTokenRepository extends ApiTokenRepository {
  constructor(@InjectModel(API_TOKEN_COLLECTION) private readonly tokens: Model<ApiTokenDocument>) {
    super();
  }

  async insert(token: ApiToken): Promise<void> {
    const { id, ...rest } = token;
    await this.tokens.create({ _id: id, ...rest });
  }

  async findById(id: string): Promise<ApiToken | null> {
    const doc = await this.tokens.findById(id).lean<ApiTokenDocument>().exec();
    return doc ? toToken(doc) : null;
  }

  async listByOwner(ownerSub: string): Promise<ApiToken[]> {
    const docs = await this.tokens
      .find({ ownerSub })
      .sort({ createdAt: -1 })
      .lean<ApiTokenDocument[]>()
      .exec();
    return docs.map(toToken);
  }

  async revoke(id: string, ownerSub: string, at: Date): Promise<boolean> {
    const result = await this.tokens
      .updateOne({ _id: id, ownerSub, revokedAt: null }, { $set: { revokedAt: at } })
      .exec();
    return result.modifiedCount === 1;
  }

  async recordUse(id: string, at: Date, ip: string, notBefore: Date): Promise<boolean> {
    const result = await this.tokens
      .updateOne(
        { _id: id, $or: [{ lastUsedAt: null }, { lastUsedAt: { $lt: notBefore } }] },
        { $set: { lastUsedAt: at, lastUsedIp: ip } },
      )
      .exec();
    return result.modifiedCount === 1;
  }

  async expiringBefore(until: Date, now: Date): Promise<ApiToken[]> {
    const docs = await this.tokens
      .find({ revokedAt: null, expiresAt: { $gt: now, $lte: until } })
      .lean<ApiTokenDocument[]>()
      .exec();
    return docs.map(toToken);
  }

  async markNoticeSent(id: string, notice: ExpiryNotice): Promise<boolean> {
    const result = await this.tokens
      .updateOne({ _id: id, noticesSent: { $ne: notice } }, { $push: { noticesSent: notice } })
      .exec();
    return result.modifiedCount === 1;
  }

  async unmarkNoticeSent(id: string, notice: ExpiryNotice): Promise<void> {
    await this.tokens.updateOne({ _id: id }, { $pull: { noticesSent: notice } }).exec();
  }
}

function toToken(doc: ApiTokenDocument): ApiToken {
  return {
    id: doc._id,
    ownerSub: doc.ownerSub,
    ownerEmail: doc.ownerEmail,
    name: doc.name,
    secretHash: doc.secretHash,
    scope: Array.isArray(doc.scope) ? doc.scope.map(String) : 'all',
    access: doc.access,
    expiresAt: doc.expiresAt ?? null,
    allowedIps: doc.allowedIps ?? [],
    createdAt: doc.createdAt,
    lastUsedAt: doc.lastUsedAt ?? null,
    lastUsedIp: doc.lastUsedIp ?? null,
    revokedAt: doc.revokedAt ?? null,
    noticesSent: (doc.noticesSent ?? []) as ExpiryNotice[],
  };
}
