import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { initialState } from '../state/initial.ts';
import { reduceConsole } from '../state/reduce.ts';
import type { ConsoleState, EffectRequest } from '../state/types.ts';
import { DialogView } from './DialogView.tsx';

const request: EffectRequest = { id: 7, phase: 'apply', action: 'migrateTenants', values: {}, target: { slug: null, selection: null } };
const busy: ConsoleState = { ...initialState(false), request, dialog: { kind: 'busy', title: 'Migrate: applying…', progress: [] } };
const progress = (state: ConsoleState, requestId: number, ...lines: string[]) =>
  lines.reduce((next, line) => reduceConsole(next, { type: 'progress', requestId, line }), state);

describe('the busy dialog of a long run', () => {
  it('adds each progress line of the request running, and ignores lines of another request', () => {
    const state = progress(busy, 7, '1/3 ✓ acme: migrated 0004_notes (12 ms)', '2/3 ✗ hooli: LOCK_TIMEOUT');
    expect(state.dialog?.kind === 'busy' ? state.dialog.progress : []).toEqual(['1/3 ✓ acme: migrated 0004_notes (12 ms)', '2/3 ✗ hooli: LOCK_TIMEOUT']);
    expect(progress(busy, 6, 'stale line').dialog).toEqual(busy.dialog);
  });

  it('shows the newest lines that fit, under the title', () => {
    const lines = Array.from({ length: 30 }, (_, index) => `${index + 1}/30 ✓ tenant-${index + 1}: migrated`);
    const state = progress(busy, 7, ...lines);
    if (state.dialog?.kind !== 'busy') throw new Error('not busy');
    const frame = render(<DialogView dialog={state.dialog} width={80} height={12} />).lastFrame() ?? '';
    expect(frame).toContain('Migrate: applying…');
    expect(frame).toContain('each line below is finished and written');
    expect(frame).toContain('30/30 ✓ tenant-30: migrated');
    expect(frame).not.toContain('1/30 ✓ tenant-1:');
    expect(frame.split('\n').length).toBeLessThanOrEqual(12);
  });
});
