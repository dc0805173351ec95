// Every operation × every actor × every state: what is allowed (and the state it leads to), and what is refused
// with which code. The expected table is written out by hand from the reference (features.md §(c), the seed's
// tutorials), independently of REGLES, and each case runs through the real domain functions.
import { DossierErrorCode } from '../dossier.exception';
import { revisionPubliee } from '../testing/fixtures';
import {
  acteurUsager,
  appliquerAction,
  appliquerOperationSysteme,
  creerDossier,
  deposer,
  Dossier,
  enregistrerChamps,
  inviter,
  renseignerParticulier,
  revoquerInvitation,
  supprimer,
} from './dossier';
import {
  ACTEURS,
  type Acteur,
  ActionInstructeur,
  autoriser,
  DossierState,
  ETATS,
  type Operation,
  OPERATIONS,
} from './dossier-state';

const now = new Date('2026-11-27T10:00:00Z');
const revision = { ...revisionPubliee, publicCible: 'particulier' as const };
const owner = { sub: 'sub-owner', email: 'owner@exemple.fr' };
const INVITE = 'invite@exemple.fr';

/** A dossier in `state`, reached through the domain functions, with an identity, its mandatory value and an invité. */
function dossierIn(state: DossierState): Dossier {
  let dossier = creerDossier(revision, owner, 7, now);
  dossier = renseignerParticulier(
    dossier,
    revision,
    { civilite: 'Mme', nom: 'Curie', prenom: 'Marie', fromFranceConnect: false },
    owner.email,
    now,
  );
  dossier = enregistrerChamps(dossier, revision, { nom: 'Jardin' }, owner.email, now);
  dossier = inviter(dossier, INVITE, 'Bonjour', owner.email, now);
  if (state === 'brouillon') return dossier;
  dossier = deposer(dossier, revision, owner.email, now);
  if (state === 'en_construction') return dossier;
  dossier = appliquerAction(dossier, 'passer_en_instruction', 'i', undefined, now);
  if (state === 'en_instruction') return dossier;
  const decision: Record<string, ActionInstructeur> = {
    accepte: 'accepter',
    refuse: 'refuser',
    sans_suite: 'classer_sans_suite',
  };
  return appliquerAction(dossier, decision[state]!, 'i', 'Motif', now);
}

/** What a use case does: check the actor and the state, then run the domain function. */
function perform(dossier: Dossier, acteur: Acteur, operation: Operation): Dossier {
  autoriser(acteur, operation, dossier.state, dossier.id);
  switch (operation) {
    case 'modifier':
      return enregistrerChamps(dossier, revision, { nom: 'Verger' }, 'x', now);
    case 'renseigner_identite':
      return renseignerParticulier(
        dossier,
        revision,
        { civilite: 'M.', nom: 'Pasteur', prenom: 'Louis', fromFranceConnect: false },
        'x',
        now,
      );
    case 'deposer':
      return deposer(dossier, revision, 'x', now);
    case 'supprimer':
      return supprimer(dossier, 'usager', 'x', now);
    case 'inviter':
      return inviter(dossier, 'autre@exemple.fr', '', 'x', now);
    case 'revoquer_invitation':
      return revoquerInvitation(dossier, INVITE, 'x', now);
    case 'passer_automatiquement_en_instruction':
    case 'accepter_automatiquement':
      return appliquerOperationSysteme(dossier, operation, now);
    default:
      return appliquerAction(dossier, operation, 'i', 'Motif', now);
  }
}

const SAME = 'same';
const DELETED = 'deleted';
type Outcome = DossierState | typeof SAME | typeof DELETED;

