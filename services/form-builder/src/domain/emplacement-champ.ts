import { DemarcheErrorCode, DemarcheException } from '../demarche.exception';
import type { ChampDescriptor, Demarche } from './demarche';
import type { Cible } from './formulaire';

/**
 * Where a champ sits in a form: at the top, or among the children of a bloc répétable (one level only, as in the
 * reference where a child's parent_id is a repetition). Champ ids are unique across the whole form, children
 * included, so every operation on a champ (edit, move, delete, condition) finds it by id wherever it is.
 */
export interface Emplacement {
  champ: ChampDescriptor;
  /** The bloc répétable holding the champ; null at the top of the form. */
  parent: ChampDescriptor | null;
  /** Index in the form of the champ's bloc, or of the champ itself at the top. */
  indexBloc: number;
  /** Index of the champ in its own list: the form, or its bloc's children. */
  index: number;
}

/** Every champ in display order, each bloc followed by its children. */
export function emplacements(champs: readonly ChampDescriptor[]): Emplacement[] {
  return champs.flatMap((champ, indexBloc) => [
    { champ, parent: null, indexBloc, index: indexBloc },
    ...(champ.children ?? []).map((child, index) => ({ champ: child, parent: champ, indexBloc, index })),
  ]);
}

/** Every champ of a list, children included (for rules that apply to any champ wherever it sits). */
export function tousLesChamps(champs: readonly ChampDescriptor[]): ChampDescriptor[] {
  return emplacements(champs).map((emplacement) => emplacement.champ);
}

export function trouver(demarche: Demarche, cible: Cible, champId: string): Emplacement | null {
  return emplacements(demarche[cible]).find((emplacement) => emplacement.champ.id === champId) ?? null;
}

export function localiser(demarche: Demarche, cible: Cible, champId: string): Emplacement {
  const emplacement = trouver(demarche, cible, champId);
  if (!emplacement) {
    throw new DemarcheException(
      DemarcheErrorCode.CHAMP_NOT_FOUND,
      'not_found',
      "Ce champ n'existe pas dans ce formulaire.",
      { champId, cible },
    );
  }
  return emplacement;
}

/** The list a champ belongs to: the form, or the children of its bloc. */
export function listeDe(demarche: Demarche, cible: Cible, emplacement: Emplacement): ChampDescriptor[] {
  return emplacement.parent ? (emplacement.parent.children ?? []) : demarche[cible];
}

/** The démarche with the list of `parent` (null: the form itself) replaced. */
export function avecListe(
  demarche: Demarche,
  cible: Cible,
  parent: ChampDescriptor | null,
  liste: ChampDescriptor[],
): Demarche {
  if (!parent) return { ...demarche, [cible]: liste };
  return {
    ...demarche,
    [cible]: demarche[cible].map((champ) => (champ.id === parent.id ? { ...champ, children: liste } : champ)),
  };
}
