import { Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { eventCodec, commandCodecs } from '@demarches/contracts';
import type { EventMeta } from './event-meta';
import {
  ON_COMMAND_METADATA,
  ON_EVENT_METADATA,
  type OnCommandMetadata,
  type OnEventMetadata,
} from './handler.decorators';

export type EventHandler = (payload: unknown, meta: EventMeta) => Promise<void> | void;
export type CommandHandler = (request: unknown) => Promise<unknown>;

/** Handlers found on the application's providers and controllers, by logical topic. */
export interface Handlers {
  events: Map<string, Map<string, EventHandler>>;
  commands: Map<string, CommandHandler>;
}

/**
 * Finds @OnEvent / @OnCommand methods with Nest's DiscoveryService. (Nest's own @EventPattern routing is not
 * used: its RPC exception layer replaces every non-RpcException by "Internal server error", and the
 * retry / dead-letter decision needs the DomainError kind and code.)
 */
@Injectable()
export class HandlerRegistry {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  discover(): Handlers {
    const handlers: Handlers = { events: new Map(), commands: new Map() };
    const wrappers = [...this.discovery.getProviders(), ...this.discovery.getControllers()];
    for (const wrapper of wrappers) {
      const instance: unknown = wrapper.instance;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const prototype: object | null = Object.getPrototypeOf(instance);
      if (!prototype) continue;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const method: unknown = (instance as Record<string, unknown>)[name];
        if (typeof method !== 'function') continue;
        const bound = method.bind(instance) as (...args: unknown[]) => unknown;
        const onEvent = this.reflector.get<OnEventMetadata | undefined>(ON_EVENT_METADATA, method);
        if (onEvent) this.addEvent(handlers, onEvent, bound as EventHandler, `${wrapper.name}.${name}`);
        const onCommand = this.reflector.get<OnCommandMetadata | undefined>(ON_COMMAND_METADATA, method);
        if (onCommand)
          this.addCommand(handlers, onCommand, bound as CommandHandler, `${wrapper.name}.${name}`);
      }
    }
    return handlers;
  }

  private addEvent(
    handlers: Handlers,
    { topic, eventType }: OnEventMetadata,
    fn: EventHandler,
    where: string,
  ) {
    if (!eventCodec(topic, eventType))
      throw new Error(`${where}: ${topic}/${eventType} is not in the EventCatalog`);
    const byType = handlers.events.get(topic) ?? new Map<string, EventHandler>();
    // One handler per event type: the dedupe record is per consumer group, so a second one would be skipped.
    if (byType.has(eventType))
      throw new Error(`${where}: a second @OnEvent handler for ${topic}/${eventType}`);
    byType.set(eventType, fn);
    handlers.events.set(topic, byType);
  }

  private addCommand(handlers: Handlers, { topic }: OnCommandMetadata, fn: CommandHandler, where: string) {
    if (!commandCodecs(topic)) throw new Error(`${where}: ${topic} is not in the CommandCatalog`);
    if (handlers.commands.has(topic)) throw new Error(`${where}: a second @OnCommand handler for ${topic}`);
    handlers.commands.set(topic, fn);
  }
}
