import { DemarchePublished, Topics } from '@demarches/contracts';
import { OnEvent } from '@demarches/platform-kafka';
import { Injectable } from '@nestjs/common';
import { ProjeterModelesMailUseCase } from '../use-cases/projeter-modeles-mail/projeter-modeles-mail.use-case';

/** Démarche snapshots, for the e-mail templates their administrateurs customised. */
@Injectable()
export class DemarcheEventsConsumer {
  constructor(private readonly projeterModelesMail: ProjeterModelesMailUseCase) {}

  @OnEvent(Topics.procedure, 'DemarchePublished')
  async onPublished(event: DemarchePublished): Promise<void> {
    await this.projeterModelesMail.execute(event);
  }
}
