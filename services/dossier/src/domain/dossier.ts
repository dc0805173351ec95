import { randomUUID } from 'node:crypto';
import { DossierErrorCode, DossierException } from '../dossier.exception';
import {
  ChampProblem,
  ChampValue,
  normaliserValeurs,
  preparerDepot,
  problemesAuDepot,
} from './champ-validation';
import { evaluerCondition } from '@demarches/formulaire';
import { ActionInstructeur, autoriser, DossierState, OperationSysteme, transition } from './dossier-state';
import { RevisionPubliee } from './revision';

export interface Usager {
  sub: string;
  email: string;
}

/** One line of the dossier's history: who did what, when (audit, and what instructeurs see). */
export interface HistoryEntry {
  at: Date;
  by: string;
  action:
    | 'creer'
    | 'modifier'
    | 'deposer'
    | 'renseigner_identite'
    | 'confirmer_identite'
    | 'inviter'
    | 'revoquer_invitation'
    | 'supprimer'
    | 'reaffecter'
    | ActionInstructeur
    | OperationSysteme;
  from: DossierState | null;
  to: DossierState;
  motivation?: string;
  /** Champs changed by a `modifier` entry, so instructeurs see what changed after the dépôt. */
  champIds?: string[];
  /** The groupe the dossier went to when this change re-routed it. */
  groupeInstructeurId?: string;
  /** The invité concerned by `inviter` / `revoquer_invitation`. */
  email?: string;
}

/** The identity step (DS « individual » / « etablissement »). */
export interface DemandeurParticulier {
  kind: 'particulier';
  civilite: 'M.' | 'Mme';
  nom: string;
  prenom: string;
  fromFranceConnect: boolean;
}

export interface DemandeurPersonneMorale {
  kind: 'personne_morale';
  siret: string;
  raisonSociale: string;
  naf: string;
  formeJuridique: string;
  adresse: string;
  /** False in degraded mode: API Entreprise was unreachable, the usager continued with the SIRET alone. */
  verified: boolean;
  /** The usager confirmed the retrieved information (required before the dépôt). */
  confirmed: boolean;
}

export type Demandeur = DemandeurParticulier | DemandeurPersonneMorale;

/** The establishment information found for a SIRET (or only the SIRET in degraded mode). */
export type Etablissement = Omit<DemandeurPersonneMorale, 'kind' | 'confirmed'>;

/** A co-author (DS « invité »): linked to an account by its e-mail. */
export interface Invite {
  email: string;
  message: string;
  invitedBy: string;
  invitedAt: Date;
}

export type DeletionReason = 'usager' | 'expired' | 'administration';

export interface Dossier {
  id: string;
  number: number;
  demarcheId: string;
  revisionId: string;
  state: DossierState;
  usager: Usager;
  champs: Record<string, ChampValue>;
  groupeInstructeurId: string;
  motivation: string | null;
  createdAt: Date;
  updatedAt: Date;
  depositedAt: Date | null;
  instructionStartedAt: Date | null;
  decidedAt: Date | null;
  history: HistoryEntry[];
  /** Started from the test link of a démarche en test: deleted when the démarche is really published. */
  test: boolean;
  demandeur: Demandeur | null;
  invites: Invite[];
  /** Set when the dossier was deleted: only this tombstone remains (its events still leave through the outbox). */
  deletedAt: Date | null;
  deletionReason: DeletionReason | null;
  /** When the usager of a brouillon was warned of its coming deletion (retention, src/echeances). */
  expirationNotifiedAt?: Date | null;
  version: number;
}

const EDITABLE: ReadonlySet<DossierState> = new Set(['brouillon', 'en_construction']);

function assertNonClose(revision: RevisionPubliee, now: Date): void {
  if (revision.state === 'close' || revision.state === 'supprimee') {
    throw new DossierException(
      DossierErrorCode.DEMARCHE_CLOSE,
      'conflict',
      "Cette démarche est close : il n'est plus possible de déposer un dossier.",
      { demarcheId: revision.demarcheId },
    );
  }
  if (revision.dateLimite && now.getTime() >= new Date(revision.dateLimite).getTime()) {
    throw new DossierException(
      DossierErrorCode.DATE_LIMITE_DEPASSEE,
      'conflict',
      `La date limite de dépôt de cette démarche est dépassée (${new Date(revision.dateLimite).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })}) : il n'est plus possible de déposer un dossier.`,
      { demarcheId: revision.demarcheId, dateLimite: revision.dateLimite },
    );
  }
}

