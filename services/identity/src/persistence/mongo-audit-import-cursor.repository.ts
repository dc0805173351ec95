import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Schema } from 'mongoose';
import { isDuplicateKeyError } from '@demarches/platform-mongo';
import { AuditImportSource } from '../domain/audit-event';
import { AuditImportCursorRepository } from './audit-import-cursor.repository';

interface AuditImportCursorDocument {
  _id: AuditImportSource;
  at: Date;
}

export const AUDIT_IMPORT_CURSOR_COLLECTION = 'audit_import_cursors';

export const AuditImportCursorSchema = new Schema<AuditImportCursorDocument>(
  { _id: { type: String, required: true }, at: { type: Date, required: true } },
  { collection: AUDIT_IMPORT_CURSOR_COLLECTION, versionKey: false },
);

@Injectable()
export class MongoAuditImportCursorRepository extends AuditImportCursorRepository {
  constructor(
    @InjectModel(AUDIT_IMPORT_CURSOR_COLLECTION) private readonly cursors: Model<AuditImportCursorDocument>,
  ) {
    super();
  }

  async get(source: AuditImportSource): Promise<Date | undefined> {
    const doc = await this.cursors.findById(source).lean<AuditImportCursorDocument>().exec();
    return doc?.at;
  }

  async advance(source: AuditImportSource, to: Date): Promise<void> {
    // Only an older position is replaced; when none is older, the insert of the missing one may race another.
    const moved = await this.cursors.updateOne({ _id: source, at: { $lt: to } }, { $set: { at: to } }).exec();
    if (moved.matchedCount > 0) return;
    try {
      await this.cursors.create({ _id: source, at: to });
    } catch (error: unknown) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
}
