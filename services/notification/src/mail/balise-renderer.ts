import { Balise, BaliseValues, ChampBalise } from './balises';

export interface RenderedEmail {
  subject: string;
  body: string;
}

export interface EmailTemplate {
  subject: string;
  body: string;
}

/**
 * A balise is `--libellé--`: it starts and ends with neither a blank nor a dash and holds no `--` nor line break, so
 * a dash in a label (« Nom-prénom ») is fine and a stray `--` in prose does not swallow the next balise.
 * form-builder validates templates with the same pattern (services/form-builder/src/domain/mail-templates.ts).
 */
const BALISE_PATTERN = /--([^\s-](?:(?:(?!--)[^\n])*[^\s-])?)--/g;

/**
 * Replaces every known `--balise--` by its value: the built-ins, then one balise per champ label (a built-in wins
 * over a champ of the same label; the first champ wins over a later one with the same label). A line whose balises
 * all render empty is dropped, so an optional paragraph ("Motif : --motivation--") disappears when there is no
 * motivation instead of leaving a dangling label. Unknown balises are left as written: the form-builder validates
 * templates at save time, so they never reach here from a real template, and leaving them visible makes a mistake
 * obvious rather than silently blank.
 */
export function renderTemplate(
  template: EmailTemplate,
  values: BaliseValues,
  champs: readonly ChampBalise[] = [],
): RenderedEmail {
  // Every built-in is known, valued or not: a built-in without a value renders empty.
  const known = new Map<string, string>(
    Object.values(Balise).map((balise) => [balise, values[balise] ?? '']),
  );
  for (const champ of champs) if (!known.has(champ.label)) known.set(champ.label, champ.value);
  return {
    subject: renderLine(template.subject, known).text.replace(/\s+/g, ' ').trim(),
    body: renderBody(template.body, known),
  };
}

function renderBody(body: string, known: ReadonlyMap<string, string>): string {
  const lines: string[] = [];
  for (const line of body.split('\n')) {
    const rendered = renderLine(line, known);
    if (rendered.usedBalises > 0 && rendered.filledBalises === 0) continue;
    lines.push(rendered.text.trimEnd());
  }
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

// One pass over the line, so a value that itself contains `--…--` (an usager's text, a motivation) is never expanded.
function renderLine(
  line: string,
  known: ReadonlyMap<string, string>,
): { text: string; usedBalises: number; filledBalises: number } {
  let usedBalises = 0;
  let filledBalises = 0;
  const text = line.replace(BALISE_PATTERN, (token: string, name: string) => {
    const value = known.get(name);
    if (value === undefined) return token;
    usedBalises += 1;
    if (value.trim() !== '') filledBalises += 1;
    return value;
  });
  return { text, usedBalises, filledBalises };
}
