// instruction's projection of deposited dossiers: the state comes from DossierDeposited.state, because on a déclaratif
// démarche the DossierStateChanged that tells the automatic move carries the same version and is dropped by the guard.
import { DossierState, type PayloadOf, Topics } from '@demarches/contracts';
import { appartientAOnglet, DossierInstruction, EtatDossier } from '../../domain/dossier-instruction';
import {
  DossierInstructionRepository,
  GroupeInstructeurView,
  GroupeRepository,
} from '../../persistence/instruction.repositories';
import { ProjeterEvenementsUseCase } from './projeter-evenements.use-case';

type Deposited = PayloadOf<typeof Topics.dossier, 'DossierDeposited'>;
type StateChanged = PayloadOf<typeof Topics.dossier, 'DossierStateChanged'>;
type Updated = PayloadOf<typeof Topics.dossier, 'DossierUpdated'>;

class Groupes extends GroupeRepository {
  replaced: GroupeInstructeurView[] = [];
  async replaceForDemarche(_demarcheId: string, groupes: GroupeInstructeurView[]): Promise<void> {
    this.replaced = groupes;
  }
  async groupeIdsOf(): Promise<string[]> {
    return ['g1'];
  }
  async isMember(): Promise<boolean> {
    return true;
  }
}

/** In memory, with the same version guards as the Mongo repository. */
class Dossiers extends DossierInstructionRepository {
  rows = new Map<string, DossierInstruction>();
  async upsertIfNewer(row: DossierInstruction): Promise<boolean> {
    const current = this.rows.get(row.dossierId);
    if (current && current.dossierVersion >= row.dossierVersion) return false;
    this.rows.set(row.dossierId, {
      ...row,
      followers: current?.followers ?? [],
      archived: current?.archived ?? false,
    });
    return true;
  }
  async updateStateIfNewer(dossierId: string, state: EtatDossier, version: number, at: Date) {
    const current = this.rows.get(dossierId);
    if (!current || current.dossierVersion >= version) return false;
    this.rows.set(dossierId, { ...current, state, dossierVersion: version, updatedAt: at });
    return true;
  }
  async updateGroupeIfNewer(dossierId: string, groupeInstructeurId: string, version: number, at: Date) {
    const current = this.rows.get(dossierId);
    if (!current || current.dossierVersion >= version) return false;
    this.rows.set(dossierId, { ...current, groupeInstructeurId, dossierVersion: version, updatedAt: at });
    return true;
  }
  async findById(dossierId: string) {
    return this.rows.get(dossierId) ?? null;
  }
  async listForGroupes(groupeIds: string[]) {
    return [...this.rows.values()].filter((row) => groupeIds.includes(row.groupeInstructeurId));
  }
  async addFollower(dossierId: string, email: string): Promise<void> {
    const current = this.rows.get(dossierId);
    if (current) this.rows.set(dossierId, { ...current, followers: [...current.followers, email] });
  }
}

const at = new Date('2026-11-27T10:00:00Z');

function deposited(state: DossierState, version = 4): Deposited {
  return {
    dossierId: 'd1',
    number: 12,
    usagerEmail: 'usager@exemple.fr',
    demarcheId: 'p1',
    demarcheNumber: 3,
    demarcheTitle: 'Déclaration de travaux',
    revisionId: 'r1',
    groupeInstructeurId: 'g1',
    champs: [],
    depositedAt: at,
    version,
    usagerSub: 'sub-u',
    demandeur: undefined,
    state,
    inviteEmails: [],
  };
}

function stateChanged(from: DossierState, to: DossierState, version: number): StateChanged {
  return {
    dossierId: 'd1',
    number: 12,
    demarcheId: 'p1',
    demarcheNumber: 3,
    groupeInstructeurId: 'g1',
    usagerEmail: 'usager@exemple.fr',
    from,
    to,
    at,
    version,
  };
}

function setup() {
  const dossiers = new Dossiers();
  return { dossiers, projeter: new ProjeterEvenementsUseCase(new Groupes(), dossiers) };
}

