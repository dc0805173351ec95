import { decodeMessage, eventCodec, Topics } from '@demarches/contracts';
import { nouvelleDemarche } from '../../domain/demarche';
import { DemarcheErrorCode } from '../../demarche.exception';
import { InMemoryDemarcheRepository } from '../../testing/in-memory-demarche.repository';
import { Clock } from '../clock';
import { EnvoyerCopieUseCase } from '../envoyer-copie/envoyer-copie.use-case';
import { ClonerDemarcheUseCase } from './cloner-demarche.use-case';

const now = new Date('2026-11-27T10:00:00Z');
const clock = { now: () => now } as Clock;

function created(repository: InMemoryDemarcheRepository) {
  const codec = eventCodec(Topics.procedure, 'DemarcheCreated');
  if (!codec) throw new Error('no codec');
  return repository.events
    .filter((e) => e.eventType === 'DemarcheCreated')
    .map((e) => decodeMessage(codec, e.payload));
}

async function setup() {
  const repository = new InMemoryDemarcheRepository();
  const cloner = new ClonerDemarcheUseCase(repository, clock);
  const brouillon = await repository.create(
    nouvelleDemarche({
      number: await repository.nextNumber(),
      title: 'Aide',
      description: '',
      administrateur: 'a@b.fr',
      now,
    }),
  );
  return { repository, cloner, copie: new EnvoyerCopieUseCase(repository, cloner), brouillon };
}

describe(ClonerDemarcheUseCase.name, () => {
  it('clones her own démarche en test into a new one, with DemarcheCreated naming the source', async () => {
    const { repository, cloner, brouillon } = await setup();
    const clone = await cloner.execute('A@b.fr', brouillon.id);
    expect(clone).toMatchObject({
      state: 'brouillon',
      administrateurs: ['a@b.fr'],
      clonedFrom: brouillon.id,
      number: 2,
    });
    expect(created(repository)).toEqual([
      expect.objectContaining({ demarcheId: clone.id, clonedFromDemarcheId: brouillon.id, version: 1 }),
    ]);
  });

  it("refuses to clone someone else's démarche that is not published, as if it did not exist", async () => {
    const { cloner, brouillon } = await setup();
    await expect(cloner.execute('x@b.fr', brouillon.id)).rejects.toMatchObject({
      code: DemarcheErrorCode.DEMARCHE_NOT_FOUND,
    });
  });

  it("sends a copy that lands in the colleague's démarches en test, with who sent it", async () => {
    const { repository, copie, brouillon } = await setup();
    const envoyee = await copie.execute('a@b.fr', brouillon.id, ' Collegue@b.fr ');
    expect(await repository.listForAdministrateur('collegue@b.fr')).toEqual([
      expect.objectContaining({ id: envoyee.id, state: 'brouillon', clonedFrom: brouillon.id }),
    ]);
    expect(created(repository)).toEqual([
      expect.objectContaining({ administrateurEmails: ['collegue@b.fr'], sentByEmail: 'a@b.fr' }),
    ]);
  });

  it('only sends a copy of her own démarche', async () => {
    const { copie, brouillon } = await setup();
    await expect(copie.execute('x@b.fr', brouillon.id, 'c@b.fr')).rejects.toMatchObject({
      code: DemarcheErrorCode.DEMARCHE_NOT_FOUND,
    });
  });
});
