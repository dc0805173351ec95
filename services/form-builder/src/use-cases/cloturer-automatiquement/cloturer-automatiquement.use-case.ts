import { DomainError } from '@demarches/platform-errors';
import { Injectable } from '@nestjs/common';
import { cloturer, doitEtreCloturee } from '../../domain/cycle-de-vie';
import { DemarcheRepository } from '../../persistence/demarche.repository';
import { Clock } from '../clock';
import { demarcheEvents } from '../demarche-events';

const BATCH = 100;

/**
 * Closes every published démarche whose date limite de dépôt has passed (the reference's AutoArchiveProcedureJob,
 * a one-minute cron). Run by a periodic sweep (ADR 0011): a démarche whose deadline passed while the service was
 * down is closed at the next sweep. A concurrent change of the same démarche (STALE_VERSION) is left to the next
 * sweep. Returns the ids closed.
 */
@Injectable()
export class CloturerAutomatiquementUseCase {
  constructor(
    private readonly repository: DemarcheRepository,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<string[]> {
    const now = this.clock.now();
    const closed: string[] = [];
    for (const demarche of await this.repository.dueForClosing(now, BATCH)) {
      if (!doitEtreCloturee(demarche, now)) continue;
      const close = cloturer(demarche, now);
      try {
        await this.repository.save(close, [demarcheEvents.closed(close, now)]);
        closed.push(demarche.id);
      } catch (error: unknown) {
        if (!(error instanceof DomainError && error.kind === 'conflict')) throw error;
      }
    }
    return closed;
  }
}
