import type { ServiceContext } from '../../context.ts';
import { requirePlatform } from '../permissions/authorize.ts';
import { ServiceToken } from './service-token.entity.ts';
import { toServiceTokenView, type ServiceTokenView } from './service-token-view.ts';

/** The platform's service tokens, newest first, revoked ones too (never a token or its hash). Platform operator only. */
export async function listServiceTokens(ctx: ServiceContext): Promise<ServiceTokenView[]> {
  requirePlatform(ctx, 'token.list');
  const tokens = await ctx.em.fork().find(ServiceToken, {}, { orderBy: { createdAt: 'desc', prefix: 'asc' } });
  const now = ctx.now();
  return tokens.map((token) => toServiceTokenView(token, now));
}
