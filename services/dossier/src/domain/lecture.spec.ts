// Who may read a dossier, for every state: the usager's side always, an instructeur of the dossier's groupe once
// it is deposited, nobody else (who must not learn the dossier exists).
import { revisionPubliee } from '../testing/fixtures';
import {
  appliquerAction,
  creerDossier,
  deposer,
  Dossier,
  enregistrerChamps,
  inviter,
  renseignerParticulier,
  revoquerInvitation,
  supprimer,
} from './dossier';
import { DossierState, ETATS } from './dossier-state';
import { lecteurDuDossier } from './lecture';
import { RevisionPubliee } from './revision';

const now = new Date('2026-11-27T10:00:00Z');
const groupe = (id: string, instructeurEmails: string[], isDefault = false) => ({
  id,
  label: id,
  routingValues: [],
  routingRule: null,
  closed: false,
  isDefault,
  instructeurEmails,
});
const revision: RevisionPubliee = {
  ...revisionPubliee,
  publicCible: 'particulier',
  groupeInstructeurDefautId: 'g1',
  groupes: [groupe('g1', ['instructeur@exemple.gouv.fr'], true), groupe('g2', ['autre@exemple.gouv.fr'])],
};
const owner = { sub: 'sub-owner', email: 'owner@exemple.fr', roles: ['usager'] };
const invite = { sub: 'sub-invite', email: 'Invite@Exemple.fr', roles: ['usager'] };
const instructeur = { sub: 'sub-i', email: 'Instructeur@Exemple.gouv.fr', roles: ['instructeur'] };
const autreGroupe = { sub: 'sub-i2', email: 'autre@exemple.gouv.fr', roles: ['instructeur'] };
const sansRole = { sub: 'sub-x', email: 'instructeur@exemple.gouv.fr', roles: ['usager'] };
const tiers = { sub: 'sub-tiers', email: 'tiers@exemple.fr', roles: ['usager'] };

function dossierIn(state: DossierState): Dossier {
  let dossier = creerDossier(revision, owner, 3, now);
  dossier = renseignerParticulier(
    dossier,
    revision,
    { civilite: 'Mme', nom: 'Curie', prenom: 'Marie', fromFranceConnect: false },
    owner.email,
    now,
  );
  dossier = enregistrerChamps(dossier, revision, { nom: 'Jardin' }, owner.email, now);
  dossier = inviter(dossier, invite.email, '', owner.email, now);
  if (state === 'brouillon') return dossier;
  dossier = deposer(dossier, revision, owner.email, now);
  if (state === 'en_construction') return dossier;
  dossier = appliquerAction(dossier, 'passer_en_instruction', 'i', undefined, now);
  if (state === 'en_instruction') return dossier;
  const decision = { accepte: 'accepter', refuse: 'refuser', sans_suite: 'classer_sans_suite' } as const;
  return appliquerAction(dossier, decision[state], 'i', 'Motif', now);
}

describe('lecteurDuDossier', () => {
  it.each(ETATS)('lets the owner and the invité read a dossier %s', (state) => {
    const dossier = dossierIn(state);
    expect(lecteurDuDossier(dossier, revision, owner)).toBe('proprietaire');
    expect(lecteurDuDossier(dossier, revision, invite)).toBe('invite');
    expect(lecteurDuDossier(dossier, revision, tiers)).toBeNull();
  });

  it.each(ETATS.filter((state) => state !== 'brouillon'))(
    'lets an instructeur of the dossier’s groupe read it %s, whatever the case of the e-mail',
    (state) => {
      expect(lecteurDuDossier(dossierIn(state), revision, instructeur)).toBe('instructeur');
    },
  );

  it('never shows a brouillon to an instructeur, even of its groupe', () => {
    expect(lecteurDuDossier(dossierIn('brouillon'), revision, instructeur)).toBeNull();
  });

  it('refuses an instructeur of another groupe, until the dossier is routed to theirs', () => {
    const dossier = dossierIn('en_construction');
    expect(lecteurDuDossier(dossier, revision, autreGroupe)).toBeNull();
    expect(lecteurDuDossier({ ...dossier, groupeInstructeurId: 'g2' }, revision, autreGroupe)).toBe(
      'instructeur',
    );
    expect(lecteurDuDossier({ ...dossier, groupeInstructeurId: 'g2' }, revision, instructeur)).toBeNull();
  });

  it('asks for the instructeur role as well as a place in the groupe', () => {
    expect(lecteurDuDossier(dossierIn('en_instruction'), revision, sansRole)).toBeNull();
    expect(
      lecteurDuDossier(dossierIn('en_instruction'), revision, { ...instructeur, roles: undefined }),
    ).toBeNull();
  });

  it('refuses everybody on a deleted dossier, and an instructeur when the snapshot has no groupes', () => {
    const deposited = dossierIn('en_construction');
    const deleted = supprimer(deposited, 'usager', owner.email, now);
    expect(lecteurDuDossier(deleted, revision, owner)).toBeNull();
    expect(lecteurDuDossier(deleted, revision, instructeur)).toBeNull();
    expect(lecteurDuDossier(deposited, { groupes: undefined }, instructeur)).toBeNull();
    expect(lecteurDuDossier(deposited, null, instructeur)).toBeNull();
  });

  it('stops a revoked invité at once', () => {
    const dossier = revoquerInvitation(dossierIn('en_construction'), invite.email, owner.email, now);
    expect(lecteurDuDossier(dossier, revision, invite)).toBeNull();
  });
});
