import { DomainError } from '@demarches/platform-errors';
import { DossierInstruction, EtatDossier } from '../../domain/dossier-instruction';
import { InstructionErrorCode } from '../../instruction.exception';
import { DossierInstructionRepository, GroupeRepository } from '../../persistence/instruction.repositories';
import { ChangerEtatUseCase } from './changer-etat.use-case';
import { ChangerEtatRequest, DossierCommands } from './dossier-commands.port';

const row: DossierInstruction = {
  dossierId: 'd1',
  number: 7,
  demarcheId: 'p1',
  demarcheNumber: 1,
  demarcheTitle: 'Aide',
  groupeInstructeurId: 'g1',
  usagerEmail: 'u@x.fr',
  state: 'en_construction',
  depositedAt: new Date(),
  updatedAt: new Date(),
  followers: [],
  archived: false,
  dossierVersion: 2,
};

class Groupes extends GroupeRepository {
  replaceForDemarche = jest.fn();
  groupeIdsOf = jest.fn(async () => ['g1']);
  isMember = jest.fn(async (groupeId: string, email: string) => groupeId === 'g1' && email === 'i@x.fr');
}

class Dossiers extends DossierInstructionRepository {
  rows = new Map([[row.dossierId, { ...row }]]);
  upsertIfNewer = jest.fn();
  updateGroupeIfNewer = jest.fn();
  async updateStateIfNewer(dossierId: string, state: EtatDossier, version: number) {
    const current = this.rows.get(dossierId)!;
    if (version <= current.dossierVersion) return false;
    this.rows.set(dossierId, { ...current, state, dossierVersion: version });
    return true;
  }
  async findById(dossierId: string) {
    return this.rows.get(dossierId) ?? null;
  }
  listForGroupes = jest.fn();
  async addFollower(dossierId: string, email: string) {
    const current = this.rows.get(dossierId)!;
    this.rows.set(dossierId, { ...current, followers: [...current.followers, email] });
  }
}

class Commands extends DossierCommands {
  requests: ChangerEtatRequest[] = [];
  answer: () => Promise<{ state: EtatDossier; version: number }> = async () => ({
    state: 'en_instruction',
    version: 3,
  });
  changerEtat(request: ChangerEtatRequest) {
    this.requests.push(request);
    return this.answer();
  }
}

describe(ChangerEtatUseCase.name, () => {
  let dossiers: Dossiers;
  let commands: Commands;
  let useCase: ChangerEtatUseCase;

  beforeEach(() => {
    dossiers = new Dossiers();
    commands = new Commands();
    useCase = new ChangerEtatUseCase(new Groupes(), dossiers, commands);
  });

  it('asks dossier to change the state and follows the answer in the projection', async () => {
    const result = await useCase.execute({ sub: 's', email: 'I@x.fr' }, 'd1', 'passer_en_instruction');
    expect(result).toEqual({ dossierId: 'd1', state: 'en_instruction', version: 3 });
    expect(commands.requests).toEqual([
      expect.objectContaining({
        dossierId: 'd1',
        action: 'passer_en_instruction',
        instructeurEmail: 'i@x.fr',
      }),
    ]);
    expect(dossiers.rows.get('d1')).toMatchObject({ state: 'en_instruction', followers: ['i@x.fr'] });
  });

  it('answers "not found" to an instructeur outside the dossier’s groupe, without asking dossier', async () => {
    await expect(useCase.execute({ sub: 's', email: 'other@x.fr' }, 'd1', 'accepter')).rejects.toMatchObject({
      code: InstructionErrorCode.DOSSIER_NOT_FOUND,
    });
    expect(commands.requests).toHaveLength(0);
  });

  it('passes dossier’s refusal on unchanged and leaves the projection alone', async () => {
    commands.answer = async () => {
      throw new DomainError('MOTIVATION_REQUIRED', 'invalid', 'Une motivation est obligatoire.');
    };
    await expect(useCase.execute({ sub: 's', email: 'i@x.fr' }, 'd1', 'refuser')).rejects.toMatchObject({
      code: 'MOTIVATION_REQUIRED',
    });
    expect(dossiers.rows.get('d1')!.state).toBe('en_construction');
  });
});
