import { defineQueue } from '@demarches/platform-queue';

export type ApiTokenExpiryJobs = { 'envoyer-avis-expiration': Record<string, never> };

/** One repeatable job: the sweep that sends API token expiry notices (ADR 0018). */
export const apiTokenExpiryQueue = defineQueue<ApiTokenExpiryJobs>('identity-api-token-expiry');

/** Id of the job scheduler: one per queue, whatever the number of replicas (BullMQ upserts it). */
export const API_TOKEN_EXPIRY_SCHEDULER_ID = 'envoyer-avis-expiration';
