import { addVersioning, type VersionedDocument } from '@demarches/platform-mongo';
import { Schema } from 'mongoose';
import { ChampValue } from '../domain/champ-validation';
import { DeletionReason, Demandeur, HistoryEntry, Invite } from '../domain/dossier';
import { DossierState } from '../domain/dossier-state';

export interface DossierDocument extends VersionedDocument {
  number: number;
  demarcheId: string;
  revisionId: string;
  state: DossierState;
  usager: { sub: string; email: string };
  champs: Record<string, ChampValue>;
  groupeInstructeurId: string;
  motivation: string | null;
  createdAt: Date;
  updatedAt: Date;
  depositedAt: Date | null;
  instructionStartedAt: Date | null;
  decidedAt: Date | null;
  history: HistoryEntry[];
  test: boolean;
  demandeur: Demandeur | null;
  invites: Invite[];
  deletedAt: Date | null;
  deletionReason: DeletionReason | null;
  expirationNotifiedAt?: Date | null;
  /**
   * Due dates of the retention sweep (echeances/domain/conservation.ts echeancesDuDossier), written on every save
   * from the démarche's durée de conservation, which `conservationMois` records (the sweep recomputes the dossiers
   * whose durée differs: documents written before these fields, or a durée changed since). Not part of the entity.
   */
  expiresAt?: Date | null;
  expirationNoticeAt?: Date | null;
  conservationMois?: number | null;
}

export const DOSSIER_COLLECTION = 'dossiers';

export const DossierSchema = addVersioning(
  new Schema<DossierDocument>(
    {
      _id: { type: String, required: true },
      number: { type: Number, required: true, unique: true },
      demarcheId: { type: String, required: true, index: true },
      revisionId: { type: String, required: true },
      state: { type: String, required: true },
      usager: {
        _id: false,
        sub: { type: String, required: true, index: true },
        email: { type: String, required: true },
      },
      // Values keyed by champ id; champ ids are UUIDs, never containing '.' or '$' (FerretDB refuses those keys).
      champs: { type: Schema.Types.Mixed, default: {} },
      groupeInstructeurId: { type: String, required: true },
      motivation: { type: String, default: null },
      createdAt: { type: Date, required: true },
      updatedAt: { type: Date, required: true },
      depositedAt: { type: Date, default: null },
      instructionStartedAt: { type: Date, default: null },
      decidedAt: { type: Date, default: null },
      // Append-only list kept as plain sub-documents; its shape is the domain's HistoryEntry.
      history: { type: Schema.Types.Mixed, default: [] },
      test: { type: Boolean, default: false },
      demandeur: { type: Schema.Types.Mixed, default: null },
      // Invités by e-mail (lower case); "Dossiers invités" looks them up by e-mail.
      invites: { type: Schema.Types.Mixed, default: [] },
      deletedAt: { type: Date, default: null },
      deletionReason: { type: String, default: null },
      expirationNotifiedAt: { type: Date, default: null },
      expiresAt: { type: Date, default: null, index: true },
      expirationNoticeAt: { type: Date, default: null, index: true },
      conservationMois: { type: Number, default: null },
    },
    { collection: DOSSIER_COLLECTION, minimize: false },
  ),
);

// "Dossiers invités" looks dossiers up by an invité's e-mail; the usager's lists sort by last change.
DossierSchema.index({ 'invites.email': 1 });
// The sweeps: dossiers of a démarche whose due dates were computed for another durée (backfill, durée changed), and
// those of a closed démarche still en construction.
DossierSchema.index({ demarcheId: 1, conservationMois: 1 });
DossierSchema.index({ demarcheId: 1, state: 1 });
// The purge of expired tombstones looks only at deleted dossiers.
DossierSchema.index({ deletionReason: 1 });
