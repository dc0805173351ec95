import { validerCondition } from '@demarches/formulaire';
import { DemarcheErrorCode, DemarcheException } from '../demarche.exception';
import { contexteEmplacement } from './conditions';
import { ChampDescriptor, Demarche } from './demarche';
import { emplacements } from './emplacement-champ';
import type { Cible } from './formulaire';
import { problemesRoutage } from './routage';

/**
 * A champ others depend on (a condition tests it, a routing rule reads it, it is the routing champ) cannot be
 * deleted, moved or changed in a way that breaks them: the edit is refused with a CHAMP_DEPENDANCE error naming
 * every dependant, rather than leaving conditions that silently never hold (ADR 0012).
 */

interface Dependance {
  cle: string;
  label: string;
  problemes: string[];
}

function conditionsDe(demarche: Demarche, cible: Cible): Dependance[] {
  // Children of blocs répétables included: they test their earlier siblings and the champs before their bloc.
  return emplacements(demarche[cible]).flatMap((emplacement) => {
    const { champ } = emplacement;
    if (!champ.condition) return [];
    const { precedents, tous } = contexteEmplacement(demarche, cible, emplacement);
    const problemes = validerCondition(champ.condition, precedents, tous).map((p) => p.message);
    if (problemes.length === 0) return [];
    const quoi = cible === 'champs' ? 'du champ' : "de l'annotation";
    return [{ cle: `${cible}:${champ.id}`, label: `la condition ${quoi} « ${champ.label} »`, problemes }];
  });
}

/** Every condition and routing setting of the démarche that does not hold any more, with its problems. */
export function dependancesInvalides(demarche: Demarche): Dependance[] {
  return [
    ...conditionsDe(demarche, 'champs'),
    ...conditionsDe(demarche, 'annotations'),
    ...problemesRoutage(demarche),
  ];
}

const VERBES = { supprimer: 'supprimé', deplacer: 'déplacé', modifier: 'modifié ainsi' } as const;

/**
 * Returns `apres` when the edit of `champ` breaks no condition nor routing setting that held in `avant`; problems
 * that already existed before do not block an unrelated edit.
 */
export function verifierDependances(
  avant: Demarche,
  apres: Demarche,
  champ: ChampDescriptor,
  action: keyof typeof VERBES,
): Demarche {
  const existants = new Map(dependancesInvalides(avant).map((d) => [d.cle, new Set(d.problemes)]));
  const casses = dependancesInvalides(apres).filter((d) =>
    d.problemes.some((probleme) => !existants.get(d.cle)?.has(probleme)),
  );
  if (casses.length === 0) return apres;
  const dependants = casses.map((d) => d.label);
  throw new DemarcheException(
    DemarcheErrorCode.CHAMP_DEPENDANCE,
    'conflict',
    `Le champ « ${champ.label} » ne peut pas être ${VERBES[action]} : ${dependants.join(', ')} en ${
      casses.length > 1 ? 'dépendent' : 'dépend'
    }. Modifiez ou retirez d'abord ${casses.length > 1 ? 'ces conditions' : 'cette condition'}.`,
    {
      champId: champ.id,
      dependants: casses.map((d) => ({ cle: d.cle, label: d.label, problemes: d.problemes })),
    },
  );
}
