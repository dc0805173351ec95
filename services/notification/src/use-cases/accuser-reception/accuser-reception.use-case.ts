import { DossierDeposited } from '@demarches/contracts';
import { Injectable } from '@nestjs/common';
import { EmailKind } from '../../mail/email-kind';
import { DossierContact, DossierContacts } from '../../persistence/ports';
import { EmailScheduler } from '../shared/email-scheduler';

/**
 * "Suite à la transmission de son dossier, l'usager reçoit un accusé de réception" (seed, e-mails automatiques).
 * Also remembers how to reach the usager for the e-mails of later state changes.
 */
@Injectable()
export class AccuserReceptionUseCase {
  constructor(
    private readonly contacts: DossierContacts,
    private readonly scheduler: EmailScheduler,
  ) {}

  async execute(event: DossierDeposited, eventId: string): Promise<void> {
    const contact: DossierContact = {
      dossierId: event.dossierId,
      number: event.number,
      demarcheId: event.demarcheId,
      demarcheTitle: event.demarcheTitle,
      usagerEmail: event.usagerEmail,
      depositedAt: event.depositedAt ?? null,
      enInstructionAt: null,
      champs: event.champs.map(({ label, value }) => ({ label, value })),
    };
    await this.contacts.save(contact);
    await this.scheduler.schedule({ eventId, kind: EmailKind.AccuseReception, contact });
  }
}
