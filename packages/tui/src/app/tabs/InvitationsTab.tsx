import { Box, Text } from 'ink';
import { cell } from '../components/cells.ts';
import { windowAround } from '../tenant-rows.ts';
import type { TabProps } from './tab-props.ts';

const STATE_MARKS = { pending: '… pending', accepted: '✓ accepted', revoked: '✗ revoked', expired: '✗ expired' } as const;

export function InvitationsTab({ data, cursor, height, width }: TabProps) {
  const invitations = data.invitations ?? [];
  if (data.loading && invitations.length === 0) return <Text dimColor>Loading invitations…</Text>;
  const emailWidth = Math.max(20, Math.floor(width * 0.35));
  const { start, end } = windowAround(cursor, invitations.length, Math.max(1, height - 2));
  return (
    <Box flexDirection="column">
      <Text bold>{cell('EMAIL', emailWidth) + cell('ROLE', 10) + cell('STATE', 12) + cell('EXPIRES', 12) + 'SENT'}</Text>
      {invitations.length === 0 ? <Text dimColor>No invitations: press i to invite a member.</Text> : null}
      {invitations.slice(start, end).map((invitation, offset) => (
        <Box key={invitation.id} flexShrink={0}>
          <Text inverse={start + offset === cursor} wrap="truncate">
            {cell(invitation.email, emailWidth) +
              cell(invitation.role ?? '-', 10) +
              cell(STATE_MARKS[invitation.state], 12) +
              cell(invitation.expiresAt.slice(0, 10), 12)}
            {`${invitation.sendCount}× by ${invitation.invitedBy}`}
          </Text>
        </Box>
      ))}
      <Text dimColor>i invite · r resend · x revoke the selected pending invitation</Text>
    </Box>
  );
}
