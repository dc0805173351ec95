import { DemarcheErrorCode } from '../demarche.exception';
import { SERVICE_VALIDE } from '../testing/in-memory-demarche.repository';
import { nouvelleDemarche } from './demarche';
import {
  ajouterAdministrateur,
  definirService,
  modifierDescription,
  retirerAdministrateur,
  siretValide,
  webhookUrlValide,
} from './description';
import { sanitiserDescription, sanitiserMonAvis } from './html';

const now = new Date('2026-11-27T10:00:00Z');
const demarche = () =>
  nouvelleDemarche({ number: 1, title: 'Aide', description: '', administrateur: 'a@b.fr', now });

function problemes(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    const e = error as { code: string; details: { problemes: { champ: string }[] } };
    expect(e.code).toBe(DemarcheErrorCode.DESCRIPTION_INVALID);
    return e.details.problemes.map((p) => p.champ);
  }
  throw new Error('accepted');
}

describe('description HTML', () => {
  it('keeps italic, underline, bold, paragraphs, line breaks and headings 1 to 3', () => {
    const html =
      '<h1>T</h1><h2>S</h2><h3>s</h3><p><i>i</i> <em>e</em> <u>u</u> <b>b</b> <strong>s</strong><br></p>';
    expect(sanitiserDescription(html)).toBe(
      '<h1>T</h1><h2>S</h2><h3>s</h3><p><i>i</i> <em>e</em> <u>u</u> <b>b</b> <strong>s</strong><br /></p>',
    );
  });

  it('drops scripts, links, images, other headings and every attribute, keeping the text', () => {
    const html =
      '<p style="color:red" onclick="x()">Bonjour <a href="javascript:alert(1)">ici</a></p><script>alert(1)</script><img src=x onerror=alert(1)><h4>Quatre</h4>';
    expect(sanitiserDescription(html)).toBe('<p>Bonjour ici</p>Quatre');
  });
});

describe('MonAvis embed', () => {
  const snippet =
    '<a href="https://jedonnemonavis.numerique.gouv.fr/Demarches/3593?&view-mode=formulaire-avis&nd_source=button&key=abc"><img src="https://jedonnemonavis.numerique.gouv.fr/static/bouton-blanc.svg" alt="Je donne mon avis" title="Je donne mon avis sur cette démarche" /></a>';

  it('keeps the MonAvis link and button image', () => {
    const clean = sanitiserMonAvis(snippet);
    expect(clean).toContain('href="https://jedonnemonavis.numerique.gouv.fr/Demarches/3593');
    expect(clean).toContain('<img src="https://jedonnemonavis.numerique.gouv.fr/static/bouton-blanc.svg"');
  });

  it('strips scripts and event handlers around the snippet', () => {
    const clean = sanitiserMonAvis(`<script>alert(1)</script>${snippet.replace('<a ', '<a onclick="x()" ')}`);
    expect(clean).not.toContain('script');
    expect(clean).not.toContain('onclick');
  });

  it.each([
    '<a href="https://evil.example/monavis">Mon avis</a>',
    '<a href="http://monavis.numerique.gouv.fr/x">Mon avis</a>',
    '<iframe src="https://monavis.numerique.gouv.fr/x"></iframe>',
    'Mon avis',
  ])('refuses %p', (html) => {
    expect(sanitiserMonAvis(html)).toBeNull();
    expect(problemes(() => modifierDescription(demarche(), { monAvis: html }, now))).toEqual(['monAvis']);
  });
});

