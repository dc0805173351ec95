import { applyIfNewer } from '@demarches/platform-mongo';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { EmailKind } from '../mail/email-kind';
import { DEMARCHE_MAILS_MODEL, DemarcheMailsDocument } from './demarche-mails.schema';
import { DemarcheMails, DemarcheMailTemplates } from './ports';

@Injectable()
export class MongoDemarcheMailTemplates extends DemarcheMailTemplates {
  constructor(@InjectModel(DEMARCHE_MAILS_MODEL) private readonly model: Model<DemarcheMailsDocument>) {
    super();
  }

  apply(mails: DemarcheMails): Promise<boolean> {
    const templates = Object.entries(mails.templates).map(([kind, template]) => ({
      kind: kind as EmailKind,
      subject: template.subject,
      body: template.body,
    }));
    return applyIfNewer(
      this.model,
      mails.demarcheId,
      mails.version,
      { templates, labels: mails.labels },
      { upsert: true },
    );
  }

  async find(demarcheId: string): Promise<DemarcheMails | null> {
    const doc = await this.model.findById(demarcheId).lean<DemarcheMailsDocument>().exec();
    if (!doc) return null;
    return {
      demarcheId: doc._id,
      version: doc.version,
      templates: Object.fromEntries(
        doc.templates.map(({ kind, subject, body }) => [kind, { subject, body }]),
      ),
      labels: doc.labels,
    };
  }
}
