import { Topics } from '@demarches/contracts';
import { outboxEvent } from '@demarches/platform-kafka';
import type { OutboxEvent } from '@demarches/platform-mongo';
import { Demarche } from '../domain/demarche';
import { demarchePublishedPayload } from './publier-demarche/demarche-published.mapper';

/** A lifecycle event that says only which démarche, when, and its version after the save. */
function lifecycleEvent(type: 'DemarcheUnpublished' | 'DemarcheReopened' | 'DemarcheDeleted') {
  return (demarche: Demarche, at: Date): OutboxEvent =>
    outboxEvent(Topics.procedure, type, demarche.id, {
      demarcheId: demarche.id,
      number: demarche.number,
      at,
      version: demarche.version + 1,
    });
}

/**
 * The events of the procedure topic, built from the démarche as it is about to be saved: `version` is the aggregate
 * version after that save (each save increments it by one), so consumers can keep the newest.
 */
export const demarcheEvents = {
  created(demarche: Demarche, sentBy?: string): OutboxEvent {
    return outboxEvent(Topics.procedure, 'DemarcheCreated', demarche.id, {
      demarcheId: demarche.id,
      number: demarche.number,
      title: demarche.title,
      administrateurEmails: demarche.administrateurs,
      clonedFromDemarcheId: demarche.clonedFrom ?? undefined,
      at: demarche.createdAt,
      version: 1,
      sentByEmail: sentBy,
    });
  },
  published(demarche: Demarche, options: { enTest?: boolean } = {}): OutboxEvent {
    return outboxEvent(
      Topics.procedure,
      'DemarchePublished',
      demarche.id,
      demarchePublishedPayload(demarche, options),
    );
  },
  closed(demarche: Demarche, at: Date): OutboxEvent {
    return outboxEvent(Topics.procedure, 'DemarcheClosed', demarche.id, {
      demarcheId: demarche.id,
      number: demarche.number,
      closedAt: at,
      replacedByDemarcheId: demarche.replacedBy ?? undefined,
      version: demarche.version + 1,
    });
  },
  unpublished: lifecycleEvent('DemarcheUnpublished'),
  reopened: lifecycleEvent('DemarcheReopened'),
  deleted: lifecycleEvent('DemarcheDeleted'),
};

/**
 * Every change of a published (or close, or dépubliée) démarche's description, service or administrateurs sends a
 * fresh complete snapshot with the new version, so consumers show the current wording. A démarche en test sends
 * nothing: its test snapshot goes out when the administrateur opens the test link.
 */
export function snapshotIfPublished(demarche: Demarche): OutboxEvent[] {
  return demarche.revisionPubliee && !demarche.deletedAt ? [demarcheEvents.published(demarche)] : [];
}
