import { InjectConfig } from '@demarches/platform-config';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { FormBuilderConfig } from '../config';
import { CloturerAutomatiquementUseCase } from '../use-cases/cloturer-automatiquement/cloturer-automatiquement.use-case';

/**
 * The periodic sweep that closes démarches at their date limite de dépôt (ADR 0011). One run at a time per
 * process; several replicas may sweep together, the version check lets one of them win each démarche.
 */
@Injectable()
export class ClotureAutomatiqueScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly logger = new Logger(ClotureAutomatiqueScheduler.name);

  constructor(
    private readonly useCase: CloturerAutomatiquementUseCase,
    @InjectConfig() private readonly config: Pick<FormBuilderConfig, 'AUTO_CLOSE_SWEEP_MS'>,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.config.AUTO_CLOSE_SWEEP_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async sweep(): Promise<void> {
    if (this.running) return;
    this.running = this.useCase
      .execute()
      .then((ids) => {
        if (ids.length > 0) this.logger.log({ demarcheIds: ids }, 'démarches closed at their date limite');
      })
      .catch((error: unknown) => this.logger.error({ err: error }, 'automatic closing sweep failed'))
      .finally(() => {
        this.running = undefined;
      });
    await this.running;
  }
}
