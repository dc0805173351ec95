import { Balise, BaliseValues } from './balises';

export interface RenderedEmail {
  subject: string;
  body: string;
}

export interface EmailTemplate {
  subject: string;
  body: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const BALISE_PATTERN = new RegExp(`--(${Object.values(Balise).map(escape).join('|')})--`, 'g');

/**
 * Replaces every known `--balise--` by its value. A line whose balises all render empty is dropped, so an optional
 * paragraph ("Motif : --motivation--") disappears when there is no motivation instead of leaving a dangling label.
 * Unknown balises are left as written: the form-builder validates templates at save time, so they never reach here
 * from a real template, and leaving them visible makes a mistake obvious rather than silently blank.
 */
export function renderTemplate(template: EmailTemplate, values: BaliseValues): RenderedEmail {
  return {
    subject: renderLine(template.subject, values).text.replace(/\s+/g, ' ').trim(),
    body: renderBody(template.body, values),
  };
}

function renderBody(body: string, values: BaliseValues): string {
  const lines: string[] = [];
  for (const line of body.split('\n')) {
    const rendered = renderLine(line, values);
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
  values: BaliseValues,
): { text: string; usedBalises: number; filledBalises: number } {
  let usedBalises = 0;
  let filledBalises = 0;
  const text = line.replace(BALISE_PATTERN, (_token, name: string) => {
    const value = values[name as Balise] ?? '';
    usedBalises += 1;
    if (value.trim() !== '') filledBalises += 1;
    return value;
  });
  return { text, usedBalises, filledBalises };
}
