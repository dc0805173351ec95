import { champTypeName, type PayloadOf, Topics } from '@demarches/contracts';
import { Injectable } from '@nestjs/common';
import { RevisionRepository } from '../../persistence/revision.repository';

type Published = PayloadOf<typeof Topics.procedure, 'DemarchePublished'>;
type Closed = PayloadOf<typeof Topics.procedure, 'DemarcheClosed'>;

/** Keeps dossier's copy of published revisions in step with form-builder's events. */
@Injectable()
export class ProjeterDemarcheUseCase {
  constructor(private readonly revisions: RevisionRepository) {}

  published(event: Published): Promise<void> {
    return this.revisions.upsertIfNewer({
      demarcheId: event.demarcheId,
      demarcheNumber: event.number,
      title: event.title,
      slug: event.slug,
      revisionId: event.revisionId,
      state: 'publiee',
      champs: event.champs.map((champ) => ({
        id: champ.id,
        type: champTypeName(champ.type),
        label: champ.label,
        description: champ.description,
        mandatory: champ.mandatory,
        options: champ.options,
      })),
      groupeInstructeurDefautId: event.groupesInstructeurs[0]?.id ?? '',
      sourceVersion: event.version,
    });
  }

  closed(event: Closed): Promise<void> {
    return this.revisions.markClosed(event.demarcheId, event.version);
  }
}
