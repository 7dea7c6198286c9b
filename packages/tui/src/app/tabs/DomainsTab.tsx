import { Box, Text } from 'ink';
import { cell } from '../components/cells.ts';
import { windowAround } from '../tenant-rows.ts';
import type { TabProps } from './tab-props.ts';

export function DomainsTab({ data, cursor, height, width }: TabProps) {
  const domains = data.domains ?? [];
  if (data.loading && domains.length === 0) return <Text dimColor>Loading domains…</Text>;
  // Three lines below the list hold the selected domain's TXT record in full: the operator copies it, so it is never cut.
  const { start, end } = windowAround(cursor, domains.length, Math.max(1, height - 5));
  const selected = domains[cursor];
  const hostWidth = Math.max(24, Math.floor(width * 0.4));
  return (
    <Box flexDirection="column">
      <Text bold>{'  ' + cell('HOSTNAME', hostWidth) + cell('KIND', 11) + 'VERIFICATION'}</Text>
      {domains.length === 0 ? <Text dimColor>No domains: press a to add one.</Text> : null}
      {domains.slice(start, end).map((domain, offset) => (
        <Box key={domain.id} flexShrink={0}>
          <Text inverse={start + offset === cursor} wrap="truncate">
            {(domain.isPrimary ? '★ ' : '  ') + cell(domain.displayHostname, hostWidth) + cell(domain.kind, 11)}
            {domain.verified ? '✓ verified' : '✗ unverified: publish the TXT record below'}
          </Text>
        </Box>
      ))}
      {selected && !selected.verified && selected.verification ? (
        <Box flexDirection="column" flexShrink={0} marginTop={1}>
          <Text>{`TXT name:  ${selected.verification.recordName}`}</Text>
          <Text>{`TXT value: ${selected.verification.recordValue}`}</Text>
        </Box>
      ) : null}
      <Text dimColor>a add · v verify · * make primary · x remove the selected domain</Text>
    </Box>
  );
}
