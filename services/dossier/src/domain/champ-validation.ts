import { champsVisibles } from '@demarches/formulaire';
import { estVide, incomplet, TYPES_SANS_VALEUR, validerForme } from './champs/registry';
import { ChampValue, ChampValueSimple, RepetitionRow } from './champs/types';
import { ChampDescriptor } from './revision';

export type { ChampValue } from './champs/types';

/** One missing or invalid champ; `row` (from 1) and `repetitionId` locate a champ inside a bloc répétable. */
export interface ChampProblem {
  champId: string;
  label: string;
  reason: string;
  repetitionId?: string;
  row?: number;
}

function probleme(
  champ: ChampDescriptor,
  reason: string,
  where?: { parent: ChampDescriptor; row: number },
): ChampProblem {
  if (!where) return { champId: champ.id, label: champ.label, reason: `« ${champ.label} » ${reason}` };
  return {
    champId: champ.id,
    label: champ.label,
    repetitionId: where.parent.id,
    row: where.row,
    reason: `« ${where.parent.label} », ligne ${where.row} : « ${champ.label} » ${reason}`,
  };
}

export function isEmpty(value: ChampValue | undefined): boolean {
  return (
    value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

/** Checks one value against its champ. Empty values are always fine here: mandatory checks happen at dépôt. */
export function validerValeur(champ: ChampDescriptor, value: unknown): ChampProblem | null {
  return normaliserValeur(champ, value).problems[0] ?? null;
}

/** The normalised value to store for one champ, or every problem found in it (one per row for a bloc). */
export function normaliserValeur(
  champ: ChampDescriptor,
  value: unknown,
): { value: ChampValue; problems: ChampProblem[] } {
  // Cleared by the usager: stored as sent ('' from an emptied input, or null).
  if (value === null || value === undefined) return { value: null, problems: [] };
  if (value === '') return { value: '', problems: [] };
  const verdict = validerForme(champ, value);
  if (verdict.ok) return { value: verdict.value, problems: [] };
  if (verdict.rowProblems) {
    const children = new Map((champ.children ?? []).map((child) => [child.id, child]));
    return {
      value: null,
      problems: verdict.rowProblems.map((p) => {
        const child = children.get(p.champId);
        return child
          ? probleme(child, p.reason, { parent: champ, row: p.row })
          : {
              champId: p.champId,
              label: p.label,
              repetitionId: champ.id,
              row: p.row,
              reason: `« ${champ.label} », ligne ${p.row} : « ${p.label} » ${p.reason}`,
            };
      }),
    };
  }
  return { value: null, problems: [probleme(champ, verdict.reason)] };
}

/**
 * Draft save: every value given must have the right shape for its champ (normalised for storage), but nothing is
 * required. Unknown champ ids are the caller's concern (the form's revision decides which exist).
 */
export function normaliserValeurs(
  champs: ChampDescriptor[],
  values: Record<string, unknown>,
): { values: Record<string, ChampValue>; problems: ChampProblem[] } {
  const normalised: Record<string, ChampValue> = {};
  const problems: ChampProblem[] = [];
  for (const champ of champs) {
    if (!(champ.id in values)) continue;
    const result = normaliserValeur(champ, values[champ.id]);
    if (result.problems.length > 0) problems.push(...result.problems);
    else normalised[champ.id] = result.value;
  }
  return { values: normalised, problems };
}

/** A refusal of an external check (geo, linked dossier, attachments) worded like the shape problems. */
export function problemeDeVerification(
  champs: ChampDescriptor[],
  refusal: { champId: string; reason: string; repetitionId?: string; row?: number },
): ChampProblem {
  const parent = refusal.repetitionId ? champs.find((champ) => champ.id === refusal.repetitionId) : undefined;
  const pool = parent ? (parent.children ?? []) : champs;
  const champ = pool.find((c) => c.id === refusal.champId) ?? {
    id: refusal.champId,
    type: 'text',
    label: refusal.champId,
    description: '',
    mandatory: false,
    options: [],
  };
  return probleme(champ, refusal.reason, parent && refusal.row ? { parent, row: refusal.row } : undefined);
}

/** Mandatory and validity checks of one champ at dépôt (rows of a bloc included). */
function problemesDuChamp(
  champ: ChampDescriptor,
  value: ChampValue | undefined,
  where?: { parent: ChampDescriptor; row: number },
): ChampProblem[] {
  if (TYPES_SANS_VALEUR.has(champ.type)) return [];
  if (estVide(champ, value)) {
    if (!champ.mandatory) return [];
    const reason = champ.type === 'checkbox' ? 'doit être coché' : 'doit être rempli';
    return [probleme(champ, reason, where)];
  }
  const stored = value as ChampValue;
  if (where) {
    const verdict = validerForme(champ, stored);
    if (!verdict.ok) return [probleme(champ, verdict.reason, where)];
  } else {
    const { problems } = normaliserValeur(champ, stored);
    if (problems.length > 0) return problems;
  }
  const missing = champ.mandatory ? incomplet(champ, stored) : null;
  return missing ? [probleme(champ, missing, where)] : [];
}

/** The children of a bloc shown in one row: their conditions may read the row and the champs visible above. */
function enfantsVisibles(
  champ: ChampDescriptor,
  row: RepetitionRow,
  visibles: Record<string, ChampValue>,
): ChampDescriptor[] {
  const children = champ.children ?? [];
  const context = Object.keys(visibles).map((id) => ({ id }));
  const shown = champsVisibles([...context, ...children], { ...visibles, ...row });
  return children.filter((child) => shown.has(child.id));
}

/**
 * Dépôt: champs hidden by their condition are cleared and never required; every visible mandatory champ must be
 * answered and every value valid, rows of blocs répétables included. Every problem is returned, in form order.
 */
export function preparerDepot(
  champs: ChampDescriptor[],
  values: Record<string, ChampValue>,
): { values: Record<string, ChampValue>; problems: ChampProblem[]; cleared: string[] } {
  const shown = champsVisibles(champs, values);
  const kept: Record<string, ChampValue> = {};
  const problems: ChampProblem[] = [];
  for (const champ of champs) {
    if (!shown.has(champ.id) || TYPES_SANS_VALEUR.has(champ.type)) continue;
    const value = values[champ.id];
    if (champ.type === 'repetition' && Array.isArray(value)) {
      const { rows, problems: rowProblems } = lignesAuDepot(champ, value as RepetitionRow[], kept);
      if (champ.mandatory && rows.length === 0)
        problems.push(probleme(champ, 'doit compter au moins une ligne'));
      problems.push(...rowProblems);
      kept[champ.id] = rows;
      continue;
    }
    problems.push(...problemesDuChamp(champ, value));
    if (value !== undefined) kept[champ.id] = value;
  }
  const cleared = Object.keys(values).filter((id) => !(id in kept) && !isEmpty(values[id]));
  return { values: kept, problems, cleared };
}

function lignesAuDepot(
  champ: ChampDescriptor,
  rows: RepetitionRow[],
  visibles: Record<string, ChampValue>,
): { rows: RepetitionRow[]; problems: ChampProblem[] } {
  const problems: ChampProblem[] = [];
  const kept = rows.map((row, index) => {
    const keptRow: RepetitionRow = {};
    for (const child of enfantsVisibles(champ, row, visibles)) {
      if (TYPES_SANS_VALEUR.has(child.type)) continue;
      const value: ChampValueSimple | undefined = row[child.id];
      problems.push(...problemesDuChamp(child, value, { parent: champ, row: index + 1 }));
      if (value !== undefined) keptRow[child.id] = value;
    }
    return keptRow;
  });
  return { rows: kept, problems };
}

/** At dépôt, every mandatory champ must hold a value and every value must be valid; all problems are reported. */
export function problemesAuDepot(
  champs: ChampDescriptor[],
  values: Record<string, ChampValue>,
): ChampProblem[] {
  return preparerDepot(champs, values).problems;
}
