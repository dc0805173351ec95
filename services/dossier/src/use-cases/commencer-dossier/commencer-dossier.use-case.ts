import { Injectable } from '@nestjs/common';
import { assertOuverteAuxNouveauxDossiers, creerDossier, Dossier, Usager } from '../../domain/dossier';
import { RevisionPubliee } from '../../domain/revision';
import { DossierErrorCode, DossierException } from '../../dossier.exception';
import { DossierRepository } from '../../persistence/dossier.repository';
import { RevisionRepository } from '../../persistence/revision.repository';
import { Clock } from '../clock';
import { dossierCreated } from '../dossier-events';

function introuvable(slug: string): DossierException {
  return new DossierException(
    DossierErrorCode.DEMARCHE_NOT_FOUND,
    'not_found',
    "Aucune démarche publiée n'existe à cette adresse. Vérifiez le lien qui vous a été communiqué.",
    { slug },
  );
}

/**
 * `/commencer/<slug>`: shows the published démarche and starts a brouillon for the signed-in usager.
 * `/commencer/test/<démarche id or slug>`: the test link of a démarche en test, open only to its administrateurs,
 * whose dossiers are test dossiers (deleted when the démarche is really published).
 */
@Injectable()
export class CommencerDossierUseCase {
  constructor(
    private readonly revisions: RevisionRepository,
    private readonly dossiers: DossierRepository,
    private readonly clock: Clock,
  ) {}

  /** The public page: published démarches only (a démarche en test is not public yet). */
  async demarche(slug: string): Promise<RevisionPubliee> {
    const revision = await this.revisions.findBySlug(slug.toLowerCase());
    if (!revision || revision.enTest || revision.state === 'supprimee') throw introuvable(slug);
    return revision;
  }

  /**
   * The test page, for an administrateur of the démarche (anyone else: not found). form-builder's test link is
   * `/commencer/test/<démarche id>` (a démarche en test has no slug until its first publication); the slug of an
   * already published démarche is accepted too.
   */
  async demarcheEnTest(idOuSlug: string, usager: Usager): Promise<RevisionPubliee> {
    const revision =
      (await this.revisions.findByDemarcheId(idOuSlug)) ??
      (idOuSlug.trim() === '' ? null : await this.revisions.findBySlug(idOuSlug.toLowerCase()));
    if (!revision || revision.state === 'supprimee') throw introuvable(idOuSlug);
    if (!revision.enTest) return revision;
    const admins = revision.administrateurEmails ?? [];
    if (!admins.includes(usager.email.toLowerCase())) throw introuvable(idOuSlug);
    return revision;
  }

  /** `slug` is the démarche id (or slug) of the test link when `options.test`. */
  async execute(slug: string, usager: Usager, options: { test?: boolean } = {}): Promise<Dossier> {
    const revision = options.test ? await this.demarcheEnTest(slug, usager) : await this.demarche(slug);
    // Checked before a number is taken, so a refused start never burns a dossier number.
    assertOuverteAuxNouveauxDossiers(revision, this.clock.now());
    const dossier = creerDossier(revision, usager, await this.dossiers.nextNumber(), this.clock.now(), {
      test: revision.enTest === true,
    });
    return this.dossiers.create(dossier, [dossierCreated(dossier, revision)]);
  }
}
