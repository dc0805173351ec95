import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Caller, MESSAGE_MAX_LENGTH, participantOf, whyMessagerieFermee } from '../../domain/dossier-access';
import { Message } from '../../domain/message';
import { MessagingException } from '../../messaging.exception';
import { DossierViews, Messages } from '../../persistence/ports';

export interface EnvoyerMessageInput {
  dossierId: string;
  body: unknown;
  caller: Caller;
}

/** An usager or an instructeur of the dossier writes in its messagerie, while it is open. */
@Injectable()
export class EnvoyerMessageUseCase {
  constructor(
    private readonly dossiers: DossierViews,
    private readonly messages: Messages,
  ) {}

  async execute(input: EnvoyerMessageInput, now = new Date()): Promise<Message> {
    const dossier = await this.dossiers.find(input.dossierId);
    const role = dossier ? participantOf(dossier, input.caller) : null;
    if (!dossier || !role) throw MessagingException.dossierNotFound(input.dossierId);

    const closed = whyMessagerieFermee(dossier);
    if (closed) throw MessagingException.messagerieFermee(dossier.dossierId, closed);

    const message: Message = {
      id: randomUUID(),
      dossierId: dossier.dossierId,
      demarcheId: dossier.demarcheId,
      senderSub: input.caller.sub,
      senderEmail: input.caller.email,
      senderRole: role,
      body: validBody(input.body),
      sentAt: now,
    };
    await this.messages.send(message);
    return message;
  }
}

function validBody(body: unknown): string {
  if (typeof body !== 'string' || body.trim() === '') {
    throw MessagingException.messageInvalide('Le message ne peut pas être vide.');
  }
  // Trailing blank lines are noise; the text itself is kept as written.
  const text = body.replace(/\s+$/, '');
  if (text.length > MESSAGE_MAX_LENGTH) {
    throw MessagingException.messageInvalide(
      `Le message est trop long : ${MESSAGE_MAX_LENGTH.toLocaleString('fr-FR')} caractères au plus.`,
    );
  }
  return text;
}
