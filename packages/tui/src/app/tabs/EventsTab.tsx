import { Box, Text } from 'ink';
import { cell } from '../components/cells.ts';
import { LoadError } from '../components/LoadError.tsx';
import { windowAround } from '../tenant-rows.ts';
import { textWidth } from '../../text/text-width.ts';
import { eventSummary } from './event-summary.ts';
import type { TabProps } from './tab-props.ts';

/** The tenant's most recent lifecycle events, newest first: when, what type, who, and what changed. */
export function EventsTab({ data, cursor, height, width }: TabProps) {
  const events = data.events ?? [];
  if (data.error && !data.loading) return <LoadError what="the events" error={data.error} />;
  if (data.loading && events.length === 0) return <Text dimColor>Loading the events…</Text>;
  if (events.length === 0) return <Text dimColor>No events yet.</Text>;
  const { start, end } = windowAround(cursor, events.length, Math.max(1, height - 1));
  // Seconds only where there is room: at 80 columns the summary needs the space more.
  const stampLength = width >= 100 ? 19 : 16;
  const timeWidth = stampLength + 2;
  // Type and actor columns only as wide as their longest value, so the change gets what is left.
  const typeWidth = widest(events.map((event) => event.type));
  const actorWidth = Math.min(widest(events.map((event) => event.actor.label)), Math.max(12, Math.min(30, Math.floor(width * 0.2))));
  return (
    <Box flexDirection="column">
      <Text bold>{cell('WHEN (UTC)', timeWidth) + cell('TYPE', typeWidth) + cell('ACTOR', actorWidth) + 'CHANGE'}</Text>
      {events.slice(start, end).map((event, offset) => (
        <Box key={event.id} flexShrink={0}>
          <Text inverse={start + offset === cursor} wrap="truncate">
            {cell(event.occurredAt.slice(0, stampLength).replace('T', ' '), timeWidth) + cell(event.type, typeWidth) + cell(event.actor.label, actorWidth)}
            {eventSummary(event.data)}
          </Text>
        </Box>
      ))}
      <Text dimColor>r replay the selected event to the webhooks</Text>
    </Box>
  );
}

const widest = (texts: string[]) => Math.max(5, ...texts.map(textWidth)) + 2;
