import { ConditionOperator as ProtoOperator, type PayloadOf, Topics } from '@demarches/contracts';
import { type Condition, type ConditionOperator, isComparison } from '@demarches/formulaire';
import type { AttestationTemplate } from '../../domain/attestation';
import type { Demarche, GroupeInstructeur } from '../../domain/demarche';

/** TS ↔ proto for conditions, groupes instructeurs and the attestation template of the snapshot (ADR 0012). */

type DemarchePublishedPayload = PayloadOf<typeof Topics.procedure, 'DemarchePublished'>;
type ProtoCondition = NonNullable<DemarchePublishedPayload['champs'][number]['condition']>;
type ProtoGroupe = DemarchePublishedPayload['groupesInstructeurs'][number];
type ProtoAttestation = NonNullable<DemarchePublishedPayload['attestation']>;

const PROTO_OPERATORS: Record<ConditionOperator, ProtoOperator> = {
  equals: ProtoOperator.EQUALS,
  not_equals: ProtoOperator.NOT_EQUALS,
  less_than: ProtoOperator.LESS_THAN,
  less_or_equal: ProtoOperator.LESS_OR_EQUAL,
  greater_than: ProtoOperator.GREATER_THAN,
  greater_or_equal: ProtoOperator.GREATER_OR_EQUAL,
  includes: ProtoOperator.INCLUDES,
  is_empty: ProtoOperator.IS_EMPTY,
  is_not_empty: ProtoOperator.IS_NOT_EMPTY,
};

export function toProtoCondition(condition: Condition): ProtoCondition {
  if (isComparison(condition)) {
    return {
      comparison: {
        champId: condition.champId,
        operator: PROTO_OPERATORS[condition.operator],
        value: condition.value,
      },
    };
  }
  return 'all' in condition
    ? { all: { conditions: condition.all.map(toProtoCondition) } }
    : { any: { conditions: condition.any.map(toProtoCondition) } };
}

/** The reverse, for consumers' tests and tools; an unknown operator or an empty node is a contract error. */
export function fromProtoCondition(condition: ProtoCondition): Condition {
  if (condition.comparison) {
    const entry = Object.entries(PROTO_OPERATORS).find(
      ([, proto]) => proto === condition.comparison?.operator,
    );
    if (!entry) throw new Error(`unknown condition operator ${condition.comparison.operator}`);
    return {
      champId: condition.comparison.champId,
      operator: entry[0] as ConditionOperator,
      value: condition.comparison.value,
    };
  }
  if (condition.all) return { all: condition.all.conditions.map(fromProtoCondition) };
  if (condition.any) return { any: condition.any.conditions.map(fromProtoCondition) };
  throw new Error('empty condition node');
}

export function toProtoGroupe(groupe: GroupeInstructeur): ProtoGroupe {
  return {
    id: groupe.id,
    label: groupe.label,
    instructeurEmails: groupe.instructeurs,
    routingValues: groupe.routingValues,
    closed: groupe.closed,
    routingRule: groupe.routingRule ? toProtoCondition(groupe.routingRule) : undefined,
    contact: groupe.contact ?? undefined,
    isDefault: groupe.isDefault,
  };
}

export function toProtoAttestation(attestation: AttestationTemplate | null): ProtoAttestation | undefined {
  if (!attestation) return undefined;
  return {
    enabled: attestation.enabled,
    title: attestation.title,
    body: attestation.body,
    footer: attestation.footer,
    logoKey: attestation.logoKey ?? '',
    signatureKey: attestation.signatureKey ?? '',
    qrCode: attestation.qrCode,
  };
}

/** Instructeurs or groupes changed: identity grants the instructeur role and invites the new e-mails. */
export function groupesInstructeursChangedPayload(
  demarche: Demarche,
  invitedEmails: string[],
  at: Date,
): PayloadOf<typeof Topics.procedure, 'GroupesInstructeursChanged'> {
  return {
    demarcheId: demarche.id,
    number: demarche.number,
    title: demarche.title,
    groupesInstructeurs: demarche.groupesInstructeurs.map(toProtoGroupe),
    invitedEmails,
    at,
    version: demarche.version + 1,
  };
}
