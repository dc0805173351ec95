import { Dossier } from '../../domain/dossier';
import { DossierErrorCode, DossierException } from '../../dossier.exception';
import { FICHIERS_MAX_PAR_CHAMP, fichiersDuChamp } from './piece-jointe';

const EDITABLE = new Set(['brouillon', 'en_construction']);

/** Files can be added or removed only while the dossier itself can be edited. */
export function assertModifiable(dossier: Dossier): void {
  if (!EDITABLE.has(dossier.state)) {
    throw new DossierException(
      DossierErrorCode.DOSSIER_NOT_EDITABLE,
      'conflict',
      'Ce dossier ne peut plus être modifié : il est en instruction ou a été traité.',
      { state: dossier.state },
    );
  }
}

export function assertPlaceDansLeChamp(dossier: Dossier, champId: string): void {
  if (fichiersDuChamp(dossier.champs[champId]).length >= FICHIERS_MAX_PAR_CHAMP) {
    throw new DossierException(
      DossierErrorCode.CHAMP_INVALID,
      'invalid',
      `Ce champ contient déjà ${FICHIERS_MAX_PAR_CHAMP} fichiers : retirez-en un avant d'en ajouter un autre.`,
      { champId, max: FICHIERS_MAX_PAR_CHAMP },
    );
  }
}

function avecFichiers(dossier: Dossier, champId: string, ids: string[], by: string, now: Date): Dossier {
  return {
    ...dossier,
    champs: { ...dossier.champs, [champId]: { attachmentIds: ids } },
    updatedAt: now,
    // Edits after dépôt are recorded so instructeurs can see what changed (as for every other champ).
    history:
      dossier.state === 'en_construction'
        ? [
            ...dossier.history,
            { at: now, by, action: 'modifier', from: dossier.state, to: dossier.state, champIds: [champId] },
          ]
        : dossier.history,
  };
}

/** The champ value of a pièce justificative is the list of its files' ids, in the order they were added. */
export function joindreFichier(
  dossier: Dossier,
  champId: string,
  pieceId: string,
  by: string,
  now: Date,
): Dossier {
  assertModifiable(dossier);
  const ids = fichiersDuChamp(dossier.champs[champId]);
  if (ids.includes(pieceId)) return dossier;
  return avecFichiers(dossier, champId, [...ids, pieceId], by, now);
}

export function retirerFichier(
  dossier: Dossier,
  champId: string,
  pieceId: string,
  by: string,
  now: Date,
): Dossier {
  assertModifiable(dossier);
  const ids = fichiersDuChamp(dossier.champs[champId]);
  return avecFichiers(
    dossier,
    champId,
    ids.filter((id) => id !== pieceId),
    by,
    now,
  );
}
