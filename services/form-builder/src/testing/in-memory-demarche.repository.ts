import { DomainError } from '@demarches/platform-errors';
import type { OutboxEvent } from '@demarches/platform-mongo';
import { Demarche, ServiceContact } from '../domain/demarche';
import { CataloguePage, DemarcheRepository } from '../persistence/demarche.repository';

/** The repository contract in memory for unit tests of use cases: versions checked, events recorded. */
export class InMemoryDemarcheRepository extends DemarcheRepository {
  readonly byId = new Map<string, Demarche>();
  readonly events: OutboxEvent[] = [];
  private sequence = 0;

  async nextNumber(): Promise<number> {
    return ++this.sequence;
  }

  async create(demarche: Demarche, events: OutboxEvent[] = []): Promise<Demarche> {
    const created = { ...demarche, version: 1 };
    this.byId.set(demarche.id, created);
    this.events.push(...events);
    return created;
  }

  async save(demarche: Demarche, events: OutboxEvent[] = []): Promise<Demarche> {
    const stored = this.byId.get(demarche.id);
    if (!stored || stored.version !== demarche.version) {
      throw new DomainError('STALE_VERSION', 'conflict', 'version périmée');
    }
    const saved = { ...demarche, version: demarche.version + 1 };
    this.byId.set(demarche.id, saved);
    this.events.push(...events);
    return saved;
  }

  async load(id: string): Promise<Demarche | null> {
    const demarche = this.byId.get(id);
    return demarche && !demarche.deletedAt ? demarche : null;
  }

  private all(): Demarche[] {
    return [...this.byId.values()].filter((d) => !d.deletedAt);
  }

  async findPublishedBySlug(slug: string): Promise<Demarche | null> {
    return this.all().find((d) => d.slug === slug && d.state === 'publiee') ?? null;
  }

  async findBySlug(slug: string): Promise<Demarche[]> {
    return this.all().filter((d) => d.slug === slug);
  }

  async listForAdministrateur(email: string): Promise<Demarche[]> {
    return this.all().filter((d) => d.administrateurs.includes(email));
  }

  async catalogue(query: string, page: number, perPage: number): Promise<CataloguePage> {
    const q = query.toLowerCase();
    const found = this.all().filter(
      (d) =>
        d.state === 'publiee' &&
        [d.title, d.description, d.service?.organisme ?? ''].some((text) => text.toLowerCase().includes(q)),
    );
    return { demarches: found.slice((page - 1) * perPage, page * perPage), total: found.length };
  }

  async dueForClosing(now: Date): Promise<Demarche[]> {
    return this.all().filter((d) => d.state === 'publiee' && d.dateLimiteDepot && d.dateLimiteDepot <= now);
  }

  async sharesObject(key: string, exceptId: string): Promise<boolean> {
    return [...this.byId.values()].some(
      (d) =>
        d.id !== exceptId &&
        [
          d.logo?.key,
          d.notice?.key,
          d.cadreJuridique.document?.key,
          d.attestation?.logoKey,
          d.attestation?.signatureKey,
        ].includes(key),
    );
  }

  eventTypes(): string[] {
    return this.events.map((event) => event.eventType);
  }
}

/** A service with a valid SIRET (check digit), as publication requires. */
export const SERVICE_VALIDE: ServiceContact = {
  nom: 'Service des jardins',
  organisme: 'Mairie de Lyon',
  email: 'jardins@mairie.fr',
  telephone: '04 72 10 30 30',
  horaires: 'du lundi au vendredi, 9 h – 17 h',
  adresse: '1 place de la Comédie, 69001 Lyon',
  siret: '21690123100011',
};

/** What publication requires besides champs and instructeurs: a service, a cadre juridique, a lien de diffusion. */
export function pretePourPublication(demarche: Demarche): Demarche {
  return {
    ...demarche,
    service: SERVICE_VALIDE,
    cadreJuridique: { texte: 'Délibération du conseil municipal du 3 mars 2026', url: null, document: null },
    lienDiffusion: 'https://www.mairie.fr/jardins',
  };
}
