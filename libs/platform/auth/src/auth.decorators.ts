import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { AuthException } from './auth.errors';
import { InternalIdentity, Role } from './identity';

export const IS_PUBLIC_KEY = 'demarches:isPublic';
export const REQUIRED_ROLES_KEY = 'demarches:requiredRoles';
export const ACCEPTS_API_TOKEN_KEY = 'demarches:acceptsApiToken';
export const READ_OPERATION_KEY = 'demarches:readOperation';

/** The route needs no identity (public reference data, webhooks verified otherwise). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);

/** The caller must hold at least one of `roles`; checked by InternalAuthGuard after the token. */
export const RequireRole = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_ROLES_KEY, roles);
export const requireRole = RequireRole;

/**
 * API tokens (ADR 0018) may call this route. Routes are closed to them unless marked: a new endpoint is never
 * reachable with a token by accident. The handler must still check the token's scope (`apiTokenCovers`).
 */
export const AcceptApiToken = (options: AcceptApiTokenOptions = {}): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCEPTS_API_TOKEN_KEY, { demarcheParam: options.demarcheParam });

export interface AcceptApiTokenOptions {
  /**
   * The route parameter holding a démarche id (`id` for /demarches/:id/...): the guard then answers NOT_FOUND for
   * a démarche outside the token's scope, and refuses a scoped token on writes that name no démarche (creation).
   */
  demarcheParam?: string;
}

/** A POST that changes nothing the caller owns (an export request, a search): read-only API tokens may call it. */
export const ReadOperation = (): MethodDecorator & ClassDecorator => SetMetadata(READ_OPERATION_KEY, true);

/** Whether the caller may reach `demarcheId`: always for a signed-in user, within its scope for an API token. */
export function apiTokenCovers(identity: InternalIdentity, demarcheId: string): boolean {
  const token = identity.token;
  if (!token || token.scope === 'all') return true;
  return token.scope.includes(demarcheId);
}

/** The démarche ids an API token is limited to, or undefined when the caller is not limited (list filters). */
export function apiTokenDemarcheIds(identity: InternalIdentity): string[] | undefined {
  const scope = identity.token?.scope;
  return scope === undefined || scope === 'all' ? undefined : scope;
}

/** Where the guard leaves the verified identity on the request. */
export const IDENTITY_REQUEST_KEY = 'demarchesIdentity';

export type RequestWithIdentity = { [IDENTITY_REQUEST_KEY]?: InternalIdentity };

export function identityOf(request: RequestWithIdentity): InternalIdentity | undefined {
  return request[IDENTITY_REQUEST_KEY];
}

/** `@CurrentUser() user: InternalIdentity`; on a @Public() route without identity it throws UNAUTHENTICATED. */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): InternalIdentity => {
  const identity = identityOf(ctx.switchToHttp().getRequest<RequestWithIdentity>());
  if (!identity) throw AuthException.unauthenticated();
  return identity;
});

/** For use cases and consumers: FORBIDDEN unless `identity` holds one of `roles`. */
export function assertRole(identity: InternalIdentity, ...roles: Role[]): void {
  if (!roles.some((role) => identity.roles.includes(role))) throw AuthException.forbidden();
}
