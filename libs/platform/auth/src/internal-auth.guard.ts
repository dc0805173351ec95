import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { IncomingMessage } from 'node:http';
import { AuthException } from './auth.errors';
import {
  AcceptApiTokenOptions,
  ACCEPTS_API_TOKEN_KEY,
  apiTokenCovers,
  assertRole,
  IDENTITY_REQUEST_KEY,
  IS_PUBLIC_KEY,
  READ_OPERATION_KEY,
  REQUIRED_ROLES_KEY,
  RequestWithIdentity,
} from './auth.decorators';
import { INTERNAL_IDENTITY_HEADER, Role } from './identity';
import { verifyInternalIdentity } from './internal-token';

export interface InternalAuthOptions {
  secret: string;
  clockToleranceS?: number;
}

export const INTERNAL_AUTH_OPTIONS = 'demarches:INTERNAL_AUTH_OPTIONS';

const PROBE_PATH = /^\/health(\/|$)/;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every HTTP route of a service requires the gateway-signed identity, except @Public() routes and probes.
 * Kafka handlers are not HTTP and are trusted at the broker level, so they pass through.
 */
@Injectable()
export class InternalAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(INTERNAL_AUTH_OPTIONS) private readonly options: InternalAuthOptions,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<IncomingMessage & RequestWithIdentity>();
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets) === true) return true;
    if (PROBE_PATH.test(request.url ?? '')) return true;

    const header = request.headers[INTERNAL_IDENTITY_HEADER];
    if (typeof header !== 'string' || header.length === 0) throw AuthException.unauthenticated();
    const identity = verifyInternalIdentity(
      header,
      this.options.secret,
      this.options.clockToleranceS === undefined ? {} : { clockToleranceS: this.options.clockToleranceS },
    );
    request[IDENTITY_REQUEST_KEY] = identity;

    // API tokens (ADR 0018): only on routes that accept them, and read-only ones only for reads.
    if (identity.token) {
      const accepts = this.reflector.getAllAndOverride<AcceptApiTokenOptions | undefined>(
        ACCEPTS_API_TOKEN_KEY,
        targets,
      );
      if (accepts === undefined) throw AuthException.apiTokenNotAccepted();
      const isRead =
        SAFE_METHODS.has((request.method ?? 'GET').toUpperCase()) ||
        this.reflector.getAllAndOverride<boolean>(READ_OPERATION_KEY, targets) === true;
      if (!isRead && identity.token.access !== 'read_write') throw AuthException.apiTokenReadOnly();
      if (accepts.demarcheParam !== undefined) {
        const params = (request as { params?: Record<string, string | undefined> }).params;
        const demarcheId = params?.[accepts.demarcheParam];
        if (demarcheId !== undefined && !apiTokenCovers(identity, demarcheId)) throw AuthException.notFound();
        if (demarcheId === undefined && !isRead && identity.token.scope !== 'all')
          throw AuthException.forbidden();
      }
    }

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES_KEY, targets);
    if (roles && roles.length > 0) assertRole(identity, ...roles);
    return true;
  }
}
