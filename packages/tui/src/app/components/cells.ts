import { padText, truncateText } from '../../text/text-width.ts';
import type { TenantHealth } from '../tenant-rows.ts';

/**
 * Fits text into exactly `width` terminal cells, the last one a space before the next column: padded, or
 * cut with an ellipsis. Widths are cells, not code points: a CJK character or an emoji takes two.
 */
export function cell(text: string, width: number): string {
  if (width <= 0) return '';
  return padText(truncateText(text, width - 1), width);
}

export const STATUS_SYMBOLS: Record<string, string> = {
  provisioning: '…',
  active: '✓',
  suspended: '‖',
  pending_deletion: '✗',
  deleted: '✗',
};

export function statusText(status: string): string {
  return `${STATUS_SYMBOLS[status] ?? '?'} ${status.replace('_', ' ')}`;
}

export function healthText(health: TenantHealth): string {
  return `${health.symbol} ${health.word}`;
}

/** A usage bar like "████░░░░ 4/10"; full cells past 90%. */
export function usageBar(used: number, limit: number, width = 16): string {
  const ratio = limit > 0 ? Math.min(1, used / limit) : 1;
  const filled = Math.round(ratio * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${used}/${limit}`;
}