describe('modifierDescription', () => {
  it('applies every field and sanitises the description', () => {
    const limite = new Date('2027-01-01T00:00:00Z');
    const updated = modifierDescription(
      demarche(),
      {
        title: ' Aide aux mares ',
        description: '<p>Une <b>aide</b></p><script>x</script>',
        dureeConservationMois: 36,
        publicCible: 'personne_morale',
        dateLimiteDepot: limite,
        modeDeclaratif: 'accepte',
        lienDiffusion: 'https://www.mairie.fr',
        webhookUrl: 'https://hooks.mairie.fr/ds',
        cadreJuridiqueTexte: 'Arrêté du 1er mars',
        cadreJuridiqueUrl: 'https://www.legifrance.gouv.fr/x',
      },
      now,
    );
    expect(updated).toMatchObject({
      title: 'Aide aux mares',
      description: '<p>Une <b>aide</b></p>',
      dureeConservationMois: 36,
      publicCible: 'personne_morale',
      dateLimiteDepot: limite,
      modeDeclaratif: 'accepte',
      webhookUrl: 'https://hooks.mairie.fr/ds',
      cadreJuridique: {
        texte: 'Arrêté du 1er mars',
        url: 'https://www.legifrance.gouv.fr/x',
        document: null,
      },
    });
  });

  it('starts with the reference defaults: 12 months, particuliers, not declarative', () => {
    expect(demarche()).toMatchObject({
      dureeConservationMois: 12,
      publicCible: 'particulier',
      modeDeclaratif: 'aucun',
    });
  });

  it('lists every invalid field at once', () => {
    expect(
      problemes(() =>
        modifierDescription(
          demarche(),
          {
            title: ' ',
            dureeConservationMois: 61,
            dateLimiteDepot: new Date('2026-11-01T00:00:00Z'),
            webhookUrl: 'http://hooks.mairie.fr',
            cadreJuridiqueUrl: 'ftp://x',
          },
          now,
        ),
      ),
    ).toEqual(['title', 'dureeConservationMois', 'dateLimiteDepot', 'webhookUrl', 'cadreJuridiqueUrl']);
  });

  it.each([0, 61, 2.5])('refuses a durée de conservation of %p months', (mois) => {
    expect(problemes(() => modifierDescription(demarche(), { dureeConservationMois: mois }, now))).toEqual([
      'dureeConservationMois',
    ]);
  });

  it.each([1, 60])('accepts a durée de conservation of %p months', (mois) => {
    expect(modifierDescription(demarche(), { dureeConservationMois: mois }, now).dureeConservationMois).toBe(
      mois,
    );
  });

  it('fixes the public once the démarche has been published', () => {
    const publiee = { ...demarche(), revisionNumber: 1 };
    expect(problemes(() => modifierDescription(publiee, { publicCible: 'personne_morale' }, now))).toEqual([
      'publicCible',
    ]);
    expect(modifierDescription(demarche(), { publicCible: 'personne_morale' }, now).publicCible).toBe(
      'personne_morale',
    );
  });

  it('clears optional fields with null', () => {
    const avec = modifierDescription(demarche(), { webhookUrl: 'https://h.fr', dateLimiteDepot: null }, now);
    expect(modifierDescription(avec, { webhookUrl: null }, now).webhookUrl).toBeNull();
  });
});

describe('webhook URL', () => {
  it.each(['https://hooks.mairie.fr/ds', 'http://localhost:4000/hook', 'http://127.0.0.1/hook'])(
    'accepts %p',
    (url) => expect(webhookUrlValide(url)).toBe(true),
  );
  it.each(['http://hooks.mairie.fr', 'ftp://x.fr', 'https://user:pw@h.fr', 'pas une url'])(
    'refuses %p',
    (url) => expect(webhookUrlValide(url)).toBe(false),
  );
});

describe('service', () => {
  it.each(['21690123100011', '35600000000001'])('accepts the SIRET %p', (siret) => {
    expect(siretValide(siret)).toBe(true);
  });

  it.each(['21690123100012', '2169012310001', 'ABCDEFGHIJKLMN'])('refuses the SIRET %p', (siret) => {
    expect(siretValide(siret)).toBe(false);
  });

  it('stores a complete service with its SIRET', () => {
    const avec = definirService(demarche(), { ...SERVICE_VALIDE, siret: '216 901 231 00011' });
    expect(avec.service).toMatchObject({ organisme: 'Mairie de Lyon', siret: '21690123100011' });
  });

  it('refuses a service without contact, with a wrong phone and a wrong SIRET, listing each', () => {
    expect(
      problemes(() =>
        definirService(demarche(), {
          ...SERVICE_VALIDE,
          horaires: ' ',
          telephone: '12',
          siret: '21690123100012',
        }),
      ),
    ).toEqual(['service.horaires', 'service.telephone', 'service.siret']);
  });
});

describe('co-administrateurs', () => {
  it('adds co-administrateurs once, whatever the case', () => {
    const avec = ajouterAdministrateur(ajouterAdministrateur(demarche(), 'B@b.fr'), 'b@b.fr');
    expect(avec.administrateurs).toEqual(['a@b.fr', 'b@b.fr']);
    expect(retirerAdministrateur(avec, 'a@b.fr').administrateurs).toEqual(['b@b.fr']);
  });

  it('refuses that the last administrateur leaves', () => {
    expect(() => retirerAdministrateur(demarche(), 'a@b.fr')).toThrow(
      expect.objectContaining({ code: DemarcheErrorCode.DERNIER_ADMINISTRATEUR }),
    );
  });
});
