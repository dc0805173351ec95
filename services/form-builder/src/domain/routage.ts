import { randomUUID } from 'node:crypto';
import type { Condition } from '@demarches/formulaire';
import { DemarcheErrorCode, DemarcheException } from '../demarche.exception';
import { conditionInvalide, problemesRegleRoutage } from './conditions';
import { ChampDescriptor, Demarche, GroupeInstructeur } from './demarche';
import { edition, groupeParDefaut, GroupesEdition, trouverGroupe } from './groupes';
import { TYPES_SANS_VALEUR } from './type-de-champ';

/**
 * Routing of dossiers to groupes instructeurs (ADR 0012). One model, two ways to fill it:
 * - by rules (the reference's « règles de routage »): each groupe may carry a Condition; at dépôt a dossier goes
 *   to the first open groupe whose rule holds, else to the default groupe;
 * - by a list champ (the seed's routage): a drop_down_list at the start of the form whose options map to groupes.
 *   It is stored as `routingChampId` + each groupe's `routingValues`, AND compiled into the same rules
 *   (`champ equals option` for each option), so consumers only ever evaluate rules.
 */
export type ModeRoutage = 'aucun' | 'champ' | 'regles';

export interface Correspondance {
  groupeId: string;
  valeurs: string[];
}

export interface RoutageView {
  mode: ModeRoutage;
  champId: string | null;
  groupes: Pick<
    GroupeInstructeur,
    'id' | 'label' | 'isDefault' | 'closed' | 'routingRule' | 'routingValues'
  >[];
}

const SEPARATEUR = /^--.*--$/;

const invalide = (message: string, details: Record<string, unknown>) =>
  new DemarcheException(DemarcheErrorCode.ROUTAGE_INVALID, 'invalid', message, details);

export function modeRoutage(demarche: Demarche): ModeRoutage {
  if (demarche.routingChampId) return 'champ';
  return demarche.groupesInstructeurs.some((groupe) => groupe.routingRule) ? 'regles' : 'aucun';
}

export function routageView(demarche: Demarche): RoutageView {
  return {
    mode: modeRoutage(demarche),
    champId: demarche.routingChampId,
    groupes: demarche.groupesInstructeurs.map(
      ({ id, label, isDefault, closed, routingRule, routingValues }) => ({
        id,
        label,
        isDefault,
        closed,
        routingRule,
        routingValues,
      }),
    ),
  };
}

/** Options an usager can choose (`--titre--` entries only separate the list). */
function choix(champ: ChampDescriptor): string[] {
  return champ.options.filter((option) => !SEPARATEUR.test(option));
}

/**
 * The seed: « le champ permettant le routage est obligatoirement un menu déroulant situé au tout début de la
 * démarche ». Only titles and explications (which hold no value) may come before it.
 */
export function problemesChampRoutage(demarche: Demarche, champId: string): string[] {
  const index = demarche.champs.findIndex((champ) => champ.id === champId);
  if (index < 0) return ["le champ de routage n'existe pas (ou plus) dans le formulaire"];
  const champ = demarche.champs[index];
  const problemes: string[] = [];
  if (champ.type !== 'drop_down_list') {
    problemes.push(
      `le champ de routage « ${champ.label} » doit être un choix parmi une liste (drop_down_list)`,
    );
  }
  const avant = demarche.champs.slice(0, index).filter((c) => !TYPES_SANS_VALEUR.has(c.type));
  if (avant.length > 0) {
    problemes.push(
      `le champ de routage « ${champ.label} » doit être le premier champ du formulaire (« ${avant[0].label} » le précède)`,
    );
  }
  if (champ.condition) problemes.push(`le champ de routage « ${champ.label} » ne peut pas être conditionnel`);
  const options = new Set(choix(champ));
  for (const groupe of demarche.groupesInstructeurs) {
    const absentes = groupe.routingValues.filter((valeur) => !options.has(valeur));
    if (absentes.length > 0) {
      problemes.push(
        `les choix ${absentes.map((v) => `« ${v} »`).join(', ')} du groupe « ${groupe.label} » ne sont plus dans la liste « ${champ.label} »`,
      );
    }
  }
  return problemes;
}

/** Every problem of the démarche's routing, by what carries it (the routing champ, or a groupe's rule). */
export function problemesRoutage(demarche: Demarche): { cle: string; label: string; problemes: string[] }[] {
  const result: { cle: string; label: string; problemes: string[] }[] = [];
  if (demarche.routingChampId) {
    const problemes = problemesChampRoutage(demarche, demarche.routingChampId);
    if (problemes.length > 0) result.push({ cle: 'routage:champ', label: 'le routage par champ', problemes });
  }
  for (const groupe of demarche.groupesInstructeurs) {
    if (!groupe.routingRule) continue;
    const problemes = problemesRegleRoutage(demarche, groupe.routingRule).map((p) => p.message);
    if (problemes.length > 0) {
      result.push({
        cle: `groupe:${groupe.id}`,
        label: `la règle de routage du groupe « ${groupe.label} »`,
        problemes,
      });
    }
  }
  return result;
}

