import { Box, Text } from 'ink';
import type { DoctorReportDto, FindingDto } from '@tenantry/sdk';
import { cell } from '../components/cells.ts';
import type { Selection } from '../state/types.ts';
import { windowAround } from '../tenant-rows.ts';
import { plural } from '../../text/plural.ts';

interface Props {
  report: DoctorReportDto | undefined;
  rows: readonly Selection[];
  loading: boolean;
  cursor: number;
  height: number;
  width: number;
}

const HEADINGS = { error: '✗ Errors', warn: '! Warnings', info: '· Info' } as const;
const COLORS = { error: 'red', warn: 'yellow', info: 'gray' } as const;

/** Findings grouped by severity; enter on one shows its repair plan. */
export function DoctorScreen({ report, rows, loading, cursor, height, width }: Props) {
  if (!report) return <Text dimColor>{loading ? 'Running the checks…' : 'No report.'}</Text>;
  if (rows.length === 0) return <Text color="green">✓ healthy: {report.checks} checks found nothing wrong.</Text>;
  const { start, end } = windowAround(cursor, rows.length, Math.max(1, height - 3));
  const codeWidth = 28;
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <Box flexShrink={0}>
        <Text bold>Doctor</Text>
        <Text dimColor>
          {' '}
          {plural(report.summary.error, 'error')} · {plural(report.summary.warn, 'warning')} · {report.summary.info} info · checked{' '}
          {report.checkedAt.slice(11, 19)}
        </Text>
      </Box>
      {rows.slice(start, end).map((row, offset) => {
        const index = start + offset;
        const finding = row.facts?.finding as FindingDto;
        const previous = index > 0 ? (rows[index - 1]?.facts?.finding as FindingDto | undefined) : undefined;
        const heading = previous?.severity !== finding.severity || offset === 0;
        return (
          <Box key={row.id} flexDirection="column" flexShrink={0}>
            {heading ? <Text color={COLORS[finding.severity]}>{HEADINGS[finding.severity]}</Text> : null}
            <Text inverse={index === cursor} wrap="truncate">
              {'  ' +
                cell(finding.code, codeWidth) +
                cell(finding.tenant?.slug ?? finding.subject ?? 'database', 22) +
                cell(finding.repairable ? 'repair' : 'manual', 8)}
              {finding.message}
            </Text>
          </Box>
        );
      })}
      <Box flexShrink={0} width={width}>
        <Text dimColor wrap="truncate">
          {(rows[cursor]?.facts?.finding as FindingDto | undefined)?.remediation ?? ''}
        </Text>
      </Box>
    </Box>
  );
}
