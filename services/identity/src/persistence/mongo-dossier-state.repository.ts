import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Schema } from 'mongoose';
import { applyIfNewer } from '@demarches/platform-mongo';
import { DossierStateChange, DossierStateRepository } from './dossier-state.repository';

export interface DossierStateDocument {
  _id: string;
  usagerSub?: string;
  usagerEmail?: string;
  state: string;
  version: number;
}

export const DOSSIER_STATE_COLLECTION = 'dossier_states';

export const DossierStateSchema = new Schema<DossierStateDocument>(
  {
    _id: { type: String, required: true },
    usagerSub: { type: String, index: true },
    usagerEmail: { type: String, index: true },
    state: { type: String, required: true },
    version: { type: Number, required: true },
  },
  { collection: DOSSIER_STATE_COLLECTION, versionKey: false },
);

@Injectable()
export class MongoDossierStateRepository extends DossierStateRepository {
  constructor(@InjectModel(DOSSIER_STATE_COLLECTION) private readonly states: Model<DossierStateDocument>) {
    super();
  }

  async record({ dossierId, version, state, usagerSub, usagerEmail }: DossierStateChange): Promise<boolean> {
    const set: Partial<Omit<DossierStateDocument, '_id' | 'version'>> = { state };
    if (usagerSub) set.usagerSub = usagerSub;
    if (usagerEmail) set.usagerEmail = usagerEmail;
    return applyIfNewer(this.states, dossierId, version, set, { upsert: true });
  }

  async countEnInstruction(usagerSub: string, usagerEmail?: string): Promise<number> {
    const owner = usagerEmail ? { $or: [{ usagerSub }, { usagerEmail }] } : { usagerSub };
    return this.states.countDocuments({ ...owner, state: 'en_instruction' }).exec();
  }
}
