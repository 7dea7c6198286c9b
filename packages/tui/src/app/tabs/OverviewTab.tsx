import { Box, Text } from 'ink';
import { customSettingRows, formatPaidUntil, formatTrial } from '../../cli/output/format.ts';
import { statusText, usageBar } from '../components/cells.ts';
import type { TabProps } from './tab-props.ts';

/** Plan, limits and usage as bars, trial, contacts, the security policy and custom settings (when the tenant has some). */
export function OverviewTab({ tenant, data }: TabProps) {
  const usage = data.dataSpace?.usage;
  const enabled = Object.entries(tenant.features)
    .filter(([, on]) => on)
    .map(([name]) => name);
  const policy = tenant.securityPolicy;
  const rows: [string, string][] = [
    ['Status', statusText(tenant.status)],
    ['Plan', tenant.plan],
    ['Users', usageBar(usage?.users ?? tenant.usersUsed, tenant.limits.maxUsers)],
    ['Assets', usage?.assets == null ? `limit ${tenant.limits.maxAssets}` : usageBar(usage.assets, tenant.limits.maxAssets)],
    ['Devices', usage?.devices == null ? `limit ${tenant.limits.maxDevices}` : usageBar(usage.devices, tenant.limits.maxDevices)],
    [
      'Storage',
      usage?.storageGb == null
        ? `quota ${tenant.limits.storageQuotaGb} GB`
        : `${usageBar(Math.round(usage.storageGb * 100) / 100, tenant.limits.storageQuotaGb)} GB`,
    ],
    ['Limits', `${tenant.limits.maxApiKeys} API keys · ${tenant.limits.maxDomains} domains`],
    ['Features', enabled.join(', ') || 'none'],
    ['Trial', formatTrial(tenant.trialDaysLeft, tenant.trialEndsAt)],
    ['Paid until', formatPaidUntil(tenant.paidUntil)],
    ['Isolation', tenant.schemaName ? `schema ${tenant.schemaName}` : tenant.isolation],
    ['Owner', tenant.owners.map((owner) => owner.email).join(', ') || '✗ none'],
    ['Time zone', tenant.timeZone],
    ['Support', [tenant.supportEmail, tenant.supportPhone].filter(Boolean).join(' · ') || '-'],
    [
      'Policy',
      `2FA ${policy.require2fa ? 'required' : 'optional'} · session ${policy.sessionTimeoutMinutes} min · passwords ${policy.password.minLength}+ chars · IPs ${policy.allowedIpRanges.join(', ') || 'any'}`,
    ],
  ];
  const custom = customSettingRows(tenant.settings);
  if (custom.length > 0) rows.push(['Custom', custom.map(([key, value]) => `${key}=${value}`).join(' · ')]);
  return (
    <Box flexDirection="column">
      {rows.map(([label, value]) => (
        <Box key={label} flexShrink={0}>
          <Text wrap="truncate">
            <Text dimColor>{label.padEnd(11)}</Text>
            {value}
          </Text>
        </Box>
      ))}
      <Text dimColor wrap="truncate">
        {tenant.status === 'pending_deletion'
          ? 'u restore · P purge for good (type the exact name)'
          : 'e settings · o policy · f feature · t trial · b billing · p plan · z suspend/resume · E export · D delete'}
      </Text>
    </Box>
  );
}
