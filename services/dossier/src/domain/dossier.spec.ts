import { DossierErrorCode } from '../dossier.exception';
import { revisionPubliee as revision } from '../testing/fixtures';
import { appliquerAction, assertProprietaire, creerDossier, deposer, enregistrerChamps } from './dossier';

const now = new Date('2026-11-27T10:00:00Z');
const usager = { sub: 'u1', email: 'Usager@Exemple.fr' };
const brouillon = () => creerDossier(revision, usager, 42, now);
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
    expect(dossier.history.map((entry) => entry.action)).toEqual(['creer', 'deposer']);
  });

  it('records edits made en construction and locks the dossier once en instruction', () => {
    const modifie = enregistrerChamps(depose(), revision, { nom: 'Verger' }, 'u', now);
    expect(modifie.history.at(-1)).toMatchObject({ action: 'modifier', champIds: ['nom'] });
    const enInstruction = appliquerAction(modifie, 'passer_en_instruction', 'i', undefined, now);
    expect(() => enregistrerChamps(enInstruction, revision, { nom: 'X' }, 'u', now)).toThrow(
      expect.objectContaining({ code: DossierErrorCode.DOSSIER_NOT_EDITABLE }),
    );
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
});
