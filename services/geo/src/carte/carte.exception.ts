import { DomainError, ErrorKind } from '@demarches/platform-errors';
import { CARTE_LIMITS } from './carte.limits';

export enum CarteErrorCode {
  /** The GeoJSON breaks at least one rule of the carte champ. */
  Invalide = 'CARTE_INVALIDE',
  /** A GPX/KML file could not be read: not XML, not GPX/KML, unsupported content, too large. */
  ImportInvalide = 'CARTE_IMPORT_INVALIDE',
}

/** Same shape as parseInput's violations, so a front-end shows both the same way. */
export interface CarteViolation {
  /** Dotted path from the GeoJSON root (`features.2.geometry.coordinates.0.5`), `(racine)` for the root. */
  path: string;
  message: string;
  /** [lon, lat] of the problem when it has one (the first crossing of a self-intersecting polygon). */
  position?: [number, number];
}

export class CarteException extends DomainError<CarteErrorCode> {
  constructor(code: CarteErrorCode, kind: ErrorKind, message: string, details?: Record<string, unknown>) {
    super(code, kind, message, details);
  }

  static invalide(violations: CarteViolation[]): CarteException {
    const shown = violations.slice(0, CARTE_LIMITS.maxReportedProblems);
    const more = violations.length - shown.length;
    const summary = shown.map((v) => `${v.path} — ${v.message}`).join(' ; ');
    return new CarteException(
      CarteErrorCode.Invalide,
      'invalid',
      `La carte est invalide (${violations.length} problème${violations.length > 1 ? 's' : ''}) : ${summary}${more > 0 ? ` ; et ${more} autre(s)` : ''}.`,
      { violations: shown, total: violations.length },
    );
  }

  static importInvalide(
    format: string,
    problems: string[],
    details: Record<string, unknown> = {},
  ): CarteException {
    const shown = problems.slice(0, CARTE_LIMITS.maxReportedProblems);
    return new CarteException(
      CarteErrorCode.ImportInvalide,
      'invalid',
      `Le fichier ${format.toUpperCase()} ne peut pas être importé : ${shown.join(' ; ')}.`,
      { format, problems: shown, total: problems.length, ...details },
    );
  }
}
