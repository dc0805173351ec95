import { DemarcheErrorCode, DemarcheException } from '../demarche.exception';
import { Demarche, DemarcheState, nouvelleDemarche } from './demarche';

function transitionInvalide(demarche: Demarche, action: string, allowed: DemarcheState[]): DemarcheException {
  const etats: Record<DemarcheState, string> = {
    brouillon: 'en test',
    publiee: 'publiée',
    close: 'close',
    depubliee: 'dépubliée',
  };
  return new DemarcheException(
    DemarcheErrorCode.TRANSITION_INVALID,
    'conflict',
    `Impossible de ${action} une démarche ${etats[demarche.state]} : seule une démarche ${allowed
      .map((s) => etats[s])
      .join(' ou ')} peut l'être.`,
    { demarcheId: demarche.id, state: demarche.state, allowed },
  );
}

/** Clore (seed §14): dépôts fermés, lien désactivé; only a published démarche. */
export function cloturer(demarche: Demarche, now: Date, replacedBy: string | null = null): Demarche {
  if (demarche.state !== 'publiee') throw transitionInvalide(demarche, 'clore', ['publiee']);
  return { ...demarche, state: 'close', closedAt: now, replacedBy };
}

/** Dépublier (reference): no new dossier; brouillons already started can still be deposited. */
export function depublier(demarche: Demarche, now: Date): Demarche {
  if (demarche.state !== 'publiee') throw transitionInvalide(demarche, 'dépublier', ['publiee']);
  return { ...demarche, state: 'depubliee', unpublishedAt: now };
}

/**
 * Supprimer (seed §16): only a démarche en test or close; definitive. The document stays as a tombstone (no slug,
 * invisible to every query) so the DemarcheDeleted event leaves through its outbox.
 */
export function supprimer(demarche: Demarche, now: Date): Demarche {
  if (demarche.state !== 'brouillon' && demarche.state !== 'close') {
    throw transitionInvalide(demarche, 'supprimer', ['brouillon', 'close']);
  }
  return { ...demarche, deletedAt: now, slug: null };
}

/** The automatic closing at the date limite de dépôt (the reference's auto_archive_on, checked every minute). */
export function doitEtreCloturee(demarche: Demarche, now: Date): boolean {
  return (
    demarche.state === 'publiee' &&
    !demarche.deletedAt &&
    demarche.dateLimiteDepot !== null &&
    demarche.dateLimiteDepot.getTime() <= now.getTime()
  );
}

/**
 * Cloning (seed: "Cloner"; reference ProcedureCloneConcern): a new démarche en test holding the form, the
 * annotations, the description and the templates. Instructeurs are never cloned (seed: "il faut recommencer le
 * processus d'affectation des instructeurs"); the service only when the same administrateur clones her own
 * démarche. Champ ids are kept: conditions and balises of the copy keep pointing at the copied champs.
 */
export function cloner(
  source: Demarche,
  input: { number: number; administrateur: string; now: Date; memeAdministrateur: boolean },
): Demarche {
  const fresh = nouvelleDemarche({
    number: input.number,
    title: source.title,
    description: source.description,
    administrateur: input.administrateur,
    now: input.now,
  });
  return {
    ...source,
    id: fresh.id,
    number: fresh.number,
    state: fresh.state,
    slug: null,
    administrateurs: fresh.administrateurs,
    groupesInstructeurs: fresh.groupesInstructeurs,
    revisionId: fresh.revisionId,
    publishedAt: null,
    createdAt: fresh.createdAt,
    version: 0,
    service: input.memeAdministrateur ? source.service : null,
    lienDiffusion: null,
    webhookUrl: input.memeAdministrateur ? source.webhookUrl : null,
    // A date limite belongs to the original call for projects; the copy starts without one.
    dateLimiteDepot: null,
    revisionNumber: 0,
    revisionPubliee: null,
    closedAt: null,
    unpublishedAt: null,
    replacedBy: null,
    clonedFrom: source.id,
    deletedAt: null,
  };
}

/** What another administrateur may clone: her own démarches, and any published one of the catalogue. */
export function assertClonable(source: Demarche, administrateur: string): void {
  const own = source.administrateurs.includes(administrateur.toLowerCase());
  if (source.deletedAt || (!own && source.state !== 'publiee')) throw DemarcheException.notFound(source.id);
}

/** The "test" publication: the draft of a démarche en test, for test dossiers. */
export function assertTestable(demarche: Demarche): void {
  if (demarche.state !== 'brouillon') throw transitionInvalide(demarche, 'tester', ['brouillon']);
}
