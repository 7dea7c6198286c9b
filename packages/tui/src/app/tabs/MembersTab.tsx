import type { MemberDto } from '@tenantry/sdk';
import { Box, Text } from 'ink';
import { relativeTime } from '../../text/relative-time.ts';
import { cell } from '../components/cells.ts';
import { windowAround } from '../tenant-rows.ts';
import type { TabProps } from './tab-props.ts';

export function MembersTab({ tenant, cursor, height, width }: TabProps) {
  const { start, end } = windowAround(cursor, tenant.members.length, Math.max(1, height - 2));
  const emailWidth = Math.max(20, Math.floor(width * 0.3));
  return (
    <Box flexDirection="column">
      <Text bold>{cell('EMAIL', emailWidth) + cell('NAME', 20) + cell('ROLES', 16) + cell('LAST SIGN-IN', 16) + cell('2FA', 10) + 'ACCOUNT'}</Text>
      {tenant.members.slice(start, end).map((member, offset) => (
        <Box key={member.userId} flexShrink={0}>
          <Text inverse={start + offset === cursor} wrap="truncate">
            {cell(member.email, emailWidth) +
              cell(member.name ?? '-', 20) +
              cell(member.roles.join(', ') || '(no role)', 16) +
              cell(member.lastSignInAt ? relativeTime(new Date(member.lastSignInAt)) : 'never', 16) +
              cell(member.twoFactor === 'enrolled' ? '✓ on' : member.twoFactor === 'pending' ? 'pending' : '-', 10)}
            <AccountState member={member} />
          </Text>
        </Box>
      ))}
      <Text dimColor>i invite · + grant role · - revoke role · w reset password · U unlock · T reset 2FA · x remove the member</Text>
    </Box>
  );
}

function AccountState({ member }: { member: MemberDto }) {
  if (!member.lockedUntil) return <Text color="green">ok</Text>;
  return <Text color="red">{`✗ locked (ends ${relativeTime(new Date(member.lockedUntil))})`}</Text>;
}
