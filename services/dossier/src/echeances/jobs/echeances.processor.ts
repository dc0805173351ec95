import { InjectConfig } from '@demarches/platform-config';
import { MetricsRegistry } from '@demarches/platform-metrics';
import { QueueRegistry } from '@demarches/platform-queue';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { DossierConfig } from '../../config';
import { NettoyerEnvoisOrphelinsUseCase } from '../../pieces-jointes/use-cases/nettoyer-envois-orphelins/nettoyer-envois-orphelins.use-case';
import { AppliquerConservationUseCase } from '../use-cases/appliquer-conservation/appliquer-conservation.use-case';
import { CloturerDepotsUseCase } from '../use-cases/cloturer-depots/cloturer-depots.use-case';
import { ECHEANCES_SCHEDULER_ID, echeancesQueue } from './echeances.queue';

/**
 * Runs the sweep every ECHEANCES_SWEEP_EVERY_MS as a BullMQ job scheduler: with several replicas one job runs
 * per period (the scheduler is upserted by id), and a failed sweep is kept for inspection. Each step is idempotent,
 * so a sweep cut short is finished by the next one.
 */
@Injectable()
export class EcheancesProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly registry: QueueRegistry,
    private readonly cloturer: CloturerDepotsUseCase,
    private readonly conservation: AppliquerConservationUseCase,
    private readonly orphelins: NettoyerEnvoisOrphelinsUseCase,
    private readonly metrics: MetricsRegistry,
    @InjectConfig() private readonly config: Pick<DossierConfig, 'ECHEANCES_SWEEP_EVERY_MS'>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const counter = this.metrics.counter('dossier_echeances_total', 'Effects of the deadline sweeps', [
      'effect',
    ]);
    this.registry.worker(echeancesQueue, {
      'balayer-echeances': async () => {
        await this.balayer(counter);
      },
    });
    await this.registry
      .queue(echeancesQueue)
      .queue.upsertJobScheduler(
        ECHEANCES_SCHEDULER_ID,
        { every: this.config.ECHEANCES_SWEEP_EVERY_MS },
        { name: 'balayer-echeances', data: { payload: {} }, opts: { attempts: 1, removeOnComplete: 100 } },
      );
  }

  /** One sweep: the date limite first (a dossier en construction moves before its retention is looked at). */
  async balayer(counter?: { inc(labels: { effect: string }, value: number): void }): Promise<void> {
    const moved = await this.cloturer.execute();
    const { notified, deleted, purged, replanned } = await this.conservation.execute();
    const orphans = await this.orphelins.execute();
    counter?.inc({ effect: 'passed_en_instruction' }, moved);
    counter?.inc({ effect: 'expiration_notified' }, notified);
    counter?.inc({ effect: 'expired_deleted' }, deleted);
    counter?.inc({ effect: 'tombstone_purged' }, purged);
    counter?.inc({ effect: 'due_dates_recomputed' }, replanned);
    counter?.inc({ effect: 'orphan_upload_deleted' }, orphans.deleted);
  }
}
