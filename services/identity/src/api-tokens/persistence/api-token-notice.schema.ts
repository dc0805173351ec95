import { addVersioning, type VersionedDocument } from '@demarches/platform-mongo';
import { Schema } from 'mongoose';

/**
 * One expiry notice of one token (id `<tokenId>:<notice>`), written with its ApiTokenExpiring event in the same
 * insert (outbox): the notice and its event exist together or not at all, and the id makes a second one impossible.
 */
export interface ApiTokenNoticeDocument extends VersionedDocument {
  tokenId: string;
  notice: string;
  ownerEmail: string;
  expiresAt: Date;
  createdAt: Date;
}

export const API_TOKEN_NOTICE_COLLECTION = 'api_token_notices';

export const ApiTokenNoticeSchema = addVersioning(
  new Schema<ApiTokenNoticeDocument>(
    {
      _id: { type: String, required: true },
      tokenId: { type: String, required: true, index: true },
      notice: { type: String, required: true, enum: ['1m', '1w', '1d'] },
      ownerEmail: { type: String, required: true },
      expiresAt: { type: Date, required: true },
      createdAt: { type: Date, required: true },
    },
    { collection: API_TOKEN_NOTICE_COLLECTION },
  ),
);
