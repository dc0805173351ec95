import { decodeMessage, eventCodec, Topics } from '@demarches/contracts';
import { nouvelleDemarche } from '../../domain/demarche';
import { DemarcheErrorCode } from '../../demarche.exception';
import { InMemoryDemarcheRepository } from '../../testing/in-memory-demarche.repository';
import { TesterDemarcheUseCase } from './tester-demarche.use-case';

const now = new Date('2026-11-27T10:00:00Z');

describe(TesterDemarcheUseCase.name, () => {
  it('sends the draft of a démarche en test as an en_test snapshot at the new version', async () => {
    const repository = new InMemoryDemarcheRepository();
    const demarche = await repository.create(
      nouvelleDemarche({ number: 1, title: 'A', description: '', administrateur: 'a@b.fr', now }),
    );
    const tested = await new TesterDemarcheUseCase(repository).execute('a@b.fr', demarche.id);
    const codec = eventCodec(Topics.procedure, 'DemarchePublished');
    if (!codec) throw new Error('no codec');
    expect(decodeMessage(codec, repository.events[0].payload)).toMatchObject({
      enTest: true,
      revisionId: demarche.revisionId,
      revisionNumber: 0,
      version: tested.version,
    });
  });

  it('refuses the test link of a published démarche', async () => {
    const repository = new InMemoryDemarcheRepository();
    const base = nouvelleDemarche({ number: 1, title: 'A', description: '', administrateur: 'a@b.fr', now });
    const demarche = await repository.create({ ...base, state: 'publiee' });
    await expect(new TesterDemarcheUseCase(repository).execute('a@b.fr', demarche.id)).rejects.toMatchObject({
      code: DemarcheErrorCode.TRANSITION_INVALID,
    });
  });
});
