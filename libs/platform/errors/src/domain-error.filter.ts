import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { Observable, throwError } from 'rxjs';
import { DomainError } from './domain-error';
import { errorBody, ErrorBody } from './error-body';
import { httpStatusOf, kindOfHttpStatus } from './error-kind';

const INTERNAL_MESSAGE = 'Une erreur interne est survenue. Réessayez plus tard.';

interface Mapped {
  status: number;
  body: ErrorBody;
}

/**
 * Maps everything thrown by an HTTP handler to the one error body. Registered globally by PlatformModule.
 * Non-HTTP contexts (Kafka handlers) get the exception back unchanged: the kafka lib owns their replies.
 */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('DomainErrorFilter');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void | Observable<never> {
    if (host.getType() !== 'http') return throwError(() => exception);
    const mapped = this.map(exception);
    const http = host.switchToHttp();
    const adapter = this.adapterHost.httpAdapter;
    const response = http.getResponse<{ headersSent?: boolean }>();
    // A streamed response that failed midway cannot be turned into a JSON body any more.
    if (response.headersSent) return;
    adapter.reply(response, mapped.body, mapped.status);
  }

  map(exception: unknown): Mapped {
    if (exception instanceof DomainError)
      return this.withErrorId(httpStatusOf(exception.kind), exception, exception);
    if (exception instanceof HttpException) return this.fromHttpException(exception);
    const clientStatus = exposedClientStatus(exception);
    if (clientStatus !== undefined) {
      const message = exception instanceof Error ? exception.message : 'Requête refusée.';
      return {
        status: clientStatus,
        body: errorBody(new DomainError(`HTTP_${clientStatus}`, kindOfHttpStatus(clientStatus), message)),
      };
    }
    return this.withErrorId(500, new DomainError('INTERNAL_ERROR', 'internal', INTERNAL_MESSAGE), exception);
  }

  private fromHttpException(exception: HttpException): Mapped {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const validationMessages = validationMessagesOf(response);
    if (status === 400 && validationMessages) {
      const err = new DomainError('VALIDATION_FAILED', 'invalid', 'La requête est invalide.', {
        // Same shape as parseInput's violations; ValidationPipe messages carry no separate path.
        violations: validationMessages.map((message) => ({ path: '(racine)', message })),
      });
      return { status, body: errorBody(err) };
    }
    const message = status >= 500 ? INTERNAL_MESSAGE : exception.message;
    return this.withErrorId(
      status,
      new DomainError(`HTTP_${status}`, kindOfHttpStatus(status), message),
      exception,
    );
  }

  /** 5xx: the caller gets an opaque id; the stack is logged once, under that id, here and nowhere else. */
  private withErrorId(status: number, err: DomainError, original: unknown): Mapped {
    if (status < 500) return { status, body: errorBody(err) };
    const errorId = randomUUID();
    const error = original instanceof Error ? original : new Error(String(original));
    this.logger.error({ errorId, code: err.code, err: error }, 'request failed with a server error');
    return { status, body: errorBody(err, errorId) };
  }
}

/** Nest's ValidationPipe answers 400 with `message: string[]`; that is what identifies a validation error. */
function validationMessagesOf(response: string | object): string[] | undefined {
  if (typeof response !== 'object' || !('message' in response)) return undefined;
  const message: unknown = response.message;
  if (Array.isArray(message) && message.every((m): m is string => typeof m === 'string')) return message;
  return undefined;
}

/**
 * Express middleware (body-parser: 413 too large, 400 malformed JSON) fails with http-errors objects that
 * carry a 4xx status and `expose: true`; they are the client's fault, not a 500.
 */
function exposedClientStatus(exception: unknown): number | undefined {
  if (
    typeof exception !== 'object' ||
    exception === null ||
    !('status' in exception) ||
    !('expose' in exception)
  )
    return undefined;
  const { status, expose } = exception;
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true ? status : undefined;
}
