import {
  normaliserValeurs,
  preparerDepot,
  problemeDeVerification,
  problemesAuDepot,
  validerValeur,
} from './champ-validation';
import { verifierValeurs } from './champs/verifications';
import { ChampDescriptor } from './revision';

const champ = (id: string, type: string, extra: Partial<ChampDescriptor> = {}): ChampDescriptor => ({
  id,
  type,
  label: id,
  description: '',
  mandatory: true,
  options: [],
  ...extra,
});

const beneficiaires = champ('beneficiaires', 'repetition', {
  label: 'Bénéficiaires',
  children: [
    champ('nom', 'text', { label: 'Nom' }),
    champ('mineur', 'yes_no', { label: 'Mineur', mandatory: false }),
    champ('tuteur', 'text', {
      label: 'Tuteur',
      condition: { champId: 'mineur', operator: 'equals', value: 'true' },
    }),
  ],
});

describe('draft save', () => {
  it('never requires a mandatory value but refuses an invalid one, reporting each', () => {
    const champs = [champ('nom', 'text'), champ('mail', 'email'), champ('tel', 'phone')];
    const { values, problems } = normaliserValeurs(champs, { nom: null, mail: 'faux', tel: '12' });
    expect(values).toEqual({ nom: null });
    expect(problems.map((p) => p.champId)).toEqual(['mail', 'tel']);
    expect(problems[0].reason).toBe(
      "« mail » n'est pas une adresse e-mail valide (exemple : nom@domaine.fr)",
    );
  });

  it('stores a bloc répétable whose rows are added and removed by sending the whole list', () => {
    const deux = normaliserValeurs([beneficiaires], { beneficiaires: [{ nom: 'A' }, { nom: 'B' }] });
    expect(deux.values['beneficiaires']).toHaveLength(2);
    const une = normaliserValeurs([beneficiaires], { beneficiaires: [{ nom: 'B' }] });
    expect(une.values['beneficiaires']).toEqual([{ nom: 'B' }]);
  });

  it('locates an invalid value inside a row of a bloc', () => {
    const { problems } = normaliserValeurs([beneficiaires], {
      beneficiaires: [{ nom: 'A' }, { nom: 'B', mineur: 'peut-être' }],
    });
    expect(problems).toEqual([
      {
        champId: 'mineur',
        label: 'Mineur',
        repetitionId: 'beneficiaires',
        row: 2,
        reason: '« Bénéficiaires », ligne 2 : « Mineur » doit être oui ou non (true ou false)',
      },
    ]);
  });

  it('keeps the single-value helper for callers that check one champ', () => {
    expect(validerValeur(champ('n', 'integer_number'), 3)).toBeNull();
    expect(validerValeur(champ('n', 'integer_number'), 3.5)).toMatchObject({ champId: 'n' });
  });
});

