import { Injectable, Module } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import {
  CommandTopics,
  DossierState,
  Topics,
  type ChangerEtatDossierRequest,
  type DossierDeposited,
  type MessageSent,
} from '@demarches/contracts';
import type { EventMeta } from './event-meta';
import { HandlerRegistry } from './handler.registry';
import { OnCommand, OnEvent, type CommandResult } from './handler.decorators';

@Injectable()
class DossierConsumer {
  readonly seen: string[] = [];

  @OnEvent(Topics.dossier, 'DossierDeposited')
  onDeposited(payload: DossierDeposited): void {
    this.seen.push(payload.dossierId);
  }

  @OnCommand(CommandTopics.changerEtatDossier)
  async changerEtat(
    request: ChangerEtatDossierRequest,
  ): Promise<CommandResult<typeof CommandTopics.changerEtatDossier>> {
    return { ok: { dossierId: request.dossierId, state: DossierState.ACCEPTE, version: 2 } };
  }
}

// Compile-time contract: the usual handler shapes are accepted…
export class UsualConsumer {
  @OnEvent(Topics.dossier, 'DossierDeposited')
  async withMeta(_payload: DossierDeposited, _meta: EventMeta): Promise<void> {
    await Promise.resolve();
  }

  @OnEvent(Topics.dossier, 'DossierDeposited')
  async payloadOnly(_payload: DossierDeposited): Promise<void> {
    await Promise.resolve();
  }
}

// …and a handler whose payload type does not match the catalogue is rejected.
export class WrongConsumer {
  // @ts-expect-error DossierDeposited handlers must take a DossierDeposited payload.
  @OnEvent(Topics.dossier, 'DossierDeposited')
  onDeposited(_payload: MessageSent): void {
    return undefined;
  }

  // @ts-expect-error not an event type of the dossier topic.
  @OnEvent(Topics.dossier, 'MessageSent')
  onSent(_payload: MessageSent): void {
    return undefined;
  }
}

@Module({ imports: [DiscoveryModule], providers: [DossierConsumer, HandlerRegistry] })
class TestModule {}

describe('OnEvent / OnCommand discovery', () => {
  it('finds the decorated methods, bound to their instance', async () => {
    const app = await NestFactory.createApplicationContext(TestModule, { logger: false });
    const handlers = app.get(HandlerRegistry).discover();
    const onDeposited = handlers.events.get(Topics.dossier)?.get('DossierDeposited');
    expect(onDeposited).toBeDefined();
    await onDeposited?.({ dossierId: 'x1' }, {} as never);
    expect(app.get(DossierConsumer).seen).toEqual(['x1']);
    expect(handlers.commands.has(CommandTopics.changerEtatDossier)).toBe(true);
    await app.close();
  });
});
