import { DemarcheErrorCode } from '../demarche.exception';
import { pretePourPublication } from '../testing/in-memory-demarche.repository';
import { assertClonable, cloner, cloturer, depublier, doitEtreCloturee, supprimer } from './cycle-de-vie';
import { ajouterInstructeur, nouvelleDemarche } from './demarche';
import { ajouterChamp } from './formulaire';
import { estReouverture, publier } from './publication';

const now = new Date('2026-11-27T10:00:00Z');
const transition = expect.objectContaining({ code: DemarcheErrorCode.TRANSITION_INVALID });

function publiee() {
  const base = nouvelleDemarche({ number: 1, title: 'Aide', description: '', administrateur: 'a@b.fr', now });
  const { demarche } = ajouterChamp(base, 'champs', {
    type: 'text',
    label: 'Nom',
    description: '',
    mandatory: true,
    options: [],
  });
  return publier(pretePourPublication(ajouterInstructeur(demarche, 'i@b.fr')), 'aide', now);
}

describe('lifecycle', () => {
  it('closes a published démarche, then publishes it again as a reopening with a new revision number', () => {
    const close = cloturer(publiee(), now);
    expect(close).toMatchObject({ state: 'close', closedAt: now, replacedBy: null });
    expect(estReouverture(close)).toBe(true);
    const rouverte = publier(close, 'aide', now);
    expect(rouverte).toMatchObject({ state: 'publiee', closedAt: null, revisionNumber: 2 });
  });

  it('unpublishes a published démarche only', () => {
    expect(depublier(publiee(), now)).toMatchObject({ state: 'depubliee', unpublishedAt: now });
    expect(() => depublier(cloturer(publiee(), now), now)).toThrow(transition);
    expect(() => cloturer(depublier(publiee(), now), now)).toThrow(transition);
  });

  it('deletes a démarche en test or close, never a published or unpublished one', () => {
    const brouillon = nouvelleDemarche({
      number: 1,
      title: 'A',
      description: '',
      administrateur: 'a@b.fr',
      now,
    });
    expect(supprimer(brouillon, now).deletedAt).toBe(now);
    expect(supprimer(cloturer(publiee(), now), now)).toMatchObject({ deletedAt: now, slug: null });
    expect(() => supprimer(publiee(), now)).toThrow(transition);
    expect(() => supprimer(depublier(publiee(), now), now)).toThrow(transition);
  });

  it('is due for closing once its date limite de dépôt has passed', () => {
    const limite = new Date('2026-12-01T00:00:00Z');
    const demarche = { ...publiee(), dateLimiteDepot: limite };
    expect(doitEtreCloturee(demarche, new Date('2026-11-30T23:59:59Z'))).toBe(false);
    expect(doitEtreCloturee(demarche, limite)).toBe(true);
    expect(doitEtreCloturee({ ...demarche, state: 'close' }, limite)).toBe(false);
    expect(doitEtreCloturee(publiee(), limite)).toBe(false);
  });
});

describe('cloning', () => {
  it('copies the form, annotations, description and templates into a démarche en test, without instructeurs', () => {
    const source = { ...publiee(), dateLimiteDepot: new Date('2027-01-01T00:00:00Z') };
    const copie = cloner(source, { number: 7, administrateur: 'c@b.fr', now, memeAdministrateur: false });
    expect(copie).toMatchObject({
      number: 7,
      state: 'brouillon',
      slug: null,
      administrateurs: ['c@b.fr'],
      champs: source.champs,
      cadreJuridique: source.cadreJuridique,
      clonedFrom: source.id,
      revisionNumber: 0,
      revisionPubliee: null,
      service: null,
      dateLimiteDepot: null,
      lienDiffusion: null,
      version: 0,
    });
    expect(copie.id).not.toBe(source.id);
    expect(copie.groupesInstructeurs).toHaveLength(1);
    expect(copie.groupesInstructeurs[0].instructeurs).toEqual([]);
    expect(copie.groupesInstructeurs[0].id).not.toBe(source.groupesInstructeurs[0].id);
  });

  it('keeps the service when an administrateur clones her own démarche', () => {
    const source = publiee();
    expect(
      cloner(source, { number: 2, administrateur: 'a@b.fr', now, memeAdministrateur: true }).service,
    ).toEqual(source.service);
  });

  it('lets anyone clone a published démarche, but only its administrateurs clone one that is not', () => {
    expect(() => assertClonable(publiee(), 'x@b.fr')).not.toThrow();
    const close = cloturer(publiee(), now);
    expect(() => assertClonable(close, 'a@b.fr')).not.toThrow();
    expect(() => assertClonable(close, 'x@b.fr')).toThrow(
      expect.objectContaining({ code: DemarcheErrorCode.DEMARCHE_NOT_FOUND }),
    );
  });
});
