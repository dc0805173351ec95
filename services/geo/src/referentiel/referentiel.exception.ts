import { DomainError, ErrorKind } from '@demarches/platform-errors';

export enum ReferentielErrorCode {
  RegionNotFound = 'REGION_NOT_FOUND',
  DepartementNotFound = 'DEPARTEMENT_NOT_FOUND',
  EpciNotFound = 'EPCI_NOT_FOUND',
  PaysNotFound = 'PAYS_NOT_FOUND',
}

const MESSAGES: Record<ReferentielErrorCode, (code: string) => string> = {
  [ReferentielErrorCode.RegionNotFound]: (code) => `Aucune région n'a le code ${code}.`,
  [ReferentielErrorCode.DepartementNotFound]: (code) => `Aucun département n'a le code ${code}.`,
  [ReferentielErrorCode.EpciNotFound]: (code) => `Aucun EPCI n'a le numéro SIREN ${code}.`,
  [ReferentielErrorCode.PaysNotFound]: (code) => `Aucun pays n'a le code ISO ${code}.`,
};

/** Errors of the référentiel lookups; the platform filter maps `not_found` to 404. */
export class ReferentielException extends DomainError<ReferentielErrorCode> {
  constructor(
    code: ReferentielErrorCode,
    kind: ErrorKind,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(code, kind, message, details);
  }

  static notFound(code: ReferentielErrorCode, value: string): ReferentielException {
    return new ReferentielException(code, 'not_found', MESSAGES[code](value), { code: value });
  }
}
