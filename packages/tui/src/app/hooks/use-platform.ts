import type { ServiceTokenDto, WebhookDto } from '@tenantry/sdk';
import { useClient } from '../client-context.ts';
import { useAsync, type AsyncState } from './use-async.ts';

export interface PlatformData {
  webhooks: WebhookDto[];
  tokens: ServiceTokenDto[];
}

/** Webhook subscriptions and service tokens, loaded only while the platform screen is open. */
export function usePlatform(open: boolean, refreshes: number): AsyncState<PlatformData> {
  const client = useClient();
  return useAsync(
    async () => (open ? { webhooks: await client.webhooks.list(), tokens: await client.tokens.list() } : { webhooks: [], tokens: [] }),
    [client, open, refreshes],
  );
}
