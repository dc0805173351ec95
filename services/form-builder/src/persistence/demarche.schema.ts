import { addVersioning, type VersionedDocument } from '@demarches/platform-mongo';
import { Schema } from 'mongoose';
import { MAIL_KINDS, MailKind } from '../domain/mail-templates';
import { TYPES_DE_CHAMP } from '../domain/type-de-champ';

interface ChampDocument {
  id: string;
  type: string;
  label: string;
  description: string;
  mandatory: boolean;
  options: string[];
}

/** Stored shape of a démarche: the domain fields, its version (optimistic concurrency) and its pending events. */
export interface DemarcheDocument extends VersionedDocument {
  number: number;
  title: string;
  description: string;
  state: 'brouillon' | 'publiee' | 'close';
  slug: string | null;
  administrateurs: string[];
  champs: ChampDocument[];
  annotations: ChampDocument[];
  groupesInstructeurs: { id: string; label: string; instructeurs: string[] }[];
  mailTemplates: { kind: MailKind; subject: string; body: string }[];
  revisionId: string;
  publishedAt: Date | null;
  createdAt: Date;
}

export const DEMARCHE_COLLECTION = 'demarches';

const ChampSchema = new Schema<ChampDocument>(
  {
    id: { type: String, required: true },
    type: { type: String, required: true, enum: TYPES_DE_CHAMP },
    label: { type: String, required: true },
    description: { type: String, default: '' },
    mandatory: { type: Boolean, default: false },
    options: { type: [String], default: [] },
  },
  { _id: false },
);

export const DemarcheSchema = addVersioning(
  new Schema<DemarcheDocument>(
    {
      _id: { type: String, required: true },
      number: { type: Number, required: true, unique: true },
      title: { type: String, required: true },
      description: { type: String, default: '' },
      state: { type: String, required: true, enum: ['brouillon', 'publiee', 'close'] },
      slug: { type: String, default: null },
      administrateurs: { type: [String], index: true },
      champs: { type: [ChampSchema], default: [] },
      annotations: { type: [ChampSchema], default: [] },
      groupesInstructeurs: [
        {
          _id: false,
          id: { type: String, required: true },
          label: String,
          instructeurs: { type: [String], default: [] },
        },
      ],
      mailTemplates: {
        type: [
          {
            _id: false,
            kind: { type: String, required: true, enum: MAIL_KINDS },
            subject: { type: String, required: true },
            body: { type: String, required: true },
          },
        ],
        default: [],
      },
      revisionId: { type: String, required: true },
      publishedAt: { type: Date, default: null },
      createdAt: { type: Date, required: true },
    },
    { collection: DEMARCHE_COLLECTION },
  ),
);
DemarcheSchema.index({ slug: 1, state: 1 });
