import { createHash } from 'node:crypto';
import { Dossier } from '../../../domain/dossier';
import { RevisionPubliee } from '../../../domain/revision';
import { Clock } from '../../../use-cases/clock';
import {
  InMemoryFichiers,
  InMemoryPieces,
  inMemoryDossiers,
  inMemoryRevisions,
} from '../../testing/in-memory';
import { DemarrerEnvoiUseCase } from '../demarrer-envoi/demarrer-envoi.use-case';
import { ConfirmerEnvoiUseCase } from './confirmer-envoi.use-case';

const now = new Date('2026-04-01T10:00:00Z');
const clock = { now: () => now } as Clock;
const revision = {
  demarcheId: 'dem',
  demarcheNumber: 1,
  title: 'Aide',
  slug: 'aide',
  revisionId: 'r',
  state: 'publiee',
  groupeInstructeurDefautId: 'g',
  sourceVersion: 1,
  champs: [
    {
      id: 'pj',
      type: 'piece_justificative',
      label: 'Justificatif',
      description: '',
      mandatory: true,
      options: [],
    },
    {
      id: 'id',
      type: 'titre_identite',
      label: "Pièce d'identité",
      description: '',
      mandatory: false,
      options: [],
    },
  ],
} as RevisionPubliee;
const owner = { sub: 'owner', email: 'owner@exemple.fr' };
const dossier = {
  id: 'dos',
  number: 1,
  demarcheId: 'dem',
  state: 'brouillon',
  usager: owner,
  champs: {},
  history: [],
  invites: [],
  deletedAt: null,
  version: 3,
} as unknown as Dossier;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function setup(initial: Dossier = dossier) {
  const dossiers = inMemoryDossiers(initial);
  const pieces = new InMemoryPieces();
  const fichiers = new InMemoryFichiers();
  const revisions = inMemoryRevisions(revision);
  return {
    dossiers,
    pieces,
    fichiers,
    demarrer: new DemarrerEnvoiUseCase(dossiers.repo, revisions, pieces, fichiers, clock),
    confirmer: new ConfirmerEnvoiUseCase(dossiers.repo, revisions, pieces, fichiers, clock),
  };
}

