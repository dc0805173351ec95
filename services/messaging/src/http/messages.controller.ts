import { CurrentUser, InternalIdentity } from '@demarches/platform-auth';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { Message } from '../domain/message';
import { EnvoyerMessageUseCase } from '../use-cases/envoyer-message/envoyer-message.use-case';
import { ListerMessagesUseCase } from '../use-cases/lister-messages/lister-messages.use-case';

interface MessageResponse {
  id: string;
  dossierId: string;
  senderEmail: string;
  senderRole: Message['senderRole'];
  body: string;
  sentAt: string;
}

const toResponse = (m: Message): MessageResponse => ({
  id: m.id,
  dossierId: m.dossierId,
  senderEmail: m.senderEmail,
  senderRole: m.senderRole,
  body: m.body,
  sentAt: m.sentAt.toISOString(),
});

/** The messagerie of a dossier (the gateway exposes it under /api). */
@Controller('dossiers/:dossierId/messages')
export class MessagesController {
  constructor(
    private readonly envoyerMessage: EnvoyerMessageUseCase,
    private readonly listerMessages: ListerMessagesUseCase,
  ) {}

  @Post()
  @HttpCode(201)
  async send(
    @Param('dossierId') dossierId: string,
    @Body() body: { body?: unknown } | undefined,
    @CurrentUser() user: InternalIdentity,
  ): Promise<MessageResponse> {
    return toResponse(await this.envoyerMessage.execute({ dossierId, body: body?.body, caller: user }));
  }

  @Get()
  async list(
    @Param('dossierId') dossierId: string,
    @CurrentUser() user: InternalIdentity,
  ): Promise<{ messages: MessageResponse[] }> {
    const messages = await this.listerMessages.execute({ dossierId, caller: user });
    return { messages: messages.map(toResponse) };
  }
}
