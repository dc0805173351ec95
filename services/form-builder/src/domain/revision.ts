import { ChampDescriptor, Demarche } from './demarche';
import { tousLesChamps } from './emplacement-champ';

export interface ChangementInterdit {
  cible: 'champs' | 'annotations';
  champId: string;
  label: string;
  raison: 'supprime' | 'type_change';
}

/**
 * What a new revision may change in a published one. The reference lets administrateurs add champs, rename them,
 * change descriptions, the mandatory flag, options and the order, because open dossiers are rebased onto the new
 * revision; it refuses to remove or retype a champ that dossiers hold values for. form-builder does not know which
 * champs hold values (dossiers live in the dossier service), so the rule is kept strict and simple: a champ or an
 * annotation of the published revision can neither be deleted nor change type in a later revision.
 */
export function changementsInterdits(demarche: Demarche): ChangementInterdit[] {
  const publiee = demarche.revisionPubliee;
  if (!publiee) return [];
  return [
    // Children of blocs répétables follow the same rule as the champs at the top of the form.
    ...compare('champs', tousLesChamps(publiee.champs), tousLesChamps(demarche.champs)),
    ...compare('annotations', tousLesChamps(publiee.annotations), tousLesChamps(demarche.annotations)),
  ];
}

function compare(
  cible: 'champs' | 'annotations',
  publies: ChampDescriptor[],
  brouillon: ChampDescriptor[],
): ChangementInterdit[] {
  const byId = new Map(brouillon.map((champ) => [champ.id, champ]));
  return publies.flatMap((champ): ChangementInterdit[] => {
    const courant = byId.get(champ.id);
    if (!courant) return [{ cible, champId: champ.id, label: champ.label, raison: 'supprime' }];
    if (courant.type !== champ.type) {
      return [{ cible, champId: champ.id, label: champ.label, raison: 'type_change' }];
    }
    return [];
  });
}

/** Whether the draft differs from the published revision (a republication without change is refused). */
export function brouillonModifie(demarche: Demarche): boolean {
  const publiee = demarche.revisionPubliee;
  if (!publiee) return true;
  return (
    JSON.stringify([publiee.champs, publiee.annotations]) !==
    JSON.stringify([demarche.champs, demarche.annotations])
  );
}
