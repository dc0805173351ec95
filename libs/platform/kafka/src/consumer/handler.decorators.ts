import { SetMetadata } from '@nestjs/common';
import type {
  CommandTopicName,
  EventTypeOf,
  PayloadOf,
  ReplyOf,
  RequestOf,
  TopicName,
} from '@demarches/contracts';
import type { EventMeta } from './event-meta';

export const ON_EVENT_METADATA = 'demarches:kafka:on-event';
export const ON_COMMAND_METADATA = 'demarches:kafka:on-command';

export interface OnEventMetadata {
  topic: string;
  eventType: string;
}

export interface OnCommandMetadata {
  topic: string;
}

type EventHandlerFn<T extends TopicName, E extends EventTypeOf<T>> = (
  payload: PayloadOf<T, E>,
  meta: EventMeta,
) => Promise<void> | void;

type CommandHandlerFn<C extends CommandTopicName> = (request: RequestOf<C>) => Promise<CommandResult<C>>;

/** What an @OnCommand handler returns: the reply without its error branch (throw a DomainError instead). */
export type CommandResult<C extends CommandTopicName> = Omit<ReplyOf<C>, 'error'>;

/**
 * Marks a provider or controller method as the handler of one event type of one topic. The method's payload
 * type must match the catalogue: `@OnEvent(Topics.dossier, 'DossierDeposited') on(p: MessageSent)` does not compile.
 * Handlers must be idempotent in effect: the platform dedupes by event-id, but a crash between the handler and
 * the dedupe record replays it.
 */
export function OnEvent<T extends TopicName, E extends EventTypeOf<T>>(topic: T, eventType: E) {
  const metadata: OnEventMetadata = { topic, eventType };
  return <M extends EventHandlerFn<T, E>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    SetMetadata(ON_EVENT_METADATA, metadata)(target, key, descriptor);
  };
}

/**
 * Marks the handler answering one command topic (request-reply). Return the success reply; throw a DomainError
 * to answer with a coded error that the caller's CommandClient rethrows.
 */
export function OnCommand<C extends CommandTopicName>(topic: C) {
  const metadata: OnCommandMetadata = { topic };
  return <M extends CommandHandlerFn<C>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    SetMetadata(ON_COMMAND_METADATA, metadata)(target, key, descriptor);
  };
}
