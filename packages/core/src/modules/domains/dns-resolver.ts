import { Resolver } from 'node:dns/promises';

/** Looks up TXT records: each record is its strings, as node:dns returns them. Injectable for tests. */
export interface DnsResolver {
  resolveTxt(hostname: string): Promise<string[][]>;
}

/**
 * The system resolver, or the given DNS servers ("10.0.0.2", "127.0.0.1:5353"), with a timeout so a
 * dead DNS server does not hang a command.
 */
export function systemDnsResolver(servers: readonly string[] = [], timeoutMs = 5000): DnsResolver {
  const resolver = new Resolver({ timeout: timeoutMs, tries: 2 });
  if (servers.length > 0) resolver.setServers([...servers]);
  return { resolveTxt: (hostname) => resolver.resolveTxt(hostname) };
}
