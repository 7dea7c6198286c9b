import { CUSTOM_PREFIX, customSettingsOf, parseCustomValue, type JsonValue, type Limits, type TenantStatus } from '@tenantry/sdk';
import { localTimestamp, relativeTime } from '../../text/relative-time.ts';
import type { Style } from './style.ts';

const STATUS_SYMBOLS: Record<TenantStatus, string> = {
  provisioning: '…',
  active: '✓',
  suspended: '‖',
  pending_deletion: '✗',
  deleted: '✗',
};

/** A status is a symbol and a word, never colour alone. */
export function formatStatus(status: TenantStatus, style?: Style): string {
  const text = `${STATUS_SYMBOLS[status]} ${status.replace('_', ' ')}`;
  if (!style) return text;
  if (status === 'active') return style.green(text);
  if (status === 'provisioning' || status === 'suspended') return style.yellow(text);
  return style.red(text);
}

export function formatTrial(daysLeft: number | null, endsAt: string | null): string {
  if (daysLeft === null || endsAt === null) return 'none';
  if (daysLeft === 0) return `ended ${endsAt.slice(0, 10)}`;
  return `${daysLeft} day${daysLeft === 1 ? '' : 's'} left (ends ${endsAt.slice(0, 10)})`;
}

/** "31 days left (until 2027-01-31)", "ended 2026-11-30", or "none recorded": the paid period, like a trial. */
export function formatPaidUntil(paidUntil: string | null, now: Date = new Date()): string {
  if (paidUntil === null) return 'none recorded';
  const left = Math.ceil((new Date(paidUntil).getTime() - now.getTime()) / 86_400_000);
  if (left <= 0) return `ended ${paidUntil.slice(0, 10)}`;
  return `${left} day${left === 1 ? '' : 's'} left (until ${paidUntil.slice(0, 10)})`;
}

export function formatLimits(limits: Limits): string {
  return [
    `${limits.maxUsers} users`,
    `${limits.maxAssets} assets`,
    `${limits.maxDevices} devices`,
    `${limits.storageQuotaGb} GB storage`,
    `${limits.maxApiKeys} API keys`,
    `${limits.maxDomains} domains`,
  ].join(' · ');
}

/** "2026-11-23 15:05 CET" (local time) on a terminal; ISO 8601 when piped. */
export function formatTimestamp(iso: string, forTerminal: boolean): string {
  return forTerminal ? localTimestamp(new Date(iso)) : iso;
}

/** For sentences: "2026-12-08 22:49 CET (in 7 days)". */
export function formatMoment(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  return `${localTimestamp(at)} (${relativeTime(at, now)})`;
}

/** Label/value lines with the values aligned. */
export function fields(rows: readonly (readonly [string, string])[], indent = '  '): string {
  const width = Math.max(...rows.map(([label]) => label.length)) + 1;
  return rows.map(([label, value]) => `${indent}${`${label}:`.padEnd(width + 1)} ${value}`).join('\n');
}

/** A custom setting's value as `tenant set` takes it back: text as it is, anything else as JSON (`"42"` stays quoted). */
export function formatCustomValue(value: JsonValue): string {
  return typeof value === 'string' && parseCustomValue(value) === value ? value : JSON.stringify(value);
}

/** A tenant's custom settings as `custom.<name>` and value rows, by name. */
export function customSettingRows(settings: Readonly<Record<string, unknown>>): [string, string][] {
  return Object.entries(customSettingsOf(settings))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => [`${CUSTOM_PREFIX}${name}`, formatCustomValue(value)]);
}
