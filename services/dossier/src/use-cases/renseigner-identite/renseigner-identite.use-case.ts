import { Injectable } from '@nestjs/common';
import {
  confirmerPersonneMorale,
  Dossier,
  renseignerParticulier,
  renseignerPersonneMorale,
} from '../../domain/dossier';
import { DossierErrorCode, DossierException } from '../../dossier.exception';
import { EntrepriseLookup } from '../../entreprise/entreprise-lookup';
import { normaliserSiret, siretValide } from '../../entreprise/siret';
import { DossierRepository } from '../../persistence/dossier.repository';
import { RevisionRepository } from '../../persistence/revision.repository';
import { Clock } from '../clock';
import { dossierUpdated } from '../dossier-events';
import { assertVersion, loadForOperation, loadReadable, loadRevision } from '../load';

/**
 * The FranceConnect « identité pivot » when the caller signed in through FranceConnect. The gateway's internal
 * identity carries it as `franceConnect` once it forwards those claims; without it there is no prefill.
 */
export interface PivotFranceConnect {
  givenName: string;
  familyName: string;
  /** OIDC `gender`: "male" / "female". */
  gender?: string;
}

export interface UsagerIdentity {
  sub: string;
  email: string;
  franceConnect?: PivotFranceConnect;
}

export interface Prefill {
  civilite: 'M.' | 'Mme' | null;
  nom: string;
  prenom: string;
  fromFranceConnect: true;
}

export function prefillFromPivot(pivot: PivotFranceConnect | undefined): Prefill | null {
  if (!pivot || !pivot.familyName.trim() || !pivot.givenName.trim()) return null;
  const civilite = pivot.gender === 'female' ? 'Mme' : pivot.gender === 'male' ? 'M.' : null;
  // The pivot's given_name holds every first name: the usage first name is the first one.
  return {
    civilite,
    nom: pivot.familyName.trim(),
    prenom: pivot.givenName.trim().split(/\s+/)[0] ?? '',
    fromFranceConnect: true,
  };
}

/** The identity step: particulier (civilité, nom, prénom) or personne morale (SIRET → API Entreprise). */
@Injectable()
export class RenseignerIdentiteUseCase {
  constructor(
    private readonly dossiers: DossierRepository,
    private readonly revisions: RevisionRepository,
    private readonly entreprises: EntrepriseLookup,
    private readonly clock: Clock,
  ) {}

  /** What the step shows: which public the démarche asks for, what is already there and the FranceConnect prefill. */
  async consulter(dossierId: string, usager: UsagerIdentity) {
    const dossier = await loadReadable(this.dossiers, dossierId, usager);
    const revision = await loadRevision(this.revisions, dossier.demarcheId);
    const publicCible = revision.publicCible ?? 'particulier';
    const owner = dossier.usager.sub === usager.sub;
    return {
      publicCible,
      demandeur: dossier.demandeur,
      prefill: publicCible === 'particulier' && owner ? prefillFromPivot(usager.franceConnect) : null,
    };
  }

  async particulier(
    dossierId: string,
    usager: UsagerIdentity,
    input: { civilite: 'M.' | 'Mme'; nom: string; prenom: string; expectedVersion?: number },
  ): Promise<Dossier> {
    const dossier = await loadForOperation(this.dossiers, dossierId, usager, 'renseigner_identite');
    assertVersion(dossier, input.expectedVersion);
    const revision = await loadRevision(this.revisions, dossier.demarcheId);
    // Marked as FranceConnect only when the values are exactly those of the pivot identity.
    const prefill = prefillFromPivot(usager.franceConnect);
    const fromFranceConnect =
      !!prefill &&
      prefill.nom === input.nom.trim() &&
      prefill.prenom === input.prenom.trim() &&
      (prefill.civilite === null || prefill.civilite === input.civilite);
    const updated = renseignerParticulier(
      dossier,
      revision,
      { ...input, fromFranceConnect },
      usager.email,
      this.clock.now(),
    );
    return this.dossiers.save(updated, [dossierUpdated(updated, revision, [], usager.email)]);
  }

  /**
   * Looks the SIRET up and stores what API Entreprise knows, to be confirmed by the usager. When the API is down the
   * dossier keeps the SIRET alone (verified=false) and the usager goes on: the degraded mode.
   */
  async personneMorale(
    dossierId: string,
    usager: UsagerIdentity,
    input: { siret: string; expectedVersion?: number },
  ): Promise<Dossier> {
    const siret = normaliserSiret(input.siret);
    if (!siretValide(siret)) {
      throw new DossierException(
        DossierErrorCode.SIRET_INVALIDE,
        'invalid',
        'Le numéro SIRET doit compter 14 chiffres et sa clé de contrôle doit être juste : vérifiez-le.',
        { siret: input.siret },
      );
    }
    const dossier = await loadForOperation(this.dossiers, dossierId, usager, 'renseigner_identite');
    assertVersion(dossier, input.expectedVersion);
    const revision = await loadRevision(this.revisions, dossier.demarcheId);
    // Checked before calling the API: a particulier démarche never spends an API Entreprise call.
    if ((revision.publicCible ?? 'particulier') !== 'personne_morale') {
      renseignerPersonneMorale(dossier, revision, degrade(siret), usager.email, this.clock.now());
    }
    const result = await this.entreprises.etablissement(siret);
    if (result.status === 'not_found') {
      throw new DossierException(
        DossierErrorCode.ETABLISSEMENT_INCONNU,
        'invalid',
        'Aucun établissement ne correspond à ce numéro SIRET : vérifiez-le auprès de votre entreprise.',
        { siret },
      );
    }
    const etablissement = result.status === 'found' ? result.etablissement : degrade(siret);
    const updated = renseignerPersonneMorale(
      dossier,
      revision,
      etablissement,
      usager.email,
      this.clock.now(),
    );
    return this.dossiers.save(updated, [dossierUpdated(updated, revision, [], usager.email)]);
  }

  async confirmer(
    dossierId: string,
    usager: UsagerIdentity,
    input: { siret: string; expectedVersion?: number },
  ): Promise<Dossier> {
    const dossier = await loadForOperation(this.dossiers, dossierId, usager, 'renseigner_identite');
    assertVersion(dossier, input.expectedVersion);
    const revision = await loadRevision(this.revisions, dossier.demarcheId);
    const updated = confirmerPersonneMorale(
      dossier,
      normaliserSiret(input.siret),
      usager.email,
      this.clock.now(),
    );
    return this.dossiers.save(updated, [dossierUpdated(updated, revision, [], usager.email)]);
  }
}

function degrade(siret: string) {
  return { siret, raisonSociale: '', naf: '', formeJuridique: '', adresse: '', verified: false };
}
