import { nouvelleDemarche } from '../../domain/demarche';
import { InMemoryDemarcheRepository } from '../../testing/in-memory-demarche.repository';
import { Clock } from '../clock';
import { CloturerAutomatiquementUseCase } from './cloturer-automatiquement.use-case';

const limite = new Date('2026-12-01T00:00:00Z');

async function stored(repository: InMemoryDemarcheRepository, dateLimiteDepot: Date | null) {
  const base = nouvelleDemarche({
    number: 1,
    title: 'A',
    description: '',
    administrateur: 'a@b.fr',
    now: limite,
  });
  return repository.create({ ...base, state: 'publiee', slug: 'a', revisionNumber: 1, dateLimiteDepot });
}

describe(CloturerAutomatiquementUseCase.name, () => {
  it('closes the published démarches whose date limite has passed, and only those', async () => {
    const repository = new InMemoryDemarcheRepository();
    const echue = await stored(repository, limite);
    const future = await stored(repository, new Date('2027-01-01T00:00:00Z'));
    const sans = await stored(repository, null);
    const useCase = new CloturerAutomatiquementUseCase(repository, { now: () => limite } as Clock);
    expect(await useCase.execute()).toEqual([echue.id]);
    expect((await repository.load(echue.id))?.state).toBe('close');
    expect((await repository.load(future.id))?.state).toBe('publiee');
    expect((await repository.load(sans.id))?.state).toBe('publiee');
    expect(repository.events.map((e) => [e.eventType, e.key])).toEqual([['DemarcheClosed', echue.id]]);
    // The next sweep finds nothing more to do.
    expect(await useCase.execute()).toEqual([]);
  });
});
