import { Injectable } from '@nestjs/common';
import type { InternalIdentity } from '@demarches/platform-auth';
import { isDuplicateKeyError } from '@demarches/platform-mongo';
import { normalizeEmail, User } from '../../domain/user';
import { IdentityException } from '../../identity.exception';
import { KeycloakAdmin, pivotIdentityOf } from '../../keycloak/keycloak-admin';
import { UserRepository } from '../../persistence/user.repository';
import { Clock } from '../clock';

const FRANCECONNECT = 'franceconnect';

/** The profile of the caller, created on her first request and kept in step with what the gateway asserts. */
@Injectable()
export class ResolveCurrentUserUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly clock: Clock,
    private readonly keycloak: KeycloakAdmin,
  ) {}

  async execute(identity: InternalIdentity): Promise<User> {
    const user = await this.record(identity);
    if (user.idp !== FRANCECONNECT || user.pivotIdentity) return user;
    // The realm's IdP mappers copied FranceConnect's pivot identity into the Keycloak account's attributes.
    const account = await this.keycloak.findUser(user.sub);
    const pivot = account ? pivotIdentityOf(account) : undefined;
    if (!pivot) return user;
    await this.users.savePivotIdentity(user.sub, pivot);
    return { ...user, pivotIdentity: pivot };
  }

  private async record(identity: InternalIdentity): Promise<User> {
    const sighting = {
      ...(identity.idp ? { idp: identity.idp } : {}),
      sub: identity.sub,
      email: normalizeEmail(identity.email),
      roles: [...identity.roles].sort(),
      at: this.clock.now(),
    };
    try {
      return await this.users.recordSighting(sighting);
    } catch (error: unknown) {
      // Two first requests at once (the web app loads several resources): both upsert, the unique index on `sub`
      // lets one insert and fails the other, whose retry is then a plain update.
      if (!isDuplicateKeyError(error)) throw error;
    }
    try {
      return await this.users.recordSighting(sighting);
    } catch (error: unknown) {
      if (isDuplicateKeyError(error)) throw IdentityException.userRecordConflict();
      throw error;
    }
  }
}
