import { Topics } from '@demarches/contracts';
import { outboxEvent } from '@demarches/platform-kafka';
import { Injectable } from '@nestjs/common';
import { Demarche } from '../../domain/demarche';
import { MailEdition, MailView, mailViews } from '../../domain/mail-templates';
import { DemarcheRepository } from '../../persistence/demarche.repository';
import { demarchePublishedPayload } from '../publier-demarche/demarche-published.mapper';
import { loadOwnDemarche } from '../load-demarche';

/**
 * Customising or resetting an e-mail template: load a démarche the caller administers, apply one pure function of
 * domain/mail-templates.ts, save it at the version read. Templates stay editable after publication (the reference
 * allows it): on a published démarche the same atomic write queues a fresh DemarchePublished snapshot, with the new
 * aggregate version, so consumers (notification) switch to the new wording. On a brouillon the snapshot sent at
 * publication carries them.
 */
@Injectable()
export class PersonnaliserMailsUseCase {
  constructor(private readonly repository: DemarcheRepository) {}

  async consulter(
    administrateur: string,
    demarcheId: string,
  ): Promise<{ demarche: Demarche; mails: MailView[] }> {
    const demarche = await loadOwnDemarche(this.repository, demarcheId, administrateur);
    return { demarche, mails: mailViews(demarche) };
  }

  async execute(
    administrateur: string,
    demarcheId: string,
    edit: (demarche: Demarche) => MailEdition,
  ): Promise<MailView> {
    const demarche = await loadOwnDemarche(this.repository, demarcheId, administrateur);
    const { demarche: edited, result, changed } = edit(demarche);
    if (!changed) return result;
    const events =
      edited.state === 'publiee'
        ? [outboxEvent(Topics.procedure, 'DemarchePublished', edited.id, demarchePublishedPayload(edited))]
        : [];
    await this.repository.save(edited, events);
    return result;
  }
}
