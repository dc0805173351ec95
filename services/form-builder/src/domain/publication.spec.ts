import { DemarcheErrorCode } from '../demarche.exception';
import { pretePourPublication } from '../testing/in-memory-demarche.repository';
import { personnaliserAttestation } from './attestation';
import { ajouterInstructeur, nouvelleDemarche } from './demarche';
import { ajouterChamp, modifierChamp } from './formulaire';
import { etapesManquantes, publier } from './publication';

const now = new Date('2026-11-27T10:00:00Z');

/** A publishable démarche with a « Nom du jardin » champ whose balise the attestation uses. */
function avecAttestation(enabled: boolean) {
  const brouillon = nouvelleDemarche({
    number: 1,
    title: 'Aide',
    description: '',
    administrateur: 'admin@exemple.fr',
    now,
  });
  const { demarche, result: champ } = ajouterChamp(brouillon, 'champs', {
    type: 'text',
    label: 'Nom du jardin',
    description: '',
    mandatory: true,
    options: [],
  });
  const configuree = personnaliserAttestation(demarche, {
    enabled,
    title: 'Attestation de subvention',
    body: 'Le jardin « --Nom du jardin-- » (dossier --numéro du dossier--) reçoit la subvention.',
    footer: '',
    qrCode: false,
  });
  return { demarche: pretePourPublication(ajouterInstructeur(configuree, 'i@exemple.fr')), champ };
}

function erreurDePublication(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    return error as {
      code: string;
      message: string;
      details: { missing: { step: string; message: string }[] };
    };
  }
  throw new Error('published');
}

describe('publication checks of the attestation', () => {
  it('publishes a démarche whose enabled attestation only uses known balises', () => {
    const { demarche } = avecAttestation(true);
    expect(etapesManquantes(demarche, now)).toEqual([]);
    expect(publier(demarche, 'aide-jardins', now).state).toBe('publiee');
  });

  it('refuses to publish when a champ named by the enabled attestation was renamed since, naming the balise', () => {
    const { demarche, champ } = avecAttestation(true);
    const renomme = modifierChamp(demarche, 'champs', champ.id, { label: 'Nom du potager' }).demarche;
    const error = erreurDePublication(() => publier(renomme, 'aide-jardins', now));
    expect(error.code).toBe(DemarcheErrorCode.DEMARCHE_INCOMPLETE);
    expect(error.details.missing).toEqual([
      { step: 'attestation', message: 'une attestation sans balise inconnue (--Nom du jardin--)' },
    ]);
    expect(error.message).toContain('--Nom du jardin--');
  });

  it('ignores a disabled attestation: it is never delivered, so its balises do not block publication', () => {
    const { demarche, champ } = avecAttestation(false);
    const renomme = modifierChamp(demarche, 'champs', champ.id, { label: 'Nom du potager' }).demarche;
    expect(etapesManquantes(renomme, now)).toEqual([]);
  });
});
