import { DossierState, DossierStateChanged } from '@demarches/contracts';
import { Injectable } from '@nestjs/common';
import { emailKindForState } from '../../mail/email-kind';
import { DossierContact, DossierContacts } from '../../persistence/ports';
import { EmailScheduler } from '../shared/email-scheduler';

export type ChangementEtatOutcome = 'scheduled' | 'no_email';

/**
 * Accusé de passage en instruction, then the decision e-mail (acceptation, refus, classement sans suite) with the
 * motivation when the instructeur gave one. Other moves (e.g. repasser en construction) send nothing.
 */
@Injectable()
export class NotifierChangementEtatUseCase {
  constructor(
    private readonly contacts: DossierContacts,
    private readonly scheduler: EmailScheduler,
  ) {}

  async execute(event: DossierStateChanged, eventId: string): Promise<ChangementEtatOutcome> {
    const kind = emailKindForState(event.to, event.from);
    if (!kind) return 'no_email';
    const known = await this.contacts.find(event.dossierId);
    let contact = known ?? fromEvent(event);
    if (event.to === DossierState.EN_INSTRUCTION) {
      // Remembered for the balise « date de passage en instruction » of the decision e-mail that follows.
      contact = { ...contact, enInstructionAt: event.at ?? null };
      if (known) await this.contacts.save(contact);
    }
    await this.scheduler.schedule({
      eventId,
      kind,
      contact,
      motivation: event.motivation,
      decidedAt: event.at ?? null,
    });
    return 'scheduled';
  }
}

/**
 * A dossier deposited before this service kept contacts has no stored title: the event still carries the usager's
 * address and numbers, so the e-mail goes out with the démarche's number instead of its title.
 */
function fromEvent(event: DossierStateChanged): DossierContact {
  return {
    dossierId: event.dossierId,
    number: event.number,
    demarcheId: event.demarcheId,
    demarcheTitle: `démarche nº ${event.demarcheNumber}`,
    usagerEmail: event.usagerEmail,
    depositedAt: null,
    enInstructionAt: null,
    champs: [],
  };
}
