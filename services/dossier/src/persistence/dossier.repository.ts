import type { OutboxEvent } from '@demarches/platform-mongo';
import { Dossier } from '../domain/dossier';

/** Where dossiers live. dossier is the only writer of a dossier and of its state. */
export abstract class DossierRepository {
  abstract nextNumber(): Promise<number>;
  abstract create(dossier: Dossier, events: OutboxEvent[]): Promise<Dossier>;
  /** Saves if still at `dossier.version` (else STALE_VERSION) with `events` in the same atomic write. */
  abstract save(dossier: Dossier, events: OutboxEvent[]): Promise<Dossier>;
  abstract load(id: string): Promise<Dossier | null>;
  /** The dossier with this number (a « lien vers un autre dossier » champ names dossiers by number). */
  abstract findByNumber(number: number): Promise<Dossier | null>;
  abstract listForUsager(sub: string): Promise<Dossier[]>;
  /** « Mes dossiers » (owner) or « Dossiers invités » (by the invité's e-mail), newest change first, deleted excluded. */
  abstract page(filter: DossierListFilter, page: { offset: number; limit: number }): Promise<DossierPage>;
  /** The test dossiers of a démarche still present (not deleted). */
  abstract listTestDossiers(demarcheId: string): Promise<Dossier[]>;
  /** The démarche's dossiers (not deleted) whose groupe instructeur is none of `groupeIds`. */
  abstract listHorsGroupes(demarcheId: string, groupeIds: string[]): Promise<Dossier[]>;
}

export type DossierListFilter = { proprietaireSub: string } | { inviteEmail: string };

export interface DossierPage {
  dossiers: Dossier[];
  total: number;
}
