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

/** Where a champ goes when moved: `parentId` names the bloc répétable (null: the top of the form). */
export interface Destination {
  parentId: string | null;
  /** Index in the destination list once the champ has left its current place (0 = first). */
  position: number;
}

/**
 * The démarche with the champ of `emplacement` taken out of its list and inserted into the list of `parentId` (the
 * bloc's current children, or the form) at `position`. The caller checks that the destination exists, may hold the
 * champ and that `position` is within the list.
 */
export function avecChampDeplace(
  demarche: Demarche,
  cible: Cible,
  emplacement: Emplacement,
  destination: Destination,
): { demarche: Demarche; liste: ChampDescriptor[] } {
  const { champ } = emplacement;
  const source = listeDe(demarche, cible, emplacement).filter((c) => c.id !== champ.id);
  const retire = avecListe(demarche, cible, emplacement.parent, source);
  const parent = destination.parentId
    ? (retire[cible].find((c) => c.id === destination.parentId) ?? null)
    : null;
  const arrivee = parent ? (parent.children ?? []) : retire[cible];
  const liste = [...arrivee.slice(0, destination.position), champ, ...arrivee.slice(destination.position)];
  return { demarche: avecListe(retire, cible, parent, liste), liste };
}

/**
 * The bloc holding a champ in the published revision: `publie` is false for a champ added since, and `parentId` is
 * null for a champ published at the top of the form.
 */
export function placePubliee(
  demarche: Demarche,
  cible: Cible,
  champId: string,
): { publie: boolean; parentId: string | null } {
  const publiee = demarche.revisionPubliee;
  const emplacement = publiee
    ? emplacements(publiee[cible]).find((candidat) => candidat.champ.id === champId)
    : undefined;
  if (!emplacement) return { publie: false, parentId: null };
  return { publie: true, parentId: emplacement.parent?.id ?? null };
}
