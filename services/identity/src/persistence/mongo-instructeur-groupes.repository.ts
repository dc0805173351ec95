import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Schema } from 'mongoose';
import { applyIfNewer } from '@demarches/platform-mongo';
import {
  DemarcheGroupes,
  InstructeurGroupesRepository,
  InstructeurMembership,
} from './instructeur-groupes.repository';

export interface InstructeurGroupesDocument {
  _id: string;
  number: number;
  title: string;
  version: number;
  groupes: Array<{ id: string; label: string; instructeurEmails: string[] }>;
  /** Every instructeur e-mail of the démarche, flattened so that one array match finds her démarches. */
  emails: string[];
}

export const INSTRUCTEUR_GROUPES_COLLECTION = 'instructeur_groupes';

export const InstructeurGroupesSchema = new Schema<InstructeurGroupesDocument>(
  {
    _id: { type: String, required: true },
    number: { type: Number, required: true },
    title: { type: String, default: '' },
    version: { type: Number, required: true },
    groupes: {
      type: [
        new Schema(
          { id: String, label: String, instructeurEmails: { type: [String], default: [] } },
          { _id: false },
        ),
      ],
      default: [],
    },
    emails: { type: [String], default: [], index: true },
  },
  { collection: INSTRUCTEUR_GROUPES_COLLECTION, versionKey: false },
);

@Injectable()
export class MongoInstructeurGroupesRepository extends InstructeurGroupesRepository {
  constructor(
    @InjectModel(INSTRUCTEUR_GROUPES_COLLECTION) private readonly docs: Model<InstructeurGroupesDocument>,
  ) {
    super();
  }

  async replace(groupes: DemarcheGroupes): Promise<{ previousEmails: string[] } | null> {
    // Events of one démarche share a partition and arrive in order: the read and the guarded write do not race.
    const current = await this.docs.findById(groupes.demarcheId).lean<InstructeurGroupesDocument>().exec();
    const emails = [...new Set(groupes.groupes.flatMap((groupe) => groupe.instructeurEmails))].sort();
    const applied = await applyIfNewer(
      this.docs,
      groupes.demarcheId,
      groupes.version,
      { number: groupes.number, title: groupes.title, groupes: groupes.groupes, emails },
      { upsert: true },
    );
    return applied ? { previousEmails: current?.emails ?? [] } : null;
  }

  async membershipsOf(email: string): Promise<InstructeurMembership[]> {
    const docs = await this.docs
      .find({ emails: email })
      .sort({ number: 1 })
      .lean<InstructeurGroupesDocument[]>()
      .exec();
    return docs.map((doc) => ({
      demarcheId: doc._id,
      number: doc.number,
      title: doc.title,
      groupes: doc.groupes
        .filter((groupe) => groupe.instructeurEmails.includes(email))
        .map(({ id, label }) => ({ id, label })),
    }));
  }
}
