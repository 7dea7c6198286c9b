import { Box, Text } from 'ink';
import { cell } from '../components/cells.ts';
import { windowAround } from '../tenant-rows.ts';
import type { TabProps } from './tab-props.ts';

export function MembersTab({ tenant, cursor, height, width }: TabProps) {
  const { start, end } = windowAround(cursor, tenant.members.length, Math.max(1, height - 2));
  const emailWidth = Math.max(20, Math.floor(width * 0.4));
  return (
    <Box flexDirection="column">
      <Text bold>{cell('EMAIL', emailWidth) + cell('NAME', 24) + 'ROLES'}</Text>
      {tenant.members.slice(start, end).map((member, offset) => (
        <Box key={member.userId} flexShrink={0}>
          <Text inverse={start + offset === cursor} wrap="truncate">
            {cell(member.email, emailWidth) + cell(member.name ?? '-', 24) + (member.roles.join(', ') || '(no role)')}
          </Text>
        </Box>
      ))}
      <Text dimColor>i invite · + grant role · - revoke role · w reset password · x remove the member</Text>
    </Box>
  );
}
