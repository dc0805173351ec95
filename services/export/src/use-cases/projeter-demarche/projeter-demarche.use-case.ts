import { DemarchePublished } from '@demarches/contracts';
import { Injectable } from '@nestjs/common';
import { DemarcheAccesses } from '../../persistence/ports';

const normalise = (email: string) => email.trim().toLowerCase();

/** Remembers who administers and who instructs each published démarche, to authorise exports. */
@Injectable()
export class ProjeterDemarcheUseCase {
  constructor(private readonly accesses: DemarcheAccesses) {}

  async execute(event: DemarchePublished): Promise<void> {
    await this.accesses.save({
      demarcheId: event.demarcheId,
      title: event.title,
      administrateurEmails: event.administrateurEmails.map(normalise),
      groupes: event.groupesInstructeurs.map((g) => ({
        id: g.id,
        instructeurEmails: g.instructeurEmails.map(normalise),
      })),
      version: event.version,
    });
  }
}
