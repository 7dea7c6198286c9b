import { BlockList, isIPv4, isIPv6 } from 'node:net';

/** Parses "10.0.0.0/8", "2001:db8::/32" or a single address, and returns the canonical CIDR or why not. */
export function parseCidr(input: string): { cidr: string } | { problem: string } {
  const text = input.trim().toLowerCase();
  const [address = '', prefixText, ...rest] = text.split('/');
  if (rest.length > 0) return { problem: `"${input}" has more than one "/"` };
  const v4 = isIPv4(address);
  if (!v4 && !isIPv6(address)) return { problem: `"${input}" is not an IP address or CIDR range (e.g. 192.168.1.0/24, 2001:db8::/32)` };
  const bits = v4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return { problem: `"${input}" has a prefix length that is not a number` };
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (prefix > bits) return { problem: `"${input}" has a prefix length over ${bits}` };
  const value = v4 ? ipv4ToBigInt(address) : ipv6ToBigInt(address);
  const hostMask = (1n << BigInt(bits - prefix)) - 1n;
  const network = value & ~hostMask;
  const networkText = v4 ? bigIntToIpv4(network) : bigIntToIpv6(network);
  if ((value & hostMask) !== 0n) return { problem: `"${input}" has host bits set; the range is ${networkText}/${prefix}` };
  return { cidr: `${networkText}/${prefix}` };
}

function ipv4ToBigInt(address: string): bigint {
  return address.split('.').reduce((sum, octet) => (sum << 8n) + BigInt(Number(octet)), 0n);
}

function bigIntToIpv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 255n)).join('.');
}

function ipv6ToBigInt(address: string): bigint {
  let text = address;
  const embedded = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (embedded?.[1]) {
    const v4 = ipv4ToBigInt(embedded[1]);
    text = `${text.slice(0, -embedded[1].length)}${((v4 >> 16n) & 0xffffn).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.reduce((sum, group) => (sum << 16n) + BigInt(parseInt(group || '0', 16)), 0n);
}

function bigIntToIpv6(value: bigint): string {
  const groups = Array.from({ length: 8 }, (_, index) => ((value >> BigInt(16 * (7 - index))) & 0xffffn).toString(16));
  // Compress the longest run of zero groups (RFC 5952).
  let best = { start: -1, length: 0 };
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === '0') length++;
    if (length > best.length && length > 1) best = { start, length };
  }
  if (best.start < 0) return groups.join(':');
  return `${groups.slice(0, best.start).join(':')}::${groups.slice(best.start + best.length).join(':')}`;
}

/** Whether an address is inside one of the canonical CIDR ranges (an IPv4-mapped IPv6 address counts as its IPv4). */
export function addressInRanges(address: string, ranges: readonly string[]): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const ip = mapped ?? address;
  const family = isIPv4(ip) ? 'ipv4' : 'ipv6';
  const list = new BlockList();
  for (const range of ranges) {
    const [network = '', prefix = ''] = range.split('/');
    list.addSubnet(network, Number(prefix), isIPv4(network) ? 'ipv4' : 'ipv6');
  }
  return list.check(ip, family);
}
