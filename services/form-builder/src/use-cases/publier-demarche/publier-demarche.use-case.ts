import { Topics } from '@demarches/contracts';
import { outboxEvent } from '@demarches/platform-kafka';
import { Injectable } from '@nestjs/common';
import { Demarche } from '../../domain/demarche';
import { publier, validerSlug } from '../../domain/publication';
import { DemarcheErrorCode, DemarcheException } from '../../demarche.exception';
import { DemarcheRepository } from '../../persistence/demarche.repository';
import { Clock } from '../clock';
import { loadOwnDemarche } from '../load-demarche';
import { demarchePublishedPayload } from './demarche-published.mapper';

@Injectable()
export class PublierDemarcheUseCase {
  constructor(
    private readonly repository: DemarcheRepository,
    private readonly clock: Clock,
  ) {}

  async execute(administrateur: string, demarcheId: string, slug: string): Promise<Demarche> {
    const demarche = await loadOwnDemarche(this.repository, demarcheId, administrateur);
    const holder = await this.repository.findPublishedBySlug(validerSlug(slug));
    if (holder && holder.id !== demarche.id) {
      throw new DemarcheException(
        DemarcheErrorCode.SLUG_TAKEN,
        'conflict',
        'Ce lien public est déjà utilisé par une autre démarche publiée : choisissez-en un autre.',
        { slug },
      );
    }
    const publiee = publier(demarche, slug, this.clock.now());
    // The state change and its event are one atomic write; the outbox relay publishes the event afterwards.
    const event = outboxEvent(
      Topics.procedure,
      'DemarchePublished',
      publiee.id,
      demarchePublishedPayload(publiee),
    );
    return this.repository.save(publiee, [event]);
  }
}