/** A new dossier may start only on an open démarche: published (or en test, for its administrateurs). */
export function assertOuverteAuxNouveauxDossiers(revision: RevisionPubliee, now: Date): void {
  assertNonClose(revision, now);
  if (revision.state === 'depubliee') {
    throw new DossierException(
      DossierErrorCode.DEMARCHE_DEPUBLIEE,
      'conflict',
      "Cette démarche n'est plus publiée : il n'est pas possible de commencer un nouveau dossier.",
      { demarcheId: revision.demarcheId },
    );
  }
}

export function creerDossier(
  revision: RevisionPubliee,
  usager: Usager,
  number: number,
  now: Date,
  options: { test?: boolean } = {},
): Dossier {
  assertOuverteAuxNouveauxDossiers(revision, now);
  return {
    id: randomUUID(),
    number,
    demarcheId: revision.demarcheId,
    revisionId: revision.revisionId,
    state: 'brouillon',
    usager: { sub: usager.sub, email: usager.email.toLowerCase() },
    champs: {},
    groupeInstructeurId: revision.groupeInstructeurDefautId,
    motivation: null,
    createdAt: now,
    updatedAt: now,
    depositedAt: null,
    instructionStartedAt: null,
    decidedAt: null,
    history: [{ at: now, by: usager.email, action: 'creer', from: null, to: 'brouillon' }],
    test: options.test ?? false,
    demandeur: null,
    invites: [],
    deletedAt: null,
    deletionReason: null,
    version: 0,
  };
}

/**
 * The groupe instructeur of a dossier: the open groupe whose routing values hold the routing champ's value, else
 * the first open groupe whose routing rule holds, else the default groupe.
 */
export function router(revision: RevisionPubliee, champs: Record<string, ChampValue>): string {
  const groupes = (revision.groupes ?? []).filter((groupe) => !groupe.closed);
  const champId = revision.routingChampId;
  if (champId) {
    const raw = champs[champId];
    const values: string[] = Array.isArray(raw)
      ? raw.filter((item): item is string => typeof item === 'string')
      : typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean'
        ? [String(raw)]
        : [];
    const byValue = groupes.find((groupe) => groupe.routingValues.some((value) => values.includes(value)));
    if (byValue) return byValue.id;
  }
  const byRule = groupes.find(
    (groupe) => groupe.routingRule !== null && evaluerCondition(groupe.routingRule, champs),
  );
  if (byRule) return byRule.id;
  const defaut = (revision.groupes ?? []).find((groupe) => groupe.isDefault);
  return defaut?.id ?? revision.groupeInstructeurDefautId;
}

/** Saving a draft never requires mandatory values, but every value given must be valid for its champ. */
export function enregistrerChamps(
  dossier: Dossier,
  revision: RevisionPubliee,
  values: Record<string, unknown>,
  by: string,
  now: Date,
): Dossier {
  if (!EDITABLE.has(dossier.state)) {
    throw new DossierException(
      DossierErrorCode.DOSSIER_NOT_EDITABLE,
      'conflict',
      'Ce dossier ne peut plus être modifié : il est en instruction ou a été traité.',
      { state: dossier.state },
    );
  }
  const byId = new Map(revision.champs.map((champ) => [champ.id, champ]));
  const unknown = Object.keys(values).filter((id) => !byId.has(id));
  if (unknown.length > 0) {
    throw new DossierException(
      DossierErrorCode.CHAMP_UNKNOWN,
      'invalid',
      "Ces champs n'existent pas dans ce formulaire.",
      {
        champIds: unknown,
      },
    );
  }
  // Every value given must have its champ's shape; it is stored normalised (ADR 0013). Nothing is required yet.
  const { values: normalised, problems } = normaliserValeurs(revision.champs, values);
  if (problems.length > 0) {
    throw new DossierException(
      DossierErrorCode.CHAMP_INVALID,
      'invalid',
      problems.map((p) => p.reason).join(' ; '),
      {
        problems,
      },
    );
  }
  const changed = Object.keys(values);
  const champs = { ...dossier.champs, ...normalised };
  if (dossier.state === 'en_construction') assertResteComplet(revision, dossier.champs, champs);
  // En construction the dossier is already with a groupe: a change of the routing champ (or of a value a routing
  // rule reads) sends it to the groupe the routing now designates.
  const groupe = dossier.state === 'en_construction' ? router(revision, champs) : dossier.groupeInstructeurId;
  const rerouted = groupe !== dossier.groupeInstructeurId;
  return {
    ...dossier,
    champs,
    groupeInstructeurId: groupe,
    updatedAt: now,
    // Edits after dépôt are recorded so instructeurs can see what changed (seed: dossier en construction).
    history:
      dossier.state === 'en_construction'
        ? [
            ...dossier.history,
            {
              at: now,
              by,
              action: 'modifier',
              from: dossier.state,
              to: dossier.state,
              champIds: changed,
              ...(rerouted ? { groupeInstructeurId: groupe } : {}),
            },
          ]
        : dossier.history,
  };
}

