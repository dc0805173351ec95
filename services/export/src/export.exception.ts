import { DomainError, ErrorKind } from '@demarches/platform-errors';

export enum ExportErrorCode {
  DEMARCHE_NOT_FOUND = 'DEMARCHE_NOT_FOUND',
  EXPORT_NOT_FOUND = 'EXPORT_NOT_FOUND',
  EXPORT_FORMAT_UNSUPPORTED = 'EXPORT_FORMAT_UNSUPPORTED',
  EXPORT_INVALID = 'EXPORT_INVALID',
}

export class ExportException extends DomainError<ExportErrorCode> {
  constructor(code: ExportErrorCode, kind: ErrorKind, message: string, details?: Record<string, unknown>) {
    super(code, kind, message, details);
  }

  /** Same answer for an unknown démarche and one the caller does not administer or instruct. */
  static demarcheNotFound(demarcheId: string): ExportException {
    return new ExportException(
      ExportErrorCode.DEMARCHE_NOT_FOUND,
      'not_found',
      "Cette démarche n'existe pas.",
      {
        demarcheId,
      },
    );
  }

  static exportNotFound(exportId: string): ExportException {
    return new ExportException(ExportErrorCode.EXPORT_NOT_FOUND, 'not_found', "Cet export n'existe pas.", {
      exportId,
    });
  }

  static formatUnsupported(format: string): ExportException {
    return new ExportException(
      ExportErrorCode.EXPORT_FORMAT_UNSUPPORTED,
      'invalid',
      "Ce format d'export n'est pas disponible : seul le format csv l'est pour l'instant.",
      { format },
    );
  }

  static invalid(message: string): ExportException {
    return new ExportException(ExportErrorCode.EXPORT_INVALID, 'invalid', message);
  }
}
