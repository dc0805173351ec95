import { ShapeOnlyPieceJustificativeCheck } from '../../domain/champs/verifications';
import { creerDossier, Dossier } from '../../domain/dossier';
import { ChampDescriptor } from '../../domain/revision';
import { GeoChecks } from '../../geo/geo-checks';
import { DossierRepository } from '../../persistence/dossier.repository';
import { revisionPubliee } from '../../testing/fixtures';
import { ChampVerifier } from './champ-verifier';

const now = new Date('2026-11-27T10:00:00Z');
const usager = { sub: 'sub-usager', email: 'usager@exemple.fr' };
const lien: ChampDescriptor = {
  id: 'lien',
  type: 'dossier_link',
  label: 'Dossier 2019',
  description: '',
  mandatory: false,
  options: [],
};

function dossier(number: number, owner = usager, patch: Partial<Dossier> = {}): Dossier {
  return { ...creerDossier(revisionPubliee, owner, number, now), ...patch };
}

/** In-memory stand-in for the repository: only the lookup by number is used. */
function repository(dossiers: Dossier[]): DossierRepository {
  return {
    findByNumber: async (number: number) => dossiers.find((d) => d.number === number) ?? null,
  } as unknown as DossierRepository;
}

describe(ChampVerifier.name, () => {
  const current = dossier(1);
  const others = [
    dossier(2, usager, { state: 'en_construction' }),
    dossier(3, { sub: 'sub-autre', email: 'autre@exemple.fr' }, { state: 'accepte' }),
    dossier(
      4,
      { sub: 'sub-autre', email: 'autre@exemple.fr' },
      {
        state: 'en_construction',
        invites: [{ email: 'USAGER@exemple.fr', message: '', invitedBy: 'autre@exemple.fr', invitedAt: now }],
      },
    ),
    dossier(5, usager),
    dossier(6, usager, { state: 'en_construction', deletedAt: now }),
  ];
  const verifier = new ChampVerifier(
    {} as GeoChecks,
    repository([current, ...others]),
    new ShapeOnlyPieceJustificativeCheck(),
  );
  const check = (number: number) => verifier.pour(current, usager)['dossier_link']!(number, lien);

  it('accepts a deposited dossier the usager owns or is invited on', async () => {
    await expect(check(2)).resolves.toEqual({ ok: true, value: 2 });
    await expect(check(4)).resolves.toEqual({ ok: true, value: 4 });
  });

  it('gives the same refusal for a foreign, deleted or unknown dossier', async () => {
    const refusals = await Promise.all([check(3), check(6), check(404)]);
    expect(refusals.map((r) => (r.ok ? 'ok' : r.reason.replace(/\d+/, 'N')))).toEqual([
      ": le dossier n° N n'existe pas ou vous n'y avez pas accès",
      ": le dossier n° N n'existe pas ou vous n'y avez pas accès",
      ": le dossier n° N n'existe pas ou vous n'y avez pas accès",
    ]);
  });

  it('refuses a draft and the dossier itself', async () => {
    await expect(check(5)).resolves.toMatchObject({ ok: false, reason: /pas encore été déposé/ });
    await expect(check(1)).resolves.toMatchObject({ ok: false, reason: /lui-même/ });
  });
});