describe('ProjeterEvenementsUseCase.dossierDeposited', () => {
  it.each([
    [DossierState.EN_CONSTRUCTION, 'en_construction', 'a-suivre'],
    [DossierState.EN_INSTRUCTION, 'en_instruction', 'a-suivre'],
    [DossierState.ACCEPTE, 'accepte', 'traites'],
  ] as const)(
    'shows a dossier deposited %s as %s in the « %s » tab, with the same-version DossierStateChanged after it',
    async (reached, etat, onglet) => {
      const { dossiers, projeter } = setup();
      // What dossier writes for a déclaratif dépôt: both events at the version of the single write.
      await projeter.dossierDeposited(deposited(reached, 4));
      if (reached !== DossierState.EN_CONSTRUCTION) {
        await projeter.dossierStateChanged(stateChanged(DossierState.EN_CONSTRUCTION, reached, 4));
      }
      const row = (await dossiers.findById('d1'))!;
      expect(row).toMatchObject({ state: etat, dossierVersion: 4 });
      expect(appartientAOnglet(row, onglet, 'i@x.fr')).toBe(true);
      expect(
        appartientAOnglet(row, reached === DossierState.ACCEPTE ? 'a-suivre' : 'traites', 'i@x.fr'),
      ).toBe(false);
    },
  );

  it('takes an event written before the state existed as en construction', async () => {
    const { dossiers, projeter } = setup();
    await projeter.dossierDeposited(deposited(DossierState.UNSPECIFIED));
    expect((await dossiers.findById('d1'))!.state).toBe('en_construction');
  });

  it('never lets a redelivered dépôt undo a later decision', async () => {
    const { dossiers, projeter } = setup();
    await projeter.dossierDeposited(deposited(DossierState.EN_CONSTRUCTION, 4));
    await projeter.dossierStateChanged(
      stateChanged(DossierState.EN_CONSTRUCTION, DossierState.EN_INSTRUCTION, 5),
    );
    await projeter.dossierDeposited(deposited(DossierState.EN_CONSTRUCTION, 4));
    expect((await dossiers.findById('d1'))!).toMatchObject({ state: 'en_instruction', dossierVersion: 5 });
  });
});

function updated(state: DossierState, groupeInstructeurId: string, version: number): Updated {
  return {
    dossierId: 'd1',
    demarcheId: 'p1',
    state,
    changedChampIds: ['ville'],
    champs: [],
    updatedAt: at,
    version,
    groupeInstructeurId,
    authorEmail: 'usager@exemple.fr',
  };
}

describe('ProjeterEvenementsUseCase.dossierUpdated', () => {
  it('moves a dossier re-routed en construction to its new groupe, for its lists and its instructeurs', async () => {
    const { dossiers, projeter } = setup();
    await projeter.dossierDeposited(deposited(DossierState.EN_CONSTRUCTION, 4));
    await projeter.dossierUpdated(updated(DossierState.EN_CONSTRUCTION, 'g2', 5));
    expect((await dossiers.findById('d1'))!).toMatchObject({ groupeInstructeurId: 'g2', dossierVersion: 5 });
    expect((await dossiers.listForGroupes(['g1'])).map((row) => row.dossierId)).toEqual([]);
    expect((await dossiers.listForGroupes(['g2'])).map((row) => row.dossierId)).toEqual(['d1']);
  });

  it('ignores edits of a brouillon and stale or repeated updates', async () => {
    const { dossiers, projeter } = setup();
    await projeter.dossierUpdated(updated(DossierState.BROUILLON, 'g2', 2));
    expect(await dossiers.findById('d1')).toBeNull();
    await projeter.dossierDeposited(deposited(DossierState.EN_CONSTRUCTION, 4));
    await projeter.dossierUpdated(updated(DossierState.EN_CONSTRUCTION, 'g2', 3));
    expect((await dossiers.findById('d1'))!.groupeInstructeurId).toBe('g1');
  });
});
