import type { ServiceTokenDto, WebhookDto } from '@tenantry/sdk';
import { useClient } from '../client-context.ts';
import { useAsync, type AsyncState } from './use-async.ts';

export interface PlatformData {
  webhooks: WebhookDto[];
  tokens: ServiceTokenDto[];
}

/**
 * Webhook subscriptions and service tokens, loaded only while the platform screen is open: undefined
 * until they are, so the screen says it is loading instead of "no webhooks".
 */
export function usePlatform(open: boolean, refreshes: number): AsyncState<PlatformData | undefined> {
  const client = useClient();
  return useAsync(async () => {
    if (!open) return undefined;
    const [webhooks, tokens] = await Promise.all([client.webhooks.list(), client.tokens.list()]);
    return { webhooks, tokens };
  }, [client, open, refreshes]);
}
