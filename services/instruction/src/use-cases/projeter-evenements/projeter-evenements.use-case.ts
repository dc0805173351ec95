import { DossierState, type PayloadOf, Topics } from '@demarches/contracts';
import { Injectable } from '@nestjs/common';
import { EtatDossier } from '../../domain/dossier-instruction';
import { DossierInstructionRepository, GroupeRepository } from '../../persistence/instruction.repositories';

type Published = PayloadOf<typeof Topics.procedure, 'DemarchePublished'>;
type Deposited = PayloadOf<typeof Topics.dossier, 'DossierDeposited'>;
type StateChanged = PayloadOf<typeof Topics.dossier, 'DossierStateChanged'>;
type Updated = PayloadOf<typeof Topics.dossier, 'DossierUpdated'>;

const ETATS: Partial<Record<DossierState, EtatDossier>> = {
  [DossierState.EN_CONSTRUCTION]: 'en_construction',
  [DossierState.EN_INSTRUCTION]: 'en_instruction',
  [DossierState.ACCEPTE]: 'accepte',
  [DossierState.REFUSE]: 'refuse',
  [DossierState.SANS_SUITE]: 'sans_suite',
};

export function etatFromProto(state: DossierState): EtatDossier | undefined {
  return ETATS[state];
}

/** Builds instruction's views from form-builder and dossier events. Every handler is idempotent. */
@Injectable()
export class ProjeterEvenementsUseCase {
  constructor(
    private readonly groupes: GroupeRepository,
    private readonly dossiers: DossierInstructionRepository,
  ) {}

  async demarchePublished(event: Published): Promise<void> {
    await this.groupes.replaceForDemarche(
      event.demarcheId,
      event.groupesInstructeurs.map((groupe) => ({
        groupeId: groupe.id,
        demarcheId: event.demarcheId,
        demarcheTitle: event.title,
        instructeurs: groupe.instructeurEmails.map((email) => email.toLowerCase()),
        sourceVersion: event.version,
      })),
    );
  }

  /**
   * The state is the one the dossier reached at dépôt: en construction, or for a déclaratif démarche en instruction
   * or accepté. The DossierStateChanged that tells the automatic move carries the SAME version, so the version guard
   * drops it: the state must come from here, or the dossier would stay « en construction » in the wrong tab.
   */
  async dossierDeposited(event: Deposited): Promise<void> {
    const depositedAt = event.depositedAt ?? new Date();
    // Events written before DossierDeposited.state existed carry BROUILLON/unspecified: en construction then.
    const state = etatFromProto(event.state) ?? 'en_construction';
    await this.dossiers.upsertIfNewer({
      dossierId: event.dossierId,
      number: event.number,
      demarcheId: event.demarcheId,
      demarcheNumber: event.demarcheNumber,
      demarcheTitle: event.demarcheTitle,
      groupeInstructeurId: event.groupeInstructeurId,
      usagerEmail: event.usagerEmail,
      state,
      depositedAt,
      updatedAt: depositedAt,
      followers: [],
      archived: false,
      dossierVersion: event.version,
    });
  }

  /**
   * An edit en construction may re-route the dossier (routing champ changed): it then belongs to the new groupe's
   * lists and only its instructeurs may act on it. Edits of a brouillon find no row and change nothing.
   */
  async dossierUpdated(event: Updated): Promise<void> {
    if (event.state === DossierState.BROUILLON || !event.groupeInstructeurId) return;
    await this.dossiers.updateGroupeIfNewer(
      event.dossierId,
      event.groupeInstructeurId,
      event.version,
      event.updatedAt ?? new Date(),
    );
  }

  async dossierStateChanged(event: StateChanged): Promise<void> {
    const state = etatFromProto(event.to);
    // A dossier going back to brouillon does not exist in the reference; nothing to show instructeurs then.
    if (!state) return;
    await this.dossiers.updateStateIfNewer(event.dossierId, state, event.version, event.at ?? new Date());
  }
}
