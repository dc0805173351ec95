import { Topics } from '@demarches/contracts';
import { outboxEvent } from '@demarches/platform-kafka';
import type { OutboxEvent } from '@demarches/platform-mongo';
import { Injectable } from '@nestjs/common';
import { Demarche } from '../../domain/demarche';
import { GroupesEdition } from '../../domain/groupes';
import { DemarcheRepository } from '../../persistence/demarche.repository';
import { Clock } from '../clock';
import { demarcheEvents } from '../demarche-events';
import { loadOwnDemarche } from '../load-demarche';
import { groupesInstructeursChangedPayload } from '../publier-demarche/routage.mapper';

/**
 * Every change of groupes instructeurs, instructeurs or routing: load a démarche the caller administers, apply one
 * pure function of domain/groupes.ts or domain/routage.ts, save it at the version read with, in the same atomic
 * write, a GroupesInstructeursChanged event (identity grants the role and invites the new e-mails) and, when the
 * démarche is published, a fresh DemarchePublished snapshot (groupes and routing stay editable after publication,
 * as the e-mail templates do).
 */
@Injectable()
export class GererGroupesUseCase {
  constructor(
    private readonly repository: DemarcheRepository,
    private readonly clock: Clock,
  ) {}

  consulter(administrateur: string, demarcheId: string): Promise<Demarche> {
    return loadOwnDemarche(this.repository, demarcheId, administrateur);
  }

  async execute<R>(
    administrateur: string,
    demarcheId: string,
    edit: (demarche: Demarche) => GroupesEdition<R>,
  ): Promise<{ demarche: Demarche; result: R }> {
    const demarche = await loadOwnDemarche(this.repository, demarcheId, administrateur);
    const { demarche: edited, result, invites, changed } = edit(demarche);
    if (!changed) return { demarche, result };
    const saved = await this.repository.save(edited, groupesEvents(edited, invites, this.clock.now()));
    return { demarche: saved, result };
  }
}

export function groupesEvents(demarche: Demarche, invites: string[], now: Date): OutboxEvent[] {
  const events = [
    outboxEvent(
      Topics.procedure,
      'GroupesInstructeursChanged',
      demarche.id,
      groupesInstructeursChangedPayload(demarche, invites, now),
    ),
  ];
  if (demarche.state === 'publiee') events.push(demarcheEvents.published(demarche));
  return events;
}