/**
 * A deposited dossier stays complete: an edit en construction may not empty a mandatory champ, nor reveal (through a
 * condition) a mandatory champ it leaves empty. Problems the dossier already had are not the edit's fault.
 */
function assertResteComplet(
  revision: RevisionPubliee,
  before: Record<string, ChampValue>,
  after: Record<string, ChampValue>,
): void {
  const where = (p: ChampProblem) => `${p.repetitionId ?? ''}/${p.row ?? 0}/${p.champId}`;
  const existing = new Set(problemesAuDepot(revision.champs, before).map(where));
  const introduced = problemesAuDepot(revision.champs, after).filter((p) => !existing.has(where(p)));
  if (introduced.length > 0) {
    throw new DossierException(
      DossierErrorCode.DOSSIER_INCOMPLETE,
      'invalid',
      `Ce dossier est déposé : la modification le rendrait incomplet (${introduced.map((p) => p.reason).join(' ; ')}).`,
      { problems: introduced },
    );
  }
}

export function deposer(dossier: Dossier, revision: RevisionPubliee, by: string, now: Date): Dossier {
  if (dossier.state !== 'brouillon') {
    throw new DossierException(
      DossierErrorCode.TRANSITION_INTERDITE,
      'conflict',
      'Ce dossier a déjà été déposé.',
      {
        state: dossier.state,
      },
    );
  }
  // A dépubliée démarche still takes the dépôt of its drafts (reference); a closed one or one past its date limite
  // does not.
  assertNonClose(revision, now);
  assertIdentiteComplete(dossier, revision);
  // Champs hidden by their condition are neither required nor kept (seed: logique conditionnelle).
  const { values: champsDeposes, problems } = preparerDepot(revision.champs, dossier.champs);
  if (problems.length > 0) {
    throw new DossierException(
      DossierErrorCode.DOSSIER_INCOMPLETE,
      'invalid',
      `Le dossier ne peut pas être déposé : ${problems.map((p) => p.reason).join(' ; ')}.`,
      { problems },
    );
  }
  const depose: Dossier = {
    ...dossier,
    state: 'en_construction',
    champs: champsDeposes,
    groupeInstructeurId: router(revision, champsDeposes),
    depositedAt: now,
    updatedAt: now,
    history: [
      ...dossier.history,
      { at: now, by, action: 'deposer', from: 'brouillon', to: 'en_construction' },
    ],
  };
  // Déclaratif démarche: the dossier goes straight en instruction or accepté, as the system.
  if (revision.declarativeMode === 'en_instruction') {
    return appliquerOperationSysteme(depose, 'passer_automatiquement_en_instruction', now);
  }
  if (revision.declarativeMode === 'accepte') {
    return appliquerOperationSysteme(depose, 'accepter_automatiquement', now);
  }
  return depose;
}

/** The system's automatic moves: déclaratif dépôt, date limite reached. Recorded as done by « système ». */
export function appliquerOperationSysteme(dossier: Dossier, operation: OperationSysteme, now: Date): Dossier {
  const to = autoriser('systeme', operation, dossier.state, dossier.id);
  return {
    ...dossier,
    state: to,
    instructionStartedAt: dossier.instructionStartedAt ?? now,
    decidedAt: to === 'accepte' ? now : null,
    updatedAt: now,
    history: [...dossier.history, { at: now, by: 'systeme', action: operation, from: dossier.state, to }],
  };
}

