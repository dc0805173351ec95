import { Injectable } from '@nestjs/common';
import { Demarche } from '../../domain/demarche';
import { Edition } from '../../domain/formulaire';
import { DemarcheRepository } from '../../persistence/demarche.repository';
import { loadOwnDemarche } from '../load-demarche';

/**
 * Every edit of a démarche's form or annotations (add, change, move, delete a champ) is the same operation: load a
 * démarche the caller administers, apply one pure function of domain/formulaire.ts, save it at the version read.
 * Autosave semantics of the seed: each edit is stored at once; a concurrent edit gets STALE_VERSION, not a silent
 * overwrite.
 */
@Injectable()
export class EditerFormulaireUseCase {
  constructor(private readonly repository: DemarcheRepository) {}

  async execute<R>(
    administrateur: string,
    demarcheId: string,
    edit: (demarche: Demarche) => Edition<R>,
  ): Promise<R> {
    const demarche = await loadOwnDemarche(this.repository, demarcheId, administrateur);
    const { demarche: edited, result } = edit(demarche);
    await this.repository.save(edited);
    return result;
  }
}
