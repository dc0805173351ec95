// Kafka topic names (architecture.md §4): one topic per aggregate type and version, keyed by aggregate id.
// Command topics carry one request type each; replies go to `<command topic>.reply`.
// In tests every name gets a per-file prefix (KAFKA_TOPIC_PREFIX); in production the prefix is empty.
export const Topics = {
  procedure: 'demarches.procedure.v1',
  dossier: 'demarches.dossier.v1',
  messaging: 'demarches.messaging.v1',
  notification: 'demarches.notification.v1',
  export: 'demarches.export.v1',
  identity: 'demarches.identity.v1',
} as const;

export const CommandTopics = {
  changerEtatDossier: 'demarches.dossier.cmd.changer-etat.v1',
  communeLookup: 'demarches.geo.cmd.commune-lookup.v1',
  validerCarte: 'demarches.geo.cmd.valider-carte.v1',
  referentielLookup: 'demarches.geo.cmd.referentiel-lookup.v1',
  validerAdresse: 'demarches.geo.cmd.valider-adresse.v1',
} as const;

export const DEAD_LETTER_SUFFIX = '.dlt';
export const REPLY_SUFFIX = '.reply';

export function deadLetterTopic(topic: string): string {
  return `${topic}${DEAD_LETTER_SUFFIX}`;
}

export function replyTopic(commandTopic: string): string {
  return `${commandTopic}${REPLY_SUFFIX}`;
}
