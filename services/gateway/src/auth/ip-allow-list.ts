import ipaddr from 'ipaddr.js';

/**
 * Whether `ip` falls in one of the CIDR ranges (IPv4 or IPv6). An IPv4 client seen through an IPv6 socket
 * (`::ffff:203.0.113.7`) is compared as IPv4. An unparsable address or range never matches.
 */
export function ipAllowed(ip: string, cidrs: readonly string[]): boolean {
  let address: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    address = ipaddr.process(ip);
  } catch {
    return false;
  }
  return cidrs.some((cidr) => {
    try {
      const range = cidr.includes('/') ? ipaddr.parseCIDR(cidr) : wholeAddress(cidr);
      const [network] = range;
      const normalised = network.kind() === 'ipv6' && (network as ipaddr.IPv6).isIPv4MappedAddress();
      if (normalised) return false;
      return address.kind() === network.kind() && address.match(range);
    } catch {
      return false;
    }
  });
}

function wholeAddress(ip: string): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  const address = ipaddr.parse(ip);
  return [address, address.kind() === 'ipv4' ? 32 : 128];
}
