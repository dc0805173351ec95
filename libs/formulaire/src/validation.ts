import { CONDITION_OPERATORS, ChampComparison, Condition, isComparison, operateursPour } from './condition';

/** A champ as a condition refers to it. */
export interface ChampReference {
  id: string;
  type: string;
  label?: string;
  options: readonly string[];
}

export type ConditionProblemCode =
  'CHAMP_INCONNU' | 'CHAMP_POSTERIEUR' | 'OPERATEUR_INCOMPATIBLE' | 'VALEUR_INVALIDE' | 'CONDITION_VIDE';

export interface ConditionProblem {
  code: ConditionProblemCode;
  champId?: string;
  message: string;
}

const SANS_OPERANDE = new Set(['is_empty', 'is_not_empty']);
const BOOLEENS = new Set(['true', 'false']);
const SEPARATEUR = /^--.*--$/;

function nom(champ: ChampReference): string {
  return champ.label ? `« ${champ.label} »` : `le champ ${champ.id}`;
}

function problemeOperande(comparison: ChampComparison, champ: ChampReference): ConditionProblem | null {
  if (SANS_OPERANDE.has(comparison.operator)) return null;
  const value = comparison.value.trim();
  const invalid = (why: string): ConditionProblem => ({
    code: 'VALEUR_INVALIDE',
    champId: champ.id,
    message: `La valeur « ${comparison.value} » comparée à ${nom(champ)} ${why}.`,
  });
  switch (champ.type) {
    case 'yes_no':
    case 'checkbox':
      return BOOLEENS.has(value) ? null : invalid('doit être « true » ou « false »');
    case 'integer_number':
    case 'decimal_number':
      return value !== '' && Number.isFinite(Number(value.replace(',', '.')))
        ? null
        : invalid('doit être un nombre');
    case 'drop_down_list':
    case 'multiple_drop_down_list':
      return champ.options.includes(value) && !SEPARATEUR.test(value)
        ? null
        : invalid("n'est pas un choix de la liste");
    case 'civilite':
      return value === 'M.' || value === 'Mme' ? null : invalid('doit être « M. » ou « Mme »');
    default:
      return value === '' ? invalid('est vide') : null;
  }
}

function validerComparaison(
  comparison: ChampComparison,
  precedents: ReadonlyMap<string, ChampReference>,
  tous: ReadonlyMap<string, ChampReference>,
): ConditionProblem[] {
  const champ = precedents.get(comparison.champId);
  if (!champ) {
    const later = tous.get(comparison.champId);
    return [
      later
        ? {
            code: 'CHAMP_POSTERIEUR',
            champId: comparison.champId,
            message: `La condition porte sur ${nom(later)}, placé après ce champ : une condition ne peut dépendre que de champs précédents.`,
          }
        : {
            code: 'CHAMP_INCONNU',
            champId: comparison.champId,
            message: `La condition porte sur un champ qui n'existe pas (ou plus) dans ce formulaire.`,
          },
    ];
  }
  const allowed = operateursPour(champ.type);
  if (
    !(CONDITION_OPERATORS as readonly string[]).includes(comparison.operator) ||
    !allowed.includes(comparison.operator)
  ) {
    return [
      {
        code: 'OPERATEUR_INCOMPATIBLE',
        champId: champ.id,
        message:
          allowed.length === 0
            ? `${nom(champ)} (type ${champ.type}) ne peut pas servir de condition.`
            : `L'opérateur « ${comparison.operator} » ne s'applique pas à ${nom(champ)} ; opérateurs possibles : ${allowed.join(', ')}.`,
      },
    ];
  }
  const probleme = problemeOperande(comparison, champ);
  return probleme ? [probleme] : [];
}

/**
 * Every problem of a condition placed on a champ: `precedents` are the champs placed before it (the only ones it may
 * test), `tous` every champ of the form (to tell a later champ from a deleted one). An empty list means valid.
 */
export function validerCondition(
  condition: Condition,
  precedents: readonly ChampReference[],
  tous: readonly ChampReference[],
): ConditionProblem[] {
  const before = new Map(precedents.map((champ) => [champ.id, champ]));
  const all = new Map(tous.map((champ) => [champ.id, champ]));
  const visit = (node: Condition): ConditionProblem[] => {
    if (isComparison(node)) return validerComparaison(node, before, all);
    const children = 'all' in node ? node.all : node.any;
    if (children.length === 0) {
      return [
        {
          code: 'CONDITION_VIDE',
          message: 'Un groupe « et » / « ou » doit contenir au moins une comparaison.',
        },
      ];
    }
    return children.flatMap(visit);
  };
  return visit(condition);
}

/** The champ ids a condition reads (to refuse deleting or moving a champ others depend on). */
export function champsReferences(condition: Condition): Set<string> {
  if (isComparison(condition)) return new Set([condition.champId]);
  const children = 'all' in condition ? condition.all : condition.any;
  return new Set(children.flatMap((child) => [...champsReferences(child)]));
}
