import { Injectable } from '@nestjs/common';
import { Dossier } from '../../domain/dossier';
import { DossierRepository } from '../../persistence/dossier.repository';
import { loadOwnDossier } from '../load';

@Injectable()
export class ConsulterDossiersUseCase {
  constructor(private readonly dossiers: DossierRepository) {}

  one(dossierId: string, sub: string): Promise<Dossier> {
    return loadOwnDossier(this.dossiers, dossierId, sub);
  }

  /** « Mes dossiers »: every dossier of the usager, whatever its state. */
  mine(sub: string): Promise<Dossier[]> {
    return this.dossiers.listForUsager(sub);
  }
}
