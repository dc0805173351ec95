import { decodeMessage, DossierState, eventCodec, Topics, type DossierDeposited } from '@demarches/contracts';
import { creerDossier, deposer, enregistrerChamps, renseignerParticulier } from '../domain/dossier';
import { revisionPubliee as revision } from '../testing/fixtures';
import { dossierDeposited } from './dossier-events';

const now = new Date('2026-11-27T10:00:00Z');

describe(dossierDeposited.name, () => {
  it('tells consumers who owns the dossier: its usager’s subject and e-mail', () => {
    const brouillon = renseignerParticulier(
      creerDossier(revision, { sub: 'sub-usager', email: 'Usager@Exemple.fr' }, 42, now),
      revision,
      { civilite: 'Mme', nom: 'Curie', prenom: 'Marie', fromFranceConnect: true },
      'u',
      now,
    );
    const rempli = enregistrerChamps(brouillon, revision, { nom: 'Jardin' }, 'u', now);
    const dossier = deposer(rempli, revision, 'u', now);

    const event = dossierDeposited(dossier, revision);

    expect(event).toMatchObject({ topic: Topics.dossier, eventType: 'DossierDeposited', key: dossier.id });
    const codec = eventCodec(Topics.dossier, 'DossierDeposited')!;
    expect(decodeMessage(codec, event.payload) as DossierDeposited).toMatchObject({
      dossierId: dossier.id,
      number: 42,
      usagerSub: 'sub-usager',
      usagerEmail: 'usager@exemple.fr',
      demarcheTitle: 'Aide',
      champs: [
        { champId: 'nom', label: 'Nom du projet', value: 'Jardin' },
        { champId: 'mail', label: 'Contact', value: '' },
      ],
      version: dossier.version + 1,
      demandeur: { particulier: { civilite: 'Mme', nom: 'Curie', prenom: 'Marie', fromFranceConnect: true } },
      state: DossierState.EN_CONSTRUCTION,
    });
  });
});
