import { defineQueue } from '@demarches/platform-queue';

export type EcheancesJobs = { 'balayer-echeances': Record<string, never> };

/** One repeatable job: the sweep of deadlines, retention and orphan uploads. */
export const echeancesQueue = defineQueue<EcheancesJobs>('dossier-echeances');

/** Id of the job scheduler: one per queue, whatever the number of replicas (BullMQ upserts it). */
export const ECHEANCES_SCHEDULER_ID = 'balayer-echeances';
