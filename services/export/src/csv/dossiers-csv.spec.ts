import { DossierState } from '@demarches/contracts';
import { DossierRecord } from '../domain/dossier-record';
import { champColumns, dossiersCsv } from './dossiers-csv';

const record = (overrides: Partial<DossierRecord> = {}): DossierRecord => ({
  dossierId: 'd-1',
  number: 42,
  demarcheId: 'dem-1',
  groupeInstructeurId: 'g-1',
  state: DossierState.ACCEPTE,
  usagerEmail: 'usager@exemple.fr',
  depositedAt: new Date('2026-11-20T09:05:00Z'),
  enInstructionAt: null,
  decidedAt: new Date('2026-07-01T22:30:00Z'),
  motivation: null,
  champs: [{ champId: 'c1', label: 'Nom du projet', value: 'Jardin, "partagé"' }],
  version: 3,
  ...overrides,
});

async function* from<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

async function collect(gen: AsyncGenerator<string>): Promise<string> {
  let out = '';
  for await (const chunk of gen) out += chunk;
  return out;
}

describe('dossiers CSV', () => {
  it('writes a BOM, the header with one column per champ, then one line per dossier', async () => {
    const records = [
      record(),
      record({ dossierId: 'd-2', number: 43, state: DossierState.EN_CONSTRUCTION, champs: [] }),
    ];
    const csv = await collect(dossiersCsv(champColumns(records.map((r) => r.champs)), from(records)));
    const [header, first, second, end] = csv.split('\r\n');
    expect(header).toBe(
      '\uFEFFNuméro,État,Date de dépôt,Date de passage en instruction,Date de décision,Motivation,E-mail usager,Nom du projet',
    );
    // Paris is UTC+1 in November and UTC+2 in July.
    expect(first).toBe(
      '42,Accepté,2026-11-20 10:05,,2026-07-02 00:30,,usager@exemple.fr,"Jardin, ""partagé"""',
    );
    expect(second).toBe('43,En construction,2026-11-20 10:05,,2026-07-02 00:30,,usager@exemple.fr,');
    expect(end).toBe('');
  });

  it('keeps two champs with the same label apart and shows the latest label of a renamed champ', () => {
    const columns = champColumns([
      [
        { champId: 'a', label: 'Nom' },
        { champId: 'b', label: 'Nom' },
      ],
      [{ champId: 'a', label: 'Nom du porteur' }],
    ]);
    expect(columns).toEqual([
      { champId: 'a', label: 'Nom du porteur' },
      { champId: 'b', label: 'Nom' },
    ]);
  });
});
