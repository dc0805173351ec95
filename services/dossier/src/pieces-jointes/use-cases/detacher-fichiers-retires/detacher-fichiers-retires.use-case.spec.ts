import { Dossier } from '../../../domain/dossier';
import { nouvellePieceJointe, PieceJointe } from '../../domain/piece-jointe';
import { InMemoryPieces } from '../../testing/in-memory';
import { DetacherFichiersRetiresUseCase } from './detacher-fichiers-retires.use-case';

const now = new Date('2026-04-01T10:00:00Z');

function piece(dossierId: string, champId: string, statut: PieceJointe['statut'] = 'jointe'): PieceJointe {
  const declaration = {
    champId,
    fileName: 'a.pdf',
    contentType: 'application/pdf',
    size: 9,
    sha256: 'a'.repeat(64),
  };
  return { ...nouvellePieceJointe(dossierId, declaration, 'u@exemple.fr', now), statut };
}

const dossier = (champs: Record<string, unknown>): Dossier => ({ id: 'd1', champs }) as unknown as Dossier;

describe('DetacherFichiersRetiresUseCase', () => {
  it('detaches the files a champ no longer lists, and only those', async () => {
    const pieces = new InMemoryPieces();
    const [gardee, retiree, ligne] = [piece('d1', 'pj'), piece('d1', 'pj'), piece('d1', 'enfant')];
    for (const p of [gardee, retiree, ligne]) await pieces.insert(p);
    const avant = dossier({
      pj: { attachmentIds: [gardee.id, retiree.id] },
      rep: [{ enfant: { attachmentIds: [ligne.id] } }],
    });
    const apres = dossier({ pj: { attachmentIds: [gardee.id] }, rep: [] });

    const detaches = await new DetacherFichiersRetiresUseCase(pieces).execute(avant, apres, now);

    expect(detaches.sort()).toEqual([retiree.id, ligne.id].sort());
    expect(pieces.byId.get(retiree.id)).toMatchObject({ statut: 'retiree', removedAt: now });
    expect(pieces.byId.get(ligne.id)).toMatchObject({ statut: 'retiree', removedAt: now });
    expect(pieces.byId.get(gardee.id)).toMatchObject({ statut: 'jointe', removedAt: null });
  });

  it("leaves a file still listed by another champ, another dossier's file, and one already detached", async () => {
    const pieces = new InMemoryPieces();
    const deplacee = piece('d1', 'pj');
    const etrangere = piece('d2', 'pj');
    const dejaRetiree = { ...piece('d1', 'pj', 'retiree'), removedAt: new Date('2026-03-01T00:00:00Z') };
    for (const p of [deplacee, etrangere, dejaRetiree]) await pieces.insert(p);
    const avant = dossier({ pj: { attachmentIds: [deplacee.id, etrangere.id, dejaRetiree.id] } });
    const apres = dossier({ pj: null, autre: { attachmentIds: [deplacee.id] } });

    expect(await new DetacherFichiersRetiresUseCase(pieces).execute(avant, apres, now)).toEqual([]);
    expect(pieces.byId.get(deplacee.id)?.statut).toBe('jointe');
    expect(pieces.byId.get(etrangere.id)?.statut).toBe('jointe');
    expect(pieces.byId.get(dejaRetiree.id)?.removedAt).toEqual(new Date('2026-03-01T00:00:00Z'));
  });
});
