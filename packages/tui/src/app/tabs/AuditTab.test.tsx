import { Box } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { AuditEventDto, TenantDetailsDto } from '@tenantry/sdk';
import { textWidth } from '../../text/text-width.ts';
import { AuditTab } from './AuditTab.tsx';

const MEMBER_ID = '01a24179-6b6f-798a-8ea2-d995915e6651';
const INVITATION_ID = '01a24179-6f8a-7d25-aedf-ab5c7163b835';

const audit = (id: string, action: string, targetType: string, targetId: string | null, after: Record<string, unknown> | null): AuditEventDto => ({
  id,
  occurredAt: '2026-12-08T22:49:10.000Z',
  correlationId: 'c-1',
  actor: { type: 'operator', id: null, label: 'ops@control-room.example.com' },
  face: 'console',
  action,
  tenantId: 't-1',
  tenantSlug: 'acme-corp',
  targetType,
  targetId,
  before: null,
  after,
});

const events = [
  audit('4', 'domain.primary_changed', 'domain', '01a24179-746f-79ad-ba66-98df3f94fb70', { hostname: 'app.acme.com', isPrimary: true }),
  audit('3', 'invitation.sent', 'invitation', INVITATION_ID, { email: 'ana@acme.com', role: 'analyst' }),
  audit('2', 'role.granted', 'user', MEMBER_ID, { role: 'owner' }),
  audit('1', 'tenant.data_space_created', 'data_space', 'tenant_acme_corp', { schema: 'tenant_acme_corp' }),
];

const linesAt = (width: number) => {
  const { lastFrame, unmount } = render(
    <Box width={width}>
      <AuditTab tenant={{} as TenantDetailsDto} data={{ loading: false, audit: events }} cursor={0} height={10} width={width} />
    </Box>,
  );
  const lines = (lastFrame() ?? '').split('\n');
  unmount();
  return lines;
};

describe('AuditTab', () => {
  it.each([80, 120])('at %i columns never cuts an action or a target, and fits the width', (width) => {
    const lines = linesAt(width);
    expect(lines.every((line) => textWidth(line) <= width)).toBe(true);
    for (const event of events) {
      const row = lines.find((line) => line.includes(event.action));
      expect(row, event.action).toContain(`${event.action}  `);
      expect(row).toContain(`${event.targetType} ${event.targetId}`);
    }
  });

  it('gives the room that is left to the time, the actor and what changed', () => {
    expect(linesAt(80)[0]).toMatch(/^ACTION +TARGET$/);
    const wide = linesAt(120);
    expect(wide[0]).toMatch(/^WHEN \(UTC\) +ACTOR +ACTION +TARGET$/);
    expect(wide[3]).toBe(`2026-12-08 22:49:10  ops@control-room.examp…  role.granted               user ${MEMBER_ID}`);
    const widest = linesAt(160);
    expect(widest[0]).toMatch(/^WHEN \(UTC\) +ACTOR +ACTION +TARGET +DETAILS$/);
    expect(widest[2]).toMatch(/invitation\.sent +invitation \S+ +email ana@acme\.com · role analyst$/);
  });
});
