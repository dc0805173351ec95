// TOTP (RFC 6238 over RFC 4226 HOTP) with node:crypto, as an authenticator app computes it: HMAC-SHA1, 6 digits,
// 30-second steps (the realm's OTP policy).
import { createHmac } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Decodes an RFC 4648 base32 secret (Keycloak shows it in groups of four, with spaces). */
export function base32Decode(secret: string): Buffer {
  const clean = secret.replace(/[\s=-]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error(`not a base32 character: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** HOTP (RFC 4226 §5.3): dynamic truncation of HMAC(key, counter). */
export function hotp(key: Buffer, counter: number, digits = 6, algorithm = 'sha1'): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const hmac = createHmac(algorithm, key).update(message).digest();
  const offset = hmac.readUInt8(hmac.length - 1) & 0x0f;
  const code = hmac.readUInt32BE(offset) & 0x7fffffff;
  return String(code % 10 ** digits).padStart(digits, '0');
}

/** TOTP (RFC 6238 §4): HOTP of the number of `periodS` steps since the epoch. */
export function totp(secret: string, { atMs = Date.now(), periodS = 30, digits = 6 } = {}): string {
  return hotp(base32Decode(secret), Math.floor(atMs / 1000 / periodS), digits);
}
