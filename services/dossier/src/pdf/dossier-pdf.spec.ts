import { extractPdfText, pdfInfoTitle, renderPdf } from '@demarches/pdf';
import { Dossier } from '../domain/dossier';
import { RevisionPubliee } from '../domain/revision';
import { PieceJointe } from '../pieces-jointes/domain/piece-jointe';
import { modeleDuDossier } from './dossier-pdf';

const now = new Date('2026-06-01T08:00:00Z');
const revision = {
  demarcheId: 'd1',
  demarcheNumber: 4,
  title: 'Subvention des associations',
  slug: 'subvention',
  revisionId: 'r1',
  state: 'publiee',
  champs: [
    { id: 'nom', type: 'text', label: "Nom de l'association", description: '', mandatory: true, options: [] },
    { id: 'sec', type: 'header_section', label: 'Budget', description: '', mandatory: false, options: [] },
    {
      id: 'pj',
      type: 'piece_justificative',
      label: 'Budget prévisionnel',
      description: '',
      mandatory: true,
      options: [],
    },
    {
      id: 'membres',
      type: 'integer_number',
      label: 'Nombre de membres',
      description: '',
      mandatory: false,
      options: [],
    },
  ],
  groupeInstructeurDefautId: 'g',
  administration: 'Mairie de Lyon',
  sourceVersion: 1,
} as RevisionPubliee;

const dossier = {
  id: 'x',
  number: 1234,
  demarcheId: 'd1',
  state: 'en_construction',
  usager: { sub: 's', email: 'presidente@asso.fr' },
  champs: { nom: 'Les Amis du Parc', pj: { attachmentIds: ['f1', 'f2'] } },
  depositedAt: new Date('2026-05-20T10:00:00Z'),
  instructionStartedAt: null,
  decidedAt: null,
  demandeur: {
    kind: 'particulier',
    civilite: 'Mme',
    nom: 'Durand',
    prenom: 'Alice',
    fromFranceConnect: false,
  },
} as unknown as Dossier;

const piece = (id: string, fileName: string): PieceJointe =>
  ({ id, fileName, statut: 'jointe' }) as PieceJointe;

describe('PDF du dossier', () => {
  it('prints every champ in form order, the names of the attached files, and « Non renseigné » for an empty one', () => {
    const model = modeleDuDossier(
      dossier,
      revision,
      [piece('f1', 'budget-2027.pdf'), piece('f2', 'rib.pdf')],
      now,
    );
    const rows = model.blocks.flatMap((b) => (b.kind === 'fields' ? b.rows : []));
    expect(rows).toEqual(
      expect.arrayContaining([
        { label: 'Numéro', value: '1234' },
        { label: 'État', value: 'en construction' },
        { label: 'Administration', value: 'Mairie de Lyon' },
        { label: 'Nom', value: 'Durand' },
        { label: "Nom de l'association", value: 'Les Amis du Parc' },
        { label: 'Budget prévisionnel', value: 'budget-2027.pdf\nrib.pdf' },
        { label: 'Nombre de membres', value: 'Non renseigné' },
      ]),
    );
    expect(model.blocks).toContainEqual({ kind: 'heading', text: 'Budget', level: 3 });
    expect(model.title).toBe('Dossier n° 1234 — Subvention des associations');
  });

  it('renders a PDF whose text holds the values and file names', async () => {
    const pdf = await renderPdf(modeleDuDossier(dossier, revision, [piece('f1', 'budget-2027.pdf')], now), {
      compress: false,
    });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfInfoTitle(pdf)).toBe('Dossier n° 1234 — Subvention des associations');
    const text = extractPdfText(pdf).join(' ');
    expect(text).toContain('Les Amis du Parc');
    expect(text).toContain('budget-2027.pdf');
  });
});
