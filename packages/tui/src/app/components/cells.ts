/** Fits text into exactly `width` cells: padded, or cut with an ellipsis. */
export function cell(text: string, width: number): string {
  if (width <= 0) return '';
  const chars = [...text];
  if (chars.length > width - 1) return `${chars.slice(0, Math.max(0, width - 2)).join('')}… `.slice(0, width + 1);
  return text + ' '.repeat(width - chars.length);
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

/** A usage bar like "████░░░░ 4/10"; full cells past 90%. */
export function usageBar(used: number, limit: number, width = 16): string {
  const ratio = limit > 0 ? Math.min(1, used / limit) : 1;
  const filled = Math.round(ratio * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${used}/${limit}`;
}
