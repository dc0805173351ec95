import { appartientAOnglet, DossierInstruction, estPlusRecent } from './dossier-instruction';

const base: DossierInstruction = {
  dossierId: 'd',
  number: 1,
  demarcheId: 'p',
  demarcheNumber: 1,
  demarcheTitle: 'Aide',
  groupeInstructeurId: 'g',
  usagerEmail: 'u@x.fr',
  state: 'en_construction',
  depositedAt: new Date(),
  updatedAt: new Date(),
  followers: [],
  archived: false,
  dossierVersion: 2,
};

describe('instructeur dashboard tabs', () => {
  it('lists a freshly deposited dossier « à suivre » and in « tous », not in « suivis » or « traités »', () => {
    expect(appartientAOnglet(base, 'a-suivre', 'i@x.fr')).toBe(true);
    expect(appartientAOnglet(base, 'tous', 'i@x.fr')).toBe(true);
    expect(appartientAOnglet(base, 'suivis', 'i@x.fr')).toBe(false);
    expect(appartientAOnglet(base, 'traites', 'i@x.fr')).toBe(false);
  });

  it('moves a followed dossier to « suivis » for its follower only', () => {
    const suivi = { ...base, followers: ['i@x.fr'] };
    expect(appartientAOnglet(suivi, 'a-suivre', 'i@x.fr')).toBe(false);
    expect(appartientAOnglet(suivi, 'suivis', 'i@x.fr')).toBe(true);
    expect(appartientAOnglet(suivi, 'suivis', 'autre@x.fr')).toBe(false);
  });

  it('puts a decided dossier in « traités » and an archived one only in « archivés »', () => {
    expect(appartientAOnglet({ ...base, state: 'accepte' }, 'traites', 'i@x.fr')).toBe(true);
    const archive = { ...base, state: 'refuse' as const, archived: true };
    expect(appartientAOnglet(archive, 'traites', 'i@x.fr')).toBe(false);
    expect(appartientAOnglet(archive, 'archives', 'i@x.fr')).toBe(true);
  });

  it('ignores events that are not newer than the projection', () => {
    expect(estPlusRecent(null, 1)).toBe(true);
    expect(estPlusRecent(base, 2)).toBe(false);
    expect(estPlusRecent(base, 3)).toBe(true);
  });
});
