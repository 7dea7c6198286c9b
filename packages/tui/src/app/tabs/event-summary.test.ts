import { describe, expect, it } from 'vitest';
import { eventSummary } from './event-summary.ts';

const data = (
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  target: { type: string; id: string | null } = { type: 'tenant', id: 't-1' },
) => ({
  auditAction: 'test.action',
  target,
  before,
  after,
});

describe('eventSummary', () => {
  it('puts changed fields first, then new ones, then cleared ones, then what identified the thing', () => {
    expect(eventSummary(data({ status: 'active' }, { status: 'suspended', reason: 'billing' }))).toBe('status active → suspended · reason billing');
    expect(eventSummary(data({ status: 'suspended', reason: 'billing' }, { reason: null, status: 'active' }))).toBe(
      'status suspended → active · reason billing → -',
    );
    expect(eventSummary(data({ prefix: 'tnt_ab12', name: 'Deploy bot', status: 'active' }, { status: 'revoked' }))).toBe(
      'status active → revoked · prefix tnt_ab12 · name Deploy bot',
    );
  });

  it('leaves out what did not change, flattens one level, joins lists and shortens timestamps', () => {
    expect(
      eventSummary(
        data(
          { plan: 'basic', limits: { maxUsers: 10, maxDomains: 3 } },
          { plan: 'professional', limits: { maxUsers: 50, maxDomains: 3 }, roles: ['owner', 'viewer'], trialEndsAt: '2026-12-08T22:49:10.000Z' },
        ),
      ),
    ).toBe('plan basic → professional · limits.maxUsers 10 → 50 · roles owner, viewer · trialEndsAt 2026-12-08 22:49');
    expect(eventSummary(data(null, { deep: { inner: { away: true } }, rows: [{ id: 1 }], on: false }))).toBe('on false');
  });

  it('names the target when the event carries no sides', () => {
    expect(eventSummary(data(null, null, { type: 'domain', id: 'd-9' }))).toBe('domain d-9');
    expect(eventSummary(data({}, {}, { type: 'tenant', id: null }))).toBe('tenant');
  });
});
