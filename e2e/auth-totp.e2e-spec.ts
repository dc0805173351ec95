import { base32Decode, hotp, totp } from './support/totp';

describe('TOTP helper of the e2e second-factor flow (RFC 4226 / RFC 6238 test vectors)', () => {
  const rfcKey = Buffer.from('12345678901234567890', 'ascii');

  it('computes the RFC 4226 HOTP vectors', () => {
    expect([0, 1, 2, 9].map((counter) => hotp(rfcKey, counter))).toEqual([
      '755224',
      '287082',
      '359152',
      '520489',
    ]);
  });

  it('computes the RFC 6238 SHA-1 TOTP vectors (8 digits)', () => {
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'; // base32 of the RFC key
    expect(base32Decode(secret)).toEqual(rfcKey);
    expect(totp(secret, { atMs: 59_000, digits: 8 })).toBe('94287082');
    expect(totp(secret, { atMs: 1_111_111_109_000, digits: 8 })).toBe('07081804');
    expect(totp(secret, { atMs: 20_000_000_000_000, digits: 8 })).toBe('65353130');
  });

  it('reads a secret written in groups with spaces', () => {
    expect(base32Decode('GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ')).toEqual(rfcKey);
  });
});
