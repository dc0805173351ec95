import { Injectable } from '@nestjs/common';
import { Demarche, ServiceContact } from '../../domain/demarche';
import {
  ajouterAdministrateur,
  definirService,
  DescriptionChanges,
  modifierDescription,
  retirerAdministrateur,
} from '../../domain/description';
import { DemarcheRepository } from '../../persistence/demarche.repository';
import { Clock } from '../clock';
import { snapshotIfPublished } from '../demarche-events';
import { loadOwnDemarche } from '../load-demarche';

/**
 * The description tab, the service and the co-administrateurs: load a démarche the caller administers, apply one
 * pure function of domain/description.ts, save it at the version read. These stay editable after publication (seed
 * §13: Description, Service, Administrateurs); a published démarche sends a fresh snapshot in the same write.
 */
@Injectable()
export class ModifierDescriptionUseCase {
  constructor(
    private readonly repository: DemarcheRepository,
    private readonly clock: Clock,
  ) {}

  description(administrateur: string, demarcheId: string, changes: DescriptionChanges): Promise<Demarche> {
    return this.apply(administrateur, demarcheId, (demarche) =>
      modifierDescription(demarche, changes, this.clock.now()),
    );
  }

  service(administrateur: string, demarcheId: string, service: ServiceContact): Promise<Demarche> {
    return this.apply(administrateur, demarcheId, (demarche) => definirService(demarche, service));
  }

  ajouterAdministrateur(administrateur: string, demarcheId: string, email: string): Promise<Demarche> {
    return this.apply(administrateur, demarcheId, (demarche) => ajouterAdministrateur(demarche, email));
  }

  retirerAdministrateur(administrateur: string, demarcheId: string, email: string): Promise<Demarche> {
    return this.apply(administrateur, demarcheId, (demarche) => retirerAdministrateur(demarche, email));
  }

  async apply(
    administrateur: string,
    demarcheId: string,
    edit: (demarche: Demarche) => Demarche,
  ): Promise<Demarche> {
    const demarche = await loadOwnDemarche(this.repository, demarcheId, administrateur);
    const edited = edit(demarche);
    if (edited === demarche) return demarche;
    return this.repository.save(edited, snapshotIfPublished(edited));
  }
}
