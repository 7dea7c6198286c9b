import type { SqlEntityManager } from '@mikro-orm/sql';
import type { ActorType, Face } from './modules/audit/audit-event.entity.ts';
import type { Blueprint } from './isolation/blueprint.ts';
import type { DnsResolver } from './modules/domains/dns-resolver.ts';
import type { Mailer } from './modules/outbox/mailer.ts';

/** Who performs an operation; written to every audit event it causes. */
export interface Actor {
  type: ActorType;
  id?: string;
  label: string;
  /** An API key acting (type `api_key`): the one tenant it belongs to and the scopes it grants. */
  apiKey?: { tenantId: string; scopes: readonly string[] };
}

export interface TenantrySettings {
  /** Tenants get `<slug>.<baseDomain>` as a subdomain when set. */
  baseDomain?: string;
  /** Where operations that destroy data (repairs, purges) write an export first. */
  exportDir?: string;
}

/** Everything a use case needs, passed in: no singletons, no environment. */
export interface ServiceContext {
  em: SqlEntityManager;
  actor: Actor;
  now: () => Date;
  /** Shared by every audit event one command writes. */
  correlationId: string;
  settings: TenantrySettings;
  /** The tenant tables every data space gets. Default: the sample blueprint (`blueprintOf`). */
  blueprint?: Blueprint;
  /** Delivers queued mail after commit; without one, messages stay pending in the outbox. */
  mailer?: Mailer;
  /** Looks up the TXT records that verify custom domains. Default: the system resolver. */
  dnsResolver?: DnsResolver;
  /** Which face acted (written to every audit event). Default: 'sdk'. */
  face?: Face;
}
