import { RevisionPubliee } from '../../domain/revision';
import { TraceDossierDocument } from './trace-dossier.schema';

export type TraceDossier = Omit<TraceDossierDocument, '_id'> & { dossierId: string };

/** The queries of the sweeps: which démarches have deadlines, which dossiers they concern, and the CGU traces. */
export abstract class EcheancesRepository {
  /** Démarches whose date limite de dépôt is reached at `now`. */
  abstract demarchesCloses(now: Date): Promise<RevisionPubliee[]>;
  /** Démarches with a durée de conservation. */
  abstract demarchesAvecConservation(): Promise<RevisionPubliee[]>;
  /** Ids of the live (not deleted) dossiers of a démarche in these states. */
  abstract dossiersIds(demarcheId: string, states: string[]): Promise<string[]>;
  /** Writes the trace once (a retried deletion keeps the first one). */
  abstract enregistrerTrace(trace: TraceDossier): Promise<void>;
  abstract trace(dossierId: string): Promise<TraceDossier | null>;
  /** Removes expired tombstones whose events have left through the outbox: nothing of them stays. */
  abstract purgerTombesExpirees(): Promise<number>;
}
