import { defineQueue } from '@demarches/platform-queue';

export type ExportJobs = { 'generate-export': { exportId: string } };

/** The queue that builds export files; one job per export, its id being the export id. */
export const exportQueue = defineQueue<ExportJobs>('export-files');
