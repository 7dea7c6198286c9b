import type { SqlEntityManager } from '@mikro-orm/sql';
import type { ServiceContext } from '../../context.ts';
import { uuidv7 } from '../../db/ids.ts';
import { TenantryError } from '../../errors.ts';
import { defineOperation } from '../../operations/operation.ts';
import { generateServiceToken, hashServiceToken } from './service-token-format.ts';
import { ServiceToken } from './service-token.entity.ts';
import { createServiceTokenInput } from './service-token.schemas.ts';
import { toServiceTokenView } from './service-token-view.ts';

const DAY = 86_400_000;

export interface NewTokenFields {
  id: string;
  name: string;
  expiresAt: Date | null;
  createdAt: Date;
}

/**
 * Creates a platform service token, the operator's credential for the HTTP API. The secret is made while
 * applying and returned once: no plan, fingerprint or audit event holds it, only its prefix and hash are stored.
 */
export const createServiceToken = defineOperation({
  id: 'token.create',
  summary: 'Creates a platform service token for the HTTP API; the token is shown once.',
  scope: 'platform',
  input: createServiceTokenInput,
  audit: ['service_token.created'],
  // Two creations of one name at once: the second, refused by the unique index, plans again and names the conflict.
  retryWhen: (error) => error.code === 'SERVICE_TOKEN_NAME_TAKEN',
  async plan(ctx, request) {
    const { tx } = ctx;
    const now = ctx.now();
    if ((await tx.count(ServiceToken, { name: request.name, revokedAt: null })) > 0) throw TenantryError.serviceTokenNameTaken(request.name);
    const live = await tx.count(ServiceToken, { revokedAt: null });
    const expiresAt = request.expiresDays === null ? null : new Date(now.getTime() + request.expiresDays * DAY);
    const fields: NewTokenFields = { id: uuidv7(), name: request.name, expiresAt, createdAt: now };
    const until = expiresAt ? `until ${expiresAt.toISOString()}` : 'with no expiry';
    const draft = issueToken(tx, ctx, fields, true).serviceToken;
    return {
      steps: [
        {
          action: 'create-service-token',
          description: `Create platform service token "${request.name}", valid ${until}; store only its prefix and hash`,
        },
        { action: 'audit', description: 'Record service_token.created in the audit trail (without the token)' },
      ],
      changes: [{ field: 'serviceTokens', from: live, to: live + 1 }],
      basis: live,
      audit: { targetType: 'service_token', targetId: fields.id, after: { name: request.name, expiresAt } },
      data: { fields, view: toServiceTokenView(draft, now) },
    };
  },
  async apply(ctx, plan) {
    const { serviceToken, token } = issueToken(ctx.tx, ctx, plan.data.fields, false);
    if (plan.audit?.after) plan.audit.after.prefix = serviceToken.prefix;
    return { serviceToken: toServiceTokenView(serviceToken, ctx.now()), token };
  },
});

/** A new token: the secret is made here and returned once. A draft (dry run) is not persisted and its secret is thrown away. */
function issueToken(
  tx: SqlEntityManager,
  ctx: Pick<ServiceContext, 'actor'>,
  fields: NewTokenFields,
  draft: boolean,
): { serviceToken: ServiceToken; token: string } {
  const { token, prefix } = generateServiceToken();
  const serviceToken = tx.create(
    ServiceToken,
    {
      id: fields.id,
      name: fields.name,
      prefix,
      tokenHash: hashServiceToken(token),
      expiresAt: fields.expiresAt,
      revokedAt: null,
      lastUsedAt: null,
      createdBy: ctx.actor.label,
      createdAt: fields.createdAt,
    },
    { persist: !draft },
  );
  return { serviceToken, token };
}
