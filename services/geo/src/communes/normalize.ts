// Normalisation shared by the index and the queries, so "Saint-Étienne", "saint etienne" and "St Etienne" meet.
const DIACRITICS = /[\u0300-\u036f]/g;
// Hyphens, apostrophes (straight and typographic) and other punctuation separate words in commune names.
const SEPARATORS = /[^a-z0-9]+/g;
// Abbreviations users type for the saint names, expanded to the official spelling used by the COG.
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  st: 'saint',
  ste: 'sainte',
  sts: 'saints',
  stes: 'saintes',
};

export function normalizeName(value: string): string {
  return value
    .normalize('NFD')
    .replace(DIACRITICS, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(SEPARATORS, ' ')
    .trim()
    .split(' ')
    .filter((word) => word.length > 0)
    .map((word) => ABBREVIATIONS[word] ?? word)
    .join(' ');
}
