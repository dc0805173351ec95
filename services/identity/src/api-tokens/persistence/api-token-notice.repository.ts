import { type DocumentFields, type StoredDocument, VersionedRepository } from '@demarches/platform-mongo';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import type { ExpiryNotice } from '../domain/api-token';
import { API_TOKEN_NOTICE_COLLECTION, type ApiTokenNoticeDocument } from './api-token-notice.schema';

export interface ApiTokenNoticeRecord {
  id: string;
  tokenId: string;
  notice: ExpiryNotice;
  ownerEmail: string;
  expiresAt: Date;
  createdAt: Date;
}

export function apiTokenNoticeId(tokenId: string, notice: ExpiryNotice): string {
  return `${tokenId}:${notice}`;
}

/** Expiry notices sent: an aggregate only so that the notice and its event are one write (ADR 0018). */
@Injectable()
export class ApiTokenNoticeRepository extends VersionedRepository<
  ApiTokenNoticeRecord,
  ApiTokenNoticeDocument
> {
  protected readonly aggregateName = 'ApiTokenNotice';

  constructor(@InjectModel(API_TOKEN_NOTICE_COLLECTION) model: Model<ApiTokenNoticeDocument>) {
    super(model);
  }

  protected toEntity(doc: StoredDocument<ApiTokenNoticeDocument>): ApiTokenNoticeRecord {
    return {
      id: doc._id,
      tokenId: doc.tokenId,
      notice: doc.notice as ExpiryNotice,
      ownerEmail: doc.ownerEmail,
      expiresAt: doc.expiresAt,
      createdAt: doc.createdAt,
    };
  }

  protected toDocument(entity: ApiTokenNoticeRecord): DocumentFields<ApiTokenNoticeDocument> {
    const { id, ...fields } = entity;
    return { _id: id, ...fields };
  }
}
