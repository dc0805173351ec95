import { DomainError, ErrorKind } from '@demarches/platform-errors';

export enum AdresseErrorCode {
  BanUnavailable = 'BAN_UNAVAILABLE',
  BanRejected = 'BAN_REJECTED',
  AdresseNotFound = 'ADRESSE_NOT_FOUND',
}

export class AdresseException extends DomainError<AdresseErrorCode> {
  constructor(code: AdresseErrorCode, kind: ErrorKind, message: string, details?: Record<string, unknown>) {
    super(code, kind, message, details);
  }

  /** `reason`: timeout, network, http_5xx, bad_body or circuit_open (for logs and metrics, not for users). */
  static banUnavailable(reason: string): AdresseException {
    return new AdresseException(
      AdresseErrorCode.BanUnavailable,
      'unavailable',
      "La Base Adresse Nationale ne répond pas : la recherche d'adresse est indisponible.",
      { reason },
    );
  }

  static banRejected(status: number | undefined): AdresseException {
    return new AdresseException(
      AdresseErrorCode.BanRejected,
      'invalid',
      'La Base Adresse Nationale a refusé la recherche.',
      { status },
    );
  }

  static adresseNotFound(id: string): AdresseException {
    return new AdresseException(
      AdresseErrorCode.AdresseNotFound,
      'not_found',
      "Cette adresse n'existe pas dans la Base Adresse Nationale : choisissez une suggestion ou saisissez-la manuellement.",
      { id },
    );
  }
}
