import { DemarcheErrorCode, DemarcheException } from '../demarche.exception';
import { TypeDeChamp } from './type-de-champ';

/** `--Libellé--`: a heading line of a list (seed: « séparateur » in simple lists, « groupe » in linked lists). */
const HEADING = /^--(.+)--$/;

const LIST_TYPES: ReadonlySet<TypeDeChamp> = new Set(['drop_down_list', 'multiple_drop_down_list']);
const MAX_OPTION_LENGTH = 500;

function invalid(message: string, details: Record<string, unknown>): DemarcheException {
  return new DemarcheException(DemarcheErrorCode.CHAMP_INVALID, 'invalid', message, details);
}

/**
 * Validates and normalises a champ's options when the administrateur saves it: lists need choices, a linked list
 * needs the `--groupe--` structure of the seed, and the other types take no options at all.
 */
export function validerOptions(type: TypeDeChamp, options: readonly string[]): string[] {
  const lines = options.map((option) => option.trim()).filter((option) => option.length > 0);
  const tooLong = lines.findIndex((line) => line.length > MAX_OPTION_LENGTH);
  if (tooLong >= 0)
    throw invalid(`Le choix n° ${tooLong + 1} dépasse ${MAX_OPTION_LENGTH} caractères.`, {
      line: tooLong + 1,
    });
  if (type === 'linked_drop_down_list') return validerListeLiee(lines);
  if (LIST_TYPES.has(type)) return validerListe(lines);
  if (lines.length > 0) throw invalid(`Un champ « ${type} » ne prend pas de choix.`, { type });
  return [];
}

function validerListe(lines: string[]): string[] {
  const choices = lines.filter((line) => !HEADING.test(line));
  if (choices.length === 0)
    throw invalid('Une liste doit proposer au moins un choix (hors séparateurs).', {});
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    if (HEADING.test(line)) return;
    if (seen.has(line))
      throw invalid(`Ligne ${index + 1} : le choix « ${line} » est en double.`, { line: index + 1 });
    seen.add(line);
  });
  return lines;
}

/**
 * Deux menus déroulants liés (seed, champ type « deux menus déroulants liés »): each `--groupe--` line opens a
 * first-level choice, the lines under it are its second-level choices. The first line must be a groupe and every
 * groupe needs at least one choice; the error names the line that is wrong.
 */
function validerListeLiee(lines: string[]): string[] {
  if (lines.length === 0)
    throw invalid('Une liste liée doit définir au moins un --groupe-- et ses choix.', {});
  const groupes = new Set<string>();
  let current: { name: string; line: number; choices: number } | null = null;
  const close = () => {
    if (current && current.choices === 0) {
      throw invalid(`Ligne ${current.line} : le groupe « ${current.name} » n'a aucun choix.`, {
        line: current.line,
      });
    }
  };
  lines.forEach((line, index) => {
    const heading = HEADING.exec(line);
    if (heading) {
      close();
      const name = heading[1].trim();
      if (groupes.has(name))
        throw invalid(`Ligne ${index + 1} : le groupe « ${name} » est en double.`, { line: index + 1 });
      groupes.add(name);
      current = { name, line: index + 1, choices: 0 };
      return;
    }
    if (!current) {
      throw invalid(
        `Ligne ${index + 1} : « ${line} » doit suivre un --groupe-- (la liste commence par un groupe).`,
        {
          line: index + 1,
        },
      );
    }
    current.choices += 1;
  });
  close();
  return lines;
}
