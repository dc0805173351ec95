import { randomUUID } from 'node:crypto';
import { DemarcheErrorCode, DemarcheException } from '../demarche.exception';
import { validerOptions } from './champ-options';
import { validerSettings } from './champ-settings';
import { verifierDependances } from './conditions-dependances';
import { assertChampsEditable, ChampDescriptor, Demarche } from './demarche';
import { avecListe, listeDe, localiser } from './emplacement-champ';
import { TYPES_SANS_VALEUR } from './type-de-champ';

/** The usager's form (« champs ») or the instructeurs' private annotations: the same model, edited the same way. */
export type Cible = 'champs' | 'annotations';
export type Direction = 'haut' | 'bas';
export type NouveauChamp = Omit<ChampDescriptor, 'id'>;

export interface Edition<R> {
  demarche: Demarche;
  result: R;
}

/**
 * The champ as it will be stored: a label trimmed, options and settings validated for its type, and children only
 * on a bloc répétable. `parent` is the bloc holding the champ (null at the top of the form): a bloc répétable
 * cannot hold another one.
 */
function verifierChamp(champ: NouveauChamp, parent: ChampDescriptor | null): NouveauChamp {
  if (champ.mandatory && TYPES_SANS_VALEUR.has(champ.type)) {
    throw new DemarcheException(
      DemarcheErrorCode.CHAMP_INVALID,
      'invalid',
      `Un champ de type « ${champ.type} » n'a pas de valeur et ne peut pas être obligatoire.`,
      { type: champ.type },
    );
  }
  if (parent && champ.type === 'repetition') {
    throw new DemarcheException(
      DemarcheErrorCode.REPETITION_NESTED,
      'invalid',
      `Le bloc répétable « ${parent.label} » ne peut pas contenir un autre bloc répétable : placez ce bloc en dehors.`,
      { parentId: parent.id, type: champ.type },
    );
  }
  const { children, settings, ...rest } = champ;
  if (champ.type !== 'repetition' && children && children.length > 0) {
    throw new DemarcheException(
      DemarcheErrorCode.CHAMP_INVALID,
      'invalid',
      `Le bloc répétable « ${champ.label.trim()} » contient ${children.length} champ(s) : supprimez-les avant de changer son type.`,
      { type: champ.type, children: children.map((child) => child.id) },
    );
  }
  const reglages = validerSettings(champ.type, settings ?? {});
  return {
    ...rest,
    label: champ.label.trim(),
    options: validerOptions(champ.type, champ.options),
    ...(Object.keys(reglages).length > 0 ? { settings: reglages } : {}),
    ...(champ.type === 'repetition' ? { children: children ?? [] } : {}),
  };
}

/** The bloc répétable `parentId` names, where a new child goes. */
function blocRepetable(demarche: Demarche, cible: Cible, parentId: string): ChampDescriptor {
  const { champ } = localiser(demarche, cible, parentId);
  if (champ.type !== 'repetition') {
    throw new DemarcheException(
      DemarcheErrorCode.CHAMP_INVALID,
      'invalid',
      `« ${champ.label} » n'est pas un bloc répétable : seul un bloc répétable contient des champs.`,
      { parentId, type: champ.type },
    );
  }
  return champ;
}

/**
 * Adds a champ at the end of the form, or with `parentId` at the end of that bloc répétable's children. A new
 * champ starts without children and without condition (they have their own operations).
 */
export function ajouterChamp(
  demarche: Demarche,
  cible: Cible,
  champ: NouveauChamp,
  parentId: string | null = null,
): Edition<ChampDescriptor> {
  assertChampsEditable(demarche);
  const parent = parentId ? blocRepetable(demarche, cible, parentId) : null;
  const { children: _children, condition: _condition, ...nouveau } = champ;
  const created: ChampDescriptor = { id: randomUUID(), ...verifierChamp(nouveau, parent) };
  const liste = parent ? (parent.children ?? []) : demarche[cible];
  return { demarche: avecListe(demarche, cible, parent, [...liste, created]), result: created };
}

/**
 * Changes a champ in place, wherever it sits; its id stays, so values already typed in test dossiers keep their
 * champ. A new type starts from that type's default settings unless settings come with it. Children are edited
 * through their own ids, never through their bloc.
 */
export function modifierChamp(
  demarche: Demarche,
  cible: Cible,
  champId: string,
  changes: Partial<NouveauChamp>,
): Edition<ChampDescriptor> {
  assertChampsEditable(demarche);
  const emplacement = localiser(demarche, cible, champId);
  const { id, ...current } = emplacement.champ;
  const { children: _children, ...autres } = changes;
  const nouveauType = autres.type !== undefined && autres.type !== current.type;
  const merged: NouveauChamp = {
    ...current,
    ...(nouveauType && autres.settings === undefined ? { settings: {} } : {}),
    ...autres,
  };
  const updated: ChampDescriptor = { id, ...verifierChamp(merged, emplacement.parent) };
  const liste = listeDe(demarche, cible, emplacement).map((champ) => (champ.id === id ? updated : champ));
  // A new type or new options must not break a condition or the routing that test this champ.
  return {
    demarche: verifierDependances(
      demarche,
      avecListe(demarche, cible, emplacement.parent, liste),
      updated,
      'modifier',
    ),
    result: updated,
  };
}

/**
 * Moves a champ one place up or down (the seed's arrows) within its list: the form, or its bloc répétable's
 * children; at either end it stays where it is.
 */
export function deplacerChamp(
  demarche: Demarche,
  cible: Cible,
  champId: string,
  direction: Direction,
): Edition<string[]> {
  assertChampsEditable(demarche);
  const emplacement = localiser(demarche, cible, champId);
  const { index } = emplacement;
  const target = direction === 'haut' ? index - 1 : index + 1;
  const champs = [...listeDe(demarche, cible, emplacement)];
  if (target >= 0 && target < champs.length)
    [champs[index], champs[target]] = [champs[target], champs[index]];
  // A condition only tests earlier champs: a move that puts a tested champ after its dependant is refused.
  const moved = verifierDependances(
    demarche,
    avecListe(demarche, cible, emplacement.parent, champs),
    emplacement.champ,
    'deplacer',
  );
  return { demarche: moved, result: champs.map((champ) => champ.id) };
}

/** Deletes a champ (a bloc répétable with its children); answers the new order of the champ's list. */
export function supprimerChamp(demarche: Demarche, cible: Cible, champId: string): Edition<string[]> {
  assertChampsEditable(demarche);
  const emplacement = localiser(demarche, cible, champId);
  const champs = listeDe(demarche, cible, emplacement).filter((champ) => champ.id !== champId);
  // Refused while a condition, a routing rule or the routing by champ depends on it (named in the error).
  const edited = verifierDependances(
    demarche,
    avecListe(demarche, cible, emplacement.parent, champs),
    emplacement.champ,
    'supprimer',
  );
  return { demarche: edited, result: champs.map((champ) => champ.id) };
}
