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
