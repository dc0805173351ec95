import { decodeMessage, eventCodec, type PayloadOf, Topics } from '@demarches/contracts';
import { ajouterInstructeur, Demarche, nouvelleDemarche } from '../../domain/demarche';
import { ajouterChamp } from '../../domain/formulaire';
import { DemarcheErrorCode } from '../../demarche.exception';
import {
  InMemoryDemarcheRepository,
  pretePourPublication,
} from '../../testing/in-memory-demarche.repository';
import { Clock } from '../clock';
import { PublierDemarcheUseCase } from './publier-demarche.use-case';

const now = new Date('2026-11-27T10:00:00Z');
const clock = { now: () => now } as Clock;

async function stored(repository: InMemoryDemarcheRepository, administrateur: string): Promise<Demarche> {
  const base = nouvelleDemarche({ number: 1, title: 'Aide', description: '', administrateur, now });
  const { demarche } = ajouterChamp(base, 'champs', {
    type: 'text',
    label: 'Nom',
    description: '',
    mandatory: true,
    options: [],
  });
  return repository.create(pretePourPublication(ajouterInstructeur(demarche, 'i@b.fr')));
}

function published(repository: InMemoryDemarcheRepository, id: string) {
  const codec = eventCodec(Topics.procedure, 'DemarchePublished');
  if (!codec) throw new Error('no codec');
  return repository.events
    .filter((e) => e.eventType === 'DemarchePublished' && e.key === id)
    .map((e) => decodeMessage(codec, e.payload) as PayloadOf<typeof Topics.procedure, 'DemarchePublished'>);
}

describe(PublierDemarcheUseCase.name, () => {
  it('publishes revision 1 with a real (not test) snapshot carrying the description', async () => {
    const repository = new InMemoryDemarcheRepository();
    const useCase = new PublierDemarcheUseCase(repository, clock);
    const demarche = await stored(repository, 'a@b.fr');
    const publiee = await useCase.execute('a@b.fr', demarche.id, { slug: 'aide' });
    expect(publiee).toMatchObject({ state: 'publiee', revisionNumber: 1, version: 2 });
    expect(published(repository, demarche.id)).toEqual([
      expect.objectContaining({
        enTest: false,
        revisionNumber: 1,
        version: 2,
        dureeConservationMois: 12,
        service: expect.objectContaining({ siret: '21690123100011' }),
      }),
    ]);
  });

  it("refuses another administrateur's slug, even when her démarche is close", async () => {
    const repository = new InMemoryDemarcheRepository();
    const useCase = new PublierDemarcheUseCase(repository, clock);
    const autre = await stored(repository, 'x@b.fr');
    await useCase.execute('x@b.fr', autre.id, 'aide');
    const loaded = await repository.load(autre.id);
    await repository.save({ ...loaded!, state: 'close' });
    const mine = await stored(repository, 'a@b.fr');
    await expect(useCase.execute('a@b.fr', mine.id, 'aide')).rejects.toMatchObject({
      code: DemarcheErrorCode.SLUG_TAKEN,
    });
  });

  it('takes over the slug of her own older published démarche, which is closed with replaced_by', async () => {
    const repository = new InMemoryDemarcheRepository();
    const useCase = new PublierDemarcheUseCase(repository, clock);
    const ancienne = await stored(repository, 'a@b.fr');
    await useCase.execute('a@b.fr', ancienne.id, 'aide');
    const nouvelle = await stored(repository, 'a@b.fr');
    await useCase.execute('a@b.fr', nouvelle.id, 'aide');
    expect(await repository.load(ancienne.id)).toMatchObject({
      state: 'close',
      slug: null,
      replacedBy: nouvelle.id,
    });
    expect(await repository.findPublishedBySlug('aide')).toMatchObject({ id: nouvelle.id });
    const closed = repository.events.find((e) => e.eventType === 'DemarcheClosed');
    expect(closed?.key).toBe(ancienne.id);
  });

  it('leaves the older démarche untouched when the new one cannot be published', async () => {
    const repository = new InMemoryDemarcheRepository();
    const useCase = new PublierDemarcheUseCase(repository, clock);
    const ancienne = await stored(repository, 'a@b.fr');
    await useCase.execute('a@b.fr', ancienne.id, 'aide');
    const vide = await repository.create(
      nouvelleDemarche({ number: 2, title: 'Vide', description: '', administrateur: 'a@b.fr', now }),
    );
    await expect(useCase.execute('a@b.fr', vide.id, 'aide')).rejects.toMatchObject({
      code: DemarcheErrorCode.DEMARCHE_INCOMPLETE,
    });
    expect(await repository.load(ancienne.id)).toMatchObject({ state: 'publiee', slug: 'aide' });
  });

  it('reopens a close démarche: a new revision number and DemarcheReopened', async () => {
    const repository = new InMemoryDemarcheRepository();
    const useCase = new PublierDemarcheUseCase(repository, clock);
    const demarche = await stored(repository, 'a@b.fr');
    const publiee = await useCase.execute('a@b.fr', demarche.id, 'aide');
    await repository.save({ ...publiee, state: 'close', closedAt: now });
    const rouverte = await useCase.execute('a@b.fr', demarche.id, 'aide');
    expect(rouverte).toMatchObject({ state: 'publiee', revisionNumber: 2 });
    expect(repository.eventTypes()).toEqual(['DemarchePublished', 'DemarchePublished', 'DemarcheReopened']);
    expect(published(repository, demarche.id).map((p) => p.revisionNumber)).toEqual([1, 2]);
  });
});
