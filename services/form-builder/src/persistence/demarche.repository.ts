import type { OutboxEvent } from '@demarches/platform-mongo';
import { Demarche } from '../domain/demarche';

/** Where démarches live. Only the repository implementation touches mongoose. */
export abstract class DemarcheRepository {
  abstract nextNumber(): Promise<number>;
  /** Stores a new démarche (version 1). */
  abstract create(demarche: Demarche): Promise<Demarche>;
  /**
   * Replaces a démarche if it is still at `demarche.version`, and queues `events` in the same atomic write
   * (transactional outbox). A concurrent change makes it fail with STALE_VERSION.
   */
  abstract save(demarche: Demarche, events?: OutboxEvent[]): Promise<Demarche>;
  abstract load(id: string): Promise<Demarche | null>;
  abstract findPublishedBySlug(slug: string): Promise<Demarche | null>;
  abstract listForAdministrateur(email: string): Promise<Demarche[]>;
}
