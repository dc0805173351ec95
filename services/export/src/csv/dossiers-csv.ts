import { DossierState } from '@demarches/contracts';
import { ChampCell, DossierRecord } from '../domain/dossier-record';
import { CSV_BOM, encodeRecord } from './csv-encoder';

export interface ChampColumn {
  champId: string;
  label: string;
}

const STATE_LABELS: Partial<Record<DossierState, string>> = {
  [DossierState.BROUILLON]: 'Brouillon',
  [DossierState.EN_CONSTRUCTION]: 'En construction',
  [DossierState.EN_INSTRUCTION]: 'En instruction',
  [DossierState.ACCEPTE]: 'Accepté',
  [DossierState.REFUSE]: 'Refusé',
  [DossierState.SANS_SUITE]: 'Classé sans suite',
};

export const FIXED_HEADERS = [
  'Numéro',
  'État',
  'Date de dépôt',
  'Date de passage en instruction',
  'Date de décision',
  'Motivation',
  'E-mail usager',
];

// "2026-11-27 11:00" in Paris time: sortable as text and read as a date by spreadsheets.
const dateFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

export function formatExportDate(date: Date | null): string {
  return date ? dateFormat.format(date) : '';
}

/**
 * Champ columns, one per champ id (two champs may share a label), in the order they first appear; the label is the
 * most recent one seen, so a renamed champ shows its current name.
 */
export function champColumns(
  champLists: Iterable<ReadonlyArray<Pick<ChampCell, 'champId' | 'label'>>>,
): ChampColumn[] {
  const columns = new Map<string, ChampColumn>();
  for (const champs of champLists) {
    for (const { champId, label } of champs) columns.set(champId, { champId, label });
  }
  return [...columns.values()];
}

/** The CSV file as a stream of text chunks: BOM and header first, then one line per dossier. */
export async function* dossiersCsv(
  columns: ChampColumn[],
  records: AsyncIterable<DossierRecord>,
): AsyncGenerator<string> {
  yield CSV_BOM + encodeRecord([...FIXED_HEADERS, ...columns.map((c) => c.label)]);
  for await (const record of records) {
    const values = new Map(record.champs.map((c) => [c.champId, c.value]));
    yield encodeRecord([
      record.number,
      STATE_LABELS[record.state] ?? record.state,
      formatExportDate(record.depositedAt),
      formatExportDate(record.enInstructionAt),
      formatExportDate(record.decidedAt),
      record.motivation ?? '',
      record.usagerEmail,
      ...columns.map((c) => values.get(c.champId) ?? ''),
    ]);
  }
}