function assertIdentiteComplete(dossier: Dossier, revision: RevisionPubliee): void {
  const attendu = revision.publicCible ?? 'particulier';
  const demandeur = dossier.demandeur;
  if (!demandeur || demandeur.kind !== attendu) {
    throw new DossierException(
      DossierErrorCode.IDENTITE_A_CONFIRMER,
      'invalid',
      attendu === 'particulier'
        ? 'Le dossier ne peut pas être déposé : renseignez d’abord votre identité (civilité, nom, prénom).'
        : 'Le dossier ne peut pas être déposé : renseignez d’abord le SIRET de votre établissement.',
      { publicCible: attendu },
    );
  }
  if (demandeur.kind === 'personne_morale' && !demandeur.confirmed) {
    throw new DossierException(
      DossierErrorCode.IDENTITE_A_CONFIRMER,
      'invalid',
      'Le dossier ne peut pas être déposé : confirmez d’abord les informations de votre établissement.',
      { siret: demandeur.siret },
    );
  }
}

export function appliquerAction(
  dossier: Dossier,
  action: ActionInstructeur,
  by: string,
  motivation: string | undefined,
  now: Date,
): Dossier {
  const to = transition(dossier.state, action, motivation);
  const decided = to === 'accepte' || to === 'refuse' || to === 'sans_suite';
  return {
    ...dossier,
    state: to,
    motivation: decided ? (motivation?.trim() ?? null) : null,
    instructionStartedAt: action === 'passer_en_instruction' ? now : dossier.instructionStartedAt,
    decidedAt: decided ? now : null,
    updatedAt: now,
    history: [
      ...dossier.history,
      {
        at: now,
        by,
        action,
        from: dossier.state,
        to,
        ...(motivation?.trim() ? { motivation: motivation.trim() } : {}),
      },
    ],
  };
}

export function assertProprietaire(dossier: Dossier, sub: string): void {
  if (dossier.usager.sub !== sub) throw DossierException.notFound(dossier.id);
}

/** The owner (by subject), an invité (by e-mail), or a tiers who must not learn the dossier exists. */
export function acteurUsager(
  dossier: Dossier,
  identity: { sub: string; email: string },
): 'proprietaire' | 'invite' | 'tiers' {
  if (dossier.deletedAt) return 'tiers';
  if (dossier.usager.sub === identity.sub) return 'proprietaire';
  const email = identity.email.toLowerCase();
  return dossier.invites.some((invite) => invite.email === email) ? 'invite' : 'tiers';
}

function historique(dossier: Dossier, entry: Omit<HistoryEntry, 'from' | 'to'>): HistoryEntry[] {
  return [...dossier.history, { ...entry, from: dossier.state, to: dossier.state }];
}

export function renseignerParticulier(
  dossier: Dossier,
  revision: RevisionPubliee,
  identite: { civilite: 'M.' | 'Mme'; nom: string; prenom: string; fromFranceConnect: boolean },
  by: string,
  now: Date,
): Dossier {
  assertPublic(revision, 'particulier');
  return {
    ...dossier,
    demandeur: {
      kind: 'particulier',
      civilite: identite.civilite,
      nom: identite.nom.trim(),
      prenom: identite.prenom.trim(),
      fromFranceConnect: identite.fromFranceConnect,
    },
    updatedAt: now,
    history: historique(dossier, { at: now, by, action: 'renseigner_identite' }),
  };
}

/** Stores what API Entreprise returned (or the SIRET alone in degraded mode); the usager confirms it next. */
export function renseignerPersonneMorale(
  dossier: Dossier,
  revision: RevisionPubliee,
  etablissement: Etablissement,
  by: string,
  now: Date,
): Dossier {
  assertPublic(revision, 'personne_morale');
  return {
    ...dossier,
    demandeur: { kind: 'personne_morale', ...etablissement, confirmed: false },
    updatedAt: now,
    history: historique(dossier, { at: now, by, action: 'renseigner_identite' }),
  };
}

export function confirmerPersonneMorale(dossier: Dossier, siret: string, by: string, now: Date): Dossier {
  const demandeur = dossier.demandeur;
  if (!demandeur || demandeur.kind !== 'personne_morale' || demandeur.siret !== siret) {
    throw new DossierException(
      DossierErrorCode.IDENTITE_A_CONFIRMER,
      'conflict',
      "Ce SIRET n'est pas celui renseigné sur le dossier : renseignez-le à nouveau avant de le confirmer.",
      { siret },
    );
  }
  return {
    ...dossier,
    demandeur: { ...demandeur, confirmed: true },
    updatedAt: now,
    history: historique(dossier, { at: now, by, action: 'confirmer_identite' }),
  };
}

