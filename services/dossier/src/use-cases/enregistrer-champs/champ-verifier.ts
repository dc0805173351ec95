import { Injectable } from '@nestjs/common';
import {
  AdresseValue,
  CarteValue,
  CodeValue,
  CommuneValue,
  PieceJustificativeValue,
  refuse,
  Verdict,
} from '../../domain/champs/types';
import { PieceJustificativeCheck, VerificationsExternes } from '../../domain/champs/verifications';
import { Dossier } from '../../domain/dossier';
import { GeoChecks } from '../../geo/geo-checks';
import { DossierRepository } from '../../persistence/dossier.repository';

/**
 * The external checks of champ values for one save, bound to the dossier being edited and the usager editing it:
 * geo for the geographic champs and the carte, the repository for a linked dossier, the attachments for pièces
 * justificatives.
 */
@Injectable()
export class ChampVerifier {
  constructor(
    private readonly geo: GeoChecks,
    private readonly dossiers: DossierRepository,
    private readonly pieces: PieceJustificativeCheck,
  ) {}

  pour(dossier: Dossier, usager: { sub: string; email: string }): VerificationsExternes {
    return {
      regions: (value) => this.geo.referentiel('regions', (value as CodeValue).code),
      departements: (value) => this.geo.referentiel('departements', (value as CodeValue).code),
      epci: (value) => this.geo.referentiel('epci', (value as CodeValue).code),
      communes: (value) => this.geo.commune(value as CommuneValue),
      address: (value) => this.geo.adresse(value as AdresseValue),
      carte: (value) => this.geo.carte(value as CarteValue),
      dossier_link: (value) => this.dossierLink(value as number, dossier, usager),
      piece_justificative: (value, champ) =>
        this.pieces.verifier({ dossierId: dossier.id, champId: champ.id }, value as PieceJustificativeValue),
    };
  }

  /**
   * Lien vers un autre dossier: a dossier déposé (seed: « relier deux dossiers déposés ») that the usager owns or
   * is invited on. Any other number gets the same answer as one that does not exist (no existence leak).
   */
  private async dossierLink(
    number: number,
    current: Dossier,
    usager: { sub: string; email: string },
  ): Promise<Verdict<number>> {
    const inconnu = refuse(`: le dossier n° ${number} n'existe pas ou vous n'y avez pas accès`);
    if (number === current.number) return refuse('ne peut pas désigner ce dossier lui-même');
    const linked = await this.dossiers.findByNumber(number);
    if (!linked || linked.deletedAt) return inconnu;
    const email = usager.email.toLowerCase();
    const allowed =
      linked.usager.sub === usager.sub ||
      (linked.invites ?? []).some((invite) => invite.email.toLowerCase() === email);
    if (!allowed) return inconnu;
    if (linked.state === 'brouillon') return refuse(`: le dossier n° ${number} n'a pas encore été déposé`);
    return { ok: true, value: number };
  }
}
