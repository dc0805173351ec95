import { demarcheDeTest, nouveauChamp as champ } from '../../testing/champ-fixtures';
import {
  ChampType,
  decodeMessage,
  DemarcheFileKind,
  encodeMessage,
  eventCodec,
  Topics,
} from '@demarches/contracts';
import { nouvelleDemarche } from '../../domain/demarche';
import { avecFichier } from '../../domain/fichiers';
import { ajouterChamp, NouveauChamp } from '../../domain/formulaire';
import { demarchePublishedPayload } from './demarche-published.mapper';

const now = new Date('2026-11-27T10:00:00Z');
describe('DemarchePublished snapshot of the champs', () => {
  it('carries the children of a bloc répétable and every champ’s settings as JSON', () => {
    let demarche = demarcheDeTest([], now);
    const add = (nouveau: NouveauChamp, parentId: string | null = null) => {
      const edition = ajouterChamp(demarche, 'champs', nouveau, parentId);
      demarche = edition.demarche;
      return edition.result.id;
    };
    add(champ('Référence', { type: 'formatted', settings: { minLength: 3, numbersAccepted: false } }));
    const bloc = add(champ('Enfants', { type: 'repetition', mandatory: true }));
    const age = add(champ('Âge', { type: 'integer_number', settings: { min: 0, max: 25 } }), bloc);
    add(champ('Prénom'), bloc);

    const payload = demarchePublishedPayload(demarche, { enTest: true });
    // Through the real protobuf codec, as consumers get it.
    const codec = eventCodec(Topics.procedure, 'DemarchePublished');
    if (!codec) throw new Error('no codec');
    const decoded = decodeMessage(codec, encodeMessage(codec, payload)) as typeof payload;
    expect(decoded.champs).toHaveLength(2);
    expect(JSON.parse(decoded.champs[0].settingsJson)).toEqual({ minLength: 3, numbersAccepted: false });
    expect(decoded.champs[0].children).toEqual([]);
    expect(decoded.champs[1]).toMatchObject({ id: bloc, type: ChampType.REPETITION, settingsJson: '' });
    expect(decoded.champs[1].children).toEqual([
      expect.objectContaining({
        id: age,
        type: ChampType.INTEGER_NUMBER,
        settingsJson: '{"min":0,"max":25}',
      }),
      expect.objectContaining({ label: 'Prénom', type: ChampType.TEXT, settingsJson: '', children: [] }),
    ]);
  });
});

describe('DemarchePublished snapshot of the files', () => {
  it('tells which files exist without their storage keys', () => {
    const vide = nouvelleDemarche({ number: 1, title: 'A', description: '', administrateur: 'a@x.fr', now });
    expect(demarchePublishedPayload(vide).files).toEqual([]);
    const demarche = avecFichier(
      avecFichier(vide, 'cadre_juridique', {
        key: 'demarches/d/cadre_juridique/1',
        filename: 'délibération.pdf',
        contentType: 'application/pdf',
        size: 2048,
      }),
      'logo',
      { key: 'demarches/d/logo/1', filename: 'logo.png', contentType: 'image/png', size: 300 },
    );
    const codec = eventCodec(Topics.procedure, 'DemarchePublished');
    if (!codec) throw new Error('no codec');
    const payload = demarchePublishedPayload(demarche);
    const decoded = decodeMessage(codec, encodeMessage(codec, payload)) as typeof payload;
    expect(decoded.files).toEqual([
      { kind: DemarcheFileKind.LOGO, fileName: 'logo.png', contentType: 'image/png', size: 300 },
      {
        kind: DemarcheFileKind.CADRE_JURIDIQUE,
        fileName: 'délibération.pdf',
        contentType: 'application/pdf',
        size: 2048,
      },
    ]);
    expect(JSON.stringify(decoded)).not.toContain('demarches/d/');
  });
});
