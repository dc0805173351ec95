import type { OutboxEvent } from '@demarches/platform-mongo';
import { Demarche } from '../domain/demarche';

export interface CataloguePage {
  demarches: Demarche[];
  total: number;
}

/** Where démarches live. Only the repository implementation touches mongoose. Deleted démarches are never returned. */
export abstract class DemarcheRepository {
  abstract nextNumber(): Promise<number>;
  /** Stores a new démarche (version 1), with its events in the same write. */
  abstract create(demarche: Demarche, events?: OutboxEvent[]): Promise<Demarche>;
  /**
   * Replaces a démarche if it is still at `demarche.version`, and queues `events` in the same atomic write
   * (transactional outbox). A concurrent change makes it fail with STALE_VERSION.
   */
  abstract save(demarche: Demarche, events?: OutboxEvent[]): Promise<Demarche>;
  abstract load(id: string): Promise<Demarche | null>;
  abstract findPublishedBySlug(slug: string): Promise<Demarche | null>;
  /** Every démarche holding this slug, whatever its state (a slug stays claimed while its démarche is close). */
  abstract findBySlug(slug: string): Promise<Demarche[]>;
  abstract listForAdministrateur(email: string): Promise<Demarche[]>;
  /** Published démarches whose title, description or service organisme contains `query` (case-insensitive). */
  abstract catalogue(query: string, page: number, perPage: number): Promise<CataloguePage>;
  /** Published démarches whose date limite de dépôt is at or before `now`. */
  abstract dueForClosing(now: Date, limit: number): Promise<Demarche[]>;
  /**
   * Whether a démarche other than `exceptId` (deleted ones included) points at the S3 object `key`: a clone shares
   * its source's files and attestation images.
   */
  abstract sharesObject(key: string, exceptId: string): Promise<boolean>;
}
