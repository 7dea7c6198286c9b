import { useMemo } from 'react';
import { Box, Text } from 'ink';
import { windowAround } from '../tenant-rows.ts';
import { AUDIT_HEADERS, auditCells, auditLayout, auditLine } from './audit-columns.ts';
import type { TabProps } from './tab-props.ts';

/** The tenant's audit trail, newest first: when, who, what, on what, and what changed. */
export function AuditTab({ data, cursor, height, width }: TabProps) {
  const events = data.audit ?? [];
  const { widths, stampLength } = useMemo(() => auditLayout(data.audit ?? [], width), [data.audit, width]);
  if (data.loading && events.length === 0) return <Text dimColor>Loading the audit trail…</Text>;
  if (events.length === 0) return <Text dimColor>No audit events.</Text>;
  const { start, end } = windowAround(cursor, events.length, Math.max(1, height - 1));
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate">
        {auditLine(AUDIT_HEADERS, widths)}
      </Text>
      {events.slice(start, end).map((event, offset) => (
        <Box key={event.id} flexShrink={0}>
          <Text inverse={start + offset === cursor} wrap="truncate">
            {auditLine(auditCells(event, stampLength), widths)}
          </Text>
        </Box>
      ))}
    </Box>
  );
}
