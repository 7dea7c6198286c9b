import type { SqlEntityManager } from '@mikro-orm/sql';
import type { ServiceContext } from '../../context.ts';
import type { Tenant } from '../tenants/tenant.entity.ts';
import { generateApiKey, hashApiKey } from './api-key-format.ts';
import { ApiKey } from './api-key.entity.ts';

export interface NewKeyFields {
  id: string;
  name: string;
  scopes: string[];
  expiresAt: Date | null;
  createdAt: Date;
}

/**
 * A new key: the secret is made here, returned once, and stored only as its prefix and hash. A draft
 * (dry run) is not persisted and its secret is thrown away.
 */
export function issueKey(
  tx: SqlEntityManager,
  ctx: Pick<ServiceContext, 'actor'>,
  tenant: Tenant,
  fields: NewKeyFields,
  draft: boolean,
): { apiKey: ApiKey; key: string } {
  const { key, prefix } = generateApiKey();
  const apiKey = tx.create(
    ApiKey,
    {
      id: fields.id,
      tenant,
      name: fields.name,
      prefix,
      keyHash: hashApiKey(key),
      scopes: fields.scopes,
      expiresAt: fields.expiresAt,
      lastUsedAt: null,
      revokedAt: null,
      replacedById: null,
      createdBy: ctx.actor.label,
      createdAt: fields.createdAt,
    },
    { persist: !draft },
  );
  return { apiKey, key };
}
