import { DeletionReason, DossierState } from '@demarches/contracts';
import { InMemoryDossierStates } from '../../testing/in-memory';
import { stateName, TrackDossierStatesUseCase } from './track-dossier-states.use-case';

const at = new Date('2026-03-01T08:00:00Z');

describe(TrackDossierStatesUseCase.name, () => {
  let states: InMemoryDossierStates;
  let useCase: TrackDossierStatesUseCase;

  const changed = (version: number, from: DossierState, to: DossierState) =>
    useCase.stateChanged({
      dossierId: 'd-1',
      number: 1,
      demarcheId: 'dem-1',
      demarcheNumber: 1,
      groupeInstructeurId: 'g-1',
      usagerEmail: 'U@demo.fr',
      from,
      to,
      at,
      version,
    });

  beforeEach(() => {
    states = new InMemoryDossierStates();
    useCase = new TrackDossierStatesUseCase(states);
  });

  it('maps the proto states to the deletion rule vocabulary', () => {
    expect(stateName(DossierState.EN_INSTRUCTION)).toBe('en_instruction');
    expect(stateName(DossierState.SANS_SUITE)).toBe('sans_suite');
  });

  it('follows a dossier from creation to instruction and decision', async () => {
    await useCase.created({
      dossierId: 'd-1',
      number: 1,
      demarcheId: 'dem-1',
      demarcheNumber: 1,
      revisionId: 'r-1',
      usagerSub: 'kc-u',
      createdAt: at,
      version: 1,
    });
    await useCase.deposited({
      dossierId: 'd-1',
      number: 1,
      usagerEmail: 'u@demo.fr',
      demarcheId: 'dem-1',
      demarcheNumber: 1,
      demarcheTitle: 'T',
      revisionId: 'r-1',
      groupeInstructeurId: 'g-1',
      champs: [],
      depositedAt: at,
      version: 4,
      usagerSub: '',
      state: DossierState.UNSPECIFIED,
      inviteEmails: [],
      demandeur: undefined,
    });
    expect(states.states.get('d-1')).toMatchObject({ usagerSub: 'kc-u', state: 'en_construction' });
    await changed(5, DossierState.EN_CONSTRUCTION, DossierState.EN_INSTRUCTION);
    expect(await states.countEnInstruction('kc-u')).toBe(1);
    await changed(6, DossierState.EN_INSTRUCTION, DossierState.ACCEPTE);
    expect(await states.countEnInstruction('kc-u')).toBe(0);
  });

  it('never lets a late or replayed event overwrite a newer state', async () => {
    await changed(6, DossierState.EN_INSTRUCTION, DossierState.REFUSE);
    expect(await changed(5, DossierState.EN_CONSTRUCTION, DossierState.EN_INSTRUCTION)).toBe(false);
    expect(states.states.get('d-1')?.state).toBe('refuse');
  });

  it('a deleted dossier no longer blocks the deletion of the account', async () => {
    await changed(5, DossierState.EN_CONSTRUCTION, DossierState.EN_INSTRUCTION);
    await useCase.deleted({
      dossierId: 'd-1',
      demarcheId: 'dem-1',
      state: DossierState.EN_INSTRUCTION,
      reason: DeletionReason.ADMINISTRATION,
      deletedAt: at,
      version: 7,
    });
    expect(await states.countEnInstruction('kc-u', 'u@demo.fr')).toBe(0);
  });
});
