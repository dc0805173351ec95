import { Injectable } from '@nestjs/common';
import { DossierState, type PayloadOf, type Topics } from '@demarches/contracts';
import { normalizeEmail } from '../../domain/user';
import { DossierStateRepository } from '../../persistence/dossier-state.repository';

type DossierCreated = PayloadOf<typeof Topics.dossier, 'DossierCreated'>;
type DossierDeposited = PayloadOf<typeof Topics.dossier, 'DossierDeposited'>;
type DossierStateChanged = PayloadOf<typeof Topics.dossier, 'DossierStateChanged'>;
type DossierDeleted = PayloadOf<typeof Topics.dossier, 'DossierDeleted'>;

const PREFIX = 'DOSSIER_STATE_';

/** `DOSSIER_STATE_EN_INSTRUCTION` → `en_instruction`, the vocabulary of the deletion rule. */
export function stateName(state: DossierState): string {
  return state.startsWith(PREFIX) ? state.slice(PREFIX.length).toLowerCase() : state.toLowerCase();
}

/**
 * Follows the state of every usager's dossiers, for the CGU rule on account deletion (refused while one is en
 * instruction). Each event carries the dossier's version: a replayed or late event never overwrites a newer state.
 */
@Injectable()
export class TrackDossierStatesUseCase {
  constructor(private readonly states: DossierStateRepository) {}

  created(event: DossierCreated): Promise<boolean> {
    return this.states.record({
      dossierId: event.dossierId,
      version: event.version,
      state: 'brouillon',
      usagerSub: event.usagerSub,
    });
  }

  deposited(event: DossierDeposited): Promise<boolean> {
    const state =
      event.state === DossierState.UNSPECIFIED || event.state === DossierState.UNRECOGNIZED
        ? 'en_construction'
        : stateName(event.state);
    return this.states.record({
      dossierId: event.dossierId,
      version: event.version,
      state,
      ...(event.usagerSub ? { usagerSub: event.usagerSub } : {}),
      ...(event.usagerEmail ? { usagerEmail: normalizeEmail(event.usagerEmail) } : {}),
    });
  }

  stateChanged(event: DossierStateChanged): Promise<boolean> {
    return this.states.record({
      dossierId: event.dossierId,
      version: event.version,
      state: stateName(event.to),
      ...(event.usagerEmail ? { usagerEmail: normalizeEmail(event.usagerEmail) } : {}),
    });
  }

  deleted(event: DossierDeleted): Promise<boolean> {
    return this.states.record({ dossierId: event.dossierId, version: event.version, state: 'supprime' });
  }
}
