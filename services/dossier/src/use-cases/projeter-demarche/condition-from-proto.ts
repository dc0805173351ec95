import { type Condition as ProtoCondition, ConditionOperator as ProtoOperator } from '@demarches/contracts';
import { CONDITION_OPERATORS, type Condition, type ConditionOperator } from '@demarches/formulaire';

const PREFIX = 'CONDITION_OPERATOR_';

function operatorFromProto(operator: ProtoOperator): ConditionOperator | null {
  const name = String(operator).startsWith(PREFIX) ? String(operator).slice(PREFIX.length).toLowerCase() : '';
  return (CONDITION_OPERATORS as readonly string[]).includes(name) ? (name as ConditionOperator) : null;
}

/**
 * The proto Condition (oneof all / any / comparison) in the shape @demarches/formulaire evaluates. An empty node or
 * an unknown operator (a newer form-builder) becomes null: a rule dossier cannot read never routes anything.
 */
export function conditionFromProto(condition: ProtoCondition | undefined): Condition | null {
  if (!condition) return null;
  if (condition.all) {
    const all = condition.all.conditions.map(conditionFromProto);
    return all.every((child) => child !== null) ? { all: all as Condition[] } : null;
  }
  if (condition.any) {
    const any = condition.any.conditions.map(conditionFromProto);
    return any.every((child) => child !== null) ? { any: any as Condition[] } : null;
  }
  if (condition.comparison) {
    const operator = operatorFromProto(condition.comparison.operator);
    if (!operator) return null;
    return { champId: condition.comparison.champId, operator, value: condition.comparison.value };
  }
  return null;
}
