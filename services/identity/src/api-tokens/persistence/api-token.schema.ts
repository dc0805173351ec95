import { Schema } from 'mongoose';

export interface ApiTokenDocument {
  _id: string;
  ownerSub: string;
  ownerEmail: string;
  name: string;
  secretHash: string;
  /** 'all' or a list of démarche ids. */
  scope: unknown;
  access: 'read' | 'read_write';
  expiresAt: Date | null;
  allowedIps: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  revokedAt: Date | null;
  noticesSent: string[];
}

export const API_TOKEN_COLLECTION = 'api_tokens';

export const ApiTokenSchema = new Schema<ApiTokenDocument>(
  {
    _id: { type: String, required: true },
    ownerSub: { type: String, required: true, index: true },
    ownerEmail: { type: String, required: true },
    name: { type: String, required: true },
    secretHash: { type: String, required: true },
    scope: { type: Schema.Types.Mixed, required: true },
    access: { type: String, enum: ['read', 'read_write'], required: true },
    // Indexed for the expiry-notice sweep.
    expiresAt: { type: Date, default: null, index: true },
    allowedIps: { type: [String], default: [] },
    createdAt: { type: Date, required: true },
    lastUsedAt: { type: Date, default: null },
    lastUsedIp: { type: String, default: null },
    revokedAt: { type: Date, default: null },
    noticesSent: { type: [String], default: [] },
  },
  { collection: API_TOKEN_COLLECTION, versionKey: false },
);
