import { ChampDescriptor } from '../revision';
import { accept, ChampValueSimple, isRecord, refuse, RepetitionRow, Verdict } from './types';

/** Rows of one bloc répétable: enough for real lists (beneficiaries, parcels), bounded to keep a dossier small. */
export const MAX_ROWS = 200;

export interface RowProblem {
  row: number;
  champId: string;
  label: string;
  reason: string;
}

/**
 * Bloc répétable: an array of rows, each an object keyed by child champ id. The usager adds and removes rows by
 * sending the whole array. Each child value is checked with its own type; a repetition never contains another.
 */
export function validerRepetition(
  value: unknown,
  champ: ChampDescriptor,
  validerEnfant: (child: ChampDescriptor, value: unknown) => Verdict,
): Verdict & { rowProblems?: RowProblem[] } {
  if (!Array.isArray(value)) return refuse('doit être une liste de lignes');
  if (value.length > MAX_ROWS) return refuse(`ne doit pas compter plus de ${MAX_ROWS} lignes`);
  const children = new Map((champ.children ?? []).map((child) => [child.id, child]));
  const rows: RepetitionRow[] = [];
  const rowProblems: RowProblem[] = [];
  value.forEach((raw, index) => {
    if (!isRecord(raw)) {
      rowProblems.push({
        row: index + 1,
        champId: champ.id,
        label: champ.label,
        reason: 'doit être un objet',
      });
      return;
    }
    const row: RepetitionRow = {};
    for (const [childId, childValue] of Object.entries(raw)) {
      const child = children.get(childId);
      if (!child) {
        rowProblems.push({
          row: index + 1,
          champId: childId,
          label: childId,
          reason: "n'existe pas dans ce bloc",
        });
        continue;
      }
      if (child.type === 'repetition') {
        rowProblems.push({
          row: index + 1,
          champId: childId,
          label: child.label,
          reason: 'ne peut pas être répété dans un bloc',
        });
        continue;
      }
      if (childValue === null || childValue === undefined) {
        row[childId] = null;
        continue;
      }
      const verdict = validerEnfant(child, childValue);
      if (verdict.ok) row[childId] = verdict.value as ChampValueSimple;
      else rowProblems.push({ row: index + 1, champId: childId, label: child.label, reason: verdict.reason });
    }
    rows.push(row);
  });
  if (rowProblems.length > 0) {
    const first = rowProblems[0];
    return { ...refuse(`ligne ${first.row}, « ${first.label} » ${first.reason}`), rowProblems };
  }
  return accept(rows);
}
