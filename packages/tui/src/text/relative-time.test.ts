import { describe, expect, it } from 'vitest';
import { localTimestamp, relativeTime } from './relative-time.ts';

const now = new Date('2026-12-01T21:49:25.832Z');

describe('relativeTime', () => {
  it.each([
    ['2026-12-08T21:49:25.832Z', 'in 7 days'],
    ['2026-12-02T21:49:25.832Z', 'tomorrow'],
    ['2026-12-01T18:49:25.832Z', '3 hours ago'],
    ['2026-12-01T21:49:55.832Z', 'in 30 seconds'],
    ['2027-02-01T21:49:25.832Z', 'in 2 months'],
  ])('%s → %s', (at, text) => {
    expect(relativeTime(new Date(at), now)).toBe(text);
  });
});

describe('localTimestamp', () => {
  it('shows the time in the given zone, with its name', () => {
    expect(localTimestamp(new Date('2026-12-08T21:49:25.832Z'), 'UTC')).toBe('2026-12-08 21:49 UTC');
    expect(localTimestamp(new Date('2026-12-08T21:49:25.832Z'), 'America/New_York')).toBe('2026-12-08 16:49 EST');
  });
});
