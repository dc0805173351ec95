import { type PayloadOf, Topics } from '@demarches/contracts';
import { OnEvent } from '@demarches/platform-kafka';
import { Injectable } from '@nestjs/common';
import { ProjeterDemarcheUseCase } from '../use-cases/projeter-demarche/projeter-demarche.use-case';

/** form-builder's publications: dossier keeps its own copy of every published revision. */
@Injectable()
export class ProcedureEventsConsumer {
  constructor(private readonly projeter: ProjeterDemarcheUseCase) {}

  @OnEvent(Topics.procedure, 'DemarchePublished')
  async published(event: PayloadOf<typeof Topics.procedure, 'DemarchePublished'>): Promise<void> {
    await this.projeter.published(event);
  }

  @OnEvent(Topics.procedure, 'DemarcheClosed')
  async closed(event: PayloadOf<typeof Topics.procedure, 'DemarcheClosed'>): Promise<void> {
    await this.projeter.closed(event);
  }

  @OnEvent(Topics.procedure, 'DemarcheUnpublished')
  async unpublished(event: PayloadOf<typeof Topics.procedure, 'DemarcheUnpublished'>): Promise<void> {
    await this.projeter.unpublished(event);
  }

  @OnEvent(Topics.procedure, 'DemarcheReopened')
  async reopened(event: PayloadOf<typeof Topics.procedure, 'DemarcheReopened'>): Promise<void> {
    await this.projeter.reopened(event);
  }

  /** Test dossiers are deleted with their démarche. */
  @OnEvent(Topics.procedure, 'DemarcheDeleted')
  async deleted(event: PayloadOf<typeof Topics.procedure, 'DemarcheDeleted'>): Promise<void> {
    await this.projeter.deleted(event);
  }
}
