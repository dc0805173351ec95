import { RevisionPubliee } from '../../domain/revision';
import { EcheancesDuDossier } from '../domain/conservation';
import { TraceDossierDocument } from './trace-dossier.schema';

export type TraceDossier = Omit<TraceDossierDocument, '_id'> & { dossierId: string };

/** The retention due dates of a dossier and the durée they were computed for. */
export type Planification = EcheancesDuDossier & { conservationMois: number };

/** The due dates the sweeps query by (both indexed on the dossier). */
export type Echeance = 'expiresAt' | 'expirationNoticeAt';

/**
 * The queries of the sweeps. Every list is bounded (`limit`): a sweep reads batches until none is left, so the
 * number of dossiers in the database never decides how much one pass holds in memory.
 */
export abstract class EcheancesRepository {
  /** Démarches whose date limite de dépôt is reached at `now`. */
  abstract demarchesCloses(now: Date): Promise<RevisionPubliee[]>;
  /** Démarches with a durée de conservation. */
  abstract demarchesAvecConservation(): Promise<RevisionPubliee[]>;
  abstract revision(demarcheId: string): Promise<RevisionPubliee | null>;
  /** Ids of the live dossiers of a démarche en construction, by ascending id after `apres`. */
  abstract enConstruction(demarcheId: string, apres: string | null, limit: number): Promise<string[]>;
  /** Ids of live dossiers whose `echeance` is at or before `now`, earliest first, except `exclus`. */
  abstract dus(echeance: Echeance, now: Date, limit: number, exclus: string[]): Promise<string[]>;
  /**
   * Ids of the live dossiers of a démarche whose due dates were not computed for `dureeMois` (written before the
   * due dates existed, or the démarche's durée changed since), except `exclus`.
   */
  abstract aReplanifier(
    demarcheId: string,
    dureeMois: number,
    limit: number,
    exclus: string[],
  ): Promise<string[]>;
  /**
   * Stores recomputed due dates if the dossier is still at `version` (derived data: the version does not move).
   * False when the dossier changed meanwhile: its own save stored fresh dates.
   */
  abstract planifier(dossierId: string, version: number, planification: Planification): Promise<boolean>;
  /** Per démarche, the durée its dossiers' due dates were last all computed for, and when it was checked. */
  abstract planificationsDesDemarches(): Promise<Map<string, { conservationMois: number; verifieLe: Date }>>;
  abstract marquerDemarchePlanifiee(demarcheId: string, conservationMois: number, at: Date): Promise<void>;
  /** Writes the trace once (a retried deletion keeps the first one). */
  abstract enregistrerTrace(trace: TraceDossier): Promise<void>;
  abstract trace(dossierId: string): Promise<TraceDossier | null>;
  /** Removes expired tombstones whose events have left through the outbox: nothing of them stays. */
  abstract purgerTombesExpirees(): Promise<number>;
}
