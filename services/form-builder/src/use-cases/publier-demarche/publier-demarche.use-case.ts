import { Injectable } from '@nestjs/common';
import { cloturer } from '../../domain/cycle-de-vie';
import { Demarche } from '../../domain/demarche';
import { estReouverture, PublicationInput, publier, validerSlug } from '../../domain/publication';
import { DemarcheErrorCode, DemarcheException } from '../../demarche.exception';
import { DemarcheRepository } from '../../persistence/demarche.repository';
import { Clock } from '../clock';
import { demarcheEvents } from '../demarche-events';
import { loadOwnDemarche } from '../load-demarche';

/**
 * Publication at `/commencer/<slug>`: first publication, new revision, or reopening. A slug stays claimed by its
 * démarche whatever its state, except by the same administrateur: reusing the slug of her own older démarche
 * replaces it (the reference's canonical_procedure): a published one is closed with replaced_by, a close or
 * dépubliée one just loses the slug.
 */
@Injectable()
export class PublierDemarcheUseCase {
  constructor(
    private readonly repository: DemarcheRepository,
    private readonly clock: Clock,
  ) {}

  async execute(
    administrateur: string,
    demarcheId: string,
    input: PublicationInput | string,
  ): Promise<Demarche> {
    const publication = typeof input === 'string' ? { slug: input } : input;
    const demarche = await loadOwnDemarche(this.repository, demarcheId, administrateur);
    const slug = validerSlug(publication.slug);
    const now = this.clock.now();
    const holders = (await this.repository.findBySlug(slug)).filter((holder) => holder.id !== demarche.id);
    const foreign = holders.find((holder) => !holder.administrateurs.includes(administrateur.toLowerCase()));
    if (foreign) {
      throw new DemarcheException(
        DemarcheErrorCode.SLUG_TAKEN,
        'conflict',
        'Ce lien public est déjà utilisé par une autre démarche : choisissez-en un autre.',
        { slug },
      );
    }
    // Every rule is checked before the older démarche is touched: a refused publication changes nothing.
    const publiee = publier(demarche, { ...publication, slug }, now);
    for (const holder of holders) await this.liberer(holder, publiee.id, now);
    const events = [demarcheEvents.published(publiee)];
    if (estReouverture(demarche)) events.push(demarcheEvents.reopened(publiee, now));
    // The state change and its events are one atomic write; the outbox relay publishes them afterwards.
    return this.repository.save(publiee, events);
  }

  private async liberer(holder: Demarche, replacedBy: string, now: Date): Promise<void> {
    if (holder.state === 'publiee') {
      const close = { ...cloturer(holder, now, replacedBy), slug: null };
      await this.repository.save(close, [demarcheEvents.closed(close, now)]);
    } else {
      await this.repository.save({ ...holder, slug: null });
    }
  }
}
