import { useEffect } from 'react';
import { isTenantryError, type TenantryClient } from '@tenantry/sdk';
import { RUNNERS } from '../actions/runners.ts';
import type { ConsoleEvent } from '../state/reduce.ts';
import type { EffectRequest } from '../state/types.ts';
import type { WizardState } from '../state/wizard.ts';

/** Runs the plan or the application the reducer asked for, and reports back; errors become a banner. */
export function useEffectRunner(client: TenantryClient, request: EffectRequest | null, wizard: WizardState, dispatch: (events: ConsoleEvent[]) => void): void {
  useEffect(() => {
    if (!request) return;
    const runner = RUNNERS[request.action];
    const progress = (line: string) => dispatch([{ type: 'progress', requestId: request.id, line }]);
    const context = { client, request, wizard, progress };
    const run = async (): Promise<ConsoleEvent> => {
      if (request.phase === 'plan') {
        const plan = await runner.plan(context);
        return { type: 'planned', requestId: request.id, ...plan };
      }
      try {
        return { type: 'applied', requestId: request.id, ...(await runner.apply(context)) };
      } catch (error) {
        // The state changed since the plan was shown: nothing was written; show the plan as it is now.
        if (!isTenantryError(error) || error.code !== 'PLAN_STALE') throw error;
        return { type: 'planned', requestId: request.id, ...(await runner.plan({ ...context, request: { ...request, phase: 'plan' } })), stale: true };
      }
    };
    run().then(
      (event) => dispatch([event]),
      (error: unknown) => dispatch([{ type: 'failed', requestId: request.id, notice: toNotice(error) }]),
    );
    // The wizard is read when the request starts; it cannot change while a request runs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, request, dispatch]);
}

function toNotice(error: unknown): Extract<ConsoleEvent, { type: 'failed' }>['notice'] {
  if (isTenantryError(error)) return { kind: 'error', text: error.message, code: error.code, ...(error.hint ? { hint: error.hint } : {}) };
  return { kind: 'error', text: error instanceof Error ? error.message : String(error), code: 'INTERNAL' };
}