function assertPublic(revision: RevisionPubliee, attendu: 'particulier' | 'personne_morale'): void {
  const publicCible = revision.publicCible ?? 'particulier';
  if (publicCible !== attendu) {
    throw new DossierException(
      DossierErrorCode.IDENTITE_INCOMPATIBLE,
      'invalid',
      publicCible === 'particulier'
        ? 'Cette démarche s’adresse aux particuliers : renseignez une civilité, un nom et un prénom.'
        : 'Cette démarche s’adresse aux personnes morales : renseignez le SIRET de votre établissement.',
      { publicCible },
    );
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function inviter(dossier: Dossier, email: string, message: string, by: string, now: Date): Dossier {
  const normalised = email.trim().toLowerCase();
  if (!EMAIL.test(normalised)) {
    throw new DossierException(
      DossierErrorCode.INVITATION_INVALIDE,
      'invalid',
      `« ${email} » n'est pas une adresse e-mail valide.`,
      { email },
    );
  }
  if (normalised === dossier.usager.email) {
    throw new DossierException(
      DossierErrorCode.INVITATION_INVALIDE,
      'invalid',
      'Vous ne pouvez pas vous inviter vous-même sur votre dossier.',
      { email },
    );
  }
  if (dossier.invites.some((invite) => invite.email === normalised)) {
    throw new DossierException(
      DossierErrorCode.INVITATION_INVALIDE,
      'conflict',
      `${normalised} est déjà invité sur ce dossier.`,
      { email: normalised },
    );
  }
  return {
    ...dossier,
    invites: [
      ...dossier.invites,
      { email: normalised, message: message.trim(), invitedBy: by, invitedAt: now },
    ],
    updatedAt: now,
    history: historique(dossier, { at: now, by, action: 'inviter', email: normalised }),
  };
}

export function revoquerInvitation(dossier: Dossier, email: string, by: string, now: Date): Dossier {
  const normalised = email.trim().toLowerCase();
  if (!dossier.invites.some((invite) => invite.email === normalised)) {
    throw new DossierException(
      DossierErrorCode.INVITATION_INCONNUE,
      'not_found',
      `${normalised} n'est pas invité sur ce dossier.`,
      { email: normalised },
    );
  }
  return {
    ...dossier,
    invites: dossier.invites.filter((invite) => invite.email !== normalised),
    updatedAt: now,
    history: historique(dossier, { at: now, by, action: 'revoquer_invitation', email: normalised }),
  };
}

/**
 * Deletes a dossier, keeping a tombstone: the identity of the dossier, its démarche, its state and dates, without
 * any value the usager entered (RGPD). The tombstone carries the DossierDeleted event out through the outbox.
 */
export function supprimer(dossier: Dossier, reason: DeletionReason, by: string, now: Date): Dossier {
  return {
    ...dossier,
    champs: {},
    demandeur: null,
    invites: [],
    motivation: null,
    updatedAt: now,
    deletedAt: now,
    deletionReason: reason,
    history: historique(dossier, { at: now, by, action: 'supprimer' }),
  };
}

/**
 * When the administrateurs delete a groupe instructeur, its dossiers go to the démarche's default groupe (ADR 0012),
 * so no dossier is left without instructeurs. Returns null when the dossier's groupe still exists.
 */
export function reaffecterSiGroupeSupprime(
  dossier: Dossier,
  revision: RevisionPubliee,
  now: Date,
): Dossier | null {
  if (dossier.demarcheId !== revision.demarcheId || dossier.deletedAt) return null;
  const groupes = revision.groupes ?? [];
  if (groupes.length === 0 || groupes.some((groupe) => groupe.id === dossier.groupeInstructeurId))
    return null;
  const groupe = revision.groupeInstructeurDefautId;
  if (!groupe) return null;
  return {
    ...dossier,
    groupeInstructeurId: groupe,
    updatedAt: now,
    history: historique(dossier, {
      at: now,
      by: 'administration',
      action: 'reaffecter',
      groupeInstructeurId: groupe,
    }),
  };
}
