import type { OutboxEvent } from '@demarches/platform-mongo';
import { Dossier } from '../domain/dossier';

/** Where dossiers live. dossier is the only writer of a dossier and of its state. */
export abstract class DossierRepository {
  abstract nextNumber(): Promise<number>;
  abstract create(dossier: Dossier, events: OutboxEvent[]): Promise<Dossier>;
  /** Saves if still at `dossier.version` (else STALE_VERSION) with `events` in the same atomic write. */
  abstract save(dossier: Dossier, events: OutboxEvent[]): Promise<Dossier>;
  abstract load(id: string): Promise<Dossier | null>;
  abstract listForUsager(sub: string): Promise<Dossier[]>;
}
