import { decodeMessage, eventCodec, MailKind, Topics } from '@demarches/contracts';
import type { OutboxEvent } from '@demarches/platform-mongo';
import { ajouterInstructeur, Demarche, nouvelleDemarche } from '../../domain/demarche';
import { ajouterChamp } from '../../domain/formulaire';
import { personnaliserMail, reinitialiserMail } from '../../domain/mail-templates';
import { publier } from '../../domain/publication';
import { DemarcheRepository } from '../../persistence/demarche.repository';
import { pretePourPublication } from '../../testing/in-memory-demarche.repository';
import { PersonnaliserMailsUseCase } from './personnaliser-mails.use-case';

class InMemoryRepository extends DemarcheRepository {
  readonly byId = new Map<string, Demarche>();
  readonly events: OutboxEvent[] = [];
  async nextNumber() {
    return 1;
  }
  async create(demarche: Demarche) {
    const created = { ...demarche, version: 1 };
    this.byId.set(demarche.id, created);
    return created;
  }
  async save(demarche: Demarche, events: OutboxEvent[] = []) {
    const saved = { ...demarche, version: demarche.version + 1 };
    this.byId.set(demarche.id, saved);
    this.events.push(...events);
    return saved;
  }
  async load(id: string) {
    return this.byId.get(id) ?? null;
  }
  async findPublishedBySlug() {
    return null;
  }
  async listForAdministrateur() {
    return [];
  }
  async findBySlug() {
    return [];
  }
  async catalogue() {
    return { demarches: [], total: 0 };
  }
  async dueForClosing() {
    return [];
  }
  async sharesObject() {
    return false;
  }
}

const now = new Date('2026-11-27T10:00:00Z');

async function setup(state: 'brouillon' | 'publiee') {
  const repository = new InMemoryRepository();
  const base = nouvelleDemarche({ number: 1, title: 'Aide', description: '', administrateur: 'a@b.fr', now });
  const { demarche } = ajouterChamp(base, 'champs', {
    type: 'text',
    label: 'Nom du jardin',
    description: '',
    mandatory: true,
    options: [],
  });
  const ready = pretePourPublication(ajouterInstructeur(demarche, 'i@b.fr'));
  const stored = await repository.create(state === 'publiee' ? publier(ready, 'aide-jardins', now) : ready);
  return { repository, id: stored.id, useCase: new PersonnaliserMailsUseCase(repository) };
}

function snapshot(event: OutboxEvent) {
  const codec = eventCodec(Topics.procedure, 'DemarchePublished');
  if (!codec) throw new Error('no codec for DemarchePublished');
  return decodeMessage(codec, event.payload);
}

const template = { subject: 'Reçu --Nom du jardin--', body: 'Merci' };

describe(PersonnaliserMailsUseCase.name, () => {
  it('saves a template of a brouillon without any event: the snapshot at publication will carry it', async () => {
    const { repository, id, useCase } = await setup('brouillon');
    const view = await useCase.execute('a@b.fr', id, (d) => personnaliserMail(d, 'dossier_depose', template));
    expect(view).toEqual({ kind: 'dossier_depose', ...template, custom: true });
    expect(repository.byId.get(id)?.mailTemplates).toEqual([{ kind: 'dossier_depose', ...template }]);
    expect(repository.events).toEqual([]);
  });

  it('publishes a fresh snapshot, at the new version, when a published démarche changes its templates', async () => {
    const { repository, id, useCase } = await setup('publiee');
    await useCase.execute('a@b.fr', id, (d) => personnaliserMail(d, 'dossier_depose', template));
    expect(repository.events).toHaveLength(1);
    expect(repository.events[0]).toMatchObject({ eventType: 'DemarchePublished' });
    expect(snapshot(repository.events[0])).toMatchObject({
      version: 2,
      mailTemplates: [{ kind: MailKind.DOSSIER_DEPOSE, ...template }],
    });

    await useCase.execute('a@b.fr', id, (d) => reinitialiserMail(d, 'dossier_depose'));
    expect(snapshot(repository.events[1])).toMatchObject({ version: 3, mailTemplates: [] });
    // Resetting a template that is not customised changes nothing and sends nothing.
    await useCase.execute('a@b.fr', id, (d) => reinitialiserMail(d, 'dossier_depose'));
    expect(repository.events).toHaveLength(2);
    expect(repository.byId.get(id)?.version).toBe(3);
  });

  it("hides another administrateur's démarche", async () => {
    const { id, useCase } = await setup('brouillon');
    await expect(useCase.consulter('x@b.fr', id)).rejects.toMatchObject({ code: 'DEMARCHE_NOT_FOUND' });
  });
});
