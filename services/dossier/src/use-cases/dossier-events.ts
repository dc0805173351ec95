import {
  ChampType,
  champTypeFromName,
  DeletionReason as ProtoDeletionReason,
  type Demandeur as ProtoDemandeur,
  DossierState as ProtoDossierState,
  Topics,
} from '@demarches/contracts';
import { outboxEvent } from '@demarches/platform-kafka';
import type { OutboxEvent } from '@demarches/platform-mongo';
import { afficherValeur } from '../domain/champs/affichage';
import { DeletionReason, Demandeur, Dossier } from '../domain/dossier';
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

function champValues(dossier: Dossier, revision: RevisionPubliee) {
  return revision.champs.map((champ) => ({
    champId: champ.id,
    label: champ.label,
    type: champTypeFromName(champ.type) ?? ChampType.TEXT,
    // What people read (mails' balises, CSV, PDF): Oui/Non, an address's label, a name and its code (ADR 0013).
    value: afficherValeur(champ, dossier.champs[champ.id]),
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

export function toProtoDemandeur(demandeur: Demandeur | null): ProtoDemandeur | undefined {
  if (!demandeur) return undefined;
  if (demandeur.kind === 'particulier') {
    const { civilite, nom, prenom, fromFranceConnect } = demandeur;
    return { particulier: { civilite, nom, prenom, fromFranceConnect } };
  }
  const { siret, raisonSociale, naf, formeJuridique, adresse, verified } = demandeur;
  return { personneMorale: { siret, raisonSociale, naf, formeJuridique, adresse, verified } };
}

const PROTO_DELETION: Record<DeletionReason, ProtoDeletionReason> = {
  usager: ProtoDeletionReason.USAGER,
  expired: ProtoDeletionReason.EXPIRED,
  administration: ProtoDeletionReason.ADMINISTRATION,
};

/** `author` is who made the change (the owner or an invité); the owner when not given. */
export function dossierUpdated(
  dossier: Dossier,
  revision: RevisionPubliee,
  changed: string[],
  author: string = dossier.usager.email,
): OutboxEvent {
  return outboxEvent(Topics.dossier, 'DossierUpdated', dossier.id, {
    dossierId: dossier.id,
    demarcheId: dossier.demarcheId,
    state: toProtoState(dossier.state),
    changedChampIds: changed,
    champs: champValues(dossier, revision),
    updatedAt: dossier.updatedAt,
    version: dossier.version + 1,
    groupeInstructeurId: dossier.groupeInstructeurId,
    authorEmail: author.toLowerCase(),
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
    demandeur: toProtoDemandeur(dossier.demandeur),
    state: toProtoState(dossier.state),
    inviteEmails: dossier.invites.map((invite) => invite.email),
  });
}

export function dossierStateChanged(
  before: Dossier,
  after: Dossier,
  revision: RevisionPubliee,
  /** Undefined for an automatic change (déclaratif démarche, date limite). */
  instructeurEmail: string | undefined,
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

export function dossierDeleted(dossier: Dossier): OutboxEvent {
  return outboxEvent(Topics.dossier, 'DossierDeleted', dossier.id, {
    dossierId: dossier.id,
    demarcheId: dossier.demarcheId,
    state: toProtoState(dossier.state),
    reason: PROTO_DELETION[dossier.deletionReason ?? 'usager'],
    deletedAt: dossier.deletedAt ?? dossier.updatedAt,
    version: dossier.version + 1,
  });
}

export function dossierInviteAdded(dossier: Dossier, email: string): OutboxEvent {
  const invite = dossier.invites.find((candidate) => candidate.email === email);
  return outboxEvent(Topics.dossier, 'DossierInviteAdded', dossier.id, {
    dossierId: dossier.id,
    demarcheId: dossier.demarcheId,
    number: dossier.number,
    email,
    invitedByEmail: invite?.invitedBy ?? dossier.usager.email,
    message: invite?.message ?? '',
    at: invite?.invitedAt ?? dossier.updatedAt,
    version: dossier.version + 1,
  });
}

export function dossierInviteRemoved(dossier: Dossier, email: string): OutboxEvent {
  return outboxEvent(Topics.dossier, 'DossierInviteRemoved', dossier.id, {
    dossierId: dossier.id,
    demarcheId: dossier.demarcheId,
    email,
    at: dossier.updatedAt,
    version: dossier.version + 1,
  });
}
