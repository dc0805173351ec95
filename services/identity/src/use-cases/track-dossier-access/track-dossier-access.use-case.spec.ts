import { InMemoryDossierAccess } from '../../testing/in-memory';
import { TrackDossierAccessUseCase } from './track-dossier-access.use-case';

const at = new Date('2026-03-01T08:00:00Z');

describe(TrackDossierAccessUseCase.name, () => {
  let access: InMemoryDossierAccess;
  let useCase: TrackDossierAccessUseCase;

  const added = (version: number, dossierId = 'd-1') =>
    useCase.inviteAdded({
      dossierId,
      demarcheId: 'dem-1',
      number: 1,
      email: 'Co.Auteur@demo.fr',
      invitedByEmail: 'u@demo.fr',
      message: '',
      at,
      version,
    });
  const removed = (version: number) =>
    useCase.inviteRemoved({ dossierId: 'd-1', demarcheId: '', email: 'co.auteur@demo.fr', at, version });

  beforeEach(() => {
    access = new InMemoryDossierAccess();
    useCase = new TrackDossierAccessUseCase(access);
  });

  it('gives the invité role on each dossier she is invited on, and takes it back', async () => {
    await added(3);
    await added(2, 'd-2');
    expect((await access.activeOf('co.auteur@demo.fr', 'invite')).map((a) => a.dossierId)).toEqual([
      'd-1',
      'd-2',
    ]);
    await removed(4);
    expect(await access.activeOf('co.auteur@demo.fr')).toEqual([
      { kind: 'invite', dossierId: 'd-2', demarcheId: 'dem-1', email: 'co.auteur@demo.fr' },
    ]);
  });

  it('ignores an invitation older than its withdrawal (redelivery)', async () => {
    await added(3);
    await removed(4);
    expect(await added(3)).toBe(false);
    expect(await access.activeOf('co.auteur@demo.fr')).toEqual([]);
  });
});
