import { Sighting, User } from '../domain/user';
import { PivotIdentity } from '../keycloak/keycloak-admin';

export abstract class UserRepository {
  /**
   * Creates the user on her first request or refreshes e-mail, roles and lastSeenAt, in one atomic upsert
   * keyed by `sub`. Rejects with a duplicate-key error when a concurrent first request created her meanwhile.
   */
  abstract recordSighting(sighting: Sighting): Promise<User>;
  abstract findBySub(sub: string): Promise<User | null>;
  abstract savePivotIdentity(sub: string, pivot: PivotIdentity): Promise<void>;
  abstract updateEmail(sub: string, email: string): Promise<void>;
  /** Account deletion: the record keeps only its ids (audit and legal retention refer to them). */
  abstract anonymize(sub: string, at: Date): Promise<void>;
}
