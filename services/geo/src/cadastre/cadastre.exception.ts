import { DomainError, ErrorKind } from '@demarches/platform-errors';

export enum CadastreErrorCode {
  CadastreUnavailable = 'CADASTRE_UNAVAILABLE',
  CadastreRejected = 'CADASTRE_REJECTED',
}

export class CadastreException extends DomainError<CadastreErrorCode> {
  constructor(code: CadastreErrorCode, kind: ErrorKind, message: string, details?: Record<string, unknown>) {
    super(code, kind, message, details);
  }

  /** `reason`: timeout, network, http_5xx, bad_body or circuit_open. Retryable (kind unavailable). */
  static unavailable(reason: string): CadastreException {
    return new CadastreException(
      CadastreErrorCode.CadastreUnavailable,
      'unavailable',
      'Le service du cadastre ne répond pas : les parcelles seront recherchées plus tard.',
      { reason },
    );
  }

  /** API Carto refused the geometry (too large or too complex for it). */
  static rejected(status: number | undefined): CadastreException {
    return new CadastreException(
      CadastreErrorCode.CadastreRejected,
      'invalid',
      'Le service du cadastre a refusé la zone dessinée : réduisez-la ou simplifiez-la.',
      { status },
    );
  }
}
