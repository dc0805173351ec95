import { DossierCreated, DossierDeposited, DossierState } from '@demarches/contracts';
import type {
  DossierProjectionChanges,
  ProjectionRepository,
} from '../../persistence/dossier-projection.repository';
import type { DossierProjectionDocument } from '../../persistence/projection.schema';
import { ProjeterDossierUseCase } from './projeter-dossier.use-case';

/** The dossier half of the projection, with the same rule as applyIfNewer: only a newer version applies. */
class InMemoryProjection {
  readonly dossiers = new Map<string, DossierProjectionDocument>();

  async applyDossier(id: string, version: number, changes: DossierProjectionChanges, create: boolean) {
    const stored = this.dossiers.get(id);
    if (stored ? stored.version >= version : !create) return false;
    const base = stored ?? {
      _id: id,
      demarcheId: '',
      state: DossierState.UNSPECIFIED,
      usagerSub: null,
      usagerEmail: null,
      groupeInstructeurId: null,
      archived: false,
    };
    this.dossiers.set(id, { ...base, ...changes, version });
    return true;
  }
}

const created: DossierCreated = {
  dossierId: 'd-1',
  number: 12,
  demarcheId: 'dem-1',
  demarcheNumber: 7,
  revisionId: 'rev-1',
  usagerSub: 'sub-usager',
  createdAt: new Date('2026-11-20T09:00:00Z'),
  version: 1,
};

const deposited = (overrides: Partial<DossierDeposited> = {}): DossierDeposited => ({
  dossierId: 'd-1',
  number: 12,
  usagerEmail: 'Usager@Exemple.fr',
  usagerSub: 'sub-usager',
  demarcheId: 'dem-1',
  demarcheNumber: 7,
  demarcheTitle: 'Aide',
  revisionId: 'rev-1',
  groupeInstructeurId: 'g-1',
  champs: [],
  depositedAt: new Date('2026-11-20T10:00:00Z'),
  demandeur: undefined,
  state: DossierState.EN_CONSTRUCTION,
  inviteEmails: [],
  version: 2,
  ...overrides,
});

describe(ProjeterDossierUseCase.name, () => {
  let projection: InMemoryProjection;
  let useCase: ProjeterDossierUseCase;

  beforeEach(() => {
    projection = new InMemoryProjection();
    useCase = new ProjeterDossierUseCase(projection as unknown as ProjectionRepository);
  });

  it('learns the owner from the dépôt when the creation never reached messaging', async () => {
    await useCase.depose(deposited());
    expect(projection.dossiers.get('d-1')).toMatchObject({
      usagerSub: 'sub-usager',
      usagerEmail: 'usager@exemple.fr',
      state: DossierState.EN_CONSTRUCTION,
      version: 2,
    });
  });

  it('keeps the owner from the creation when a dépôt written before usager_sub existed carries none', async () => {
    await useCase.cree(created);
    await useCase.depose(deposited({ usagerSub: '' }));
    expect(projection.dossiers.get('d-1')).toMatchObject({
      usagerSub: 'sub-usager',
      state: DossierState.EN_CONSTRUCTION,
    });
  });

  it('ignores a creation replayed after the dépôt', async () => {
    await useCase.depose(deposited());
    await useCase.cree({ ...created, usagerSub: 'someone-else' });
    expect(projection.dossiers.get('d-1')).toMatchObject({ usagerSub: 'sub-usager', version: 2 });
  });
});
