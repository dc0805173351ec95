import { Injectable } from '@nestjs/common';
import { reaffecterSiGroupeSupprime } from '../../domain/dossier';
import { RevisionPubliee } from '../../domain/revision';
import { DossierRepository } from '../../persistence/dossier.repository';
import { Clock } from '../clock';
import { dossierUpdated } from '../dossier-events';

/**
 * After a new snapshot, the dossiers of a groupe the administrateurs deleted go to the default groupe, each with a
 * DossierUpdated carrying the new groupe (instruction moves its row). Idempotent: a replay finds none left.
 */
@Injectable()
export class ReaffecterDossiersUseCase {
  constructor(
    private readonly dossiers: DossierRepository,
    private readonly clock: Clock,
  ) {}

  async execute(revision: RevisionPubliee): Promise<number> {
    const groupes = (revision.groupes ?? []).map((groupe) => groupe.id);
    if (groupes.length === 0) return 0;
    const orphelins = await this.dossiers.listHorsGroupes(revision.demarcheId, groupes);
    let moved = 0;
    for (const dossier of orphelins) {
      const reaffecte = reaffecterSiGroupeSupprime(dossier, revision, this.clock.now());
      if (!reaffecte) continue;
      await this.dossiers.save(reaffecte, [dossierUpdated(reaffecte, revision, [], 'administration')]);
      moved += 1;
    }
    return moved;
  }
}
