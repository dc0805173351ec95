import { ipAllowed } from './ip-allow-list';

describe(ipAllowed.name, () => {
  it('matches IPv4 and IPv6 ranges and single addresses', () => {
    expect(ipAllowed('203.0.113.7', ['203.0.113.0/24'])).toBe(true);
    expect(ipAllowed('203.0.114.7', ['203.0.113.0/24'])).toBe(false);
    expect(ipAllowed('2001:db8::1', ['2001:db8::/32'])).toBe(true);
    expect(ipAllowed('2001:db9::1', ['2001:db8::/32'])).toBe(false);
    expect(ipAllowed('198.51.100.1', ['198.51.100.1'])).toBe(true);
    expect(ipAllowed('198.51.100.2', ['198.51.100.1'])).toBe(false);
  });

  it('compares an IPv4 client seen through an IPv6 socket as IPv4', () => {
    expect(ipAllowed('::ffff:203.0.113.7', ['203.0.113.0/24'])).toBe(true);
    expect(ipAllowed('::ffff:127.0.0.1', ['127.0.0.1/32'])).toBe(true);
  });

  it('never matches across families, garbage, or an empty list', () => {
    expect(ipAllowed('203.0.113.7', ['::/0'])).toBe(false);
    expect(ipAllowed('2001:db8::1', ['0.0.0.0/0'])).toBe(false);
    expect(ipAllowed('unknown', ['0.0.0.0/0'])).toBe(false);
    expect(ipAllowed('203.0.113.7', ['not-a-range'])).toBe(false);
    expect(ipAllowed('203.0.113.7', [])).toBe(false);
  });
});
