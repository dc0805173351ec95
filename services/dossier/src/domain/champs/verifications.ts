import { ChampDescriptor } from '../revision';
import { ChampValue, ChampValueSimple, PieceJustificativeValue, RepetitionRow, Verdict } from './types';

/**
 * Checks that need another system (geo's référentiels, the BAN, the dossier repository, uploads), run when a value
 * is saved, after its shape was checked and normalised. Each returns the value to store (possibly enriched: a
 * name, a normalised drawing) or why it is refused; an unreachable dependency throws (kind unavailable).
 */
export type VerificationExterne = (value: ChampValue, champ: ChampDescriptor) => Promise<Verdict>;
export type VerificationsExternes = Readonly<Partial<Record<string, VerificationExterne>>>;

/**
 * Hook for the attachments module: confirms that attachment ids given for a pièce justificative are uploads of
 * this dossier, complete and accepted. The default (ShapeOnlyPieceJustificativeCheck) accepts any well-formed id;
 * the attachments module provides the real one in app.module.
 */
export abstract class PieceJustificativeCheck {
  abstract verifier(
    context: { dossierId: string; champId: string },
    value: PieceJustificativeValue,
  ): Promise<Verdict<PieceJustificativeValue>>;
}

export class ShapeOnlyPieceJustificativeCheck extends PieceJustificativeCheck {
  async verifier(
    _context: { dossierId: string; champId: string },
    value: PieceJustificativeValue,
  ): Promise<Verdict<PieceJustificativeValue>> {
    return { ok: true, value };
  }
}

export interface VerificationProblem {
  champId: string;
  reason: string;
  repetitionId?: string;
  row?: number;
}

/** Bounded parallelism: a bloc of 200 rows must not fire 200 geo requests at once. */
const PARALLELISM = 8;

async function pool<T>(tasks: Array<() => Promise<T>>): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLELISM, tasks.length) }, worker));
  return results;
}

/**
 * Runs the external checks for the (already normalised) values being saved, rows of blocs included, and returns
 * the values to store and every refusal. Identical checks within one save run once.
 */
export async function verifierValeurs(
  champs: ChampDescriptor[],
  values: Record<string, ChampValue>,
  verifications: VerificationsExternes,
): Promise<{ values: Record<string, ChampValue>; problems: VerificationProblem[] }> {
  const result: Record<string, ChampValue> = { ...values };
  const problems: VerificationProblem[] = [];
  const cache = new Map<string, Promise<Verdict>>();
  const check = (champ: ChampDescriptor, value: ChampValue): Promise<Verdict> | null => {
    const verifier = verifications[champ.type];
    if (!verifier || value === null) return null;
    const key = `${champ.id}\u0000${JSON.stringify(value)}`;
    if (!cache.has(key)) cache.set(key, verifier(value, champ));
    return cache.get(key) ?? null;
  };
  const tasks: Array<() => Promise<void>> = [];
  for (const champ of champs) {
    if (!(champ.id in values)) continue;
    const value = values[champ.id];
    if (champ.type === 'repetition' && Array.isArray(value)) {
      const rows = (value as RepetitionRow[]).map((row) => ({ ...row }));
      result[champ.id] = rows;
      const children = champ.children ?? [];
      rows.forEach((row, index) => {
        for (const child of children) {
          if (!(child.id in row)) continue;
          tasks.push(async () => {
            const verdict = await check(child, row[child.id]);
            if (!verdict) return;
            if (verdict.ok) row[child.id] = verdict.value as ChampValueSimple;
            else
              problems.push({
                champId: child.id,
                reason: verdict.reason,
                repetitionId: champ.id,
                row: index + 1,
              });
          });
        }
      });
      continue;
    }
    tasks.push(async () => {
      const verdict = await check(champ, value);
      if (!verdict) return;
      if (verdict.ok) result[champ.id] = verdict.value;
      else problems.push({ champId: champ.id, reason: verdict.reason });
    });
  }
  await pool(tasks);
  problems.sort((a, b) => order(champs, a) - order(champs, b) || (a.row ?? 0) - (b.row ?? 0));
  return { values: result, problems };
}

function order(champs: ChampDescriptor[], problem: VerificationProblem): number {
  return champs.findIndex((champ) => champ.id === (problem.repetitionId ?? problem.champId));
}
