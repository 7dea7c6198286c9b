/**
 * Seconds to wait after each failed attempt before the next: 11 attempts over about a day (23 h 42 min
 * before jitter), the shape Standard Webhooks senders use. After the last, the delivery has failed.
 */
export const RETRY_DELAYS_SECONDS = [5, 30, 120, 600, 1800, 3600, 7200, 14_400, 28_800, 28_800] as const;

/** Each wait is drawn from 80-120% of the schedule, so receivers that fail together are not retried together. */
const JITTER = 0.2;

/** When to attempt again after `attemptsMade` attempts all failed, or null when the schedule is over. */
export function nextAttemptAt(now: Date, attemptsMade: number, random: () => number = Math.random): Date | null {
  const delay = RETRY_DELAYS_SECONDS[attemptsMade - 1];
  if (delay === undefined) return null;
  const factor = 1 - JITTER + 2 * JITTER * random();
  return new Date(now.getTime() + Math.round(delay * factor * 1000));
}

export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;
