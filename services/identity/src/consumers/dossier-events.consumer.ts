import { Injectable } from '@nestjs/common';
import { type PayloadOf, Topics } from '@demarches/contracts';
import { OnEvent } from '@demarches/platform-kafka';
import { TrackDossierAccessUseCase } from '../use-cases/track-dossier-access/track-dossier-access.use-case';
import { TrackDossierStatesUseCase } from '../use-cases/track-dossier-states/track-dossier-states.use-case';

/** The dossier service's events: invités per dossier, and dossier states for the account-deletion rule. */
@Injectable()
export class DossierEventsConsumer {
  constructor(
    private readonly access: TrackDossierAccessUseCase,
    private readonly states: TrackDossierStatesUseCase,
  ) {}

  @OnEvent(Topics.dossier, 'DossierInviteAdded')
  async inviteAdded(event: PayloadOf<typeof Topics.dossier, 'DossierInviteAdded'>): Promise<void> {
    await this.access.inviteAdded(event);
  }

  @OnEvent(Topics.dossier, 'DossierInviteRemoved')
  async inviteRemoved(event: PayloadOf<typeof Topics.dossier, 'DossierInviteRemoved'>): Promise<void> {
    await this.access.inviteRemoved(event);
  }

  @OnEvent(Topics.dossier, 'DossierCreated')
  async created(event: PayloadOf<typeof Topics.dossier, 'DossierCreated'>): Promise<void> {
    await this.states.created(event);
  }

  @OnEvent(Topics.dossier, 'DossierDeposited')
  async deposited(event: PayloadOf<typeof Topics.dossier, 'DossierDeposited'>): Promise<void> {
    await this.states.deposited(event);
  }

  @OnEvent(Topics.dossier, 'DossierStateChanged')
  async stateChanged(event: PayloadOf<typeof Topics.dossier, 'DossierStateChanged'>): Promise<void> {
    await this.states.stateChanged(event);
  }

  @OnEvent(Topics.dossier, 'DossierDeleted')
  async deleted(event: PayloadOf<typeof Topics.dossier, 'DossierDeleted'>): Promise<void> {
    await this.states.deleted(event);
  }
}
