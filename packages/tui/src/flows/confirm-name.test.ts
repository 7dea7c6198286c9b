import { describe, expect, it } from 'vitest';
import { TenantryError } from '@tenantry/sdk';
import { confirmByName } from './confirm-name.ts';
import { promptTerminal } from './testing/prompt-terminal.ts';

const steps = [{ action: 'mark-pending-deletion', description: 'Mark acme-corp pending deletion' }];

describe('confirmByName', () => {
  it('shows the plan and accepts only the exact name, validated as typed', async () => {
    const term = promptTerminal();
    const answer = confirmByName({ io: term, title: 'Delete tenant acme-corp', steps, name: 'Acme Corp' });
    await term.when("Type the tenant's name to confirm (Acme Corp)", 'acme corp\r');
    await term.when('not the exact name', '\u0015Acme Corp\r');
    expect(await answer).toBe('Acme Corp');
    expect(term.plain()).toContain('1. Mark acme-corp pending deletion');
  });

  it('cancels on Ctrl-C', async () => {
    const term = promptTerminal();
    const answer = confirmByName({ io: term, title: 'Purge', steps, name: 'Acme Corp' });
    await term.when('Type the tenant', '\u0003');
    await expect(answer).rejects.toBeInstanceOf(TenantryError);
    await expect(answer).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
