import { DossierErrorCode } from '../dossier.exception';
import { revisionPubliee as revision } from '../testing/fixtures';
import {
  appliquerAction,
  assertProprietaire,
  creerDossier,
  deposer,
  enregistrerChamps,
  confirmerPersonneMorale,
  renseignerParticulier,
  renseignerPersonneMorale,
  reaffecterSiGroupeSupprime,
  router,
} from './dossier';

const now = new Date('2026-11-27T10:00:00Z');
const usager = { sub: 'u1', email: 'Usager@Exemple.fr' };
const identite = { civilite: 'Mme' as const, nom: 'Curie', prenom: 'Marie', fromFranceConnect: false };
const brouillon = () =>
  renseignerParticulier(creerDossier(revision, usager, 42, now), revision, identite, 'u', now);
const depose = () =>
  deposer(enregistrerChamps(brouillon(), revision, { nom: 'Jardin' }, 'u', now), revision, 'u', now);

describe('dossier', () => {
  it('is created as a brouillon routed to the default groupe', () => {
    expect(brouillon()).toMatchObject({ state: 'brouillon', number: 42, groupeInstructeurId: 'g1' });
    expect(brouillon().usager.email).toBe('usager@exemple.fr');
  });

  it('cannot be started on a closed démarche', () => {
    expect(() => creerDossier({ ...revision, state: 'close' }, usager, 1, now)).toThrow(
      expect.objectContaining({ code: DossierErrorCode.DEMARCHE_CLOSE }),
    );
  });

  it('saves a draft without mandatory values but refuses an invalid one', () => {
    expect(enregistrerChamps(brouillon(), revision, { mail: '' }, 'u', now).champs).toEqual({ mail: '' });
    expect(() => enregistrerChamps(brouillon(), revision, { mail: 'pas-un-mail' }, 'u', now)).toThrow(
      expect.objectContaining({ code: DossierErrorCode.CHAMP_INVALID }),
    );
  });

  it('refuses values for champs that are not in the form', () => {
    expect(() => enregistrerChamps(brouillon(), revision, { inconnu: 'x' }, 'u', now)).toThrow(
      expect.objectContaining({ code: DossierErrorCode.CHAMP_UNKNOWN, details: { champIds: ['inconnu'] } }),
    );
  });

  it('refuses a dépôt without the mandatory value and names the champ', () => {
    expect(() => deposer(brouillon(), revision, 'u', now)).toThrow(
      expect.objectContaining({
        code: DossierErrorCode.DOSSIER_INCOMPLETE,
        message: 'Le dossier ne peut pas être déposé : « Nom du projet » doit être rempli.',
      }),
    );
  });

  it('goes en construction at dépôt and records it', () => {
    const dossier = depose();
    expect(dossier).toMatchObject({ state: 'en_construction', depositedAt: now });
    expect(dossier.history.map((entry) => entry.action)).toEqual(['creer', 'renseigner_identite', 'deposer']);
  });

  it('records edits made en construction and locks the dossier once en instruction', () => {
    const modifie = enregistrerChamps(depose(), revision, { nom: 'Verger' }, 'u', now);
    expect(modifie.history.at(-1)).toMatchObject({ action: 'modifier', champIds: ['nom'] });
    const enInstruction = appliquerAction(modifie, 'passer_en_instruction', 'i', undefined, now);
    expect(() => enregistrerChamps(enInstruction, revision, { nom: 'X' }, 'u', now)).toThrow(
      expect.objectContaining({ code: DossierErrorCode.DOSSIER_NOT_EDITABLE }),
    );
  });

  it('keeps a deposited dossier complete: an edit en construction cannot empty a mandatory champ', () => {
    expect(() => enregistrerChamps(depose(), revision, { nom: '' }, 'u', now)).toThrow(
      expect.objectContaining({
        code: DossierErrorCode.DOSSIER_INCOMPLETE,
        details: { problems: [expect.objectContaining({ champId: 'nom' })] },
      }),
    );
    // An optional champ may still be emptied.
    expect(enregistrerChamps(depose(), revision, { mail: '' }, 'u', now).champs).toMatchObject({ mail: '' });
  });

  it('goes to the default groupe when its groupe was deleted, and only then', () => {
    const ailleurs = { ...depose(), groupeInstructeurId: 'groupe-supprime' };
    const groupes = [
      { id: 'g1', label: 'défaut', routingValues: [], routingRule: null, closed: false, isDefault: true },
    ];
    const avecGroupes = { ...revision, groupes };
    const moved = reaffecterSiGroupeSupprime(ailleurs, avecGroupes, now);
    expect(moved).toMatchObject({ groupeInstructeurId: 'g1', state: 'en_construction' });
    expect(moved?.history.at(-1)).toMatchObject({ action: 'reaffecter', by: 'administration' });
    expect(reaffecterSiGroupeSupprime(depose(), avecGroupes, now)).toBeNull();
  });

  it('accepts after instruction with an optional motivation and can go back en instruction', () => {
    const accepte = appliquerAction(
      appliquerAction(depose(), 'passer_en_instruction', 'i', undefined, now),
      'accepter',
      'i',
      undefined,
      now,
    );
    expect(accepte).toMatchObject({ state: 'accepte', decidedAt: now, motivation: null });
    const rouvert = appliquerAction(accepte, 'repasser_en_instruction', 'i', undefined, now);
    expect(rouvert).toMatchObject({ state: 'en_instruction', decidedAt: null });
  });

  it('refuses a refus without motivation', () => {
    const enInstruction = appliquerAction(depose(), 'passer_en_instruction', 'i', undefined, now);
    expect(() => appliquerAction(enInstruction, 'refuser', 'i', '  ', now)).toThrow(
      expect.objectContaining({ code: DossierErrorCode.MOTIVATION_REQUIRED }),
    );
    expect(appliquerAction(enInstruction, 'refuser', 'i', 'Hors délai', now).motivation).toBe('Hors délai');
  });

  it('refuses to accept a dossier that is still en construction', () => {
    expect(() => appliquerAction(depose(), 'accepter', 'i', undefined, now)).toThrow(
      expect.objectContaining({ code: DossierErrorCode.TRANSITION_INTERDITE }),
    );
  });

  it('answers "not found" to someone who does not own the dossier', () => {
    expect(() => assertProprietaire(brouillon(), 'someone-else')).toThrow(
      expect.objectContaining({ code: DossierErrorCode.DOSSIER_NOT_FOUND }),
    );
  });

  describe('routing', () => {
    const routed = {
      ...revision,
      routingChampId: 'mail',
      groupes: [
        { id: 'g1', label: 'défaut', routingValues: [], routingRule: null, closed: false, isDefault: true },
        {
          id: 'g-ferme',
          label: 'fermé',
          routingValues: ['a@ferme.fr'],
          routingRule: null,
          closed: true,
          isDefault: false,
        },
        {
          id: 'g-valeur',
          label: 'par valeur',
          routingValues: ['a@valeur.fr'],
          routingRule: null,
          closed: false,
          isDefault: false,
        },
        {
          id: 'g-regle',
          label: 'par règle',
          routingValues: [],
          routingRule: { champId: 'nom', operator: 'equals' as const, value: 'Verger' },
          closed: false,
          isDefault: false,
        },
      ],
    };
    const rempli = (values: Record<string, string>) =>
      enregistrerChamps(brouillon(), routed, { nom: 'Jardin', ...values }, 'u', now);

    it('routes by the routing champ value, then by rule, else to the default groupe; never to a closed groupe', () => {
      expect(router(routed, { mail: 'a@valeur.fr' })).toBe('g-valeur');
      expect(router(routed, { mail: 'a@ferme.fr' })).toBe('g1');
      expect(router(routed, { nom: 'Verger' })).toBe('g-regle');
      expect(router(routed, { nom: 'Jardin' })).toBe('g1');
      expect(deposer(rempli({ mail: 'a@valeur.fr' }), routed, 'u', now).groupeInstructeurId).toBe('g-valeur');
    });

    it('re-routes en construction when the routing champ changes, and records it', () => {
      const depose = deposer(rempli({}), routed, 'u', now);
      expect(depose.groupeInstructeurId).toBe('g1');
      const modifie = enregistrerChamps(depose, routed, { mail: 'a@valeur.fr' }, 'invite@x.fr', now);
      expect(modifie.groupeInstructeurId).toBe('g-valeur');
      expect(modifie.history.at(-1)).toMatchObject({
        action: 'modifier',
        by: 'invite@x.fr',
        champIds: ['mail'],
        groupeInstructeurId: 'g-valeur',
      });
    });
  });

  describe('déclaratif démarche', () => {
    it.each([
      ['en_instruction', 'en_instruction', null],
      ['accepte', 'accepte', now],
    ] as const)('goes straight %s at dépôt, as the system', (mode, state, decidedAt) => {
      const dossier = deposer(
        enregistrerChamps(brouillon(), revision, { nom: 'Jardin' }, 'u', now),
        { ...revision, declarativeMode: mode },
        'u',
        now,
      );
      expect(dossier).toMatchObject({ state, depositedAt: now, decidedAt });
      expect(dossier.history.at(-1)).toMatchObject({ by: 'systeme', from: 'en_construction', to: state });
    });
  });

  describe('opening', () => {
    it('refuses to start or deposit past the date limite, and to start on a dépubliée démarche', () => {
      const passee = { ...revision, dateLimite: new Date('2026-11-27T00:00:00Z') };
      expect(() => creerDossier(passee, usager, 1, now)).toThrow(
        expect.objectContaining({ code: DossierErrorCode.DATE_LIMITE_DEPASSEE }),
      );
      expect(() =>
        deposer(enregistrerChamps(brouillon(), revision, { nom: 'J' }, 'u', now), passee, 'u', now),
      ).toThrow(expect.objectContaining({ code: DossierErrorCode.DATE_LIMITE_DEPASSEE }));
      const depubliee = { ...revision, state: 'depubliee' as const };
      expect(() => creerDossier(depubliee, usager, 1, now)).toThrow(
        expect.objectContaining({ code: DossierErrorCode.DEMARCHE_DEPUBLIEE }),
      );
      // A draft started before the unpublishing may still be deposited (reference).
      const rempli = enregistrerChamps(brouillon(), revision, { nom: 'J' }, 'u', now);
      expect(deposer(rempli, depubliee, 'u', now).state).toBe('en_construction');
    });

    it('refuses the dépôt until the identity step is done, and a personne morale until it is confirmed', () => {
      const sansIdentite = enregistrerChamps(
        creerDossier(revision, usager, 1, now),
        revision,
        { nom: 'J' },
        'u',
        now,
      );
      expect(() => deposer(sansIdentite, revision, 'u', now)).toThrow(
        expect.objectContaining({ code: DossierErrorCode.IDENTITE_A_CONFIRMER }),
      );
      const morale = { ...revision, publicCible: 'personne_morale' as const };
      const etablissement = {
        siret: '13002526500013',
        raisonSociale: 'DINUM',
        naf: '',
        formeJuridique: '',
        adresse: '',
        verified: false,
      };
      const renseigne = renseignerPersonneMorale(sansIdentite, morale, etablissement, 'u', now);
      expect(() => deposer(renseigne, morale, 'u', now)).toThrow(
        expect.objectContaining({ code: DossierErrorCode.IDENTITE_A_CONFIRMER }),
      );
      const confirme = confirmerPersonneMorale(renseigne, '13002526500013', 'u', now);
      expect(deposer(confirme, morale, 'u', now).demandeur).toMatchObject({
        verified: false,
        confirmed: true,
      });
      expect(() => renseignerParticulier(sansIdentite, morale, identite, 'u', now)).toThrow(
        expect.objectContaining({ code: DossierErrorCode.IDENTITE_INCOMPATIBLE }),
      );
    });
  });
});
