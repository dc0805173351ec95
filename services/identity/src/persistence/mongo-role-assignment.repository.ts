import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Schema } from 'mongoose';
import {
  addVersioning,
  type DocumentFields,
  type OutboxEvent,
  type StoredDocument,
  type VersionedDocument,
  VersionedRepository,
} from '@demarches/platform-mongo';
import { RoleAssignmentRepository, RoleRecord } from './role-assignment.repository';

export interface RoleAssignmentDocument extends VersionedDocument {
  email: string;
  roles: string[];
}

export const ROLE_ASSIGNMENT_COLLECTION = 'role_assignments';

export const RoleAssignmentSchema = addVersioning(
  new Schema<RoleAssignmentDocument>(
    {
      _id: { type: String, required: true },
      email: { type: String, required: true },
      roles: { type: [String], default: [] },
    },
    { collection: ROLE_ASSIGNMENT_COLLECTION },
  ),
);

class VersionedRoleAssignments extends VersionedRepository<RoleRecord, RoleAssignmentDocument> {
  protected readonly aggregateName = 'RoleAssignment';

  constructor(model: Model<RoleAssignmentDocument>) {
    super(model);
  }

  protected toEntity(doc: StoredDocument<RoleAssignmentDocument>): RoleRecord {
    return { sub: doc._id, email: doc.email, roles: doc.roles, version: doc.version };
  }

  protected toDocument(entity: RoleRecord): DocumentFields<RoleAssignmentDocument> {
    return { _id: entity.sub, email: entity.email, roles: entity.roles };
  }
}

@Injectable()
export class MongoRoleAssignmentRepository extends RoleAssignmentRepository {
  private readonly store: VersionedRoleAssignments;

  constructor(@InjectModel(ROLE_ASSIGNMENT_COLLECTION) model: Model<RoleAssignmentDocument>) {
    super();
    this.store = new VersionedRoleAssignments(model);
  }

  find(sub: string): Promise<RoleRecord | undefined> {
    return this.store.findById(sub);
  }

  async save(
    record: Omit<RoleRecord, 'version'>,
    expectedVersion: number,
    event: (version: number) => OutboxEvent,
  ): Promise<number> {
    const roles = [...new Set(record.roles)].sort();
    if (expectedVersion === 0) return this.store.insert({ ...record, roles, version: 1 }, [event(1)]);
    return this.store.update(record.sub, expectedVersion, { email: record.email, roles }, [
      event(expectedVersion + 1),
    ]);
  }
}
