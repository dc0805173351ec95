import { Schema } from 'mongoose';
import { ROLES, type Role } from '@demarches/platform-auth';

export interface UserDocument {
  _id: string;
  sub: string;
  email: string;
  roles: Role[];
  firstSeenAt: Date;
  lastSeenAt: Date;
  version: number;
  idp?: string;
  pivotIdentity?: {
    givenName: string;
    familyName: string;
    preferredUsername?: string;
    gender?: string;
    birthdate?: string;
  };
  deletedAt?: Date;
}

export const USER_COLLECTION = 'users';

export const UserSchema = new Schema<UserDocument>(
  {
    _id: { type: String, required: true },
    sub: { type: String, required: true, unique: true },
    // Not unique: the same person may hold a Keycloak account and a FranceConnect one; linking them is the
    // identity issue's job, and a unique index would make the second sign-in fail.
    email: { type: String, required: true, index: true },
    roles: { type: [String], enum: ROLES, default: [] },
    firstSeenAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
    version: { type: Number, required: true },
    idp: { type: String },
    pivotIdentity: {
      type: new Schema(
        {
          givenName: String,
          familyName: String,
          preferredUsername: String,
          gender: String,
          birthdate: String,
        },
        { _id: false },
      ),
      required: false,
    },
    deletedAt: { type: Date },
  },
  { collection: USER_COLLECTION, versionKey: false },
);