/** The allowed cases; everything absent is forbidden. */
const ALLOWED: Partial<Record<Operation, Partial<Record<Acteur, Partial<Record<DossierState, Outcome>>>>>> = {
  modifier: {
    proprietaire: { brouillon: SAME, en_construction: SAME },
    invite: { brouillon: SAME, en_construction: SAME },
  },
  renseigner_identite: { proprietaire: { brouillon: SAME, en_construction: SAME } },
  deposer: { proprietaire: { brouillon: 'en_construction' } },
  supprimer: { proprietaire: { brouillon: DELETED, en_construction: DELETED } },
  inviter: { proprietaire: { brouillon: SAME, en_construction: SAME } },
  revoquer_invitation: {
    proprietaire: {
      brouillon: SAME,
      en_construction: SAME,
      en_instruction: SAME,
      accepte: SAME,
      refuse: SAME,
      sans_suite: SAME,
    },
  },
  passer_en_instruction: { instructeur: { en_construction: 'en_instruction' } },
  repasser_en_construction: { instructeur: { en_instruction: 'en_construction' } },
  accepter: { instructeur: { en_instruction: 'accepte' } },
  refuser: { instructeur: { en_instruction: 'refuse' } },
  classer_sans_suite: { instructeur: { en_instruction: 'sans_suite' } },
  repasser_en_instruction: {
    instructeur: { accepte: 'en_instruction', refuse: 'en_instruction', sans_suite: 'en_instruction' },
  },
  passer_automatiquement_en_instruction: { systeme: { en_construction: 'en_instruction' } },
  accepter_automatiquement: { systeme: { en_construction: 'accepte', en_instruction: 'accepte' } },
};

/** The code a forbidden case gets. */
function expectedRefusal(acteur: Acteur, operation: Operation, state: DossierState): DossierErrorCode {
  if (acteur === 'tiers' || (acteur === 'instructeur' && state === 'brouillon')) {
    return DossierErrorCode.DOSSIER_NOT_FOUND;
  }
  const someStateAllowed = Object.keys(ALLOWED[operation]?.[acteur] ?? {}).length > 0;
  if (!someStateAllowed) return DossierErrorCode.ACTION_NON_AUTORISEE;
  return operation === 'modifier' || operation === 'renseigner_identite'
    ? DossierErrorCode.DOSSIER_NOT_EDITABLE
    : DossierErrorCode.TRANSITION_INTERDITE;
}

const cases = OPERATIONS.flatMap((operation) =>
  ACTEURS.flatMap((acteur) => ETATS.map((state) => ({ operation, acteur, state }))),
);

describe('dossier transitions, for every actor', () => {
  it('has a case for every operation × actor × state', () => {
    expect(cases).toHaveLength(OPERATIONS.length * ACTEURS.length * ETATS.length);
    expect([...OPERATIONS].sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  it.each(cases.filter((c) => ALLOWED[c.operation]?.[c.acteur]?.[c.state] !== undefined))(
    'allows $acteur to $operation a dossier $state',
    ({ operation, acteur, state }) => {
      const before = dossierIn(state);
      const after = perform(before, acteur, operation);
      const outcome = ALLOWED[operation]![acteur]![state]!;
      if (outcome === DELETED) {
        expect(after.deletedAt).toEqual(now);
        expect(after.champs).toEqual({});
      } else {
        expect(after.state).toBe(outcome === SAME ? state : outcome);
        expect(after.deletedAt).toBeNull();
      }
      // Recorded in the history, except edits of a brouillon (not yet seen by any instructeur).
      if (!(operation === 'modifier' && state === 'brouillon')) {
        expect(after.history.length).toBeGreaterThan(before.history.length);
      }
    },
  );

  it.each(cases.filter((c) => ALLOWED[c.operation]?.[c.acteur]?.[c.state] === undefined))(
    'refuses $acteur to $operation a dossier $state',
    ({ operation, acteur, state }) => {
      const before = dossierIn(state);
      expect(() => perform(before, acteur, operation)).toThrow(
        expect.objectContaining({ code: expectedRefusal(acteur, operation, state) }),
      );
    },
  );
});

describe(acteurUsager.name, () => {
  const dossier = dossierIn('brouillon');

  it('knows the owner by subject, an invité by e-mail (any case) and nobody else', () => {
    expect(acteurUsager(dossier, owner)).toBe('proprietaire');
    expect(acteurUsager(dossier, { sub: 'other', email: 'Invite@Exemple.fr' })).toBe('invite');
    expect(acteurUsager(dossier, { sub: 'other', email: 'tiers@exemple.fr' })).toBe('tiers');
  });

  it('forgets a revoked invité and everybody once the dossier is deleted', () => {
    const revoked = revoquerInvitation(dossier, INVITE, owner.email, now);
    expect(acteurUsager(revoked, { sub: 'other', email: INVITE })).toBe('tiers');
    expect(acteurUsager(supprimer(dossier, 'usager', owner.email, now), owner)).toBe('tiers');
  });
});