describe(ConfirmerEnvoiUseCase.name, () => {
  it('attaches a file whose size, checksum and first bytes match its declaration, with DossierUpdated', async () => {
    const { demarrer, confirmer, fichiers, dossiers } = setup();
    const body = Buffer.from('%PDF-1.7\nattestation');
    const { pieceJointe, envoi } = await demarrer.execute('dos', owner, {
      champId: 'pj',
      fileName: 'attestation.pdf',
      contentType: 'application/pdf',
      size: body.length,
      sha256: sha(body),
    });
    expect(envoi.mode).toBe('simple');
    fichiers.objects.set(pieceJointe.key, body);
    const { pieceJointe: attached, dossier: saved } = await confirmer.execute(
      'dos',
      pieceJointe.id,
      owner,
      undefined,
    );
    expect(attached).toMatchObject({ statut: 'jointe', attachedAt: now });
    expect(saved.champs['pj']).toEqual({ attachmentIds: [pieceJointe.id] });
    expect(dossiers.events).toEqual(['DossierUpdated']);
    // Confirming again changes nothing.
    await confirmer.execute('dos', pieceJointe.id, owner, undefined);
    expect(dossiers.events).toHaveLength(1);
  });

  it('refuses and deletes a file whose bytes are not of its announced format', async () => {
    const { demarrer, confirmer, fichiers, pieces } = setup();
    const body = Buffer.from('GIF89a not a png');
    const { pieceJointe } = await demarrer.execute('dos', owner, {
      champId: 'pj',
      fileName: 'scan.png',
      contentType: 'image/png',
      size: body.length,
      sha256: sha(body),
    });
    fichiers.objects.set(pieceJointe.key, body);
    await expect(confirmer.execute('dos', pieceJointe.id, owner, undefined)).rejects.toMatchObject({
      code: 'PIECE_JOINTE_CONTENT_MISMATCH',
    });
    expect(fichiers.objects.has(pieceJointe.key)).toBe(false);
    expect(await pieces.find(pieceJointe.id)).toBeNull();
  });

  it('refuses a file whose content differs from its declared checksum, and one never received', async () => {
    const { demarrer, confirmer, fichiers } = setup();
    const body = Buffer.from('%PDF-1.7\nvrai');
    const declare = () =>
      demarrer.execute('dos', owner, {
        champId: 'pj',
        fileName: 'a.pdf',
        contentType: 'application/pdf',
        size: body.length,
        sha256: sha(body),
      });
    const missing = await declare();
    await expect(confirmer.execute('dos', missing.pieceJointe.id, owner, undefined)).rejects.toMatchObject({
      code: 'PIECE_JOINTE_UPLOAD_INCOMPLETE',
    });
    const tampered = await declare();
    fichiers.objects.set(tampered.pieceJointe.key, Buffer.from('%PDF-1.7\nfaux'));
    await expect(confirmer.execute('dos', tampered.pieceJointe.id, owner, undefined)).rejects.toMatchObject({
      code: 'PIECE_JOINTE_UPLOAD_INCOMPLETE',
    });
    expect(fichiers.objects.has(tampered.pieceJointe.key)).toBe(false);
  });

  it('hands out 13 parts for 200 MB and requires their ETags at confirmation', async () => {
    const { demarrer, confirmer } = setup();
    const { pieceJointe, envoi } = await demarrer.execute('dos', owner, {
      champId: 'pj',
      fileName: 'gros.pdf',
      contentType: 'application/pdf',
      size: 200 * 1024 * 1024,
      sha256: 'a'.repeat(64),
    });
    expect(envoi).toMatchObject({ mode: 'multipart' });
    expect(envoi.mode === 'multipart' && envoi.parts.map((p) => p.partNumber)).toEqual(
      Array.from({ length: 13 }, (_, i) => i + 1),
    );
    await expect(confirmer.execute('dos', pieceJointe.id, owner, [])).rejects.toMatchObject({
      code: 'PIECE_JOINTE_UPLOAD_INCOMPLETE',
    });
  });

  it('refuses declarations the champ does not take, and answers another usager as for a missing dossier', async () => {
    const { demarrer } = setup();
    const declaration = {
      champId: 'pj',
      fileName: 'a.pdf',
      contentType: 'application/pdf',
      size: 10,
      sha256: 'a'.repeat(64),
    };
    await expect(
      demarrer.execute('dos', owner, { ...declaration, size: 200 * 1024 * 1024 + 1 }),
    ).rejects.toMatchObject({
      code: 'PIECE_JOINTE_TOO_LARGE',
    });
    await expect(demarrer.execute('dos', owner, { ...declaration, champId: 'id' })).rejects.toMatchObject({
      code: 'PIECE_JOINTE_FORMAT_REFUSED',
    });
    await expect(
      demarrer.execute('dos', owner, {
        ...declaration,
        champId: 'id',
        fileName: 'cni.jpg',
        contentType: 'image/jpeg',
        size: 21 * 1024 * 1024,
      }),
    ).rejects.toMatchObject({ code: 'PIECE_JOINTE_TOO_LARGE' });
    await expect(
      demarrer.execute('dos', { sub: 'other', email: 'o@x.fr' }, declaration),
    ).rejects.toMatchObject({
      code: 'DOSSIER_NOT_FOUND',
    });
  });

  it('refuses any file once the dossier is en instruction', async () => {
    const { demarrer } = setup({ ...dossier, state: 'en_instruction' } as Dossier);
    await expect(
      demarrer.execute('dos', owner, {
        champId: 'pj',
        fileName: 'a.pdf',
        contentType: 'application/pdf',
        size: 10,
        sha256: 'a'.repeat(64),
      }),
    ).rejects.toMatchObject({ code: 'DOSSIER_NOT_EDITABLE' });
  });
});
