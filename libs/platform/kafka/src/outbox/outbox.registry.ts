/** A collection whose documents carry an embedded `outbox` the relay must drain. */
export interface OutboxRegistration {
  collection: string;
  /** Logical topics the collection's events go to (created at start when ensureTopics is on). */
  topics: string[];
}

/** Array every OutboxModule.forFeature appends to (KafkaModule provides it). */
export const OUTBOX_REGISTRY = 'demarches:OUTBOX_REGISTRY';
