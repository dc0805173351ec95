import { nouvelleDemarche } from '../../domain/demarche';
import { InMemoryDemarcheRepository, SERVICE_VALIDE } from '../../testing/in-memory-demarche.repository';
import { Clock } from '../clock';
import { ModifierDescriptionUseCase } from './modifier-description.use-case';

const now = new Date('2026-11-27T10:00:00Z');
const clock = { now: () => now } as Clock;

describe(ModifierDescriptionUseCase.name, () => {
  it('saves a démarche en test without event, and a published one with a fresh snapshot', async () => {
    const repository = new InMemoryDemarcheRepository();
    const useCase = new ModifierDescriptionUseCase(repository, clock);
    const base = nouvelleDemarche({ number: 1, title: 'A', description: '', administrateur: 'a@b.fr', now });
    const brouillon = await repository.create(base);
    await useCase.description('a@b.fr', brouillon.id, { title: 'B' });
    expect(repository.events).toEqual([]);

    const revisionPubliee = { id: 'r1', number: 1, champs: [], annotations: [], publishedAt: now };
    const publiee = await repository.create({
      ...base,
      id: 'p',
      state: 'publiee',
      revisionNumber: 1,
      revisionPubliee,
    });
    const saved = await useCase.service('a@b.fr', publiee.id, SERVICE_VALIDE);
    expect(repository.eventTypes()).toEqual(['DemarchePublished']);
    expect(saved.service?.siret).toBe(SERVICE_VALIDE.siret);
  });

  it('adds and removes co-administrateurs; a removed one no longer sees the démarche', async () => {
    const repository = new InMemoryDemarcheRepository();
    const useCase = new ModifierDescriptionUseCase(repository, clock);
    const demarche = await repository.create(
      nouvelleDemarche({ number: 1, title: 'A', description: '', administrateur: 'a@b.fr', now }),
    );
    await useCase.ajouterAdministrateur('a@b.fr', demarche.id, 'b@b.fr');
    await useCase.retirerAdministrateur('b@b.fr', demarche.id, 'a@b.fr');
    await expect(useCase.description('a@b.fr', demarche.id, { title: 'X' })).rejects.toMatchObject({
      code: 'DEMARCHE_NOT_FOUND',
    });
    await expect(useCase.retirerAdministrateur('b@b.fr', demarche.id, 'b@b.fr')).rejects.toMatchObject({
      code: 'DERNIER_ADMINISTRATEUR',
    });
  });
});
