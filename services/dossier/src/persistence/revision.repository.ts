import { RevisionPubliee } from '../domain/revision';

/** dossier's own copy of published revisions, fed by DemarchePublished / DemarcheClosed events. */
export abstract class RevisionRepository {
  /** Stores the snapshot unless a newer one (higher sourceVersion) is already there. */
  abstract upsertIfNewer(revision: RevisionPubliee): Promise<void>;
  abstract markClosed(demarcheId: string, sourceVersion: number): Promise<void>;
  /** Unpublished, reopened or deleted: the lifecycle state, unless a newer event already applied. */
  abstract markState(
    demarcheId: string,
    state: RevisionPubliee['state'],
    sourceVersion: number,
  ): Promise<void>;
  abstract findBySlug(slug: string): Promise<RevisionPubliee | null>;
  abstract findByDemarcheId(demarcheId: string): Promise<RevisionPubliee | null>;
}
