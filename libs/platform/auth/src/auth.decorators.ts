import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { AuthException } from './auth.errors';
import { InternalIdentity, Role } from './identity';

export const IS_PUBLIC_KEY = 'demarches:isPublic';
export const REQUIRED_ROLES_KEY = 'demarches:requiredRoles';

/** The route needs no identity (public reference data, webhooks verified otherwise). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);

/** The caller must hold at least one of `roles`; checked by InternalAuthGuard after the token. */
export const RequireRole = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_ROLES_KEY, roles);
export const requireRole = RequireRole;

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
