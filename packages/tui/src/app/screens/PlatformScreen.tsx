import { Box, Text } from 'ink';
import type { ServiceTokenDto, WebhookDto } from '@tenantry/sdk';
import { fitColumns, type ColumnFit } from '../../text/fit-columns.ts';
import { plural } from '../../text/plural.ts';
import { textWidth } from '../../text/text-width.ts';
import { cell } from '../components/cells.ts';
import type { PlatformData } from '../hooks/use-platform.ts';
import { windowAround } from '../tenant-rows.ts';

interface Props {
  data: PlatformData | undefined;
  loading: boolean;
  cursor: number;
  height: number;
  width: number;
}

const WEBHOOK_HEADERS = ['TARGET', 'KIND', 'EVENTS', 'TENANT', 'STATUS', 'OK/FAILED/PENDING', 'ID'];
// The target shrinks only so far: the id (for the CLI), the counts and the tenant give way first.
const WEBHOOK_FITS: Omit<ColumnFit, 'natural'>[] = [
  { shrink: true, min: 40 },
  {},
  { shrink: true, min: 8 },
  { dropOrder: 3 },
  {},
  { dropOrder: 2 },
  { dropOrder: 1 },
];
const TOKEN_HEADERS = ['PREFIX', 'NAME', 'STATUS', 'EXPIRES', 'LAST USED'];
const TOKEN_FITS: Omit<ColumnFit, 'natural'>[] = [{}, { shrink: true, min: 8 }, {}, { dropOrder: 2 }, { dropOrder: 1 }];

/** Webhook subscriptions and service tokens: the platform's own credentials and outbound calls. */
export function PlatformScreen({ data, loading, cursor, height, width }: Props) {
  if (!data) return <Text dimColor>{loading ? 'Loading webhooks and service tokens…' : 'Nothing loaded.'}</Text>;
  const webhooks = data.webhooks.map(webhookCellsOf);
  const tokens = data.tokens.map(tokenCellsOf);
  // One cursor over both tables; two headings, two header rows and the hint line stay on screen.
  const { start, end } = windowAround(cursor, webhooks.length + tokens.length, Math.max(1, height - 5));
  const shared = { cursor, start, end, width };
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <Section
        {...shared}
        title="Webhooks"
        count={plural(webhooks.length, 'subscription')}
        empty="No webhooks: press a to subscribe a URL to events."
        headers={WEBHOOK_HEADERS}
        fits={WEBHOOK_FITS}
        rows={webhooks}
        first={0}
      />
      <Section
        {...shared}
        title="Service tokens"
        count={plural(tokens.length, 'token')}
        empty="No service tokens: press c to create one."
        headers={TOKEN_HEADERS}
        fits={TOKEN_FITS}
        rows={tokens}
        first={webhooks.length}
      />
      <Text dimColor wrap="truncate">
        a add a webhook · e enable the selected webhook · c create a token · x remove the webhook or revoke the token
      </Text>
    </Box>
  );
}

interface SectionProps {
  title: string;
  count: string;
  empty: string;
  headers: string[];
  fits: Omit<ColumnFit, 'natural'>[];
  rows: string[][];
  /** The cursor index of this table's first row. */
  first: number;
  cursor: number;
  /** The window of cursor indexes on screen. */
  start: number;
  end: number;
  width: number;
}

function Section({ title, count, empty, headers, fits, rows, first, cursor, start, end, width }: SectionProps) {
  const columns = widths(headers, rows, fits, width);
  const line = (cells: string[]) => columns.map((column, index) => (column === null ? '' : cell(cells[index] ?? '', column + 2))).join('');
  const shown = rows.map((cells, offset) => ({ cells, index: first + offset })).filter(({ index }) => index >= start && index < end);
  return (
    <>
      <Text bold>
        {title} <Text dimColor>({count})</Text>
      </Text>
      {rows.length === 0 ? (
        <Text dimColor>{empty}</Text>
      ) : (
        <Text bold wrap="truncate">
          {line(headers)}
        </Text>
      )}
      {shown.map(({ cells, index }) => (
        <Text key={index} inverse={index === cursor} wrap="truncate">
          {line(cells)}
        </Text>
      ))}
    </>
  );
}

function webhookCellsOf(webhook: WebhookDto): string[] {
  const { delivered, failed, pending } = webhook.deliveries;
  const status = webhook.status === 'disabled' ? `✗ disabled${webhook.disabledReason ? `: ${webhook.disabledReason}` : ''}` : '✓ enabled';
  return [webhook.target, webhook.kind, webhook.events, webhook.tenant?.slug ?? 'all', status, `${delivered}/${failed}/${pending}`, webhook.id];
}

function tokenCellsOf(token: ServiceTokenDto): string[] {
  return [token.prefix, token.name, token.status, token.expiresAt?.slice(0, 10) ?? 'never', token.lastUsedAt?.slice(0, 10) ?? '-'];
}

function widths(headers: string[], rows: string[][], fits: Omit<ColumnFit, 'natural'>[], width: number): (number | null)[] {
  const columns = headers.map((header, index) => ({ ...fits[index], natural: Math.max(textWidth(header), ...rows.map((row) => textWidth(row[index] ?? ''))) }));
  // Each cell is drawn 2 wider than its column, the last one too: fitColumns counts gaps only between columns.
  return fitColumns(columns, width - 2, 2);
}
