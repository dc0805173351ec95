import {
  type ChampReference,
  type Condition,
  type ConditionProblem,
  validerCondition,
} from '@demarches/formulaire';
import { DemarcheErrorCode, DemarcheException } from '../demarche.exception';
import { assertChampsEditable, ChampDescriptor, Demarche } from './demarche';
import type { Cible, Edition } from './formulaire';

/**
 * Conditional display (the reference's « logique conditionnelle »): a champ or an annotation is shown only when
 * its condition on earlier champs holds. The rules of what a condition may test live in @demarches/formulaire
 * (shared with dossier, which evaluates them); this file says which champs are "earlier" for each place.
 */

export function referenceOf(champ: ChampDescriptor): ChampReference {
  return { id: champ.id, type: champ.type, label: champ.label, options: champ.options };
}

/**
 * The champs a condition placed at `index` of `cible` may test, and every champ (to tell a later champ from a
 * deleted one). A champ tests the champs above it; an annotation privée tests every champ of the usager's form
 * (all filled before instruction) and the annotations above it.
 */
export function contexteCondition(
  demarche: Demarche,
  cible: Cible,
  index: number,
): { precedents: ChampReference[]; tous: ChampReference[] } {
  const champs = demarche.champs.map(referenceOf);
  if (cible === 'champs') return { precedents: champs.slice(0, index), tous: champs };
  const annotations = demarche.annotations.map(referenceOf);
  return { precedents: [...champs, ...annotations.slice(0, index)], tous: [...champs, ...annotations] };
}

/** A routing rule is evaluated at dépôt, when every champ of the usager's form is filled (annotations are not). */
export function problemesRegleRoutage(demarche: Demarche, rule: Condition): ConditionProblem[] {
  const champs = demarche.champs.map(referenceOf);
  return validerCondition(rule, champs, champs);
}

export function conditionInvalide(
  problemes: ConditionProblem[],
  details: Record<string, unknown>,
  prefix = 'La condition est invalide',
): DemarcheException {
  return new DemarcheException(
    DemarcheErrorCode.CONDITION_INVALID,
    'invalid',
    `${prefix} : ${problemes.map((probleme) => probleme.message).join(' ')}`,
    { ...details, problemes },
  );
}

function indexOrThrow(demarche: Demarche, cible: Cible, champId: string): number {
  const index = demarche[cible].findIndex((champ) => champ.id === champId);
  if (index < 0) {
    throw new DemarcheException(
      DemarcheErrorCode.CHAMP_NOT_FOUND,
      'not_found',
      "Ce champ n'existe pas dans ce formulaire.",
      { champId, cible },
    );
  }
  return index;
}

/**
 * Sets (or, with null, removes) the condition of a champ or an annotation. Refused with every problem listed when
 * it tests a later or unknown champ, uses an operator the tested champ's type does not offer, or compares with a
 * value the champ cannot hold (not an option of its list…). A champ cannot depend on itself: it is not "earlier".
 */
export function definirCondition(
  demarche: Demarche,
  cible: Cible,
  champId: string,
  condition: Condition | null,
): Edition<ChampDescriptor> {
  assertChampsEditable(demarche);
  const index = indexOrThrow(demarche, cible, champId);
  if (condition) {
    const { precedents, tous } = contexteCondition(demarche, cible, index);
    const problemes = validerCondition(condition, precedents, tous);
    if (problemes.length > 0) throw conditionInvalide(problemes, { champId, cible });
  }
  const updated: ChampDescriptor = { ...demarche[cible][index], condition };
  return {
    demarche: { ...demarche, [cible]: demarche[cible].map((champ, i) => (i === index ? updated : champ)) },
    result: updated,
  };
}
