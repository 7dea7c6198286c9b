import { Box } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { TenantryError, type EventDto, type TenantDetailsDto } from '@tenantry/sdk';
import { textWidth } from '../../text/text-width.ts';
import { EventsTab } from './EventsTab.tsx';
import type { TabData } from './tab-data.ts';

const event = (id: string, type: EventDto['type'], after: Record<string, unknown>): EventDto => ({
  id,
  eventId: `0190-${id}`,
  type,
  occurredAt: '2026-12-08T22:49:10.000Z',
  tenant: { id: 't-1', slug: 'acme-corp' },
  actor: { type: 'operator', id: null, label: 'ops@control-room.example.com' },
  correlationId: 'c-1',
  data: { auditAction: type, target: { type: 'tenant', id: 't-1' }, before: { status: 'active' }, after },
});

const frameOf = (data: TabData, width = 80) => {
  const { lastFrame, unmount } = render(
    <Box width={width}>
      <EventsTab tenant={{} as TenantDetailsDto} data={data} cursor={0} height={10} width={width} />
    </Box>,
  );
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
};

describe('EventsTab', () => {
  it('says when it is loading, when there are none, and why it could not load them', () => {
    expect(frameOf({ loading: true })).toContain('Loading the events…');
    expect(frameOf({ loading: false, events: [] })).toContain('No events yet.');
    const failed = frameOf({ loading: false, error: TenantryError.forbidden('audit.list', 'viewer@acme.test may not') });
    expect(failed).toMatch(/✗ Could not load the events: Forbidden: viewer@acme\.test may not\. \(FORBIDDEN\)\n\S/);
  });

  it('fits 80 columns with minutes, and shows seconds and more of the change where there is room', () => {
    const events = [event('2', 'tenant.suspended', { status: 'suspended', reason: 'billing' }), event('1', 'tenant.created', { name: 'Acme' })];
    const narrow = frameOf({ loading: false, events }).split('\n');
    expect(narrow.every((line) => textWidth(line) <= 80)).toBe(true);
    expect(narrow[1]).toBe('2026-12-08 22:49  tenant.suspended  ops@control-ro… status active → suspended ·…');
    expect(frameOf({ loading: false, events }, 120).split('\n')[1]).toBe(
      '2026-12-08 22:49:10  tenant.suspended  ops@control-room.examp… status active → suspended · reason billing',
    );
  });
});
