import { ReferentielKind } from '@demarches/contracts';
import { Referentiel } from '../referentiel/referentiel';
import { ReferentielLookupConsumer } from './referentiel-lookup.consumer';

const consumer = new ReferentielLookupConsumer(Referentiel.load());

describe(ReferentielLookupConsumer.name, () => {
  it.each([
    [ReferentielKind.REGION, '84', 'Auvergne-Rhône-Alpes'],
    [ReferentielKind.DEPARTEMENT, '2a', 'Corse-du-Sud'],
    [ReferentielKind.DEPARTEMENT, '974', 'La Réunion'],
    [ReferentielKind.PAYS, 'de', 'Allemagne'],
  ])('finds %s %s', async (kind, code, nom) => {
    await expect(consumer.handle({ kind, code })).resolves.toMatchObject({ ok: { nom } });
  });

  it('answers an unknown code with the coded error of its kind', async () => {
    await expect(consumer.handle({ kind: ReferentielKind.DEPARTEMENT, code: '00' })).rejects.toMatchObject({
      code: 'DEPARTEMENT_NOT_FOUND',
    });
    await expect(consumer.handle({ kind: ReferentielKind.UNSPECIFIED, code: '84' })).rejects.toMatchObject({
      code: 'REFERENTIEL_KIND_INVALID',
    });
  });
});