function regleDepuisValeurs(champId: string, valeurs: string[]): Condition | null {
  const comparaisons = valeurs.map((value) => ({ champId, operator: 'equals' as const, value }));
  if (comparaisons.length === 0) return null;
  return comparaisons.length === 1 ? comparaisons[0] : { any: comparaisons };
}

/**
 * Routing by a list champ. Without `correspondances`, the seed's way: one groupe per option, found by its label
 * (case-insensitive) or created. With them, each groupe gets the options listed for it; an option belongs to one
 * groupe at most; options left out route to the default groupe.
 */
export function routerParChamp(
  demarche: Demarche,
  champId: string,
  correspondances?: Correspondance[],
): GroupesEdition<RoutageView> {
  const problemes = problemesChampRoutage({ ...demarche, groupesInstructeurs: [] }, champId);
  if (problemes.length > 0)
    throw invalide(`Routage impossible : ${problemes.join(' ; ')}.`, { champId, problemes });
  const champ = demarche.champs.find((c) => c.id === champId) as ChampDescriptor;
  const options = choix(champ);
  let groupes = [...demarche.groupesInstructeurs];
  const valeursPar = new Map<string, string[]>();
  if (correspondances) {
    const dejaPrises = new Map<string, string>();
    for (const { groupeId, valeurs } of correspondances) {
      const groupe = trouverGroupe(demarche, groupeId);
      for (const valeur of valeurs) {
        if (!options.includes(valeur)) {
          throw invalide(`« ${valeur} » n'est pas un choix de la liste « ${champ.label} ».`, {
            groupeId,
            valeur,
          });
        }
        const autre = dejaPrises.get(valeur);
        if (autre && autre !== groupeId) {
          throw invalide(`Le choix « ${valeur} » ne peut mener qu'à un seul groupe.`, { valeur });
        }
        dejaPrises.set(valeur, groupeId);
      }
      valeursPar.set(groupe.id, [...new Set([...(valeursPar.get(groupe.id) ?? []), ...valeurs])]);
    }
  } else {
    for (const option of options) {
      let groupe = groupes.find((g) => g.label.toLowerCase() === option.toLowerCase());
      if (!groupe) {
        groupe = {
          id: randomUUID(),
          label: option,
          instructeurs: [],
          isDefault: false,
          closed: false,
          contact: null,
          routingRule: null,
          routingValues: [],
        };
        groupes = [...groupes, groupe];
      }
      valeursPar.set(groupe.id, [...(valeursPar.get(groupe.id) ?? []), option]);
    }
  }
  groupes = groupes.map((groupe) => {
    const routingValues = valeursPar.get(groupe.id) ?? [];
    return { ...groupe, routingValues, routingRule: regleDepuisValeurs(champId, routingValues) };
  });
  const edited = { ...demarche, routingChampId: champId, groupesInstructeurs: groupes };
  return edition(demarche, edited, routageView(edited));
}

/**
 * Sets (null: removes) the routing rule of one groupe: routing becomes rule-based (a rule compiled from a routing
 * champ stays, now editable as a rule). A rule tests champs of the usager's form only.
 */
export function definirRegle(
  demarche: Demarche,
  groupeId: string,
  rule: Condition | null,
): GroupesEdition<RoutageView> {
  const groupe = trouverGroupe(demarche, groupeId);
  if (rule) {
    const problemes = problemesRegleRoutage(demarche, rule);
    if (problemes.length > 0) {
      throw conditionInvalide(
        problemes,
        { groupeId },
        `La règle de routage du groupe « ${groupe.label} » est invalide`,
      );
    }
  }
  const edited: Demarche = {
    ...demarche,
    routingChampId: null,
    groupesInstructeurs: demarche.groupesInstructeurs.map((g) => ({
      ...g,
      routingValues: [],
      routingRule: g.id === groupeId ? rule : g.routingRule,
    })),
  };
  return edition(demarche, edited, routageView(edited));
}

/** Every dossier goes to the default groupe again. */
export function desactiverRoutage(demarche: Demarche): GroupesEdition<RoutageView> {
  if (modeRoutage(demarche) === 'aucun') return edition(demarche, demarche, routageView(demarche));
  const edited: Demarche = {
    ...demarche,
    routingChampId: null,
    groupesInstructeurs: demarche.groupesInstructeurs.map((g) => ({
      ...g,
      routingValues: [],
      routingRule: null,
    })),
  };
  return edition(demarche, edited, routageView(edited));
}

/** Where a dossier with these values would go: the first open groupe whose rule holds, else the default one. */
export function groupeDestination(
  demarche: Demarche,
  evaluer: (rule: Condition) => boolean,
): GroupeInstructeur {
  return (
    demarche.groupesInstructeurs.find((g) => !g.closed && g.routingRule && evaluer(g.routingRule)) ??
    groupeParDefaut(demarche)
  );
}
