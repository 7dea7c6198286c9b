import { Resolver } from 'node:dns/promises';
import { TenantryError } from '../../errors.ts';

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

/** DNS answers that mean "no such record", as opposed to "the lookup failed". */
const NO_RECORD = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN', 'ENONAME']);

/** The TXT records at a name, each joined from its strings; none when the name has none. A failed lookup is UNAVAILABLE. */
export async function lookupTxt(resolver: DnsResolver, name: string): Promise<string[]> {
  try {
    return (await resolver.resolveTxt(name)).map((chunks) => chunks.join('').trim());
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && NO_RECORD.has(code)) return [];
    throw new TenantryError('UNAVAILABLE', {
      message: `The DNS lookup of ${name} failed: ${error instanceof Error ? error.message : String(error)}.`,
      details: { record: name, code: typeof code === 'string' ? code : null },
      hint: 'Check the DNS resolver of this machine; safe to retry.',
      cause: error,
    });
  }
}
