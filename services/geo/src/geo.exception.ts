import { DomainError, ErrorKind } from '@demarches/platform-errors';

export enum GeoErrorCode {
  CommuneNotFound = 'COMMUNE_NOT_FOUND',
  EmptyLookup = 'COMMUNE_LOOKUP_EMPTY',
}

export class GeoException extends DomainError<GeoErrorCode> {
  constructor(code: GeoErrorCode, kind: ErrorKind, message: string, details?: Record<string, unknown>) {
    super(code, kind, message, details);
  }

  static communeNotFound(codeInsee: string): GeoException {
    return new GeoException(
      GeoErrorCode.CommuneNotFound,
      'not_found',
      `Aucune commune n'a le code INSEE ${codeInsee}.`,
      { codeInsee },
    );
  }

  static emptyLookup(): GeoException {
    return new GeoException(
      GeoErrorCode.EmptyLookup,
      'invalid',
      'Indiquez un code INSEE, un nom ou un code postal.',
    );
  }
}
