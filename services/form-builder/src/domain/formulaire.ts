import { randomUUID } from 'node:crypto';
import { validerCondition } from '@demarches/formulaire';
import { DemarcheErrorCode, DemarcheException } from '../demarche.exception';
import { validerOptions } from './champ-options';
import { validerSettings } from './champ-settings';
import { contexteEmplacement } from './conditions';
import { verifierDependances } from './conditions-dependances';
import { assertChampsEditable, ChampDescriptor, Demarche } from './demarche';
import {
  avecChampDeplace,
  avecListe,
  Destination,
  listeDe,
  localiser,
  placePubliee,
  trouver,
} from './emplacement-champ';
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

/** Where a moved champ ended: its bloc (null: the top of the form) and the new order of that list. */
export interface Deplacement {
  parentId: string | null;
  ordre: string[];
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
  const position = direction === 'haut' ? emplacement.index - 1 : emplacement.index + 1;
  const liste = listeDe(demarche, cible, emplacement);
  if (position < 0 || position >= liste.length) {
    return { demarche, result: liste.map((champ) => champ.id) };
  }
  const { demarche: moved, result } = deplacerChampVers(demarche, cible, champId, {
    parentId: emplacement.parent?.id ?? null,
    position,
  });
  return { demarche: moved, result: result.ordre };
}

/**
 * Moves a champ to `position` of a list: the top of the form (`parentId` null) or the children of a bloc
 * répétable, possibly another list than its own (into, out of, or between blocs). `position` counts in the
 * destination list once the champ has left its place. Refused when:
 * - the destination is not a bloc répétable of the same form, or the champ is itself a bloc (no nesting);
 * - the champ belongs to the published revision and would change bloc: dossiers hold its values at a fixed place
 *   (in the form or in each row of its bloc), so only reordering within its list is allowed (domain/revision.ts);
 * - a condition or a routing setting would test a champ that no longer comes before it (CHAMP_DEPENDANCE, every
 *   dependant named), the moved champ's own condition included.
 */
export function deplacerChampVers(
  demarche: Demarche,
  cible: Cible,
  champId: string,
  destination: Destination,
): Edition<Deplacement> {
  assertChampsEditable(demarche);
  const emplacement = localiser(demarche, cible, champId);
  const { champ } = emplacement;
  const parent = destination.parentId ? blocRepetable(demarche, cible, destination.parentId) : null;
  if (parent && champ.type === 'repetition') {
    throw new DemarcheException(
      DemarcheErrorCode.REPETITION_NESTED,
      'invalid',
      `Le bloc répétable « ${champ.label} » ne peut pas être placé dans le bloc répétable « ${parent.label} » : un bloc ne contient pas d'autre bloc.`,
      { champId, parentId: parent.id, type: champ.type },
    );
  }
  const parentActuel = emplacement.parent?.id ?? null;
  const parentId = parent?.id ?? null;
  if (parentId !== parentActuel) verifierPlacePubliee(demarche, cible, champ, parentId);
  const taille = (parent ? (parent.children ?? []) : demarche[cible]).filter((c) => c.id !== champId).length;
  if (!Number.isInteger(destination.position) || destination.position < 0 || destination.position > taille) {
    const ou = parent ? `le bloc répétable « ${parent.label} »` : 'le formulaire';
    throw new DemarcheException(
      DemarcheErrorCode.CHAMP_INVALID,
      'invalid',
      `La position ${destination.position} n'existe pas : ${ou} compte ${taille} autre(s) champ(s), choisissez une position de 0 à ${taille}.`,
      { champId, parentId, position: destination.position, positionMax: taille },
    );
  }
  const { demarche: apres, liste } = avecChampDeplace(demarche, cible, emplacement, {
    parentId,
    position: destination.position,
  });
  verifierPropreCondition(demarche, apres, cible, champ);
  // Every other condition and routing setting must still test only champs placed before it.
  const moved = verifierDependances(demarche, apres, champ, 'deplacer');
  return { demarche: moved, result: { parentId, ordre: liste.map((c) => c.id) } };
}

