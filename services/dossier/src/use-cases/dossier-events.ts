import {
  ChampType,
  champTypeFromName,
  DossierState as ProtoDossierState,
  Topics,
} from '@demarches/contracts';
import { outboxEvent } from '@demarches/platform-kafka';
import type { OutboxEvent } from '@demarches/platform-mongo';
import { ChampValue } from '../domain/champ-validation';
import { Dossier } from '../domain/dossier';
import { DossierState } from '../domain/dossier-state';
import { RevisionPubliee } from '../domain/revision';

// Builders of the events dossier publishes, carrying what instruction, messaging, notification and export need.
// `version` is the aggregate version after the write, which projections use to ignore stale or repeated events.

const PROTO_STATE: Record<DossierState, ProtoDossierState> = {
  brouillon: ProtoDossierState.BROUILLON,
  en_construction: ProtoDossierState.EN_CONSTRUCTION,
  en_instruction: ProtoDossierState.EN_INSTRUCTION,
  accepte: ProtoDossierState.ACCEPTE,
  refuse: ProtoDossierState.REFUSE,
  sans_suite: ProtoDossierState.SANS_SUITE,
};

export function toProtoState(state: DossierState): ProtoDossierState {
  return PROTO_STATE[state];
}

function serialise(value: ChampValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join(', ');
  return typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value);
}

function champValues(dossier: Dossier, revision: RevisionPubliee) {
  return revision.champs.map((champ) => ({
    champId: champ.id,
    label: champ.label,
    type: champTypeFromName(champ.type) ?? ChampType.TEXT,
    value: serialise(dossier.champs[champ.id]),
  }));
}

export function dossierCreated(dossier: Dossier, revision: RevisionPubliee): OutboxEvent {
  return outboxEvent(Topics.dossier, 'DossierCreated', dossier.id, {
    dossierId: dossier.id,
    number: dossier.number,
    demarcheId: dossier.demarcheId,
    demarcheNumber: revision.demarcheNumber,
    revisionId: dossier.revisionId,
    usagerSub: dossier.usager.sub,
    createdAt: dossier.createdAt,
    version: dossier.version + 1,
  });
}

export function dossierUpdated(dossier: Dossier, revision: RevisionPubliee, changed: string[]): OutboxEvent {
  return outboxEvent(Topics.dossier, 'DossierUpdated', dossier.id, {
    dossierId: dossier.id,
    demarcheId: dossier.demarcheId,
    state: toProtoState(dossier.state),
    changedChampIds: changed,
    champs: champValues(dossier, revision),
    updatedAt: dossier.updatedAt,
    version: dossier.version + 1,
    groupeInstructeurId: dossier.groupeInstructeurId,
    authorEmail: dossier.usager.email,
  });
}

export function dossierDeposited(dossier: Dossier, revision: RevisionPubliee): OutboxEvent {
  return outboxEvent(Topics.dossier, 'DossierDeposited', dossier.id, {
    dossierId: dossier.id,
    number: dossier.number,
    usagerEmail: dossier.usager.email,
    demarcheId: dossier.demarcheId,
    demarcheNumber: revision.demarcheNumber,
    demarcheTitle: revision.title,
    revisionId: dossier.revisionId,
    groupeInstructeurId: dossier.groupeInstructeurId,
    champs: champValues(dossier, revision),
    depositedAt: dossier.depositedAt ?? dossier.updatedAt,
    version: dossier.version + 1,
    usagerSub: dossier.usager.sub,
    demandeur: undefined,
    state: toProtoState(dossier.state),
    inviteEmails: [],
  });
}

export function dossierStateChanged(
  before: Dossier,
  after: Dossier,
  revision: RevisionPubliee,
  instructeurEmail: string,
): OutboxEvent {
  return outboxEvent(Topics.dossier, 'DossierStateChanged', after.id, {
    dossierId: after.id,
    number: after.number,
    demarcheId: after.demarcheId,
    demarcheNumber: revision.demarcheNumber,
    groupeInstructeurId: after.groupeInstructeurId,
    usagerEmail: after.usager.email,
    from: toProtoState(before.state),
    to: toProtoState(after.state),
    motivation: after.motivation ?? undefined,
    instructeurEmail,
    at: after.updatedAt,
    version: after.version + 1,
  });
}
