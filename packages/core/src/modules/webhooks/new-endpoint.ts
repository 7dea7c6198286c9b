import type { SqlEntityManager } from '@mikro-orm/sql';
import type { ServiceContext } from '../../context.ts';
import { uuidv7 } from '../../db/ids.ts';
import { TenantryError } from '../../errors.ts';
import type { PlanStep } from '../../plan.ts';
import { eventTypesMatching } from '../events/event-catalog.ts';
import { Tenant } from '../tenants/tenant.entity.ts';
import { displayTarget, findEndpoint, toWebhookView, type WebhookEndpointView } from './webhook-endpoints.ts';
import { seal } from '../../lib/seal.ts';
import { generateSigningSecret, installationWebhookKey, parseSigningSecret } from './webhook-secret.ts';
import { emailTarget, WEBHOOK_TARGET_MESSAGE, type AddWebhookInput, type WebhookKind } from './webhook.schemas.ts';

/** A subscription to make: everything but its secret, which is made (or taken) when it is inserted. */
export interface NewEndpoint {
  id: string;
  kind: WebhookKind;
  target: string;
  url: string;
  types: string;
  tenantId: string | null;
  cursor: string;
  description: string | null;
  /** The plan step that says what will be made. */
  step: PlanStep;
}

/** Checks a subscription request and says what it makes: it takes the events after the newest one now. */
export async function planEndpoint(tx: SqlEntityManager, ctx: Pick<ServiceContext, 'now'>, request: AddWebhookInput): Promise<NewEndpoint> {
  const kind = kindOf(request.url, request.kind);
  if (request.secret !== undefined) {
    if (kind !== 'webhook') throw TenantryError.invalidInput([{ path: 'secret', message: `a ${kind} subscription is not signed: leave the secret out` }]);
    parseSigningSecret(request.secret);
  }
  const types = eventTypesMatching(request.events, 'events');
  const tenant = request.tenant === undefined ? null : await tx.findOne(Tenant, { slug: request.tenant });
  if (request.tenant !== undefined && !tenant) throw TenantryError.tenantNotFound(request.tenant);
  const [row] = await tx.execute<{ cursor: string }[]>('select coalesce(max(id), 0)::text as cursor from tenantry.events');
  const target = emailTarget(request.url) ?? displayTarget(kind, request.url);
  const scope = tenant ? ` of tenant ${tenant.slug}` : '';
  const how = {
    webhook: request.secret === undefined ? 'signed with a new secret, shown once' : 'signed with the secret given',
    slack: 'as Slack messages',
    email: 'by email through the mailer',
  }[kind];
  return {
    id: uuidv7(ctx.now().getTime()),
    kind,
    target,
    url: request.url,
    types: request.events,
    tenantId: tenant?.id ?? null,
    cursor: row?.cursor ?? '0',
    description: request.description ?? null,
    step: {
      action: 'add-webhook',
      description: `Subscribe ${target} to ${request.events} (${types.length} event type${types.length === 1 ? '' : 's'})${scope} from the next event on, ${how}`,
    },
  };
}

/** Inserts a planned subscription; answers it and, for a webhook whose secret was not given, the new secret (once). */
export async function insertEndpoint(
  tx: SqlEntityManager,
  ctx: Pick<ServiceContext, 'now' | 'actor'>,
  endpoint: NewEndpoint,
  givenSecret: string | undefined,
): Promise<{ webhook: WebhookEndpointView; secret?: string }> {
  const key = await installationWebhookKey(tx);
  const secret = endpoint.kind === 'webhook' ? (givenSecret ?? generateSigningSecret()) : null;
  await tx.execute(
    `insert into tenantry.webhook_endpoints
       (id, kind, target, sealed_url, sealed_secret, event_types, tenant_id, description, cursor, status, created_at, created_by)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'enabled', ?, ?)`,
    [
      endpoint.id,
      endpoint.kind,
      endpoint.target,
      endpoint.kind === 'email' ? null : seal(key, endpoint.url),
      secret === null ? null : seal(key, secret),
      endpoint.types,
      endpoint.tenantId,
      endpoint.description,
      endpoint.cursor,
      ctx.now(),
      ctx.actor.label,
    ],
  );
  const webhook = toWebhookView(await findEndpoint(tx, endpoint.id));
  return secret !== null && givenSecret === undefined ? { webhook, secret } : { webhook };
}

function kindOf(url: string, given: WebhookKind | undefined): WebhookKind {
  if (/^(email|mailto):/i.test(url)) {
    if (emailTarget(url) === null) throw TenantryError.invalidInput([{ path: 'url', message: 'must be email:ADDRESS with a valid email address' }]);
    if (given !== undefined && given !== 'email') throw TenantryError.invalidInput([{ path: 'kind', message: `an email target is kind email, not ${given}` }]);
    return 'email';
  }
  if (!/^https?:\/\//i.test(url) || !URL.canParse(url)) throw TenantryError.invalidInput([{ path: 'url', message: WEBHOOK_TARGET_MESSAGE }]);
  const parsed = new URL(url);
  if (parsed.username || parsed.password) {
    throw TenantryError.invalidInput([
      { path: 'url', message: 'must not carry a user name or password (user:pass@): the signature authenticates Tenantry to the receiver' },
    ]);
  }
  if (given === 'email') throw TenantryError.invalidInput([{ path: 'kind', message: 'an email subscription needs email:ADDRESS as its url' }]);
  return given ?? (parsed.hostname === 'hooks.slack.com' ? 'slack' : 'webhook');
}
