// Typed catalogues: topic -> event type -> codec, and command topic -> { request, reply } codecs.
// The event type (header `event-type`) is the protobuf message name; `schema` is its fully-qualified name.
import { codec, type Codec } from './codec';
import {
  ChangerEtatDossierReply,
  ChangerEtatDossierRequest,
} from './generated/demarches/dossier/v1/commands';
import {
  DossierCreated,
  DossierDeleted,
  DossierDeposited,
  DossierExpirationNotified,
  DossierInviteAdded,
  DossierInviteRemoved,
  DossierStateChanged,
  DossierUpdated,
} from './generated/demarches/dossier/v1/events';
import { ExportCompleted } from './generated/demarches/export/v1/events';
import { ApiTokenExpiring, RoleGranted, RoleRemoved } from './generated/demarches/identity/v1/events';
import {
  CommuneLookupReply,
  CommuneLookupRequest,
  ReferentielLookupReply,
  ReferentielLookupRequest,
  ValiderAdresseReply,
  ValiderAdresseRequest,
  ValiderCarteReply,
  ValiderCarteRequest,
} from './generated/demarches/geo/v1/commands';
import { MessageSent } from './generated/demarches/messaging/v1/events';
import { EmailDelivered, EmailFailed } from './generated/demarches/notification/v1/events';
import {
  DemarcheClosed,
  DemarcheCreated,
  DemarcheDeleted,
  DemarchePublished,
  DemarcheReopened,
  DemarcheUnpublished,
  GroupesInstructeursChanged,
} from './generated/demarches/procedure/v1/events';
import { CommandTopics, Topics } from './topics';

export const EventCatalog = {
  [Topics.procedure]: {
    DemarchePublished: codec('demarches.procedure.v1.DemarchePublished', DemarchePublished),
    DemarcheClosed: codec('demarches.procedure.v1.DemarcheClosed', DemarcheClosed),
    DemarcheCreated: codec('demarches.procedure.v1.DemarcheCreated', DemarcheCreated),
    DemarcheUnpublished: codec('demarches.procedure.v1.DemarcheUnpublished', DemarcheUnpublished),
    DemarcheReopened: codec('demarches.procedure.v1.DemarcheReopened', DemarcheReopened),
    DemarcheDeleted: codec('demarches.procedure.v1.DemarcheDeleted', DemarcheDeleted),
    GroupesInstructeursChanged: codec(
      'demarches.procedure.v1.GroupesInstructeursChanged',
      GroupesInstructeursChanged,
    ),
  },
  [Topics.dossier]: {
    DossierCreated: codec('demarches.dossier.v1.DossierCreated', DossierCreated),
    DossierUpdated: codec('demarches.dossier.v1.DossierUpdated', DossierUpdated),
    DossierDeposited: codec('demarches.dossier.v1.DossierDeposited', DossierDeposited),
    DossierStateChanged: codec('demarches.dossier.v1.DossierStateChanged', DossierStateChanged),
    DossierDeleted: codec('demarches.dossier.v1.DossierDeleted', DossierDeleted),
    DossierInviteAdded: codec('demarches.dossier.v1.DossierInviteAdded', DossierInviteAdded),
    DossierInviteRemoved: codec('demarches.dossier.v1.DossierInviteRemoved', DossierInviteRemoved),
    DossierExpirationNotified: codec(
      'demarches.dossier.v1.DossierExpirationNotified',
      DossierExpirationNotified,
    ),
  },
  [Topics.messaging]: {
    MessageSent: codec('demarches.messaging.v1.MessageSent', MessageSent),
  },
  [Topics.notification]: {
    EmailDelivered: codec('demarches.notification.v1.EmailDelivered', EmailDelivered),
    EmailFailed: codec('demarches.notification.v1.EmailFailed', EmailFailed),
  },
  [Topics.export]: {
    ExportCompleted: codec('demarches.export.v1.ExportCompleted', ExportCompleted),
  },
  [Topics.identity]: {
    ApiTokenExpiring: codec('demarches.identity.v1.ApiTokenExpiring', ApiTokenExpiring),
    RoleGranted: codec('demarches.identity.v1.RoleGranted', RoleGranted),
    RoleRemoved: codec('demarches.identity.v1.RoleRemoved', RoleRemoved),
  },
} as const;

export const CommandCatalog = {
  [CommandTopics.changerEtatDossier]: {
    request: codec('demarches.dossier.v1.ChangerEtatDossierRequest', ChangerEtatDossierRequest),
    reply: codec('demarches.dossier.v1.ChangerEtatDossierReply', ChangerEtatDossierReply),
  },
  [CommandTopics.communeLookup]: {
    request: codec('demarches.geo.v1.CommuneLookupRequest', CommuneLookupRequest),
    reply: codec('demarches.geo.v1.CommuneLookupReply', CommuneLookupReply),
  },
  [CommandTopics.validerCarte]: {
    request: codec('demarches.geo.v1.ValiderCarteRequest', ValiderCarteRequest),
    reply: codec('demarches.geo.v1.ValiderCarteReply', ValiderCarteReply),
  },
  [CommandTopics.referentielLookup]: {
    request: codec('demarches.geo.v1.ReferentielLookupRequest', ReferentielLookupRequest),
    reply: codec('demarches.geo.v1.ReferentielLookupReply', ReferentielLookupReply),
  },
  [CommandTopics.validerAdresse]: {
    request: codec('demarches.geo.v1.ValiderAdresseRequest', ValiderAdresseRequest),
    reply: codec('demarches.geo.v1.ValiderAdresseReply', ValiderAdresseReply),
  },
} as const;

type CodecPayload<C> = C extends Codec<infer T> ? T : never;

export type TopicName = keyof typeof EventCatalog;
export type EventTypeOf<T extends TopicName> = keyof (typeof EventCatalog)[T] & string;
export type PayloadOf<T extends TopicName, E extends EventTypeOf<T>> = CodecPayload<
  (typeof EventCatalog)[T][E]
>;

export type CommandTopicName = keyof typeof CommandCatalog;
export type RequestOf<C extends CommandTopicName> = CodecPayload<(typeof CommandCatalog)[C]['request']>;
export type ReplyOf<C extends CommandTopicName> = CodecPayload<(typeof CommandCatalog)[C]['reply']>;

/** Runtime lookup for consumers, which only know the topic and header strings of a received message. */
export function eventCodec(topic: string, eventType: string): Codec<unknown> | undefined {
  const byType = (EventCatalog as Record<string, Record<string, Codec<unknown>> | undefined>)[topic];
  return byType?.[eventType];
}

export function commandCodecs(
  commandTopic: string,
): { request: Codec<unknown>; reply: Codec<unknown> } | undefined {
  return (CommandCatalog as Record<string, { request: Codec<unknown>; reply: Codec<unknown> } | undefined>)[
    commandTopic
  ];
}

export function isEventTopic(topic: string): topic is TopicName {
  return Object.prototype.hasOwnProperty.call(EventCatalog, topic);
}

export function isCommandTopic(topic: string): topic is CommandTopicName {
  return Object.prototype.hasOwnProperty.call(CommandCatalog, topic);
}
