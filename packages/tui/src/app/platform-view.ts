import type { PlatformData } from './hooks/use-platform.ts';
import type { Selection } from './state/types.ts';

/** The platform screen's rows in display order: the webhooks, then the service tokens. */
export function platformSelections(data: PlatformData | undefined): Selection[] {
  if (!data) return [];
  return [
    ...data.webhooks.map((webhook): Selection => ({ kind: 'webhook', id: webhook.id, label: webhook.target, facts: { status: webhook.status } })),
    ...data.tokens.map((token): Selection => ({ kind: 'token', id: token.id, label: token.prefix, facts: { status: token.status } })),
  ];
}
