import { Sighting, User } from '../domain/user';

export abstract class UserRepository {
  /**
   * Creates the user on her first request or refreshes e-mail, roles and lastSeenAt, in one atomic upsert
   * keyed by `sub`. Rejects with a duplicate-key error when a concurrent first request created her meanwhile.
   */
  abstract recordSighting(sighting: Sighting): Promise<User>;
  abstract findBySub(sub: string): Promise<User | null>;
}
