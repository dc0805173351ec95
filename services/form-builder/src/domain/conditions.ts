import {
  type ChampReference,
  type Condition,
  type ConditionProblem,
  validerCondition,
} from '@demarches/formulaire';
import { DemarcheErrorCode, DemarcheException } from '../demarche.exception';
import { assertChampsEditable, ChampDescriptor, Demarche } from './demarche';
import { avecListe, Emplacement, listeDe, localiser } from './emplacement-champ';
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

/**
 * The context of a champ wherever it sits: at the top, as above; a child of a bloc répétable tests the champs
 * before its bloc and the earlier children of the same bloc (its row), never the children of another bloc.
 */
export function contexteEmplacement(
  demarche: Demarche,
  cible: Cible,
  emplacement: Emplacement,
): { precedents: ChampReference[]; tous: ChampReference[] } {
  const { precedents, tous } = contexteCondition(demarche, cible, emplacement.indexBloc);
  if (!emplacement.parent) return { precedents, tous };
  const freres = (emplacement.parent.children ?? []).map(referenceOf);
  return { precedents: [...precedents, ...freres.slice(0, emplacement.index)], tous: [...tous, ...freres] };
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
  // A champ of a bloc répétable is found among its bloc's children (domain/emplacement-champ.ts).
  const emplacement = localiser(demarche, cible, champId);
  if (condition) {
    const { precedents, tous } = contexteEmplacement(demarche, cible, emplacement);
    const problemes = validerCondition(condition, precedents, tous);
    if (problemes.length > 0) throw conditionInvalide(problemes, { champId, cible });
  }
  const updated: ChampDescriptor = { ...emplacement.champ, condition };
  const liste = listeDe(demarche, cible, emplacement).map((champ) =>
    champ.id === champId ? updated : champ,
  );
  return { demarche: avecListe(demarche, cible, emplacement.parent, liste), result: updated };
}
