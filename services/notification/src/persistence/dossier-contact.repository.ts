import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { DossierContact, DossierContacts } from './ports';
import { DossierContactDocument } from './dossier-contact.schema';

export const DOSSIER_CONTACT_MODEL = 'DossierContact';

@Injectable()
export class MongoDossierContacts extends DossierContacts {
  constructor(@InjectModel(DOSSIER_CONTACT_MODEL) private readonly model: Model<DossierContactDocument>) {
    super();
  }

  async save(contact: DossierContact): Promise<void> {
    const { dossierId, ...fields } = contact;
    await this.model.updateOne({ _id: dossierId }, { $set: fields }, { upsert: true }).exec();
  }

  async find(dossierId: string): Promise<DossierContact | null> {
    const doc = await this.model.findById(dossierId).lean<DossierContactDocument>().exec();
    if (!doc) return null;
    const { _id, enInstructionAt, champs, ...fields } = doc;
    // Contacts stored before champ values were kept have none.
    return { dossierId: _id, ...fields, enInstructionAt: enInstructionAt ?? null, champs: champs ?? [] };
  }
}
