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
  /** A @demarches/formulaire Condition tree, stored as is. */
  condition?: unknown;
  /** Children of a bloc répétable: an array of objects, one level (FerretDB v1 refuses arrays of arrays). */
  children?: ChampDocument[];
  /** Type-specific settings (domain/champ-settings.ts): scalars and lists of strings only. */
  settings?: Record<string, unknown>;
}

interface GroupeDocument {
  id: string;
  label: string;
  instructeurs: string[];
  isDefault?: boolean;
  closed?: boolean;
  contact?: Record<
    'nom' | 'organisme' | 'email' | 'telephone' | 'horaires' | 'adresse' | 'siret',
    string
  > | null;
  routingRule?: unknown;
  routingValues?: string[];
}

interface AttestationDocument {
  enabled: boolean;
  title: string;
  body: string;
  footer: string;
  logoKey: string | null;
  signatureKey: string | null;
  qrCode: boolean;
}

interface FichierDocument {
  key: string;
  filename: string;
  contentType: string;
  size: number;
}

/** Stored shape of a démarche: the domain fields, its version (optimistic concurrency) and its pending events. */
export interface DemarcheDocument extends VersionedDocument {
  number: number;
  title: string;
  description: string;
  state: 'brouillon' | 'publiee' | 'close' | 'depubliee';
  slug: string | null;
  administrateurs: string[];
  champs: ChampDocument[];
  annotations: ChampDocument[];
  groupesInstructeurs: GroupeDocument[];
  routingChampId?: string | null;
  attestation?: AttestationDocument | null;
  mailTemplates: { kind: MailKind; subject: string; body: string }[];
  revisionId: string;
  publishedAt: Date | null;
  createdAt: Date;
  logo: FichierDocument | null;
  notice: FichierDocument | null;
  cadreJuridique: { texte: string; url: string | null; document: FichierDocument | null };
  dureeConservationMois: number;
  publicCible: 'particulier' | 'personne_morale';
  dateLimiteDepot: Date | null;
  modeDeclaratif: 'aucun' | 'en_instruction' | 'accepte';
  service: {
    nom: string;
    organisme: string;
    email: string;
    telephone: string;
    horaires: string;
    adresse: string;
    siret: string;
  } | null;
  lienDiffusion: string | null;
  webhookUrl: string | null;
  monAvis: string | null;
  revisionNumber: number;
  revisionPubliee: {
    id: string;
    number: number;
    champs: ChampDocument[];
    annotations: ChampDocument[];
    publishedAt: Date;
  } | null;
  closedAt: Date | null;
  unpublishedAt: Date | null;
  replacedBy: string | null;
  clonedFrom: string | null;
  deletedAt: Date | null;
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
    condition: { type: Schema.Types.Mixed, default: null },
    settings: { type: Schema.Types.Mixed, default: undefined },
  },
  { _id: false },
);
// A bloc répétable's children are champs themselves; absent on every other type.
ChampSchema.add({ children: { type: [ChampSchema], default: undefined } });

const ContactSchema = new Schema(
  {
    nom: String,
    organisme: String,
    email: String,
    telephone: String,
    horaires: String,
    adresse: String,
    siret: String,
  },
  { _id: false },
);

const AttestationSchema = new Schema<AttestationDocument>(
  {
    enabled: { type: Boolean, default: false },
    title: { type: String, default: '' },
    body: { type: String, default: '' },
    footer: { type: String, default: '' },
    logoKey: { type: String, default: null },
    signatureKey: { type: String, default: null },
    qrCode: { type: Boolean, default: false },
  },
  { _id: false },
);

const FichierSchema = new Schema<FichierDocument>(
  {
    key: { type: String, required: true },
    filename: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
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
      state: { type: String, required: true, enum: ['brouillon', 'publiee', 'close', 'depubliee'] },
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
          isDefault: { type: Boolean, default: false },
          closed: { type: Boolean, default: false },
          contact: { type: ContactSchema, default: null },
          routingRule: { type: Schema.Types.Mixed, default: null },
          routingValues: { type: [String], default: [] },
        },
      ],
      routingChampId: { type: String, default: null },
      attestation: { type: AttestationSchema, default: null },
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
      logo: { type: FichierSchema, default: null },
      notice: { type: FichierSchema, default: null },
      cadreJuridique: {
        type: new Schema(
          {
            texte: { type: String, default: '' },
            url: { type: String, default: null },
            document: { type: FichierSchema, default: null },
          },
          { _id: false },
        ),
        default: () => ({ texte: '', url: null, document: null }),
      },
      dureeConservationMois: { type: Number, default: 12 },
      publicCible: { type: String, enum: ['particulier', 'personne_morale'], default: 'particulier' },
      dateLimiteDepot: { type: Date, default: null },
      modeDeclaratif: { type: String, enum: ['aucun', 'en_instruction', 'accepte'], default: 'aucun' },
      service: {
        type: new Schema(
          {
            nom: String,
            organisme: String,
            email: String,
            telephone: String,
            horaires: String,
            adresse: String,
            siret: String,
          },
          { _id: false },
        ),
        default: null,
      },
      lienDiffusion: { type: String, default: null },
      webhookUrl: { type: String, default: null },
      monAvis: { type: String, default: null },
      revisionNumber: { type: Number, default: 0 },
      revisionPubliee: {
        type: new Schema(
          {
            id: { type: String, required: true },
            number: { type: Number, required: true },
            champs: { type: [ChampSchema], default: [] },
            annotations: { type: [ChampSchema], default: [] },
            publishedAt: { type: Date, required: true },
          },
          { _id: false },
        ),
        default: null,
      },
      closedAt: { type: Date, default: null },
      unpublishedAt: { type: Date, default: null },
      replacedBy: { type: String, default: null },
      clonedFrom: { type: String, default: null },
      deletedAt: { type: Date, default: null },
    },
    { collection: DEMARCHE_COLLECTION },
  ),
);
DemarcheSchema.index({ slug: 1, state: 1 });
DemarcheSchema.index({ state: 1, dateLimiteDepot: 1 });
