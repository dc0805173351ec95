import { Topics } from '@demarches/contracts';
import { outboxEvent } from '@demarches/platform-kafka';
import type { OutboxEvent } from '@demarches/platform-mongo';
import { Dossier } from '../domain/dossier';
import { RevisionPubliee } from '../domain/revision';

/** One month before a brouillon is deleted: notification mails its usager. */
export function dossierExpirationNotified(
  dossier: Dossier,
  revision: RevisionPubliee,
  expiresAt: Date,
): OutboxEvent {
  return outboxEvent(Topics.dossier, 'DossierExpirationNotified', dossier.id, {
    dossierId: dossier.id,
    demarcheId: dossier.demarcheId,
    number: dossier.number,
    usagerEmail: dossier.usager.email,
    demarcheTitle: revision.title,
    expiresAt,
    version: dossier.version + 1,
  });
}
