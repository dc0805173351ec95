import { accept, isString, refuse, ShapeValidator } from './types';

// Dates travel as ISO 8601 text: AAAA-MM-JJ for a date (the form shows jj/mm/aaaa), AAAA-MM-JJTHH:MM for a date
// and time (local time of the usager, Europe/Paris for the reference; an explicit offset is kept when given).
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;

/** A calendar date that exists (no 31 April, 29 February only in leap years), years 1000 to 9999. */
export function dateReelle(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export const date: ShapeValidator = (value) =>
  isString(value) && dateReelle(value.trim())
    ? accept(value.trim())
    : refuse('doit être une date réelle au format AAAA-MM-JJ (exemple : 2026-02-28)');

export const datetime: ShapeValidator = (value) => {
  const match = isString(value) ? DATETIME.exec(value.trim()) : null;
  if (!match || !dateReelle(match[1])) {
    return refuse('doit être une date et une heure au format AAAA-MM-JJTHH:MM (exemple : 2026-02-28T14:30)');
  }
  const [hours, minutes, seconds] = [Number(match[2]), Number(match[3]), Number(match[4] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return refuse("contient une heure qui n'existe pas");
  return accept((value as string).trim().replace(' ', 'T'));
};