/** What the editor asks: one place up or down (the seed's arrows), or a position in a list. */
export type Mouvement = { direction: Direction } | Destination;

/** Either move, answering the champ's list after it: its bloc (null: the form) and its order. */
export function deplacer(
  demarche: Demarche,
  cible: Cible,
  champId: string,
  mouvement: Mouvement,
): Edition<Deplacement> {
  if (!('direction' in mouvement)) return deplacerChampVers(demarche, cible, champId, mouvement);
  const parentId = localiser(demarche, cible, champId).parent?.id ?? null;
  const { demarche: moved, result } = deplacerChamp(demarche, cible, champId, mouvement.direction);
  return { demarche: moved, result: { parentId, ordre: result } };
}

/** A published champ keeps its bloc (or its place at the top of the form); a champ added since goes anywhere. */
function verifierPlacePubliee(
  demarche: Demarche,
  cible: Cible,
  champ: ChampDescriptor,
  parentId: string | null,
): void {
  const publiee = placePubliee(demarche, cible, champ.id);
  if (!publiee.publie || publiee.parentId === parentId) return;
  const blocPublie = publiee.parentId ? trouver(demarche, cible, publiee.parentId)?.champ : undefined;
  const ou = publiee.parentId
    ? `dans son bloc répétable${blocPublie ? ` « ${blocPublie.label} »` : ''}`
    : 'parmi les champs hors bloc';
  throw new DemarcheException(
    DemarcheErrorCode.CHAMP_PUBLIE_DEPLACEMENT,
    'conflict',
    `Le champ « ${champ.label} » est publié : il ne peut pas ${
      publiee.parentId ? 'sortir de son bloc répétable' : 'entrer dans un bloc répétable'
    }, car les valeurs déjà saisies dans les dossiers changeraient de place. Vous pouvez le déplacer ${ou}, ou ajouter un nouveau champ à l'endroit voulu.`,
    { champId: champ.id, parentIdPublie: publiee.parentId, parentId },
  );
}

/**
 * The moved champ's own condition (and, for a bloc, its children's) must still test champs before it: refused
 * with CHAMP_DEPENDANCE saying so, rather than naming the champ as its own dependant.
 */
function verifierPropreCondition(
  avant: Demarche,
  apres: Demarche,
  cible: Cible,
  champ: ChampDescriptor,
): void {
  const problemesDe = (demarche: Demarche, champId: string): string[] => {
    const emplacement = trouver(demarche, cible, champId);
    if (!emplacement?.champ.condition) return [];
    const { precedents, tous } = contexteEmplacement(demarche, cible, emplacement);
    return validerCondition(emplacement.champ.condition, precedents, tous).map((p) => p.message);
  };
  const propres = [champ, ...(champ.children ?? [])];
  const casses = propres.flatMap((propre) => {
    const existants = new Set(problemesDe(avant, propre.id));
    const problemes = problemesDe(apres, propre.id).filter((probleme) => !existants.has(probleme));
    if (problemes.length === 0) return [];
    const quoi = cible === 'champs' ? 'du champ' : "de l'annotation";
    return [{ cle: `${cible}:${propre.id}`, label: `la condition ${quoi} « ${propre.label} »`, problemes }];
  });
  if (casses.length === 0) return;
  throw new DemarcheException(
    DemarcheErrorCode.CHAMP_DEPENDANCE,
    'conflict',
    `Le champ « ${champ.label} » ne peut pas être déplacé à cet endroit : ${casses.map((c) => c.label).join(', ')} ${
      casses.length > 1 ? 'testeraient' : 'testerait'
    } un champ qui ne la précède plus (${casses.flatMap((c) => c.problemes).join(' ')}). Choisissez une autre position, ou modifiez d'abord ${
      casses.length > 1 ? 'ces conditions' : 'cette condition'
    }.`,
    { champId: champ.id, dependants: casses },
  );
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
