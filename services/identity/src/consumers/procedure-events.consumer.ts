import { Injectable } from '@nestjs/common';
import { type PayloadOf, Topics } from '@demarches/contracts';
import { OnEvent } from '@demarches/platform-kafka';
import { SyncInstructeurGroupesUseCase } from '../use-cases/sync-instructeur-groupes/sync-instructeur-groupes.use-case';

/** form-builder's groupes instructeurs: the instructeur role and the memberships GET /me lists. */
@Injectable()
export class ProcedureEventsConsumer {
  constructor(private readonly sync: SyncInstructeurGroupesUseCase) {}

  @OnEvent(Topics.procedure, 'GroupesInstructeursChanged')
  async groupesChanged(
    event: PayloadOf<typeof Topics.procedure, 'GroupesInstructeursChanged'>,
  ): Promise<void> {
    await this.sync.execute(event);
  }
}
