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
}
