import { Dossier } from '../../domain/dossier';

/**
 * Retention (RGPD, CGU §4.2.2 « Durée de conservation des données »): a dossier is deleted when the durée de
 * conservation chosen by the administration has run — counted from the last change for a brouillon, from the dépôt
 * for a dossier en construction, from the decision for a dossier terminé. A dossier en instruction never expires
 * (reference: expiry is suspended during instruction). The usager of a brouillon is warned one month before.
 */

export function ajouterMois(date: Date, mois: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + mois);
  // 31 January + 1 month = 28/29 February, not 3 March.
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

export const PREAVIS_MOIS = 1;

/** The start of the conservation period, or null when the dossier does not expire in its state. */
export function debutConservation(dossier: Dossier): Date | null {
  switch (dossier.state) {
    case 'brouillon':
      return dossier.updatedAt;
    case 'en_construction':
      return dossier.depositedAt;
    case 'accepte':
    case 'refuse':
    case 'sans_suite':
      return dossier.decidedAt;
    default:
      return null;
  }
}

export function finDeConservation(dossier: Dossier, dureeMois: number): Date | null {
  const debut = debutConservation(dossier);
  return debut && dureeMois > 0 ? ajouterMois(new Date(debut), dureeMois) : null;
}

/** A brouillon whose end is within a month and whose usager was not warned for this very version of it. */
export function doitEtrePrevenu(dossier: Dossier, dureeMois: number, now: Date): boolean {
  const fin = finDeConservation(dossier, dureeMois);
  return (
    dossier.state === 'brouillon' &&
    fin !== null &&
    now >= ajouterMois(fin, -PREAVIS_MOIS) &&
    !prevenuPourCetteVersion(dossier)
  );
}

/**
 * Expired, and for a brouillon warned at least a month ago for its current content: a usager who edits the
 * brouillon after the warning restarts the count; a late warning (service down) still leaves a full month.
 */
export function doitEtreSupprime(dossier: Dossier, dureeMois: number, now: Date): boolean {
  const fin = finDeConservation(dossier, dureeMois);
  if (fin === null || now < fin) return false;
  if (dossier.state !== 'brouillon') return true;
  const prevenuLe = dossier.expirationNotifiedAt;
  return (
    prevenuPourCetteVersion(dossier) &&
    prevenuLe != null &&
    now >= ajouterMois(new Date(prevenuLe), PREAVIS_MOIS)
  );
}

function prevenuPourCetteVersion(dossier: Dossier): boolean {
  const prevenuLe = dossier.expirationNotifiedAt;
  return prevenuLe != null && new Date(prevenuLe).getTime() >= new Date(dossier.updatedAt).getTime();
}

/** The expiry date announced to the usager: the end of conservation, or a month after the warning if later. */
export function dateDeSuppression(dossier: Dossier, dureeMois: number, now: Date): Date {
  const fin = finDeConservation(dossier, dureeMois) ?? now;
  const auPlusTot = ajouterMois(now, PREAVIS_MOIS);
  return fin > auPlusTot ? fin : auPlusTot;
}

/**
 * The due dates stored on the dossier so the sweep asks the database for what is due instead of reading every
 * dossier (indexed `expirationNoticeAt <= now` / `expiresAt <= now`). Exactly the instants from which
 * doitEtrePrevenu / doitEtreSupprime become true, for the dossier as it is and this durée; recomputed on every save.
 */
export interface EcheancesDuDossier {
  /** When doitEtreSupprime becomes true; null when the dossier cannot expire as it is (or is not yet warned). */
  expiresAt: Date | null;
  /** When doitEtrePrevenu becomes true: a brouillon not yet warned for its current content. */
  expirationNoticeAt: Date | null;
}

export function echeancesDuDossier(dossier: Dossier, dureeMois: number): EcheancesDuDossier {
  const fin = dossier.deletedAt ? null : finDeConservation(dossier, dureeMois);
  if (fin === null) return { expiresAt: null, expirationNoticeAt: null };
  if (dossier.state !== 'brouillon') return { expiresAt: fin, expirationNoticeAt: null };
  if (!prevenuPourCetteVersion(dossier)) {
    return { expiresAt: null, expirationNoticeAt: ajouterMois(fin, -PREAVIS_MOIS) };
  }
  const unMoisApres = ajouterMois(new Date(dossier.expirationNotifiedAt as Date), PREAVIS_MOIS);
  return { expiresAt: fin > unMoisApres ? fin : unMoisApres, expirationNoticeAt: null };
}
