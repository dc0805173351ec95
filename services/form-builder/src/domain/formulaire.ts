import { randomUUID } from 'node:crypto';
import { DemarcheErrorCode, DemarcheException } from '../demarche.exception';
import { validerOptions } from './champ-options';
import { verifierDependances } from './conditions-dependances';
import { assertChampsEditable, ChampDescriptor, Demarche } from './demarche';
import { TYPES_SANS_VALEUR } from './type-de-champ';

/** The usager's form (« champs ») or the instructeurs' private annotations: the same model, edited the same way. */
export type Cible = 'champs' | 'annotations';
export type Direction = 'haut' | 'bas';
export type NouveauChamp = Omit<ChampDescriptor, 'id'>;

export interface Edition<R> {
  demarche: Demarche;
  result: R;
}

function verifierChamp(champ: NouveauChamp): NouveauChamp {
  if (champ.mandatory && TYPES_SANS_VALEUR.has(champ.type)) {
    throw new DemarcheException(
      DemarcheErrorCode.CHAMP_INVALID,
      'invalid',
      `Un champ de type « ${champ.type} » n'a pas de valeur et ne peut pas être obligatoire.`,
      { type: champ.type },
    );
  }
  return { ...champ, label: champ.label.trim(), options: validerOptions(champ.type, champ.options) };
}

function indexOf(demarche: Demarche, cible: Cible, champId: string): number {
  const index = demarche[cible].findIndex((champ) => champ.id === champId);
  if (index < 0) {
    throw new DemarcheException(
      DemarcheErrorCode.CHAMP_NOT_FOUND,
      'not_found',
      "Ce champ n'existe pas dans ce formulaire.",
      {
        champId,
        cible,
      },
    );
  }
  return index;
}

function avec(demarche: Demarche, cible: Cible, champs: ChampDescriptor[]): Demarche {
  return { ...demarche, [cible]: champs };
}

export function ajouterChamp(
  demarche: Demarche,
  cible: Cible,
  champ: NouveauChamp,
): Edition<ChampDescriptor> {
  assertChampsEditable(demarche);
  const created: ChampDescriptor = { id: randomUUID(), ...verifierChamp(champ) };
  return { demarche: avec(demarche, cible, [...demarche[cible], created]), result: created };
}

/** Changes a champ in place; its id stays, so values already typed in test dossiers keep their champ. */
export function modifierChamp(
  demarche: Demarche,
  cible: Cible,
  champId: string,
  changes: Partial<NouveauChamp>,
): Edition<ChampDescriptor> {
  assertChampsEditable(demarche);
  const index = indexOf(demarche, cible, champId);
  const { id, ...current } = demarche[cible][index];
  const updated: ChampDescriptor = { id, ...verifierChamp({ ...current, ...changes }) };
  const champs = demarche[cible].map((champ, i) => (i === index ? updated : champ));
  // A new type or new options must not break a condition or the routing that test this champ.
  return {
    demarche: verifierDependances(demarche, avec(demarche, cible, champs), updated, 'modifier'),
    result: updated,
  };
}

/** Moves a champ one place up or down (the seed's arrows); at either end it stays where it is. */
export function deplacerChamp(
  demarche: Demarche,
  cible: Cible,
  champId: string,
  direction: Direction,
): Edition<string[]> {
  assertChampsEditable(demarche);
  const index = indexOf(demarche, cible, champId);
  const target = direction === 'haut' ? index - 1 : index + 1;
  const champs = [...demarche[cible]];
  if (target >= 0 && target < champs.length)
    [champs[index], champs[target]] = [champs[target], champs[index]];
  // A condition only tests earlier champs: a move that puts a tested champ after its dependant is refused.
  const moved = verifierDependances(
    demarche,
    avec(demarche, cible, champs),
    demarche[cible][index],
    'deplacer',
  );
  return { demarche: moved, result: champs.map((champ) => champ.id) };
}

export function supprimerChamp(demarche: Demarche, cible: Cible, champId: string): Edition<string[]> {
  assertChampsEditable(demarche);
  const supprime = demarche[cible][indexOf(demarche, cible, champId)];
  const champs = demarche[cible].filter((champ) => champ.id !== champId);
  // Refused while a condition, a routing rule or the routing by champ depends on it (named in the error).
  const edited = verifierDependances(demarche, avec(demarche, cible, champs), supprime, 'supprimer');
  return { demarche: edited, result: champs.map((champ) => champ.id) };
}
