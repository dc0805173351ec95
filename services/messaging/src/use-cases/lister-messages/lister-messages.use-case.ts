import { Injectable } from '@nestjs/common';
import { Caller, participantOf } from '../../domain/dossier-access';
import { Message } from '../../domain/message';
import { MessagingException } from '../../messaging.exception';
import { DossierViews, Messages } from '../../persistence/ports';

/** The conversation of a dossier, readable by its participants even once the messagerie is closed. */
@Injectable()
export class ListerMessagesUseCase {
  constructor(
    private readonly dossiers: DossierViews,
    private readonly messages: Messages,
  ) {}

  async execute(input: { dossierId: string; caller: Caller }): Promise<Message[]> {
    const dossier = await this.dossiers.find(input.dossierId);
    if (!dossier || !participantOf(dossier, input.caller))
      throw MessagingException.dossierNotFound(input.dossierId);
    return this.messages.listByDossier(dossier.dossierId);
  }
}
