import { Box, Text } from 'ink';
import { cell } from '../components/cells.ts';
import { windowAround } from '../tenant-rows.ts';
import type { TabProps } from './tab-props.ts';

/** The tenant's audit trail, newest first: when, who, what, on what. */
export function AuditTab({ data, cursor, height, width }: TabProps) {
  const events = data.audit ?? [];
  if (data.loading && events.length === 0) return <Text dimColor>Loading the audit trail…</Text>;
  if (events.length === 0) return <Text dimColor>No audit events.</Text>;
  const { start, end } = windowAround(cursor, events.length, Math.max(1, height - 1));
  const actionWidth = 24;
  const actorWidth = Math.max(16, Math.min(30, Math.floor(width * 0.25)));
  return (
    <Box flexDirection="column">
      <Text bold>{cell('WHEN (UTC)', 21) + cell('ACTOR', actorWidth) + cell('ACTION', actionWidth) + 'TARGET'}</Text>
      {events.slice(start, end).map((event, offset) => (
        <Box key={event.id} flexShrink={0}>
          <Text inverse={start + offset === cursor} wrap="truncate">
            {cell(event.occurredAt.slice(0, 19).replace('T', ' '), 21) + cell(event.actor.label, actorWidth) + cell(event.action, actionWidth)}
            {`${event.targetType}${event.targetId ? ` ${event.targetId}` : ''}`}
          </Text>
        </Box>
      ))}
    </Box>
  );
}
