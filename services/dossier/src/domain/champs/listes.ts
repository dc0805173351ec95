import { ChampDescriptor } from '../revision';
import { accept, isRecord, isString, refuse, ShapeValidator } from './types';

/** `--Libellé--`: a séparateur of a simple list or a groupe of a linked list (seed, champ types m and o). */
const HEADING = /^--(.+)--$/;

/** Choices the usager may pick: every option except the `--séparateur--` headings, shown greyed out. */
export function choixSelectionnables(champ: ChampDescriptor): string[] {
  return champ.options.filter((option) => !HEADING.test(option.trim()));
}

/** Groupes of a linked list and their choices, from the `--groupe--` lines of the definition. */
export function groupesListeLiee(champ: ChampDescriptor): Map<string, string[]> {
  const groupes = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const raw of champ.options) {
    const line = raw.trim();
    if (!line) continue;
    const heading = HEADING.exec(line);
    if (heading) {
      current = [];
      groupes.set(heading[1].trim(), current);
    } else if (current) {
      current.push(line);
    }
  }
  return groupes;
}

export const dropDownList: ShapeValidator = (value, champ) => {
  if (!isString(value)) return refuse('doit être un des choix de la liste');
  if (HEADING.test(value.trim())) return refuse('est un séparateur de la liste, il ne peut pas être choisi');
  return choixSelectionnables(champ).includes(value)
    ? accept(value)
    : refuse("n'est pas un choix de la liste");
};

export const multipleDropDownList: ShapeValidator = (value, champ) => {
  if (!Array.isArray(value) || !value.every(isString)) return refuse('doit être une liste de choix');
  const choix = new Set(choixSelectionnables(champ));
  const horsListe = value.filter((item) => !choix.has(item));
  if (horsListe.length > 0) return refuse(`contient des choix hors de la liste : ${horsListe.join(', ')}`);
  // Kept in the order of the definition, each once, so two identical selections compare equal.
  return accept(choixSelectionnables(champ).filter((option) => value.includes(option)));
};

/** `{ primary, secondary }`: a groupe, then one of its choices. While drafting, the second may still be empty. */
export const linkedDropDownList: ShapeValidator = (value, champ) => {
  if (
    !isRecord(value) ||
    !isString(value['primary']) ||
    !(value['secondary'] === undefined || isString(value['secondary']))
  )
    return refuse('doit indiquer un choix dans chacun des deux menus ({ primary, secondary })');
  const primary = value['primary'];
  const secondary = (value['secondary'] as string | undefined) ?? '';
  const groupes = groupesListeLiee(champ);
  const choix = groupes.get(primary);
  if (!choix) return refuse(`« ${primary} » n'est pas un choix du premier menu`);
  if (secondary !== '' && !choix.includes(secondary))
    return refuse(`« ${secondary} » n'est pas un choix proposé pour « ${primary} »`);
  return accept({ primary, secondary });
};
