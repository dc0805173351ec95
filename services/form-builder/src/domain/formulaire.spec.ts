import { DemarcheErrorCode } from '../demarche.exception';
import { ajouterInstructeur, nouvelleDemarche } from './demarche';
import { ajouterChamp, deplacerChamp, modifierChamp, NouveauChamp, supprimerChamp } from './formulaire';
import { publier } from './publication';
import { pretePourPublication } from '../testing/in-memory-demarche.repository';

const now = new Date('2026-11-27T10:00:00Z');
const champ = (label: string, extra: Partial<NouveauChamp> = {}): NouveauChamp => ({
  type: 'text',
  label,
  description: '',
  mandatory: false,
  options: [],
  ...extra,
});

function avecTroisChamps() {
  let demarche = nouvelleDemarche({
    number: 1,
    title: 'Aide',
    description: '',
    administrateur: 'a@x.fr',
    now,
  });
  const ids: string[] = [];
  for (const label of ['Nom', 'Adresse', 'Budget']) {
    const edition = ajouterChamp(demarche, 'champs', champ(label));
    demarche = edition.demarche;
    ids.push(edition.result.id);
  }
  return { demarche, ids };
}

describe('form editing', () => {
  it('changes a champ in place, keeping its id and validating the result', () => {
    const { demarche, ids } = avecTroisChamps();
    const { demarche: edited, result } = modifierChamp(demarche, 'champs', ids[1], {
      type: 'drop_down_list',
      options: ['Paris', 'Lyon'],
      mandatory: true,
    });
    expect(result).toMatchObject({
      id: ids[1],
      label: 'Adresse',
      type: 'drop_down_list',
      options: ['Paris', 'Lyon'],
    });
    expect(edited.champs.map((c) => c.id)).toEqual(ids);
    expect(() => modifierChamp(demarche, 'champs', ids[1], { type: 'drop_down_list' })).toThrow(
      expect.objectContaining({ code: DemarcheErrorCode.CHAMP_INVALID }),
    );
  });

  it('moves a champ up or down and leaves it at either end', () => {
    const { demarche, ids } = avecTroisChamps();
    expect(deplacerChamp(demarche, 'champs', ids[2], 'haut').result).toEqual([ids[0], ids[2], ids[1]]);
    expect(deplacerChamp(demarche, 'champs', ids[0], 'bas').result).toEqual([ids[1], ids[0], ids[2]]);
    expect(deplacerChamp(demarche, 'champs', ids[0], 'haut').result).toEqual(ids);
    expect(deplacerChamp(demarche, 'champs', ids[2], 'bas').result).toEqual(ids);
  });

  it('deletes a champ, and answers "not found" for an unknown one', () => {
    const { demarche, ids } = avecTroisChamps();
    expect(supprimerChamp(demarche, 'champs', ids[1]).result).toEqual([ids[0], ids[2]]);
    expect(() => supprimerChamp(demarche, 'champs', 'inconnu')).toThrow(
      expect.objectContaining({ code: DemarcheErrorCode.CHAMP_NOT_FOUND }),
    );
  });

  it('keeps annotations privées apart from the usager’s form', () => {
    const { demarche } = avecTroisChamps();
    const { demarche: annotee, result } = ajouterChamp(
      demarche,
      'annotations',
      champ('Avis du service', { type: 'textarea' }),
    );
    expect(annotee.annotations.map((a) => a.id)).toEqual([result.id]);
    expect(annotee.champs).toHaveLength(3);
    expect(() => modifierChamp(annotee, 'champs', result.id, { label: 'x' })).toThrow(
      expect.objectContaining({ code: DemarcheErrorCode.CHAMP_NOT_FOUND }),
    );
  });

  it('edits the draft of the next revision once published, leaving the published revision frozen', () => {
    const { demarche, ids } = avecTroisChamps();
    const publiee = publier(pretePourPublication(ajouterInstructeur(demarche, 'i@x.fr')), 'aide', now);
    const annotee = ajouterChamp(publiee, 'annotations', champ('Note')).demarche;
    const renommee = modifierChamp(annotee, 'champs', ids[0], { label: 'x' }).demarche;
    const deplacee = deplacerChamp(renommee, 'champs', ids[0], 'bas').demarche;
    expect(deplacee.champs.map((c) => c.id)).toEqual([ids[1], ids[0], ids[2]]);
    expect(deplacee.annotations).toHaveLength(1);
    expect(deplacee.revisionPubliee?.champs.map((c) => c.label)).toEqual(publiee.champs.map((c) => c.label));
    expect(deplacee.revisionPubliee?.annotations).toEqual([]);
    expect(supprimerChamp(deplacee, 'champs', ids[0]).demarche.champs).toHaveLength(2);
  });
});
