import { randomUUID } from 'node:crypto';
import { DossierErrorCode, DossierException } from '../dossier.exception';
import { ChampValue, problemesAuDepot, validerValeur } from './champ-validation';
import { ActionInstructeur, DossierState, transition } from './dossier-state';
import { RevisionPubliee } from './revision';

export interface Usager {
  sub: string;
  email: string;
}

/** One line of the dossier's history: who did what, when (audit, and what instructeurs see). */
export interface HistoryEntry {
  at: Date;
  by: string;
  action: 'creer' | 'modifier' | 'deposer' | ActionInstructeur;
  from: DossierState | null;
  to: DossierState;
  motivation?: string;
  champIds?: string[];
}

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
  version: number;
}

const EDITABLE: ReadonlySet<DossierState> = new Set(['brouillon', 'en_construction']);

export function creerDossier(revision: RevisionPubliee, usager: Usager, number: number, now: Date): Dossier {
  if (revision.state !== 'publiee') {
    throw new DossierException(
      DossierErrorCode.DEMARCHE_CLOSE,
      'conflict',
      "Cette démarche est close : il n'est plus possible de déposer un dossier.",
      { demarcheId: revision.demarcheId },
    );
  }
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
    version: 0,
  };
}

/** Saving a draft never requires mandatory values, but every value given must be valid for its champ. */
export function enregistrerChamps(
  dossier: Dossier,
  revision: RevisionPubliee,
  values: Record<string, ChampValue>,
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
  const problems = revision.champs
    .filter((champ) => champ.id in values)
    .map((champ) => validerValeur(champ, values[champ.id]))
    .filter((problem) => problem !== null);
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
  return {
    ...dossier,
    champs: { ...dossier.champs, ...values },
    updatedAt: now,
    // Edits after dépôt are recorded so instructeurs can see what changed (seed: dossier en construction).
    history:
      dossier.state === 'en_construction'
        ? [
            ...dossier.history,
            { at: now, by, action: 'modifier', from: dossier.state, to: dossier.state, champIds: changed },
          ]
        : dossier.history,
  };
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
  if (revision.state !== 'publiee') {
    throw new DossierException(
      DossierErrorCode.DEMARCHE_CLOSE,
      'conflict',
      "Cette démarche est close : il n'est plus possible de déposer un dossier.",
      { demarcheId: revision.demarcheId },
    );
  }
  const problems = problemesAuDepot(revision.champs, dossier.champs);
  if (problems.length > 0) {
    throw new DossierException(
      DossierErrorCode.DOSSIER_INCOMPLETE,
      'invalid',
      `Le dossier ne peut pas être déposé : ${problems.map((p) => p.reason).join(' ; ')}.`,
      { problems },
    );
  }
  return {
    ...dossier,
    state: 'en_construction',
    depositedAt: now,
    updatedAt: now,
    history: [
      ...dossier.history,
      { at: now, by, action: 'deposer', from: 'brouillon', to: 'en_construction' },
    ],
  };
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
