/** What identity reads from a Keycloak account. */
export interface KeycloakUser {
  id: string;
  email: string;
  attributes: Record<string, string[]>;
  realmRoles?: string[];
}

/** The pivot identity FranceConnect vouches for (identite_pivot scope), imported by the realm's IdP mappers. */
export interface PivotIdentity {
  givenName: string;
  familyName: string;
  /** Nom d'usage when FranceConnect gives one. */
  preferredUsername?: string;
  gender?: string;
  birthdate?: string;
}

export interface NewKeycloakUser {
  email: string;
  realmRoles: string[];
  requiredActions: string[];
}

/** One authentication event as Keycloak records it (realm event store, see ADR 0017). */
export interface KeycloakEvent {
  id?: string;
  time: number;
  type: string;
  userId?: string;
  ipAddress?: string;
  error?: string;
  details?: Record<string, string>;
}

/** One change made through Keycloak's administration (console or admin REST API), realm admin event store. */
export interface KeycloakAdminEvent {
  id?: string;
  time: number;
  operationType: string;
  resourceType: string;
  resourcePath?: string;
  /** Only when the realm records admin event details (adminEventsDetailsEnabled). */
  representation?: string;
  error?: string;
  authDetails?: { realmId?: string; clientId?: string; userId?: string; ipAddress?: string };
}

/** The Keycloak admin REST API, through the identity service account (client demarches-identity). */
export abstract class KeycloakAdmin {
  abstract findUser(sub: string): Promise<KeycloakUser | null>;
  abstract findUserByEmail(email: string): Promise<KeycloakUser | null>;
  /** Creates the account and returns its id (the future OIDC `sub`). */
  abstract createUser(user: NewKeycloakUser): Promise<string>;
  /** Keycloak's execute-actions e-mail: a link to set the password (and configure TOTP) valid `lifespanS`. */
  abstract sendActionsEmail(sub: string, actions: string[], lifespanS: number): Promise<void>;
  abstract addRealmRole(sub: string, role: string): Promise<void>;
  abstract removeRealmRole(sub: string, role: string): Promise<void>;
  /** Changes the e-mail and asks Keycloak to verify the new one before it can sign in with it. */
  abstract changeEmail(sub: string, email: string): Promise<void>;
  abstract deleteUser(sub: string): Promise<void>;
  /** User events at or after `sinceMs`, oldest first, `max` from the `first`-th. */
  abstract events(sinceMs: number, first: number, max: number): Promise<KeycloakEvent[]>;
  /** Admin events at or after `sinceMs`, oldest first, `max` from the `first`-th. */
  abstract adminEvents(sinceMs: number, first: number, max: number): Promise<KeycloakAdminEvent[]>;
  /** Keycloak user id of identity's own service account (its admin events are audited by identity itself). */
  abstract serviceAccountId(): Promise<string>;
}

export function pivotIdentityOf(user: KeycloakUser): PivotIdentity | undefined {
  const first = (name: string) => user.attributes[name]?.[0] || undefined;
  const givenName = first('fc_given_name');
  const familyName = first('fc_family_name');
  if (!givenName || !familyName) return undefined;
  const pivot: PivotIdentity = { givenName, familyName };
  const preferred = first('fc_preferred_username');
  if (preferred) pivot.preferredUsername = preferred;
  const gender = first('gender');
  if (gender) pivot.gender = gender;
  const birthdate = first('birthdate');
  if (birthdate) pivot.birthdate = birthdate;
  return pivot;
}