describe('dépôt', () => {
  it('reports every missing or invalid champ in one list, in form order', () => {
    const champs = [
      champ('titre', 'header_section'),
      champ('nom', 'text'),
      champ('mail', 'email'),
      champ('engagement', 'checkbox', { label: 'Je m’engage' }),
      champ('commentaire', 'textarea', { mandatory: false }),
      champ('ville', 'linked_drop_down_list', { options: ['--Bretagne--', 'Rennes'] }),
    ];
    const problems = problemesAuDepot(champs, {
      mail: 'faux',
      engagement: false,
      ville: { primary: 'Bretagne', secondary: '' },
    });
    expect(problems.map((p) => [p.champId, p.reason])).toEqual([
      ['nom', '« nom » doit être rempli'],
      ['mail', "« mail » n'est pas une adresse e-mail valide (exemple : nom@domaine.fr)"],
      ['engagement', '« Je m’engage » doit être coché'],
      ['ville', '« ville » doit être complété : choisissez aussi dans le second menu'],
    ]);
  });

  it('neither requires nor keeps a champ hidden by its condition', () => {
    const champs = [
      champ('association', 'yes_no'),
      champ('rna', 'text', { condition: { champId: 'association', operator: 'equals', value: 'true' } }),
      champ('motif', 'text', { condition: { champId: 'association', operator: 'equals', value: 'false' } }),
    ];
    const depot = preparerDepot(champs, { association: false, rna: 'W123', motif: '' });
    expect(depot.problems.map((p) => p.champId)).toEqual(['motif']);
    expect(depot.values).toEqual({ association: false, motif: '' });
    expect(depot.cleared).toEqual(['rna']);
  });

  it('hides in cascade a champ whose condition reads a hidden champ', () => {
    const champs = [
      champ('a', 'yes_no'),
      champ('b', 'integer_number', { condition: { champId: 'a', operator: 'equals', value: 'true' } }),
      champ('c', 'text', { condition: { champId: 'b', operator: 'greater_than', value: '10' } }),
    ];
    const depot = preparerDepot(champs, { a: false, b: 50, c: 'x' });
    expect(depot).toMatchObject({ values: { a: false }, problems: [], cleared: ['b', 'c'] });
  });

  it('requires the mandatory champs of every row, except those hidden in that row, and at least one row', () => {
    expect(problemesAuDepot([beneficiaires], { beneficiaires: [] }).map((p) => p.reason)).toEqual([
      '« Bénéficiaires » doit compter au moins une ligne',
    ]);
    const depot = preparerDepot([beneficiaires], {
      beneficiaires: [
        { nom: 'Alice', mineur: false, tuteur: 'caché' },
        { mineur: true },
        { nom: 'Chloé', mineur: true, tuteur: 'Denis' },
      ],
    });
    expect(depot.problems).toEqual([
      expect.objectContaining({
        champId: 'nom',
        row: 2,
        reason: '« Bénéficiaires », ligne 2 : « Nom » doit être rempli',
      }),
      expect.objectContaining({ champId: 'tuteur', row: 2, repetitionId: 'beneficiaires' }),
    ]);
    expect(depot.values['beneficiaires']).toEqual([
      { nom: 'Alice', mineur: false },
      { mineur: true },
      { nom: 'Chloé', mineur: true, tuteur: 'Denis' },
    ]);
  });

  it('lets a row condition read a champ above the bloc', () => {
    const bloc = champ('enfants', 'repetition', {
      children: [
        champ('ecole', 'text', { condition: { champId: 'scolarise', operator: 'equals', value: 'true' } }),
      ],
    });
    const champs = [champ('scolarise', 'yes_no'), bloc];
    expect(problemesAuDepot(champs, { scolarise: true, enfants: [{}] }).map((p) => p.champId)).toEqual([
      'ecole',
    ]);
    expect(problemesAuDepot(champs, { scolarise: false, enfants: [{}] })).toEqual([]);
  });
});

describe(verifierValeurs.name, () => {
  const champs = [
    champ('dep', 'departements'),
    champ('lien', 'dossier_link', { label: 'Dossier 2019' }),
    beneficiaires,
    champ('communes', 'repetition', {
      label: 'Communes',
      children: [champ('commune', 'communes', { label: 'Commune' })],
    }),
  ];

  it('stores what the checks return and reports their refusals, rows included, in form order', async () => {
    let lookups = 0;
    const { values, problems } = await verifierValeurs(
      champs,
      {
        dep: { code: '2B', nom: '' },
        lien: 99,
        communes: [
          { commune: { code: '69123', nom: '', departement: '' } },
          { commune: { code: '00000', nom: '', departement: '' } },
          { commune: { code: '69123', nom: '', departement: '' } },
        ],
      },
      {
        departements: async () => ({ ok: true, value: { code: '2B', nom: 'Haute-Corse' } }),
        dossier_link: async () => ({
          ok: false,
          reason: ": le dossier n° 99 n'existe pas ou vous n'y avez pas accès",
        }),
        communes: async (value) => {
          lookups += 1;
          const code = (value as { code: string }).code;
          return code === '69123'
            ? { ok: true, value: { code, nom: 'Lyon', departement: '69' } }
            : { ok: false, reason: "n'est pas une commune connue" };
        },
      },
    );
    expect(values['dep']).toEqual({ code: '2B', nom: 'Haute-Corse' });
    expect(values['communes']).toEqual([
      { commune: { code: '69123', nom: 'Lyon', departement: '69' } },
      { commune: { code: '00000', nom: '', departement: '' } },
      { commune: { code: '69123', nom: 'Lyon', departement: '69' } },
    ]);
    expect(lookups).toBe(2);
    expect(problems.map((p) => problemeDeVerification(champs, p).reason)).toEqual([
      "« Dossier 2019 » : le dossier n° 99 n'existe pas ou vous n'y avez pas accès",
      "« Communes », ligne 2 : « Commune » n'est pas une commune connue",
    ]);
  });
});
