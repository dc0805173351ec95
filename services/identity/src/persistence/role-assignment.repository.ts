import type { OutboxEvent } from '@demarches/platform-mongo';

/** The roles identity granted to one account, as it last applied them to Keycloak (key: the account's sub). */
export interface RoleRecord {
  sub: string;
  email: string;
  roles: string[];
  version: number;
}

/**
 * Identity's record of granted roles, the aggregate its RoleGranted / RoleRemoved events come from: each change
 * and its event are one single-document write (transactional outbox, topic demarches.identity.v1).
 */
export abstract class RoleAssignmentRepository {
  abstract find(sub: string): Promise<RoleRecord | undefined>;
  /** Writes `roles` (from `expectedVersion`, 0 for a new record) with the event built for the new version. */
  abstract save(
    record: Omit<RoleRecord, 'version'>,
    expectedVersion: number,
    event: (version: number) => OutboxEvent,
  ): Promise<number>;
}
