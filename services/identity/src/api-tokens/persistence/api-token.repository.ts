import { ApiToken, ExpiryNotice } from '../domain/api-token';

export abstract class ApiTokenRepository {
  abstract insert(token: ApiToken): Promise<void>;
  abstract findById(id: string): Promise<ApiToken | null>;
  abstract listByOwner(ownerSub: string): Promise<ApiToken[]>;
  /** Sets revokedAt unless already revoked; false when the token is not the owner's or was already revoked. */
  abstract revoke(id: string, ownerSub: string, at: Date): Promise<boolean>;
  /** Records a use unless one was recorded after `notBefore` (throttled write); true when it wrote. */
  abstract recordUse(id: string, at: Date, ip: string, notBefore: Date): Promise<boolean>;
  /** Live tokens expiring before `until`: candidates for an expiry notice. */
  abstract expiringBefore(until: Date, now: Date): Promise<ApiToken[]>;
  /** Marks a notice sent; false when another sweep marked it first (so only one e-mail goes out). */
  abstract markNoticeSent(id: string, notice: ExpiryNotice): Promise<boolean>;
  abstract unmarkNoticeSent(id: string, notice: ExpiryNotice): Promise<void>;
}
