import { accept, isString, refuse, ShapeValidator } from './types';

/** Lien vers un autre dossier: the other dossier's number (seed, type t). Existence and access are checked later. */
export const dossierLink: ShapeValidator = (value) => {
  const n =
    typeof value === 'number'
      ? value
      : isString(value) && /^\s*\d{1,15}\s*$/.test(value)
        ? Number(value)
        : NaN;
  return Number.isSafeInteger(n) && n > 0
    ? accept(n)
    : refuse('doit être un numéro de dossier (exemple : 1234)');
};
