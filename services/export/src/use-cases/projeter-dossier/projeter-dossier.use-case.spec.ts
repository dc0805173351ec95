import { ChampType, DossierDeposited, DossierState, DossierStateChanged } from '@demarches/contracts';
import { InMemoryDossierRecords } from '../../testing/in-memory-ports';
import { ProjeterDossierUseCase } from './projeter-dossier.use-case';

const deposited: DossierDeposited = {
  dossierId: 'd-1',
  number: 42,
  usagerEmail: 'usager@exemple.fr',
  usagerSub: 'sub-usager',
  demarcheId: 'dem-1',
  demarcheNumber: 7,
  demarcheTitle: 'Aide',
  revisionId: 'r-1',
  groupeInstructeurId: 'g-1',
  champs: [{ champId: 'c1', label: 'Nom du projet', type: ChampType.TEXT, value: 'Jardin' }],
  depositedAt: new Date('2026-11-20T10:00:00Z'),
  demandeur: undefined,
  state: DossierState.EN_CONSTRUCTION,
  inviteEmails: [],
  version: 2,
};

const changed = (overrides: Partial<DossierStateChanged>): DossierStateChanged => ({
  dossierId: 'd-1',
  number: 42,
  demarcheId: 'dem-1',
  demarcheNumber: 7,
  groupeInstructeurId: 'g-1',
  usagerEmail: 'usager@exemple.fr',
  from: DossierState.EN_CONSTRUCTION,
  to: DossierState.EN_INSTRUCTION,
  at: new Date('2026-11-21T10:00:00Z'),
  version: 3,
  ...overrides,
});

describe(ProjeterDossierUseCase.name, () => {
  it('records a deposited dossier en construction with its champs', async () => {
    const records = new InMemoryDossierRecords();
    await new ProjeterDossierUseCase(records).depose(deposited);
    expect(records.byId.get('d-1')).toMatchObject({
      state: DossierState.EN_CONSTRUCTION,
      usagerEmail: 'usager@exemple.fr',
      champs: [{ champId: 'c1', label: 'Nom du projet', value: 'Jardin' }],
    });
  });

  it('follows the state to the decision, with its date and motivation', async () => {
    const records = new InMemoryDossierRecords();
    const useCase = new ProjeterDossierUseCase(records);
    await useCase.depose(deposited);
    await useCase.etatChange(changed({}));
    await useCase.etatChange(
      changed({
        to: DossierState.REFUSE,
        motivation: 'Hors délai',
        at: new Date('2026-11-22T10:00:00Z'),
        version: 4,
      }),
    );
    expect(records.byId.get('d-1')).toMatchObject({
      state: DossierState.REFUSE,
      enInstructionAt: new Date('2026-11-21T10:00:00Z'),
      decidedAt: new Date('2026-11-22T10:00:00Z'),
      motivation: 'Hors délai',
    });
  });

  it('ignores an event older than what it already applied', async () => {
    const records = new InMemoryDossierRecords();
    const useCase = new ProjeterDossierUseCase(records);
    await useCase.depose(deposited);
    await useCase.etatChange(changed({ to: DossierState.ACCEPTE, version: 4 }));
    await useCase.etatChange(changed({ to: DossierState.EN_INSTRUCTION, version: 3 }));
    expect(records.byId.get('d-1')?.state).toBe(DossierState.ACCEPTE);
  });

  it('clears the decision when the dossier goes back en instruction', async () => {
    const records = new InMemoryDossierRecords();
    const useCase = new ProjeterDossierUseCase(records);
    await useCase.depose(deposited);
    await useCase.etatChange(changed({ to: DossierState.ACCEPTE, motivation: 'ok', version: 3 }));
    await useCase.etatChange(changed({ to: DossierState.EN_INSTRUCTION, version: 4 }));
    expect(records.byId.get('d-1')).toMatchObject({ decidedAt: null, motivation: null });
  });
});
