import { DossierErrorCode, DossierException } from '../dossier.exception';

export type DossierState =
  'brouillon' | 'en_construction' | 'en_instruction' | 'accepte' | 'refuse' | 'sans_suite';

export const ETATS_TERMINES: ReadonlySet<DossierState> = new Set(['accepte', 'refuse', 'sans_suite']);

/** The actions an instructeur may ask for, with the reference's rules (seed: "Tutoriel instructeur"). */
export type ActionInstructeur =
  | 'passer_en_instruction'
  | 'repasser_en_construction'
  | 'accepter'
  | 'refuser'
  | 'classer_sans_suite'
  | 'repasser_en_instruction';

interface Transition {
  from: readonly DossierState[];
  to: DossierState;
  /** Motivation obligatoire pour un refus ou un classement sans suite; optionnelle pour une acceptation. */
  motivationRequired: boolean;
}

const TRANSITIONS: Record<ActionInstructeur, Transition> = {
  passer_en_instruction: { from: ['en_construction'], to: 'en_instruction', motivationRequired: false },
  repasser_en_construction: { from: ['en_instruction'], to: 'en_construction', motivationRequired: false },
  accepter: { from: ['en_instruction'], to: 'accepte', motivationRequired: false },
  refuser: { from: ['en_instruction'], to: 'refuse', motivationRequired: true },
  classer_sans_suite: { from: ['en_instruction'], to: 'sans_suite', motivationRequired: true },
  repasser_en_instruction: {
    from: ['accepte', 'refuse', 'sans_suite'],
    to: 'en_instruction',
    motivationRequired: false,
  },
};

export const ACTIONS_INSTRUCTEUR = Object.keys(TRANSITIONS) as ActionInstructeur[];

const LIBELLES: Record<DossierState, string> = {
  brouillon: 'brouillon',
  en_construction: 'en construction',
  en_instruction: 'en instruction',
  accepte: 'accepté',
  refuse: 'refusé',
  sans_suite: 'classé sans suite',
};

export function libelleEtat(state: DossierState): string {
  return LIBELLES[state];
}

/** Returns the state an action leads to, or explains in plain words why it is not allowed now. */
export function transition(
  current: DossierState,
  action: ActionInstructeur,
  motivation: string | undefined,
): DossierState {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(current)) {
    throw new DossierException(
      DossierErrorCode.TRANSITION_INTERDITE,
      'conflict',
      `Action « ${action.replace(/_/g, ' ')} » impossible : le dossier est ${libelleEtat(current)}.`,
      { action, state: current },
    );
  }
  if (rule.motivationRequired && !motivation?.trim()) {
    throw new DossierException(
      DossierErrorCode.MOTIVATION_REQUIRED,
      'invalid',
      'Une motivation est obligatoire pour refuser ou classer sans suite un dossier.',
      { action },
    );
  }
  return rule.to;
}

/** Who acts on a dossier. `tiers` is anybody else: they get the answer given for a dossier that does not exist. */
export type Acteur = 'proprietaire' | 'invite' | 'instructeur' | 'systeme' | 'tiers';

export const ACTEURS: readonly Acteur[] = ['proprietaire', 'invite', 'instructeur', 'systeme', 'tiers'];

/** What the usager's side may do (owner, and for `modifier` an invité too). */
export type OperationUsager =
  'modifier' | 'renseigner_identite' | 'deposer' | 'supprimer' | 'inviter' | 'revoquer_invitation';

/** Automatic moves (déclaratif démarche, date limite reached). */
export type OperationSysteme = 'passer_automatiquement_en_instruction' | 'accepter_automatiquement';

export type Operation = OperationUsager | ActionInstructeur | OperationSysteme;

export const ETATS: readonly DossierState[] = [
  'brouillon',
  'en_construction',
  'en_instruction',
  'accepte',
  'refuse',
  'sans_suite',
];

interface Regle {
  acteurs: readonly Acteur[];
  from: readonly DossierState[];
  /** The state after the operation; absent = unchanged (or the dossier is deleted for `supprimer`). */
  to?: DossierState;
}

const EDITION: readonly DossierState[] = ['brouillon', 'en_construction'];

/**
 * Every operation with who may do it and from which states (reference: features.md §(c) and the seed's tutorials).
 * An invité views and edits but never deposits, deletes or invites; instructeurs never see brouillons.
 */
export const REGLES: Readonly<Record<Operation, Regle>> = {
  modifier: { acteurs: ['proprietaire', 'invite'], from: EDITION },
  renseigner_identite: { acteurs: ['proprietaire'], from: EDITION },
  deposer: { acteurs: ['proprietaire'], from: ['brouillon'], to: 'en_construction' },
  supprimer: { acteurs: ['proprietaire'], from: EDITION },
  inviter: { acteurs: ['proprietaire'], from: EDITION },
  revoquer_invitation: { acteurs: ['proprietaire'], from: ETATS },
  ...(Object.fromEntries(
    Object.entries(TRANSITIONS).map(([action, rule]) => [
      action,
      { acteurs: ['instructeur'], from: rule.from, to: rule.to },
    ]),
  ) as unknown as Record<ActionInstructeur, Regle>),
  passer_automatiquement_en_instruction: {
    acteurs: ['systeme'],
    from: ['en_construction'],
    to: 'en_instruction',
  },
  accepter_automatiquement: {
    acteurs: ['systeme'],
    from: ['en_construction', 'en_instruction'],
    to: 'accepte',
  },
};

export const OPERATIONS = Object.keys(REGLES) as Operation[];

const REFUS_ACTEUR: Partial<Record<Acteur, string>> = {
  invite:
    "Seul l'usager à l'origine du dossier peut faire cela : une personne invitée peut consulter et modifier le dossier, mais ni le déposer, ni le supprimer, ni inviter.",
  instructeur: "Cette action appartient à l'usager du dossier.",
  systeme: 'Cette action ne peut pas être automatique.',
  proprietaire: "Cette action appartient à l'administration.",
};

/**
 * Checks that `acteur` may do `operation` on a dossier in `state`, and returns the state it leads to. Someone who
 * has nothing to do with the dossier (and an instructeur on a brouillon) gets DOSSIER_NOT_FOUND, never a hint.
 */
export function autoriser(
  acteur: Acteur,
  operation: Operation,
  state: DossierState,
  dossierId = '',
): DossierState {
  const regle = REGLES[operation];
  if (acteur === 'tiers' || (acteur === 'instructeur' && state === 'brouillon')) {
    throw DossierException.notFound(dossierId);
  }
  if (!regle.acteurs.includes(acteur)) {
    throw new DossierException(
      DossierErrorCode.ACTION_NON_AUTORISEE,
      'forbidden',
      REFUS_ACTEUR[acteur] ?? 'Action non autorisée.',
      { operation, acteur },
    );
  }
  if (!regle.from.includes(state)) {
    if (operation === 'modifier' || operation === 'renseigner_identite') {
      throw new DossierException(
        DossierErrorCode.DOSSIER_NOT_EDITABLE,
        'conflict',
        'Ce dossier ne peut plus être modifié : il est en instruction ou a été traité.',
        { state },
      );
    }
    throw new DossierException(
      DossierErrorCode.TRANSITION_INTERDITE,
      'conflict',
      `Action « ${operation.replace(/_/g, ' ')} » impossible : le dossier est ${libelleEtat(state)}.`,
      { action: operation, state },
    );
  }
  return regle.to ?? state;
}
